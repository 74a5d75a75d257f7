import GRDB
import GRDBSQLite

/// A statement prepared by GRDB and then stepped, read and bound through SQLite's C API, for the
/// store's two loops over millions of rows: inserting posts and reading a slice's posts.
///
/// GRDB opens, migrates and runs every other statement. Through GRDB's `Row` and
/// `StatementArguments` those two loops cost more than SQLite's own work (BENCHMARKS.md, "The
/// store"): reading a month of a 9.4M-post store spent 51 % of its time in the post loop, a third of
/// it in one `Data` and one `Row` access per text column; an ingest of a million posts built an
/// array of `DatabaseValue`s and a `String` per text value per row. Here text is read as SQLite's
/// bytes (interned without a `String`) and bound from bytes, copied by SQLite or, for bytes that
/// outlive the statement's use (``bind(_:unsafeText:)``), not.
struct RawStatement {
    let statement: Statement
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection?

    /// Prepares `sql`; `arguments`, when given, are bound at once (a statement to step), else
    /// parameters are bound per row with `bind` (a statement to execute).
    init(_ db: Database, sql: String, arguments: StatementArguments? = nil) throws {
        statement = try db.makeStatement(sql: sql)
        if let arguments { try statement.setArguments(arguments) }
        handle = statement.sqliteStatement
        connection = db.sqliteConnection
    }

    /// Steps through every row, calling `body` with each; the statement is reset afterwards.
    func forEachRow(_ body: (RawRow) throws -> Void) throws {
        defer { sqlite3_reset(handle) }
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else { throw error(code) }
            try body(RawRow(handle: handle))
        }
    }

    /// Runs the statement once with the values bound so far, then resets it for the next row.
    /// - Returns: the number of rows it changed.
    func execute() throws -> Int {
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE || code == SQLITE_ROW else { throw error(code) }
        return Int(sqlite3_changes(connection))
    }

    private func error(_ code: CInt) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)), sql: statement.sql)
    }

    /// Binds UTF-8 text to parameter `position` (1-based); `nil` binds NULL.
    func bind(_ position: CInt, text bytes: UnsafeBufferPointer<UInt8>?) {
        guard let bytes else {
            sqlite3_bind_null(handle, position)
            return
        }
        // An empty buffer may have no address, which SQLite would read as NULL.
        guard let base = UnsafeRawPointer(bytes.baseAddress), !bytes.isEmpty else {
            sqlite3_bind_text(handle, position, "", 0, Self.transient)
            return
        }
        sqlite3_bind_text(handle, position, base.assumingMemoryBound(to: CChar.self), CInt(bytes.count), Self.transient)
    }

    /// Binds UTF-8 text to parameter `position` without SQLite copying it: the bytes must stay
    /// valid until the statement has run and ``clearBindings()`` was called.
    func bind(_ position: CInt, unsafeText bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = UnsafeRawPointer(bytes.baseAddress), !bytes.isEmpty else {
            sqlite3_bind_text(handle, position, "", 0, Self.transient)
            return
        }
        sqlite3_bind_text(handle, position, base.assumingMemoryBound(to: CChar.self), CInt(bytes.count), nil)
    }

    /// Sets every parameter back to NULL, so no bytes bound without a copy stay referenced.
    func clearBindings() {
        sqlite3_clear_bindings(handle)
    }

    /// Binds `text` to parameter `position`; `nil` binds NULL.
    func bind(_ position: CInt, text: String?) {
        guard var text else {
            sqlite3_bind_null(handle, position)
            return
        }
        text.withUTF8 { bind(position, text: $0) }
    }

    /// Binds an integer; `nil` binds NULL.
    func bind(_ position: CInt, integer: Int?) {
        if let integer { sqlite3_bind_int64(handle, position, Int64(integer)) } else { sqlite3_bind_null(handle, position) }
    }

    /// Binds a real; `nil` binds NULL.
    func bind(_ position: CInt, real: Double?) {
        if let real { sqlite3_bind_double(handle, position, real) } else { sqlite3_bind_null(handle, position) }
    }

    /// SQLite's `SQLITE_TRANSIENT`: copy the bytes before `sqlite3_bind_text` returns.
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
}

/// The current row of a ``RawStatement``: valid only inside the `forEachRow` call that gave it.
struct RawRow {
    fileprivate let handle: SQLiteStatement

    func isNull(_ column: CInt) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }

    /// The column's text as SQLite's bytes (valid until the next step), `nil` for NULL.
    func withText<Result>(_ column: CInt, _ body: (UnsafeBufferPointer<UInt8>?) throws -> Result) rethrows -> Result {
        // `sqlite3_column_text` before `sqlite3_column_bytes`, the order SQLite documents as safe.
        guard let text = sqlite3_column_text(handle, column) else {
            return try body(isNull(column) ? nil : UnsafeBufferPointer(start: nil, count: 0))
        }
        return try body(UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
    }

    func string(_ column: CInt) -> String? {
        withText(column) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    func integer(_ column: CInt) -> Int? { isNull(column) ? nil : Int(sqlite3_column_int64(handle, column)) }

    func real(_ column: CInt) -> Double? { isNull(column) ? nil : sqlite3_column_double(handle, column) }

    /// The value of a `NOT NULL` column as a real.
    func double(_ column: CInt) -> Double { sqlite3_column_double(handle, column) }

    /// The value of a `NOT NULL` column as an integer.
    func int64(_ column: CInt) -> Int64 { sqlite3_column_int64(handle, column) }
}

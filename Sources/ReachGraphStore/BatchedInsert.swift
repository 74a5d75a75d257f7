import GRDB
import GRDBSQLite

/// Inserts rows through `INSERT … VALUES (…), (…), …` statements of ``rowsPerStatement`` rows
/// each (fewer when SQLite's limit on parameters is lower: 999 before SQLite 3.32), and one shorter
/// statement for the rest, so SQLite starts, runs and resets one statement per hundred rows
/// instead of one per row.
///
/// Measured on the 2.5M posts of the IRA-sized benchmark (docs/store.md, BENCHMARKS.md): one row
/// per statement spent about as long in SQLite's per-statement work (binding, `sqlite3_step`'s
/// start and halt, `sqlite3_reset`) as in inserting the rows; a hundred rows per statement
/// inserted the same rows in about half the time, and more rows per statement gained little.
/// Rows are inserted in order, and `ON CONFLICT DO NOTHING` skips a row that conflicts with an
/// earlier row of the same statement as it skips one already stored. A parameter never bound is
/// NULL, so a column every row leaves NULL need not be bound at all; but a statement serves many
/// batches, so a column bound for one row must be bound for every row (NULL explicitly), or the
/// previous batch's value would stay in its place.
struct BatchedInsert {
    static let rowsPerStatement = 100

    /// Inserts `rowCount` rows of `columns` values each with `head` and returns the number of rows
    /// SQLite changed. `head` is the statement up to `VALUES`, `tail` what follows the rows (an
    /// `ON CONFLICT` clause, or `""`). `bind(statement, row, first)` binds row `row`'s values to
    /// parameters `first`, `first + 1`, … in column order; rows are bound in order. Bindings are
    /// cleared before it returns, so bytes bound without a copy need only outlive the call.
    static func run(
        _ db: Database, head: String, columns: Int, tail: String, rowCount: Int,
        bind: (_ statement: RawStatement, _ row: Int, _ firstParameter: CInt) throws -> Void
    ) throws -> Int {
        guard rowCount > 0 else { return 0 }
        func statement(rows: Int) throws -> RawStatement {
            let tuple = "(" + Array(repeating: "?", count: columns).joined(separator: ", ") + ")"
            return try RawStatement(db, sql: head + " VALUES " + Array(repeating: tuple, count: rows).joined(separator: ", ") + " " + tail)
        }
        let parameterLimit = Int(sqlite3_limit(db.sqliteConnection, SQLITE_LIMIT_VARIABLE_NUMBER, -1))
        let rowsPerStatement = max(1, min(Self.rowsPerStatement, parameterLimit / columns))
        var changed = 0
        var row = 0
        let full = rowCount / rowsPerStatement
        if full > 0 {
            let batch = try statement(rows: rowsPerStatement)
            defer { batch.clearBindings() }
            for _ in 0 ..< full {
                for slot in 0 ..< rowsPerStatement {
                    try bind(batch, row, CInt(slot * columns + 1))
                    row += 1
                }
                changed += try batch.execute()
            }
        }
        if row < rowCount {
            let rest = try statement(rows: rowCount - row)
            defer { rest.clearBindings() }
            for slot in 0 ..< rowCount - row { try bind(rest, row + slot, CInt(slot * columns + 1)) }
            changed += try rest.execute()
        }
        return changed
    }
}

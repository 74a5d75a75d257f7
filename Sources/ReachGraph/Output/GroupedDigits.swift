/// `value` with a comma every three digits (`4012` → `4,012`), as captions and messages show counts.
/// Not locale-dependent, so captions read the same on every machine.
public func groupedDigits(_ value: Int) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (offset, digit) in digits.enumerated() {
        if offset > 0 && (digits.count - offset) % 3 == 0 { result.append(",") }
        result.append(digit)
    }
    return value < 0 ? "-" + result : result
}

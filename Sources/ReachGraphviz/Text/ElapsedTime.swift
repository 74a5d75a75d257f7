/// Seconds after an event as a caption or node label shows them, to the two largest units:
/// `+45 s`, `+12 min`, `+2 h 15 min`, `+3 d 4 h`. Rounded down (a repost 59 s in is `+59 s`,
/// not `+1 min`); negative or non-finite values show as `+0 s`.
func elapsedText(_ seconds: Double) -> String {
    let total = seconds.isFinite && seconds > 0 ? Int(seconds.rounded(.down)) : 0
    let days = total / 86_400, hours = total % 86_400 / 3_600, minutes = total % 3_600 / 60
    if days > 0 { return hours > 0 ? "+\(days) d \(hours) h" : "+\(days) d" }
    if hours > 0 { return minutes > 0 ? "+\(hours) h \(minutes) min" : "+\(hours) h" }
    if minutes > 0 { return "+\(minutes) min" }
    return "+\(total) s"
}

/// `share` (0…1) as a whole percentage, `<1%` for small non-zero shares.
func percentText(_ share: Double) -> String {
    guard share.isFinite, share > 0 else { return "0%" }
    let percent = Int((share * 100).rounded())
    return percent == 0 ? "<1%" : "\(percent)%"
}

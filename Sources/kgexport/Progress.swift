#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Seconds on a monotonic clock, for timings and progress.
enum MonotonicClock {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Progress on standard error for long runs: nothing for the first two seconds, nothing at all
/// when standard error is not a terminal (logs and pipes stay clean), then one line rewritten
/// a few times a second with what is done and the rate. ``finish()`` clears the line.
final class Progress {
    private let label: String
    private let unit: String
    private let enabled: Bool
    private let started = MonotonicClock.now()
    private var lastShown = 0.0
    private var shown = false

    /// Runs shorter than this show no progress.
    static let delay = 2.0

    /// - Parameters:
    ///   - label: what is going on (`reading in.nt`).
    ///   - unit: what `done` counts (`triples`).
    init(label: String, unit: String) {
        self.label = label
        self.unit = unit
        self.enabled = isatty(2) != 0
    }

    /// Reports `done` items and `bytes` bytes so far, out of `totalBytes` when known. Cheap
    /// enough to call every few thousand items.
    func update(done: Int, bytes: Int, totalBytes: Int? = nil) {
        guard enabled else { return }
        let now = MonotonicClock.now()
        let elapsed = now - started
        guard elapsed >= Self.delay, now - lastShown >= 0.25 else { return }
        lastShown = now
        var text = "\(label): "
        if done > 0 { text += "\(Self.count(done)) \(unit), " }
        text += Self.megabytes(bytes)
        if let totalBytes, totalBytes > 0 {
            text += " of \(Self.megabytes(totalBytes)) (\(min(100, bytes * 100 / totalBytes))%)"
        }
        if done > 0 {
            text += ", \(Self.count(Int(Double(done) / elapsed))) \(unit)/s"
        } else {
            text += ", \(Self.megabytes(Int(Double(bytes) / elapsed)))/s"
        }
        FileHandleOutput.standardErrorRaw("\r\u{1B}[K" + text)
        shown = true
    }

    /// Clears the progress line, if one was shown.
    func finish() {
        guard shown else { return }
        FileHandleOutput.standardErrorRaw("\r\u{1B}[K")
        shown = false
    }

    static func count(_ value: Int) -> String {
        if value >= 1_000_000 { return decimal(Double(value) / 1e6) + "M" }
        if value >= 10_000 { return decimal(Double(value) / 1e3) + "k" }
        return String(value)
    }

    static func megabytes(_ bytes: Int) -> String {
        decimal(Double(bytes) / 1e6) + " MB"
    }

    /// One decimal, without Foundation.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

/// `read=SECONDS write=SECONDS` on standard error for `--timings`.
struct PhaseTimings {
    private(set) var phases: [(name: String, seconds: Double)] = []
    private var started = MonotonicClock.now()

    /// Ends the current phase under `name` and starts the next.
    mutating func lap(_ name: String) {
        let now = MonotonicClock.now()
        phases.append((name, now - started))
        started = now
    }

    /// `read=1.234 write=0.567`.
    var line: String {
        phases.map { "\($0.name)=\(Self.seconds($0.seconds))" }.joined(separator: " ")
    }

    static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

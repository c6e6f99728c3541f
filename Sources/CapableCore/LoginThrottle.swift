import Foundation

/// Back-off after failed sign-ins (ASVS 6.1.1, 6.3.1). Counted separately per account and per
/// client address. The delay doubles with each failure past a free allowance and is capped,
/// so a guesser is slowed to a crawl but nobody can lock a colleague out for good.
public struct LoginThrottle: Sendable, Equatable {
    /// Failures allowed before any delay.
    public var freeFailures: Int
    /// The first delay, in seconds.
    public var baseDelay: TimeInterval
    /// The longest delay, in seconds.
    public var maximumDelay: TimeInterval
    /// Failures older than this are forgotten.
    public var window: TimeInterval

    public static let perAccount = LoginThrottle(freeFailures: 5, baseDelay: 30, maximumDelay: 15 * 60, window: 60 * 60)
    public static let perAddress = LoginThrottle(freeFailures: 20, baseDelay: 30, maximumDelay: 15 * 60, window: 60 * 60)

    public init(freeFailures: Int, baseDelay: TimeInterval, maximumDelay: TimeInterval, window: TimeInterval) {
        self.freeFailures = freeFailures
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.window = window
    }

    /// The recorded state for one key.
    public struct State: Sendable, Equatable {
        public var failures: Int
        public var lastFailure: Date
        public init(failures: Int, lastFailure: Date) {
            self.failures = failures
            self.lastFailure = lastFailure
        }
    }

    /// The delay that follows `failures` consecutive failures.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > freeFailures else { return 0 }
        let exponent = min(failures - freeFailures - 1, 30)
        return min(baseDelay * pow(2, Double(exponent)), maximumDelay)
    }

    /// Seconds to wait before another attempt is allowed, or nil when one is allowed now.
    public func retryAfter(_ state: State?, now: Date) -> Int? {
        guard let state, now.timeIntervalSince(state.lastFailure) < window else { return nil }
        let until = state.lastFailure.addingTimeInterval(delay(afterFailures: state.failures))
        let wait = until.timeIntervalSince(now)
        return wait > 0 ? Int(wait.rounded(.up)) : nil
    }

    /// The state after one more failure at `now`.
    public func recordingFailure(_ state: State?, now: Date) -> State {
        guard let state, now.timeIntervalSince(state.lastFailure) < window else {
            return State(failures: 1, lastFailure: now)
        }
        return State(failures: state.failures + 1, lastFailure: now)
    }
}

import Foundation

/// When a signed-in session ends (ASVS 7.3): after a period without requests, and in any case
/// a fixed time after sign-in, whatever the activity.
public struct SessionLifetime: Sendable, Equatable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval

    public static let standard = SessionLifetime(idleTimeout: 30 * 60, absoluteTimeout: 10 * 60 * 60)

    public init(idleTimeout: TimeInterval, absoluteTimeout: TimeInterval) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
    }

    public func isExpired(createdAt: Date, lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= idleTimeout || now.timeIntervalSince(createdAt) >= absoluteTimeout
    }

    /// Updating "last seen" on every request would make every page view a database write;
    /// a minute's slack on a 30-minute idle timeout costs nothing in safety.
    public func needsTouch(lastSeenAt: Date, now: Date) -> Bool {
        now.timeIntervalSince(lastSeenAt) >= min(60, idleTimeout / 10)
    }
}

import CapableCore
import Foundation
import Testing

@Suite("Password rules")
struct PasswordPolicyTests {
    let policy = PasswordPolicy(commonPasswords: ["password1", "Qwertyuiop"])

    @Test("Length is counted in bytes, 8 to 72, because Bcrypt ignores the rest")
    func length() {
        #expect(policy.problem(with: "seven77") == .tooShort)
        #expect(policy.problem(with: "eight888") == nil)
        #expect(policy.problem(with: String(repeating: "a", count: 72)) == nil)
        #expect(policy.problem(with: String(repeating: "a", count: 73)) == .tooLong)
        // 36 two-byte letters are 72 bytes; 37 are 74
        #expect(policy.problem(with: String(repeating: "é", count: 36)) == nil)
        #expect(policy.problem(with: String(repeating: "é", count: 37)) == .tooLong)
    }

    @Test("Common passwords are refused whatever their case; the email address is refused")
    func common() {
        #expect(policy.problem(with: "PASSWORD1") == .tooCommon)
        #expect(policy.problem(with: "qwertyuiop") == .tooCommon)
        #expect(policy.problem(with: "sam@example.org", email: "Sam@Example.org") == .sameAsEmail)
        #expect(policy.problem(with: "no composition rules at all") == nil)
    }
}

@Suite("Sign-in throttle")
struct LoginThrottleTests {
    let rule = LoginThrottle.perAccount
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("No delay within the allowance, then doubling delays")
    func backoff() {
        #expect(rule.delay(afterFailures: rule.freeFailures) == 0)
        #expect(rule.delay(afterFailures: rule.freeFailures + 1) == rule.baseDelay)
        #expect(rule.delay(afterFailures: rule.freeFailures + 2) == rule.baseDelay * 2)
        #expect(rule.delay(afterFailures: rule.freeFailures + 3) == rule.baseDelay * 4)
    }

    @Test("The delay is capped, so nobody can be locked out for good")
    func capped() {
        #expect(rule.delay(afterFailures: 10_000) == rule.maximumDelay)
        let state = LoginThrottle.State(failures: 10_000, lastFailure: start)
        #expect(rule.retryAfter(state, now: start) == Int(rule.maximumDelay))
        #expect(rule.retryAfter(state, now: start.addingTimeInterval(rule.maximumDelay)) == nil)
    }

    @Test("Failures older than the window are forgotten")
    func window() {
        var state: LoginThrottle.State?
        for _ in 0..<7 { state = rule.recordingFailure(state, now: start) }
        #expect(state?.failures == 7)
        let later = rule.recordingFailure(state, now: start.addingTimeInterval(rule.window + 1))
        #expect(later.failures == 1)
    }
}

@Suite("Session lifetime")
struct SessionLifetimeTests {
    let lifetime = SessionLifetime.standard
    let signIn = Date(timeIntervalSince1970: 1_800_000_000)

    @Test("Idle and absolute timeouts")
    func expiry() {
        #expect(!lifetime.isExpired(createdAt: signIn, lastSeenAt: signIn, now: signIn.addingTimeInterval(29 * 60)))
        #expect(lifetime.isExpired(createdAt: signIn, lastSeenAt: signIn, now: signIn.addingTimeInterval(30 * 60)))
        let active = signIn.addingTimeInterval(10 * 3600 - 60)
        #expect(!lifetime.isExpired(createdAt: signIn, lastSeenAt: active, now: active))
        #expect(lifetime.isExpired(createdAt: signIn, lastSeenAt: active, now: signIn.addingTimeInterval(10 * 3600)))
    }

    @Test("Last-seen is written at most once a minute")
    func touch() {
        #expect(!lifetime.needsTouch(lastSeenAt: signIn, now: signIn.addingTimeInterval(59)))
        #expect(lifetime.needsTouch(lastSeenAt: signIn, now: signIn.addingTimeInterval(60)))
    }
}

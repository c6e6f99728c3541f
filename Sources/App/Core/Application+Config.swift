import CapableCore
import Vapor

private struct ConfigKey: StorageKey { typealias Value = AppConfig }
private struct PasswordPolicyKey: StorageKey { typealias Value = PasswordPolicy }

extension Application {
    /// The settings read at start-up.
    var config: AppConfig {
        get {
            guard let config = storage[ConfigKey.self] else { preconditionFailure("configure(_:config:) sets the config first") }
            return config
        }
        set { storage[ConfigKey.self] = newValue }
    }

    /// The password rules, with the common-password list loaded once.
    var passwordPolicy: PasswordPolicy {
        get {
            guard let policy = storage[PasswordPolicyKey.self] else { preconditionFailure("configure loads the password policy") }
            return policy
        }
        set { storage[PasswordPolicyKey.self] = newValue }
    }
}

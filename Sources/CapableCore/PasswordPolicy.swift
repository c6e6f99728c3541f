/// The rules a new password must meet (ASVS 6.2): a length in bytes that Bcrypt can use in full,
/// no composition rules, and not one of the most common passwords.
public struct PasswordPolicy: Sendable {
    public static let minimumBytes = 8
    /// Bcrypt ignores every byte after the 72nd, so a longer password would be silently truncated.
    public static let maximumBytes = 72

    public enum Problem: Equatable, Sendable {
        case tooShort
        case tooLong
        case tooCommon
        case sameAsEmail

        public var message: String {
            switch self {
            case .tooShort: "Password must be at least \(PasswordPolicy.minimumBytes) characters"
            case .tooLong: "Password must be \(PasswordPolicy.maximumBytes) bytes or fewer (about 72 letters or digits)"
            case .tooCommon: "Password is one of the most common passwords; choose one that is harder to guess"
            case .sameAsEmail: "Password must not be your email address"
            }
        }
    }

    private let common: Set<String>

    /// - Parameter commonPasswords: the refused list, one password per element; compared case-insensitively.
    public init(commonPasswords: some Sequence<String>) {
        self.common = Set(commonPasswords.map { $0.lowercased() })
    }

    public var commonCount: Int { common.count }

    /// The first problem with `password`, or nil when it is acceptable.
    public func problem(with password: String, email: String? = nil) -> Problem? {
        let bytes = password.utf8.count
        if bytes < Self.minimumBytes { return .tooShort }
        if bytes > Self.maximumBytes { return .tooLong }
        if common.contains(password.lowercased()) { return .tooCommon }
        if let email, !email.isEmpty, password.lowercased() == email.lowercased() { return .sameAsEmail }
        return nil
    }
}

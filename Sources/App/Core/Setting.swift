import Fluent
import Foundation

/// A named value kept by Capable itself, such as the hash of the one-time setup token.
final class Setting: Model, @unchecked Sendable {
    static let schema = "settings"
    /// The audit log's name for a changed setting; it also empties `ReadCaches.settings`.
    static let auditEntity = "setting"

    // managed fields
    @ID(custom: "key", generatedBy: .user) var id: String?

    // data fields
    @Field(key: "value") var value: String

    init() {}

    init(key: String, value: String) {
        self.id = key
        self.value = value
    }
}

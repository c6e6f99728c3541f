import Fluent
import Foundation

/// A capability framework: guiding principles or core values broken down into capabilities and
/// behaviours. The framework area fills in elements and versions; this record is the anchor.
final class Framework: Model, @unchecked Sendable {
    static let schema = "frameworks"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "description") var summary: String
    @Field(key: "owner") var owner: String
    /// guidingPrinciples, coreValues, leadership, custom
    @Field(key: "kind") var kind: String
    /// draft, published, retired
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "implemented_on") var implementedOn: String?
    @OptionalField(key: "amended_on") var amendedOn: String?

    init() {}

    init(id: UUID? = nil, title: String, summary: String, owner: String, kind: String, status: String, version: Int) {
        self.id = id
        self.title = title
        self.summary = summary
        self.owner = owner
        self.kind = kind
        self.status = status
        self.version = version
    }
}

import CapableCore
import Fluent
import Foundation

/// One version of a capability framework. All versions of a framework share its `frameworkID`
/// (the stable id that CASE exports and references use); each version has its own row id, and
/// its elements keep their stable ids from version to version.
final class FrameworkVersion: Model, @unchecked Sendable {
    static let schema = "frameworks"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// The framework's stable id, shared by all its versions.
    @OptionalField(key: "lineage_id") var frameworkID: UUID?
    @Field(key: "title") var title: String
    @Field(key: "description") var summary: String
    @Field(key: "owner") var owner: String
    /// A `FrameworkDocument.Kind` raw value.
    @Field(key: "kind") var kind: String
    /// A `FrameworkDocument.Status` raw value.
    @Field(key: "status") var status: String
    @Field(key: "version") var version: Int
    @OptionalField(key: "implemented_on") var implementedOn: String?
    @OptionalField(key: "amended_on") var amendedOn: String?
    @OptionalField(key: "dates_as_written") var datesAsWritten: String?
    @OptionalField(key: "source") var source: String?
    /// The rating scale as JSON (`[ScaleLevel]`); nil means the standard four levels.
    @OptionalField(key: "scale") var scale: String?
    @OptionalField(key: "published_at") var publishedAt: Date?

    init() {}

    var statusValue: FrameworkDocument.Status { FrameworkDocument.Status(rawValue: status) ?? .draft }
    var kindValue: FrameworkDocument.Kind { FrameworkDocument.Kind(rawValue: kind) ?? .custom }
    var isDraft: Bool { statusValue == .draft }

    /// The stable framework id; old rows written before versions existed fall back to the row id.
    var lineage: UUID { frameworkID ?? id ?? UUID() }
}

extension FrameworkVersion: Auditable {
    static let auditEntity = "framework"
    var auditSnapshot: [String: String?] {
        ["framework_id": frameworkID?.uuidString, "title": title, "description": summary, "owner": owner, "kind": kind,
         "status": status, "version": String(version), "implemented_on": implementedOn, "amended_on": amendedOn]
    }
}

/// One element of one framework version. `elementID` is the stable identifier that reviews,
/// courses, risks and job roles refer to; the row id changes whenever a draft is saved.
final class FrameworkElementRow: Model, @unchecked Sendable {
    static let schema = "framework_elements"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "element_id") var elementID: UUID
    @OptionalField(key: "parent_element_id") var parentElementID: UUID?
    @Field(key: "position") var position: Int
    @Field(key: "code") var code: String
    @Field(key: "kind") var kind: String
    @Field(key: "title") var title: String
    @Field(key: "statement") var statement: String
    @Field(key: "audience") var audience: String
    @OptionalField(key: "why_it_matters") var whyItMatters: String?
    @OptionalField(key: "what_it_means_for_me") var whatItMeansForMe: String?
    /// The indicators as JSON (`[FrameworkDocument.Indicator]`), in order.
    @Field(key: "indicators") var indicators: String
    /// The links as JSON (`[FrameworkDocument.Link]`).
    @Field(key: "links") var links: String

    // relationships
    @Parent(key: "version_id") var version: FrameworkVersion

    init() {}
}

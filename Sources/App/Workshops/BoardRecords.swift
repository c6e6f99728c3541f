import Fluent
import Foundation

/// A post-it on a workshop's board: short text in a breakout group, in a theme once sorted.
final class PostIt: Model, @unchecked Sendable {
    static let schema = "workshop_postits"
    static let maxLength = 280

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "text") var text: String
    /// Kept even when anonymous, so the author can still find and remove their own; never shown.
    @OptionalField(key: "author_id") var authorID: UUID?
    /// The name shown, copied when posted; nil when the post-it is anonymous.
    @OptionalField(key: "author_name") var authorName: String?

    // relationships
    @Parent(key: "workshop_id") var workshop: Workshop
    @Parent(key: "group_id") var group: WorkshopGroup
    @OptionalParent(key: "theme_id") var theme: WorkshopTheme?

    init() {}

    init(workshopID: UUID, groupID: UUID, text: String, authorID: UUID?, authorName: String?) {
        self.$workshop.id = workshopID
        self.$group.id = groupID
        self.text = text
        self.authorID = authorID
        self.authorName = authorName
    }

    var isAnonymous: Bool { authorName == nil }
}

extension PostIt: Auditable {
    static let auditEntity = "post-it"
    // An anonymous post-it's snapshot leaves the author's name out. The trail (administrators
    // only) still records which account made the change, as it does for every change.
    var auditSnapshot: [String: String?] {
        ["workshop_id": $workshop.id.uuidString, "group_id": $group.id.uuidString, "theme_id": $theme.id?.uuidString,
         "text": text, "author": authorName]
    }
}

/// A theme that post-its are grouped into; participants vote on themes, and a theme links to
/// the framework elements and risks it is about.
final class WorkshopTheme: Model, @unchecked Sendable {
    static let schema = "workshop_themes"
    static let maxLength = 120

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "name") var name: String
    @Field(key: "position") var position: Int

    // relationships
    @Parent(key: "workshop_id") var workshop: Workshop

    init() {}

    init(workshopID: UUID, name: String, position: Int) {
        self.$workshop.id = workshopID
        self.name = name
        self.position = position
    }
}

extension WorkshopTheme: Auditable {
    static let auditEntity = "workshop theme"
    var auditSnapshot: [String: String?] {
        ["workshop_id": $workshop.id.uuidString, "name": name, "position": String(position)]
    }
}

/// One vote by one person for a theme; a person may put several of their votes on one theme.
final class WorkshopVote: Model, @unchecked Sendable {
    static let schema = "workshop_votes"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "person_id") var personID: UUID

    // relationships
    @Parent(key: "workshop_id") var workshop: Workshop
    @Parent(key: "theme_id") var theme: WorkshopTheme

    init() {}

    init(workshopID: UUID, themeID: UUID, personID: UUID) {
        self.$workshop.id = workshopID
        self.$theme.id = themeID
        self.personID = personID
    }
}

extension WorkshopVote: Auditable {
    static let auditEntity = "workshop vote"
    var auditSnapshot: [String: String?] {
        ["workshop_id": $workshop.id.uuidString, "theme_id": $theme.id.uuidString, "person_id": personID.uuidString]
    }
}

/// What a theme is about: a framework element (by its stable id) or a risk.
final class WorkshopThemeLink: Model, @unchecked Sendable {
    static let schema = "workshop_theme_links"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @OptionalField(key: "element_id") var elementID: UUID?

    // relationships
    @Parent(key: "theme_id") var theme: WorkshopTheme
    @OptionalParent(key: "risk_id") var risk: Risk?

    init() {}

    init(themeID: UUID, elementID: UUID? = nil, riskID: UUID? = nil) {
        self.$theme.id = themeID
        self.elementID = elementID
        self.$risk.id = riskID
    }
}

extension WorkshopThemeLink: Auditable {
    static let auditEntity = "workshop theme link"
    var auditSnapshot: [String: String?] {
        ["theme_id": $theme.id.uuidString, "element_id": elementID?.uuidString, "risk_id": $risk.id?.uuidString]
    }
}

/// Sessions run as a series, such as the three top-team workshops, with one action log.
final class WorkshopSeries: Model, @unchecked Sendable {
    static let schema = "workshop_series"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "title") var title: String
    @Field(key: "purpose") var purpose: String
    /// The built-in template it was made from (`SeriesTemplate.key`), if any.
    @OptionalField(key: "template") var template: String?
    @OptionalField(key: "created_by") var createdBy: UUID?

    // relationships
    @Children(for: \.$series) var workshops: [Workshop]

    init() {}

    init(title: String, purpose: String, template: String?, createdBy: UUID?) {
        self.title = title
        self.purpose = purpose
        self.template = template
        self.createdBy = createdBy
    }
}

extension WorkshopSeries: Auditable {
    static let auditEntity = "workshop series"
    var auditSnapshot: [String: String?] {
        ["title": title, "purpose": purpose, "template": template]
    }
}

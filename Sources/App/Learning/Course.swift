import CapableCore
import Fluent
import Foundation

/// A course in the catalogue: online, face-to-face or blended, with the framework elements it
/// develops, and how long a completion counts (nil: it never expires).
final class Course: Model, @unchecked Sendable {
    static let schema = "courses"

    enum Mode: String, Codable, Sendable, CaseIterable {
        case online, faceToFace = "face-to-face", blended

        var label: String {
            switch self {
            case .online: "Online"
            case .faceToFace: "Face to face"
            case .blended: "Blended"
            }
        }
    }

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    /// The code a learning-management system's export uses for it, e.g. `FIRE-01`.
    @Field(key: "code") var code: String
    @Field(key: "title") var title: String
    @Field(key: "description") var summary: String
    @Field(key: "mode") var mode: String
    @Field(key: "provider") var provider: String
    /// In words, e.g. "45 minutes" or "1 day".
    @Field(key: "duration") var duration: String
    @OptionalField(key: "validity_months") var validityMonths: Int?
    /// Where to take it online.
    @OptionalField(key: "url") var url: String?

    init() {}

    var modeValue: Mode { Mode(rawValue: mode) ?? .online }

    /// The last day a completion on `day` counts, as the stored completion says it.
    func expiry(completedOn day: CalendarDate) -> String? {
        validityMonths.map { Compliance.expiry(completedOn: day, validityMonths: $0).description }
    }
}

extension Course: Auditable {
    static let auditEntity = "course"
    var auditSnapshot: [String: String?] {
        ["code": code, "title": title, "description": summary, "mode": mode, "provider": provider, "duration": duration,
         "validity_months": validityMonths.map(String.init), "url": url]
    }
}

/// A framework element a course develops: listed on the element's page, and offered when a
/// development-plan item addresses that element.
final class CourseElement: Model, @unchecked Sendable {
    static let schema = "course_elements"

    @ID(key: .id) var id: UUID?
    @Field(key: "element_id") var elementID: UUID
    @Parent(key: "course_id") var course: Course

    init() {}

    init(courseID: UUID, elementID: UUID) {
        self.$course.id = courseID
        self.elementID = elementID
    }
}

import CapableCore
import Fluent
import Vapor

/// Development plans: gaps between a person's latest assessment and what their job role
/// expects, turned into items with an action, a date and a status.
enum DevelopmentPlans {
    struct GapRow: Encodable, Sendable {
        var elementID: UUID
        var code: String
        var title: String
        var expected: Int
        var rated: Int
        var from: String

        var description: String { "Rated \(rated), the role expects \(expected) (\(from))" }
    }

    /// The assessment gaps come from: the latest submitted manager assessment, else the latest
    /// submitted self-assessment.
    static func latestAssessment(of person: UUID, on db: any Database) async throws -> Assessment? {
        let submitted = try await Assessment.query(on: db).filter(\.$person.$id == person).filter(\.$submittedOn != nil)
            .with(\.$ratings).sort(\.$submittedOn, .descending).all()
        return submitted.first { $0.kindValue == .manager } ?? submitted.first { $0.kindValue == .selfAssessment }
    }

    /// Gaps not already in the plan (an item for the element that was not dropped).
    static func gaps(for person: Person, on db: any Database) async throws -> [GapRow] {
        guard let roleID = person.$jobRole.id, let assessment = try await latestAssessment(of: person.requireID(), on: db) else { return [] }
        let requirements = try await JobRoleRequirement.query(on: db).filter(\.$jobRole.$id == roleID).all()
        let ratings = Dictionary(assessment.ratings.map { ($0.elementID, $0.level) }, uniquingKeysWith: { first, _ in first })
        let gaps = DevelopmentGaps.gaps(required: Dictionary(requirements.map { ($0.elementID, $0.level) }, uniquingKeysWith: { first, _ in first }),
                                        ratings: ratings)
        let planned = Set(try await DevelopmentPlanItem.query(on: db).filter(\.$person.$id == person.requireID())
            .filter(\.$status != DevelopmentPlanItem.Status.dropped.rawValue).all().compactMap(\.elementID))
        let elements = try await Frameworks.latestElements(gaps.map(\.element), on: db)
        let from = "\(assessment.kindValue.label.lowercased()), \(DisplayFormat.calendarDate(assessment.submittedOn ?? ""))"
        return gaps.filter { !planned.contains($0.element) }.compactMap { gap in
            elements[gap.element].map { GapRow(elementID: gap.element, code: $0.row.code, title: $0.row.title, expected: gap.expected, rated: gap.rated, from: from) }
        }
    }
}

import CapableCore
import Fluent
import Foundation

extension PersonSpecifications {
    /// One criterion as the edit form sends it.
    struct CriterionInput: Sendable {
        var text: String?
        /// "essential" or "desirable".
        var need: String?
        /// `AssessmentMethod` raw values.
        var assessedAt: [String]
    }

    static let maxTextLength = 1000

    /// Problems with one criterion, each naming the criterion (`name`, e.g. "CV.1.MB2") and the
    /// control it belongs to (`field(control)`, e.g. "text-<id>").
    static func problems(_ input: CriterionInput, name: String, field: (String) -> String) -> [FieldError] {
        var errors: [FieldError] = []
        let text = (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { errors.append(.init(field: field("text"), message: "Enter the text of \(name)")) }
        if text.count > maxTextLength {
            errors.append(.init(field: field("text"), message: "The text of \(name) must be \(maxTextLength) characters or fewer"))
        }
        if input.need != "essential" && input.need != "desirable" {
            errors.append(.init(field: field("need"), message: "Choose whether \(name) is essential or desirable"))
        }
        let methods = input.assessedAt.compactMap(AssessmentMethod.init(rawValue:))
        if methods.isEmpty || methods.count != input.assessedAt.count {
            errors.append(.init(field: field("assessed"), message: "Choose where \(name) is assessed: application, interview or test"))
        }
        return errors
    }

    /// Applies the edit form to a draft's criteria and removes the experience criteria marked for
    /// removal, auditing each change. The caller has checked `problems` for every criterion.
    static func apply(_ inputs: [UUID: CriterionInput], remove: Set<UUID>, to criteria: [SpecificationCriterion],
                      on db: any Database, context: AuditContext) async throws {
        var entries: [Audit.Entry] = []
        for criterion in criteria {
            guard let id = criterion.id else { continue }
            if remove.contains(id) && criterion.sectionValue == .experience {
                entries.append(.init(action: "delete", entity: SpecificationCriterion.auditEntity, id: id.uuidString,
                                     changes: FieldChange.diff(before: criterion.auditSnapshot, after: [:])))
                try await criterion.delete(on: db)
                continue
            }
            guard let input = inputs[id] else { continue }
            let before = criterion.auditSnapshot
            criterion.text = (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            criterion.essential = input.need == "essential"
            criterion.assessedAt = AssessmentMethod.encode(Set(input.assessedAt.compactMap(AssessmentMethod.init(rawValue:))))
            let changes = FieldChange.diff(before: before, after: criterion.auditSnapshot)
            if !changes.isEmpty {
                try await criterion.save(on: db)
                entries.append(.init(action: "update", entity: SpecificationCriterion.auditEntity, id: id.uuidString, changes: changes))
            }
        }
        try await Audit.appendAll(entries, context: context, on: db)
    }

    /// Adds an experience-and-knowledge criterion at the end of a draft.
    static func addExperience(_ input: CriterionInput, to spec: PersonSpecification, on db: any Database,
                              context: AuditContext) async throws {
        let last = try await SpecificationCriterion.query(on: db).filter(\.$specification.$id == spec.requireID())
            .sort(\.$position, .descending).first()
        let criterion = SpecificationCriterion(
            specificationID: try spec.requireID(), section: .experience, elementID: nil,
            text: (input.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines), essential: input.need == "essential",
            assessedAt: Set(input.assessedAt.compactMap(AssessmentMethod.init(rawValue:))), position: (last?.position ?? -1) + 1)
        try await criterion.create(on: db)
        try await Audit.append("create", entity: SpecificationCriterion.auditEntity, id: criterion.id?.uuidString,
                               changes: FieldChange.diff(before: [:], after: criterion.auditSnapshot), context: context, on: db)
    }
}

import CapableCore
import Fluent
import Foundation

/// Person-specification rules shared by the pages, the API and the demo seed. Writes take the
/// database and audit context of the caller (a request's transaction, or the seed's).
enum PersonSpecifications {
    /// Where a newly generated framework criterion is assessed until HR says otherwise: behaviours
    /// are asked about on the application form and probed at interview.
    static let defaultMethods: Set<AssessmentMethod> = [.application, .interview]

    /// The experience-and-knowledge section a first generation starts with. The source keeps this
    /// section alongside the values ("the section for experience and knowledge will remain"); HR
    /// edits these to suit the role.
    static func starterExperience(for role: JobRole) -> [(text: String, essential: Bool, methods: Set<AssessmentMethod>)] {
        [
            ("Experience relevant to the role of \(role.title)", true, [.application, .interview]),
            ("Knowledge of the legislation, policy and good practice that apply to the role", true, [.application, .interview]),
            ("A relevant qualification, or equivalent experience", false, [.application]),
        ]
    }

    static func find(roleID: UUID, on db: any Database) async throws -> PersonSpecification? {
        try await PersonSpecification.query(on: db).filter(\.$jobRole.$id == roleID).first()
    }

    static func criteria(of spec: PersonSpecification, on db: any Database) async throws -> [SpecificationCriterion] {
        try await SpecificationCriterion.query(on: db).filter(\.$specification.$id == spec.requireID()).sort(\.$position).all()
    }

    /// Builds or rebuilds a role's draft specification from its requirements, each framework
    /// criterion under its element's value or principle, essential or desirable as the requirement
    /// says. Regenerating keeps the experience-and-knowledge criteria as they are, and for an element
    /// still required keeps the text and assessed-at HR gave it. A published specification is not
    /// regenerated: it has to be made a draft again first.
    @discardableResult
    static func generate(role: JobRole, on db: any Database, context: AuditContext) async throws -> PersonSpecification {
        let roleID = try role.requireID()
        let existing = try await find(roleID: roleID, on: db)
        if existing?.isPublished == true {
            throw AppError.conflict("This person specification is published. Make it a draft again before generating it.")
        }
        let spec = existing ?? PersonSpecification(jobRoleID: roleID)
        if existing == nil {
            try await spec.create(on: db)
            try await Audit.append("create", entity: PersonSpecification.auditEntity, id: spec.id?.uuidString,
                                   changes: FieldChange.diff(before: [:], after: spec.auditSnapshot), context: context, on: db)
        }
        let specID = try spec.requireID()
        let old = try await criteria(of: spec, on: db)
        let oldFramework = Dictionary(old.filter { $0.sectionValue == .framework }.compactMap { c in c.elementID.map { ($0, c) } },
                                      uniquingKeysWith: { first, _ in first })
        var experience = old.filter { $0.sectionValue == .experience }

        let requirements = try await JobRoleRequirement.query(on: db).filter(\.$jobRole.$id == roleID).all()
        let info = try await ElementLookup.info(requirements.map(\.elementID), on: db)
        // Requirements on elements no published framework has are left out (the requirement forms refuse them).
        let ordered = requirements.compactMap { requirement in info[requirement.elementID].map { (requirement, $0) } }
            .sorted { $0.1.order < $1.1.order }

        try await SpecificationCriterion.query(on: db).filter(\.$specification.$id == specID)
            .filter(\.$section == SpecificationCriterion.Section.framework.rawValue).delete()
        var position = 0
        for (requirement, element) in ordered {
            let kept = oldFramework[requirement.elementID]
            try await SpecificationCriterion(specificationID: specID, section: .framework, elementID: element.id,
                                             text: kept?.text ?? defaultText(element), essential: requirement.essential,
                                             assessedAt: kept?.methods ?? defaultMethods, position: position).create(on: db)
            position += 1
        }
        if existing == nil {
            for starter in starterExperience(for: role) {
                let criterion = SpecificationCriterion(specificationID: specID, section: .experience, elementID: nil, text: starter.text,
                                                       essential: starter.essential, assessedAt: starter.methods, position: 0)
                try await criterion.create(on: db)
                experience.append(criterion)
            }
        }
        for criterion in experience {
            if criterion.position != position {
                criterion.position = position
                try await criterion.save(on: db)
            }
            position += 1
        }
        try await Audit.append("generate", entity: PersonSpecification.auditEntity, id: specID.uuidString,
                               changes: [FieldChange(field: "framework_criteria", old: String(oldFramework.count), new: String(ordered.count)),
                                         FieldChange(field: "experience_criteria", old: nil, new: String(experience.count))],
                               context: context, on: db)
        return spec
    }

    /// A criterion's first wording: the element's statement, or its title when the statement is
    /// a paragraph too long for a criterion (as some capabilities' are).
    static func defaultText(_ element: ElementInfo) -> String {
        element.statement.count <= maxTextLength ? element.statement : element.title
    }

    /// Publishes a draft: from now on it is read-only and everyone signed in can read it.
    static func publish(_ spec: PersonSpecification, on db: any Database, context: AuditContext) async throws {
        guard !spec.isPublished else { return }
        guard try await SpecificationCriterion.query(on: db).filter(\.$specification.$id == spec.requireID()).count() > 0 else {
            throw AppError.invalid([FieldError(field: "criteria", message: "Add at least one criterion before publishing")])
        }
        try await change(spec, on: db, context: context) {
            $0.status = PersonSpecification.Status.published.rawValue
            $0.publishedAt = Date()
        }
    }

    /// Makes a published specification a draft again so it can be changed; staff stop seeing it
    /// until it is published again.
    static func reopen(_ spec: PersonSpecification, on db: any Database, context: AuditContext) async throws {
        guard spec.isPublished else { return }
        try await change(spec, on: db, context: context) {
            $0.status = PersonSpecification.Status.draft.rawValue
            $0.publishedAt = nil
        }
    }

    private static func change(_ spec: PersonSpecification, on db: any Database, context: AuditContext,
                               _ apply: (PersonSpecification) -> Void) async throws {
        let before = spec.auditSnapshot
        apply(spec)
        try await spec.save(on: db)
        try await Audit.append("update", entity: PersonSpecification.auditEntity, id: spec.id?.uuidString,
                               changes: FieldChange.diff(before: before, after: spec.auditSnapshot), context: context, on: db)
    }
}

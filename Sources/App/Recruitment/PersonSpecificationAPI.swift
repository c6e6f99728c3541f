import CapableCore
import Fluent
import Vapor

/// `GET /api/v1/job-roles/{roleID}/person-specification`: the published specification, to anyone
/// signed in; HR and administrators may ask for the draft with `?draft=1`.
enum PersonSpecificationAPI {
    struct CriterionDTO: Content {
        var id: UUID
        /// "framework" or "experience".
        var section: String
        /// The framework element's stable id; null for experience and knowledge.
        var elementId: UUID?
        var elementCode: String?
        var elementTitle: String?
        /// The value or principle the element sits under.
        var groupElementId: UUID?
        var groupCode: String?
        var groupTitle: String?
        var text: String
        var essential: Bool
        var assessedAt: [AssessmentMethod]
    }

    struct SpecificationDTO: Content {
        var jobRoleId: UUID
        var jobRoleTitle: String
        var status: String
        var publishedAt: Date?
        var criteria: [CriterionDTO]
    }

    @Sendable static func show(req: Request) async throws -> SpecificationDTO {
        let role = try await JobRolesController.find(req)
        let wantsDraft = req.query[String.self, at: "draft"] == "1"
        if wantsDraft && !PersonSpecificationController.canEdit(req) { throw AppError.forbidden }
        guard let spec = try await PersonSpecifications.find(roleID: try role.requireID(), on: req.database),
              spec.isPublished || wantsDraft
        else { throw AppError.notFound }
        return try await query(role: role, spec: spec, on: req.database)
    }

    static func query(role: JobRole, spec: PersonSpecification, on db: any Database) async throws -> SpecificationDTO {
        let criteria = try await PersonSpecifications.criteria(of: spec, on: db)
        let info = try await ElementLookup.info(criteria.compactMap(\.elementID), on: db)
        let (groups, experience) = CriterionGroups.group(criteria.compactMap(CriterionGroups.input), info: info)
        let framework = groups.flatMap { group in group.criteria.map { (group, $0) } }.map { group, criterion in
            CriterionDTO(id: criterion.id, section: criterion.section, elementId: criterion.elementID, elementCode: criterion.code,
                         elementTitle: criterion.elementTitle, groupElementId: group.elementID, groupCode: group.code.nilIfEmpty,
                         groupTitle: group.elementID == nil ? nil : group.title, text: criterion.text, essential: criterion.essential,
                         assessedAt: criterion.assessedAt)
        }
        let others = experience.map { criterion in
            CriterionDTO(id: criterion.id, section: criterion.section, elementId: nil, elementCode: nil, elementTitle: nil,
                         groupElementId: nil, groupCode: nil, groupTitle: nil, text: criterion.text, essential: criterion.essential,
                         assessedAt: criterion.assessedAt)
        }
        return SpecificationDTO(jobRoleId: try role.requireID(), jobRoleTitle: role.title, status: spec.status,
                                publishedAt: spec.publishedAt, criteria: framework + others)
    }
}

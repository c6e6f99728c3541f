import CapableCore
import Fluent
import Plot
import Vapor

extension FrameworkController {
    /// An element, laid out like the source page, in the current version that has it (or `?version=`).
    @Sendable static func element(req: Request) async throws -> HTML {
        guard let elementID = req.parameters.get("elementID", as: UUID.self) else { throw AppError.notFound }
        let wanted = try? req.query.get(Int.self, at: "version")
        let appearances = try await Frameworks.appearances(of: elementID, on: req.database)
            .filter { !$0.version.isDraft || isAuthor(req) }
        let chosen: FrameworkVersion?
        if let wanted {
            chosen = appearances.first { $0.version.version == wanted }?.version
        } else {
            chosen = appearances.first { !$0.version.isDraft }?.version ?? appearances.first?.version
        }
        guard let version = chosen else { throw AppError.notFound }
        let document = try await FrameworkStore.document(version, on: req.database)
        let path = document.path(to: elementID)
        guard let element = path.last else { throw AppError.notFound }
        let linked = try await Frameworks.latestElements(element.links.compactMap(\.elementID), on: req.database)
        let roles = try await JobRoleRequirement.query(on: req.database).filter(\.$elementID == elementID).with(\.$jobRole).all()
        let courses = try await Courses.developing(elementID, on: req.database)
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        let risks = try await Risks.managed(by: elementID, on: req.database).filter(access.canSee)
        return ElementPage.view(.init(
            document: document, path: path,
            // An element without examples of its own is rated against its parent's (the source
            // gives the principle's examples for all four of its capabilities).
            inheritedIndicators: element.indicators.isEmpty ? path.dropLast().last(where: { !$0.indicators.isEmpty }) : nil,
            linkedElements: linked.mapValues { ElementPage.LinkedElement(code: $0.row.code, title: $0.row.title) },
            jobRoles: roles.map { ElementPage.RoleNeed(id: $0.jobRole.id ?? UUID(), title: $0.jobRole.title, essential: $0.essential) }
                .sorted { $0.title < $1.title },
            courses: try courses.map { ElementPage.CourseRef(id: try $0.requireID(), title: $0.title, mode: $0.modeValue.label) },
            risks: try risks.map { ElementPage.RiskRef(id: try $0.requireID(), reference: $0.reference, title: $0.title) },
            versions: appearances.map { ElementPage.VersionRef(number: $0.version.version, status: $0.version.statusValue) }
                .sorted { $0.number < $1.number },
            isCurrent: try await isCurrent(version, on: req.database)),
            context: PageContext(req))
    }
}

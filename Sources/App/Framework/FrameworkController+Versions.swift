import CapableCore
import Fluent
import Plot
import Vapor

extension FrameworkController {
    @Sendable static func versions(req: Request) async throws -> HTML {
        guard let id = req.parameters.get("frameworkID", as: UUID.self) else { throw AppError.notFound }
        let versions = try await Frameworks.versions(of: id, on: req.database).filter { !$0.isDraft || isAuthor(req) }
        guard let latest = versions.last else { throw AppError.notFound }
        return VersionsPage.view(.init(frameworkID: id, title: latest.title, versions: versions.map(VersionsPage.Row.init)),
                                 context: PageContext(req))
    }

    /// Two versions side by side: `?from=` (default: the one before `to`) and `?to=` (default: the newest).
    @Sendable static func compare(req: Request) async throws -> HTML {
        guard let id = req.parameters.get("frameworkID", as: UUID.self) else { throw AppError.notFound }
        let versions = try await Frameworks.versions(of: id, on: req.database).filter { !$0.isDraft || isAuthor(req) }
        guard let newest = versions.last else { throw AppError.notFound }
        let toNumber = (try? req.query.get(Int.self, at: "to")) ?? newest.version
        guard let to = versions.first(where: { $0.version == toNumber }) else { throw AppError.notFound }
        let fromNumber = (try? req.query.get(Int.self, at: "from")) ?? versions.last(where: { $0.version < toNumber })?.version ?? toNumber
        guard let from = versions.first(where: { $0.version == fromNumber }) else { throw AppError.notFound }
        let old = try await FrameworkStore.document(from, on: req.database)
        let new = try await FrameworkStore.document(to, on: req.database)
        return ComparePage.view(.init(frameworkID: id, title: new.title, from: from.version, to: to.version,
                                      available: versions.map(\.version), comparison: FrameworkComparison(from: old, to: new)),
                                context: PageContext(req))
    }
}

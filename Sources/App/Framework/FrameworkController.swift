import CapableCore
import Fluent
import Plot
import Vapor

/// The framework pages everyone reads: the library, a framework (or one version of it), an
/// element, search, the print view and the rating form. Drafts are shown only to authors.
enum FrameworkController {
    /// HR and administrators write frameworks, so they also see drafts.
    static func isAuthor(_ req: Request) -> Bool {
        !(req.principal?.roles ?? []).isDisjoint(with: [.hr, .admin])
    }

    @Sendable static func library(req: Request) async throws -> HTML {
        let items = try await Frameworks.summaries(includeDrafts: isAuthor(req), on: req.database)
        return LibraryPage.view(.init(items: items, canAuthor: isAuthor(req)), context: PageContext(req))
    }

    /// The framework's current version, or the numbered one from the path (`:number`) or `?version=`.
    @Sendable static func show(req: Request) async throws -> HTML {
        let version = try await resolve(req)
        let document = try await FrameworkStore.document(version, on: req.database)
        let versions = try await Frameworks.versions(of: version.lineage, on: req.database)
        return FrameworkPage.view(.init(document: document, versions: versions.map(\.version),
                                        draftVersion: versions.first(where: \.isDraft)?.version,
                                        isCurrent: try await isCurrent(version, on: req.database),
                                        canAuthor: isAuthor(req)),
                                  context: PageContext(req))
    }

    @Sendable static func printView(req: Request) async throws -> HTML {
        let version = try await resolve(req)
        return PrintPage.view(try await FrameworkStore.document(version, on: req.database), context: PageContext(req))
    }

    @Sendable static func ratingForm(req: Request) async throws -> HTML {
        let version = try await resolve(req)
        return RatingFormPage.view(try await FrameworkStore.document(version, on: req.database), context: PageContext(req))
    }

    /// Whether the version is the one people currently see.
    static func isCurrent(_ version: FrameworkVersion, on db: any Database) async throws -> Bool {
        try await Frameworks.current(version.lineage, includeDraft: false, on: db)?.id == version.id
    }

    /// The version a request names: `:number` in the path, or `?version=`, or else the current one.
    static func resolve(_ req: Request) async throws -> FrameworkVersion {
        guard let id = req.parameters.get("frameworkID", as: UUID.self) else { throw AppError.notFound }
        let number = req.parameters.get("number", as: Int.self) ?? (try? req.query.get(Int.self, at: "version"))
        let found: FrameworkVersion?
        if let number {
            found = try await Frameworks.version(id, number: number, on: req.database)
        } else {
            found = try await Frameworks.current(id, includeDraft: isAuthor(req), on: req.database)
        }
        guard let found, !found.isDraft || isAuthor(req) else { throw AppError.notFound }
        return found
    }
}

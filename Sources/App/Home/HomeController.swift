import Fluent
import SQLKit
import Plot
import Vapor

/// The start page and the area landing pages.
enum HomeController {
    @Sendable static func health(req: Request) async throws -> String { "ok" }

    @Sendable static func home(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        return HomePage.view(.init(displayName: principal.displayName), context: PageContext(req))
    }

    /// The published and draft frameworks, read as plain rows.
    static func frameworks(on db: any Database) async throws -> [AreaPage.FrameworkRow] {
        try await db.sql.select()
            .columns("title", "kind", "status", "version")
            .from(Framework.schema)
            .orderBy("title")
            .all(decoding: AreaPage.FrameworkRow.self)
    }

    static func area(_ area: SiteURL.Area) -> @Sendable (Request) async throws -> HTML {
        { req in
            let rows = area == .framework ? try await frameworks(on: req.database) : []
            return AreaPage.view(.init(area: area, frameworks: rows), context: PageContext(req))
        }
    }

    @Sendable static func admin(req: Request) async throws -> HTML {
        AreaPage.adminView(context: PageContext(req))
    }
}

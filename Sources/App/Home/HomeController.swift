import Plot
import Vapor

/// The start page and the area landing pages.
enum HomeController {
    @Sendable static func health(req: Request) async throws -> String { "ok" }

    @Sendable static func home(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let unread = try await principal.personID.asyncMap { try await NotificationsController.unreadCount(for: $0, on: req.database) }
        let surveys = try await principal.personID.asyncMap { try await Surveys.waiting(for: $0, on: req.database) } ?? 0
        return HomePage.view(.init(displayName: principal.displayName, unread: unread, surveys: surveys), context: PageContext(req))
    }

    static func area(_ area: SiteURL.Area) -> @Sendable (Request) async throws -> HTML {
        { req in AreaPage.view(.init(area: area), context: PageContext(req)) }
    }

    @Sendable static func admin(req: Request) async throws -> HTML {
        AreaPage.adminView(context: PageContext(req))
    }
}

import CapableCore
import Fluent
import Plot
import Vapor

/// The signed-in person's notification list: reminders, newest first, unread ones marked new.
enum NotificationsController {
    static let shown = 100

    static func unreadCount(for person: UUID, on db: any Database) async throws -> Int {
        try await AppNotification.query(on: db).filter(\.$person.$id == person).filter(\.$readAt == nil).count()
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        guard let me = try req.requirePrincipal().personID else { return NotificationsPage.view(nil, context: PageContext(req)) }
        let rows = try await AppNotification.query(on: req.database).filter(\.$person.$id == me).sort(\.$createdAt, .descending)
            .sort(\.$key).limit(shown).all()
        return NotificationsPage.view(rows.map { .init(message: $0.message, link: $0.link, createdAt: $0.createdAt, unread: $0.readAt == nil) },
                                      context: PageContext(req))
    }

    struct NotificationDTO: Content { var message: String; var link: String; var createdAt: Date?; var read: Bool }

    /// `/api/v1/notifications`: the caller's list, newest first.
    @Sendable static func api(req: Request) async throws -> [NotificationDTO] {
        guard let me = try req.requirePrincipal().personID else { return [] }
        return try await AppNotification.query(on: req.database).filter(\.$person.$id == me).sort(\.$createdAt, .descending).limit(shown).all()
            .map { NotificationDTO(message: $0.message, link: $0.link, createdAt: $0.createdAt, read: $0.readAt != nil) }
    }

    /// Marks every unread notification read.
    @Sendable static func markRead(req: Request) async throws -> Response {
        guard let me = try req.requirePrincipal().personID else { throw AppError.forbidden }
        let unread = try await unreadCount(for: me, on: req.database)
        if unread > 0 {
            try await AppNotification.query(on: req.database).filter(\.$person.$id == me).filter(\.$readAt == nil).set(\.$readAt, to: Date()).update()
            try await req.audit("read", entity: "notification", id: nil, changes: [FieldChange(field: "read", old: nil, new: String(unread))])
        }
        return req.redirect(to: SiteURL.notifications.path, redirectType: .normal)
    }
}

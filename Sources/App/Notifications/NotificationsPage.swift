import Foundation
import Plot

/// The notification list: reminders newest first, new ones tagged in words.
enum NotificationsPage {
    struct Row { var message: String; var link: String; var createdAt: Date?; var unread: Bool }

    static func view(_ rows: [Row]?, context: PageContext) -> HTML {
        let unread = rows?.filter(\.unread).count ?? 0
        return Layout.page(PageFrame(title: "Notifications", breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("Notifications"),
            .unwrap(rows) { rows in
                .group(
                    H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                         H.text(rows.isEmpty ? "You have no notifications." : "\(unread) new, \(rows.count) in all.")),
                    unread == 0 ? .empty : Components.form(action: .notificationsRead, csrf: context.csrfToken,
                                                           Components.button("Mark all as read", style: "secondary")),
                    rows.isEmpty ? .empty : H.el("ul", H.cls("govuk-list app-notifications"), .group(rows.map { row in
                        H.el("li",
                             row.unread ? Components.tag("New", colour: "blue") : .empty,
                             H.text(" "),
                             // Links are site paths written by `Reminders`, never user input.
                             H.el("a", H.cls("govuk-link"), H.attr("href", row.link.hasPrefix("/") ? row.link : "/"), H.text(row.message)),
                             .unwrap(row.createdAt) { H.el("span", H.cls("govuk-hint"), H.text(" " + DisplayFormat.dateTime($0))) })
                    })))
            },
            rows == nil ? Components.paragraph("Your account is not linked to a staff record, so it has no notifications.") : .empty)
    }
}

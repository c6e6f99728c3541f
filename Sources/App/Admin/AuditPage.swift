import CapableCore
import Foundation
import Plot

/// The audit log, newest first.
enum AuditPage {
    struct Row: Codable, Sendable {
        var seq: Int
        var occurred_at: String
        var actor_label: String?
        var action: String
        var entity: String
        var entity_id: String?
        var request_id: String?
        var address: String?
        var changes: String?
    }

    struct Model: Encodable {
        var filter: AuditController.Filter
        var rows: [Row]
        var errors: [FieldError]
        var hasNext: Bool
        var verdict: String?
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let filter = model.filter
        return Layout.page(PageFrame(title: "Audit log", area: .admin, breadcrumbs: [("Home", .home), ("Admin", .area(.admin))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Audit log"),
            .unwrap(model.verdict) { verdict in H.el("div", H.cls("govuk-inset-text"), H.attr("role", "status"), H.text(verdict)) },
            H.el("form", H.attr("method", "get"), H.attr("action", SiteURL.adminAudit.path), H.flag("novalidate"),
                H.el("div", H.cls("govuk-grid-row"),
                    column(Components.input(.init(name: "action", label: "Action", hint: "For example login_failed", value: filter.action, width: "10"), errors: model.errors)),
                    column(Components.input(.init(name: "entity", label: "Entity", hint: "For example account", value: filter.entity, width: "10"), errors: model.errors)),
                    column(Components.input(.init(name: "actor", label: "Who", hint: "Part of an email address", value: filter.actor, width: "10"), errors: model.errors))
                ),
                H.el("div", H.cls("govuk-grid-row"),
                    column(Components.input(.init(name: "from", label: "From date", hint: "yyyy-mm-dd", value: filter.from, width: "10"), errors: model.errors)),
                    column(Components.input(.init(name: "to", label: "To date", hint: "yyyy-mm-dd", value: filter.to, width: "10"), errors: model.errors))
                ),
                H.el("div", H.cls("govuk-button-group"),
                    Components.button("Filter", style: "secondary"),
                    H.el("a", H.cls("govuk-link"), H.attr("href", SiteURL.adminAudit.path + "?verify=1"), H.text("Check the log has not been tampered with")))
            ),
            table(model.rows),
            pagination(model)
        )
    }

    private static func column(_ node: BodyNode) -> BodyNode { H.el("div", H.cls("govuk-grid-column-one-third"), node) }

    private static func table(_ rows: [Row]) -> BodyNode {
        guard !rows.isEmpty else { return Components.paragraph("No events match.") }
        return H.el("div", H.cls("app-table-scroll"), H.attr("tabindex", "0"), H.attr("role", "region"), H.attr("aria-label", "Audit events"),
            Components.table(caption: "Events, newest first", headers: ["#", "When (UTC)", "Who", "Action", "What", "Changes", "Request"], rows: rows.map { row in
                [
                    H.text(String(row.seq)), H.text(row.occurred_at), H.text(row.actor_label ?? "-"), H.text(row.action),
                    H.text([row.entity, row.entity_id].compactMap { $0 }.joined(separator: " ")),
                    H.text(describe(row.changes)), H.text(row.request_id ?? "-"),
                ]
            }, numeric: [0])
        )
    }

    /// "field: old → new" for each change.
    static func describe(_ changes: String?) -> String {
        guard let changes, let list = try? JSONDecoder().decode([FieldChange].self, from: Data(changes.utf8)) else { return "" }
        return list.map { "\($0.field): \($0.old ?? "(none)") → \($0.new ?? "(none)")" }.joined(separator: "; ")
    }

    private static func pagination(_ model: Model) -> BodyNode {
        let f = model.filter
        return Components.pagination(page: f.page ?? 1, hasNext: model.hasNext) { page in
            SiteURL.adminAudit.path + "?" + Query.encode(["action": f.action, "entity": f.entity, "actor": f.actor,
                                                          "from": f.from, "to": f.to, "page": String(page)])
        }
    }
}

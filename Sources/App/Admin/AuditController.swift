import CapableCore
import Fluent
import SQLKit
import Vapor

/// The audit log for administrators: filter by what, who and when; check the hash chain.
enum AuditController {
    struct Filter: Content, Sendable {
        var action: String?
        var entity: String?
        var actor: String?
        /// yyyy-mm-dd, inclusive, UTC.
        var from: String?
        var to: String?
        var page: Int?
        var verify: String?

        var cleaned: Filter {
            func clean(_ value: String?) -> String? {
                guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
                return String(value.prefix(200))
            }
            return Filter(action: clean(action), entity: clean(entity), actor: clean(actor), from: clean(from), to: clean(to),
                          page: max(1, min(page ?? 1, 100_000)), verify: verify)
        }
    }

    static let pageSize = 50

    static func query(_ filter: Filter, on db: any Database) async throws -> (rows: [AuditPage.Row], errors: [FieldError], hasNext: Bool) {
        var errors: [FieldError] = []
        for (field, value) in [("from", filter.from), ("to", filter.to)] {
            if let value, CalendarDate(value) == nil {
                errors.append(FieldError(field: field, message: "Enter a real date in the format yyyy-mm-dd, like 2026-11-26"))
            }
        }
        guard errors.isEmpty else { return ([], errors, false) }
        var select = db.sql.select()
            .columns("seq", "occurred_at", "actor_label", "action", "entity", "entity_id", "request_id", "address", "changes")
            .from(AuditEvent.schema)
        if let action = filter.action { select = select.where("action", .equal, action) }
        if let entity = filter.entity { select = select.where("entity", .equal, entity) }
        if let actor = filter.actor { select = select.where(SQLFunction("lower", args: SQLColumn("actor_label")), .like, SQLBind("%\(actor.lowercased())%")) }
        if let from = filter.from { select = select.where("occurred_at", .greaterThanOrEqual, from) }
        if let to = filter.to { select = select.where("occurred_at", .lessThan, CalendarDate(to).map { $0.nextDay.description } ?? to) }
        let offset = ((filter.page ?? 1) - 1) * pageSize
        let rows = try await select.orderBy("seq", .descending).limit(pageSize + 1).offset(offset).all(decoding: AuditPage.Row.self)
        return (Array(rows.prefix(pageSize)), [], rows.count > pageSize)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let filter = try req.query.decode(Filter.self).cleaned
        let (rows, errors, hasNext) = try await query(filter, on: req.database)
        var verdict: String?
        if filter.verify == "1" {
            switch try await Audit.verify(on: req.database) {
            case .intact(let count): verdict = "The audit log is intact: all \(count) events check out."
            case .broken(let sequence, let reason): verdict = "The audit log has been tampered with at event \(sequence): \(reason)."
            }
        }
        let model = AuditPage.Model(filter: filter, rows: rows, errors: errors, hasNext: hasNext, verdict: verdict)
        return AuditPage.view(model, context: PageContext(req)).response(status: errors.isEmpty ? .ok : .badRequest)
    }
}

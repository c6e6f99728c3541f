import CapableCore
import Fluent
import Plot
import SQLKit
import Vapor

/// The risk area's front page, the registers and their CSV exports.
enum RiskController {
    static func home(access: RiskAccess, today: CalendarDate, on db: any Database) async throws -> RiskHomePage.Model {
        let registers = try await RiskRegister.query(on: db).with(\.$orgUnit).all().filter { access.canSee(register: $0.id!) }
        let totals = try await RiskQueries.totals(today: today, on: db)
        let sorted = registers.sorted { ($0.isCorporate ? 0 : 1, $0.name) < ($1.isCorporate ? 0 : 1, $1.name) }
        var mine: [RiskHomePage.Mine] = []
        if let me = access.principal.personID {
            let owned = try await Risk.query(on: db).filter(\.$owner.$id == me).filter(\.$status == Risk.Status.open.rawValue)
                .with(\.$category).sort(\.$reference).all()
            mine = try owned.map { risk in
                .init(id: try risk.requireID(), reference: risk.reference, title: risk.title, current: risk.current,
                      outside: risk.current.map { RiskRules.outsideAppetite(current: $0, ceiling: risk.category.ceiling) } ?? false,
                      overdue: risk.reviewOverdue(today: today))
            }
        }
        return .init(registers: try sorted.map { register in
            .init(id: try register.requireID(), name: register.name, unit: register.orgUnit?.name,
                  totals: totals[try register.requireID()] ?? .init(open: 0, outside: 0, overdue: 0))
        }, mine: mine, matrix: try await RiskSettings.matrix(on: db), canConfigure: access.canConfigure,
           topTeam: access.principal.has(.topTeam))
    }

    @Sendable static func homePage(req: Request) async throws -> HTML {
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        return RiskHomePage.view(try await home(access: access, today: .today, on: req.database), context: PageContext(req))
    }

    struct ViewQuery: Content {
        var kind: String?
        var l: Int?
        var i: Int?
        var since: String?
        var closed: String?
        var page: Int?
    }

    static func register(_ req: Request) async throws -> (RiskRegister, RiskAccess) {
        guard let id = req.parameters.get("registerID", as: UUID.self), let register = try await RiskRegister.query(on: req.database)
            .filter(\.$id == id).with(\.$orgUnit).first() else { throw AppError.notFound }
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        guard access.canSee(register: id) else { throw AppError.forbidden }
        return (register, access)
    }

    /// The register page's model: the heat map of the chosen ratings, the change since a date
    /// when one is asked for, and one page of risks.
    static func query(_ register: RiskRegister, view: RiskURL.View, access: RiskAccess, today: CalendarDate,
                      on db: any Database) async throws -> RegisterPage.Model {
        let id = try register.requireID()
        let matrix = try await RiskSettings.matrix(on: db)
        let (map, unrated) = try await RiskQueries.heatMap(register: id, kind: view.kind, closed: view.closed, matrix: matrix, on: db)
        var since: RegisterPage.Since?, sinceError: FieldError?
        if let raw = view.since, !raw.trimmingCharacters(in: .whitespaces).isEmpty {
            if let date = CalendarDate(raw.trimmingCharacters(in: .whitespaces)), date < today {
                let then = try await RiskQueries.currentAsAt(register: id, date: date, on: db)
                let now = try await RiskQueries.currentNow(register: id, on: db)
                var counts: [RiskDirection: Int] = [:]
                for (risk, current) in now { counts[RiskDirection.between(then[risk], current), default: 0] += 1 }
                let open = Set(now.keys)
                since = .init(date: date.description, map: RiskHeatMap(matrix: matrix, ratings: then.filter { open.contains($0.key) }.map(\.value)),
                              increased: counts[.up] ?? 0, reduced: counts[.down] ?? 0, unchanged: counts[.same] ?? 0, new: counts[.new] ?? 0)
            } else {
                sinceError = FieldError(field: "since", message: "Enter a date before today to compare with, for example 1/4/2026")
            }
        }
        let page = max(1, view.page)
        let found = try await RiskQueries.rows(register: id, view: view, limit: RiskQueries.pageSize + 1,
                                               offset: (page - 1) * RiskQueries.pageSize, on: db)
        let names = Dictionary(try await RiskRegister.query(on: db).all().map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = found.prefix(RiskQueries.pageSize).map { row in
            var movement: String?
            if row.register_id != id { movement = "From \(names[row.register_id] ?? "another register")" }
            else if let to = row.escalated_to_id { movement = "Escalated to \(names[to] ?? "another register")" }
            return RegisterPage.Row(id: row.id, reference: row.reference, title: row.title, category: row.category, owner: row.owner,
                                    inherent: row.rating(.inherent), current: row.rating(.current), target: row.rating(.target),
                                    outside: row.outsideAppetite, overdue: row.reviewOverdue(today: today),
                                    closed: row.status == Risk.Status.closed.rawValue, movement: movement)
        }
        return .init(id: id, name: register.name, unit: register.orgUnit?.name, matrix: matrix, view: view, map: map, unrated: unrated,
                     since: since, sinceError: sinceError, rows: Array(rows), hasNext: found.count > RiskQueries.pageSize,
                     canExport: access.canManage(register: id) || access.canConfigure)
    }

    static func view(from query: ViewQuery) -> RiskURL.View {
        .init(kind: query.kind.flatMap(RiskAssessment.Kind.init) ?? .current, likelihood: query.l, impact: query.i,
              since: query.since, closed: query.closed == "1", page: max(1, query.page ?? 1))
    }

    @Sendable static func registerPage(req: Request) async throws -> Response {
        let (register, access) = try await register(req)
        let model = try await query(register, view: view(from: try req.query.decode(ViewQuery.self)), access: access, today: .today, on: req.database)
        return RegisterPage.view(model, context: PageContext(req)).response(status: model.sinceError == nil ? .ok : .badRequest)
    }

    // MARK: Export

    static let csvHeader = ["register", "reference", "title", "category", "owner_ref", "owner", "status", "cause", "event", "consequence",
                            "inherent_likelihood", "inherent_impact", "inherent_score", "current_likelihood", "current_impact", "current_score",
                            "target_likelihood", "target_impact", "target_score", "outside_appetite", "response", "escalated_to",
                            "identified_on", "next_review_on", "last_reviewed_on", "closed_on"]

    static func csv(registers: [UUID]?, on db: any Database) async throws -> (text: String, rows: Int) {
        var query = Risk.query(on: db).with(\.$category).with(\.$owner).sort(\.$reference)
        if let registers { query = query.group(.or) { $0.filter(\.$register.$id ~~ registers).filter(\.$escalatedTo.$id ~~ registers) } }
        let risks = try await query.all()
        let names = Dictionary(try await RiskRegister.query(on: db).all().map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { a, _ in a })
        func cells(_ rating: RiskMatrix.Rating?) -> [String] {
            rating.map { [String($0.likelihood), String($0.impact), String($0.score)] } ?? ["", "", ""]
        }
        let rows = risks.map { risk -> [String] in
            [names[risk.$register.id] ?? "", risk.reference, risk.title, risk.category.name, risk.owner.employeeRef, risk.owner.displayName,
             risk.status, risk.cause, risk.event, risk.consequence] + cells(risk.inherent) + cells(risk.current) + cells(risk.target)
                + [risk.current.map { RiskRules.outsideAppetite(current: $0, ceiling: risk.category.ceiling) ? "yes" : "no" } ?? "",
                   risk.response ?? "", risk.$escalatedTo.id.flatMap { names[$0] } ?? "", risk.identifiedOn, risk.nextReviewOn ?? "",
                   risk.lastReviewedOn ?? "", risk.closedOn ?? ""]
        }
        return (CSV.write(header: csvHeader, rows: rows), rows.count)
    }

    @Sendable static func exportRegister(req: Request) async throws -> Response {
        let (register, access) = try await register(req)
        let id = try register.requireID()
        guard access.canManage(register: id) || access.canConfigure else { throw AppError.forbidden }
        let (text, count) = try await csv(registers: [id], on: req.database)
        try await req.audit("export", entity: RiskRegister.auditEntity, id: id.uuidString, changes: [FieldChange(field: "rows", old: nil, new: String(count))])
        return ExportController.csvResponse(text, filename: "risk-register-\(register.prefix.lowercased()).csv")
    }

    @Sendable static func exportAll(req: Request) async throws -> Response {
        let (text, count) = try await csv(registers: nil, on: req.database)
        try await req.audit("export", entity: RiskRegister.auditEntity, id: nil, changes: [FieldChange(field: "rows", old: nil, new: String(count))])
        return ExportController.csvResponse(text, filename: "risk-registers.csv")
    }
}

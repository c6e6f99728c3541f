import CapableCore
import Fluent
import SQLKit
import Vapor

/// What registers show, in SQL: the risks on a register (its own, and those escalated to it)
/// a page at a time, ordered by current score, and the counts behind its heat maps.
enum RiskQueries {
    static let pageSize = 100

    struct Row: Sendable {
        var id: UUID
        var reference: String
        var title: String
        var status: String
        var response: String?
        var inherent_likelihood: Int?
        var inherent_impact: Int?
        var current_likelihood: Int?
        var current_impact: Int?
        var target_likelihood: Int?
        var target_impact: Int?
        var next_review_on: String?
        var register_id: UUID
        var escalated_to_id: UUID?
        var category: String
        var category_code: String
        var ceiling: Int
        var given_name: String
        var family_name: String
        var preferred_name: String?

        init(row: any SQLRow) throws {
            id = try row.column("id")
            reference = try row.column("reference")
            title = try row.column("title")
            status = try row.column("status")
            response = try row.optionalColumn("response")
            inherent_likelihood = try row.optionalColumn("inherent_likelihood")
            inherent_impact = try row.optionalColumn("inherent_impact")
            current_likelihood = try row.optionalColumn("current_likelihood")
            current_impact = try row.optionalColumn("current_impact")
            target_likelihood = try row.optionalColumn("target_likelihood")
            target_impact = try row.optionalColumn("target_impact")
            next_review_on = try row.optionalColumn("next_review_on")
            register_id = try row.column("register_id")
            escalated_to_id = try row.optionalColumn("escalated_to_id")
            category = try row.column("category")
            category_code = try row.column("category_code")
            ceiling = try row.column("ceiling")
            given_name = try row.column("given_name")
            family_name = try row.column("family_name")
            preferred_name = try row.optionalColumn("preferred_name")
        }

        var owner: String { "\(preferred_name ?? given_name) \(family_name)" }
        func rating(_ kind: RiskAssessment.Kind) -> RiskMatrix.Rating? {
            let pair: (Int?, Int?) = switch kind {
            case .inherent: (inherent_likelihood, inherent_impact)
            case .current: (current_likelihood, current_impact)
            case .target: (target_likelihood, target_impact)
            }
            guard let l = pair.0, let i = pair.1 else { return nil }
            return .init(likelihood: l, impact: i)
        }
        var outsideAppetite: Bool { status == Risk.Status.open.rawValue && rating(.current).map { RiskRules.outsideAppetite(current: $0, ceiling: ceiling) } ?? false }
        func reviewOverdue(today: CalendarDate) -> Bool {
            RiskRules.reviewOverdue(open: status == Risk.Status.open.rawValue, nextReviewOn: next_review_on, today: today)
        }
    }

    private static func columns(_ kind: RiskAssessment.Kind) -> (SQLIdentifier, SQLIdentifier) {
        (SQLIdentifier("\(kind.rawValue)_likelihood"), SQLIdentifier("\(kind.rawValue)_impact"))
    }

    /// The risks on a register (or on every register, for nil), filtered as the view says.
    /// `within` narrows a list of every register (`register` nil) to some registers and a risk owner's own risks.
    static func rows(register: UUID?, view: RiskURL.View, within: (registers: [UUID], owner: UUID?)? = nil, limit: Int, offset: Int,
                     on db: any Database) async throws -> [Row] {
        // The page's ids first, then their details. A register's own risks and those escalated
        // to it are two runs of the order indexes (`IndexRiskOrder`), merged; nothing is sorted
        // but the page.
        var arms: [SQLQueryString] = []
        if let register {
            arms = ["r.register_id = \(bind: register)", "r.escalated_to_id = \(bind: register)"]
        } else if let within {
            let registers = within.registers.isEmpty ? [UUID()] : within.registers
            var sql: SQLQueryString = "(r.register_id IN (\(binds: registers)) OR r.escalated_to_id IN (\(binds: registers))"
            if let owner = within.owner { sql += " OR r.owner_id = \(bind: owner)" }
            arms = [sql + ")"]
        } else {
            arms = ["1 = 1"]
        }
        var page: SQLQueryString = ""
        for (index, arm) in arms.enumerated() {
            if index > 0 { page += " UNION ALL " }
            page += "SELECT r.id, r.current_score AS score, r.reference FROM risks r WHERE " + arm + filter(register: nil, view: view)
        }
        page += " ORDER BY score DESC NULLS LAST, reference LIMIT \(literal: limit) OFFSET \(literal: offset)"
        let sql: SQLQueryString = """
            SELECT r.id, r.reference, r.title, r.status, r.response, r.inherent_likelihood, r.inherent_impact, r.current_likelihood, \
            r.current_impact, r.target_likelihood, r.target_impact, r.next_review_on, r.register_id, r.escalated_to_id, \
            c.name AS category, c.code AS category_code, c.ceiling, p.given_name, p.family_name, p.preferred_name \
            FROM (\(page)) page JOIN risks r ON r.id = page.id JOIN risk_categories c ON c.id = r.category_id JOIN people p ON p.id = r.owner_id \
            ORDER BY r.current_score DESC NULLS LAST, r.reference
            """
        return try await db.sql.raw(sql).all().map(Row.init(row:))
    }

    private static func filter(register: UUID?, view: RiskURL.View) -> SQLQueryString {
        var sql: SQLQueryString = ""
        if let register { sql += " AND (r.register_id = \(bind: register) OR r.escalated_to_id = \(bind: register))" }
        if !view.closed { sql += " AND r.status = \(bind: Risk.Status.open.rawValue)" }
        if let l = view.likelihood, let i = view.impact {
            let (lc, ic) = columns(view.kind)
            sql += " AND r.\(ident: lc.string) = \(bind: l) AND r.\(ident: ic.string) = \(bind: i)"
        }
        return sql
    }

    /// How many risks sit in each cell for one kind of rating, and how many are not yet rated.
    static func heatMap(register: UUID?, kind: RiskAssessment.Kind, closed: Bool, matrix: RiskMatrix, on db: any Database) async throws -> (map: RiskHeatMap, unrated: Int) {
        struct Cell: Decodable { var l: Int?; var i: Int?; var n: Int }
        let (lc, ic) = columns(kind)
        var sql: SQLQueryString = "SELECT r.\(ident: lc.string) AS l, r.\(ident: ic.string) AS i, COUNT(*) AS n FROM risks r WHERE 1 = 1"
        sql += filter(register: register, view: .init(kind: kind, closed: closed))
        sql += " GROUP BY r.\(ident: lc.string), r.\(ident: ic.string)"
        let cells = try await db.sql.raw(sql).all(decoding: Cell.self)
        var ratings: [RiskMatrix.Rating] = [], unrated = 0
        for cell in cells {
            guard let l = cell.l, let i = cell.i else {
                unrated += cell.n
                continue
            }
            ratings += Array(repeating: .init(likelihood: l, impact: i), count: cell.n)
        }
        return (RiskHeatMap(matrix: matrix, ratings: ratings), unrated)
    }

    /// Each open risk's current rating as it stood at the end of a day (from the history), for
    /// the heat map "as at" a date and the direction of travel since.
    static func currentAsAt(register: UUID?, date: CalendarDate, on db: any Database) async throws -> [UUID: RiskMatrix.Rating] {
        struct Row: Decodable { var risk_id: UUID; var likelihood: Int; var impact: Int }
        let end = DisplayFormat.start(of: date.adding(days: 1))
        let current = RiskAssessment.Kind.current.rawValue
        // Each open risk's latest current assessment before the end of the day: one seek per risk.
        var sql: SQLQueryString = """
            SELECT a.risk_id, a.likelihood, a.impact FROM risks r JOIN risk_assessments a ON a.risk_id = r.id AND a.kind = \(bind: current) \
            AND a.assessed_at = (SELECT MAX(b.assessed_at) FROM risk_assessments b WHERE b.risk_id = r.id AND b.kind = \(bind: current) \
            AND b.assessed_at < \(bind: end)) WHERE 1 = 1
            """
        sql += filter(register: register, view: .init())
        let rows = try await db.sql.raw(sql).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.risk_id, RiskMatrix.Rating(likelihood: $0.likelihood, impact: $0.impact)) }, uniquingKeysWith: { a, _ in a })
    }

    /// Each open risk's current rating now, for the direction of travel since a date.
    static func currentNow(register: UUID?, on db: any Database) async throws -> [UUID: RiskMatrix.Rating] {
        struct Row: Decodable { var id: UUID; var current_likelihood: Int?; var current_impact: Int? }
        var sql: SQLQueryString = "SELECT r.id, r.current_likelihood, r.current_impact FROM risks r WHERE 1 = 1"
        sql += filter(register: register, view: .init())
        return try await db.sql.raw(sql).all(decoding: Row.self).reduce(into: [:]) { found, row in
            if let l = row.current_likelihood, let i = row.current_impact { found[row.id] = .init(likelihood: l, impact: i) }
        }
    }

    /// Open risks, outside appetite, and reviews overdue on a register, for the registers list.
    struct Totals: Decodable, Sendable {
        var open: Int
        var outside: Int
        var overdue: Int
    }

    static func totals(today: CalendarDate, on db: any Database) async throws -> [UUID: Totals] {
        struct Row: Decodable { var register: UUID; var open: Int; var outside: Int; var overdue: Int }
        let rows = try await db.sql.raw("""
            SELECT x.register, CAST(COUNT(*) AS BIGINT) AS open, \
            CAST(SUM(CASE WHEN x.current_score > x.ceiling THEN 1 ELSE 0 END) AS BIGINT) AS outside, \
            CAST(SUM(CASE WHEN x.next_review_on < \(bind: today.description) THEN 1 ELSE 0 END) AS BIGINT) AS overdue \
            FROM (SELECT r.register_id AS register, r.current_score, r.next_review_on, c.ceiling FROM risks r JOIN risk_categories c ON c.id = r.category_id \
            WHERE r.status = \(bind: Risk.Status.open.rawValue) \
            UNION ALL SELECT r.escalated_to_id AS register, r.current_score, r.next_review_on, c.ceiling FROM risks r \
            JOIN risk_categories c ON c.id = r.category_id WHERE r.status = \(bind: Risk.Status.open.rawValue) AND r.escalated_to_id IS NOT NULL) x \
            GROUP BY x.register
            """).all(decoding: Row.self)
        return Dictionary(rows.map { ($0.register, Totals(open: $0.open, outside: $0.outside, overdue: $0.overdue)) }, uniquingKeysWith: { a, _ in a })
    }
}

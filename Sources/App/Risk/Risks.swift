import CapableCore
import Fluent
import SQLKit
import Vapor

/// Identifying a risk and changing what it is: the rules shared by the pages and the API.
enum Risks {
    /// What a form or API call says about a risk. Field names are the form's; the API maps its own.
    struct Input: Content, Sendable {
        var title: String?
        var cause: String?
        var event: String?
        var consequence: String?
        /// A category code, e.g. "compliance".
        var category: String?
        /// The owner's employee number.
        var owner: String?
        /// Framework element codes, separated by commas.
        var elements: String?
        var review_months: String?
    }

    struct Clean: Sendable {
        var title: String, cause: String, event: String, consequence: String
        var category: UUID
        /// The category's code and appetite ceiling, for showing the risk just written.
        var categoryCode: String, ceiling: Int
        var owner: UUID, elements: [UUID], reviewMonths: Int
    }

    static let textLimit = 2000

    static func validate(_ input: Input, on db: any Database) async throws -> Result<Clean, AppError> {
        var errors: [FieldError] = []
        func text(_ raw: String?, _ field: String, _ what: String, max: Int = textLimit) -> String {
            let value = (raw ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if value.isEmpty { errors.append(.init(field: field, message: "Enter \(what)")) }
            if value.count > max { errors.append(.init(field: field, message: "The \(field) must be \(max) characters or fewer")) }
            return value
        }
        let title = text(input.title, "title", "the risk's title", max: 200)
        let cause = text(input.cause, "cause", "the cause: what could make it happen")
        let event = text(input.event, "event", "the event: what could happen")
        let consequence = text(input.consequence, "consequence", "the consequence: what the effect would be")
        let code = (input.category ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        let ownerRef = StaffNumber.reference(input.owner, field: "owner", who: "the risk's owner", required: true, errors: &errors)
        // The category and the owner in one query: raising a risk is a busy write, and on SQLite
        // each query is a trip to the database thread and back.
        struct Found: Decodable { var category_id: UUID?; var code: String?; var ceiling: Int?; var owner_id: UUID? }
        let found = try await db.sql.raw("""
            SELECT c.id AS category_id, c.code, c.ceiling,
                   (SELECT id FROM people WHERE employee_ref = \(bind: ownerRef ?? "") AND active = \(bind: true)) AS owner_id
            FROM (SELECT 1 AS one) AS one
            LEFT JOIN risk_categories c ON c.code = \(bind: code) AND c.active = \(bind: true)
            """).first(decoding: Found.self)
        let category: (id: UUID, code: String, ceiling: Int)? = found.flatMap { row in
            guard let id = row.category_id, let code = row.code, let ceiling = row.ceiling else { return nil }
            return (id, code, ceiling)
        }
        if category == nil { errors.append(.init(field: "category", message: "Choose a category")) }
        let owner = found?.owner_id
        if let ownerRef, owner == nil { errors.append(StaffNumber.unknown(ownerRef, field: "owner")) }
        let elements = try await Frameworks.elementIDs(fromCodes: input.elements, field: "elements", errors: &errors, on: db)
        let rawMonths = (input.review_months ?? "").trimmingCharacters(in: .whitespaces)
        let months = rawMonths.isEmpty ? 3 : Int(rawMonths)
        if months == nil || !(1...24).contains(months ?? 0) {
            errors.append(.init(field: "review_months", message: "Enter how often the risk is reviewed, in months from 1 to 24"))
        }
        guard errors.isEmpty, let category, let ownerID = owner, let months else { return .failure(.invalid(errors)) }
        return .success(Clean(title: title, cause: cause, event: event, consequence: consequence, category: category.id, categoryCode: category.code, ceiling: category.ceiling, owner: ownerID,
                              elements: elements, reviewMonths: months))
    }

    /// A checked risk to raise: where, its first ratings (checked by `RiskAssessing.check`),
    /// and who asked.
    struct NewRisk: Sendable {
        var clean: Clean
        var register: RiskRegister
        var ratings: [(RiskAssessment.Kind, RiskMatrix.Rating)] = []
        var reason: String? = nil
        var targetReason: String? = nil
        var today: CalendarDate
        var principal: Principal
        var context: AuditContext
    }

    /// Raises a risk on a register with the register's next reference and any first ratings,
    /// each kept in the history, audited.
    static func create(_ clean: Clean, on register: RiskRegister, today: CalendarDate, req: Request) async throws -> Risk {
        let new = NewRisk(clean: clean, register: register, today: today, principal: try req.requirePrincipal(), context: req.auditContext)
        guard let risk = try await create([new], on: req.database).first else { throw AppError.notFound }
        return risk
    }

    /// Raises several risks in the caller's transaction with a fixed handful of statements
    /// whatever their number (the API's group commit, `RiskCreations`, passes many at once).
    static func create(_ items: [NewRisk], on db: any Database) async throws -> [Risk] {
        // Each register's numbers are taken by one UPDATE, so risks raised at once never share a reference.
        struct Row: Decodable { var next_number: Int }
        var next: [UUID: Int] = [:]
        for (registerID, count) in Dictionary(grouping: items, by: { $0.register.id ?? UUID() }).mapValues(\.count) {
            guard let taken = try await db.sql.raw("""
                UPDATE risk_registers SET next_number = next_number + \(bind: count) WHERE id = \(bind: registerID) RETURNING next_number
                """).first(decoding: Row.self) else { throw AppError.notFound }
            next[registerID] = taken.next_number - count
        }
        var risks: [Risk] = [], history: [RiskAssessment] = [], elements: [RiskElement] = []
        var audit: [(entry: Audit.Entry, context: AuditContext)] = []
        for item in items {
            let registerID = try item.register.requireID()
            let number = next[registerID] ?? 0
            next[registerID] = number + 1
            let risk = Risk()
            risk.id = UUID()
            risk.reference = RiskRegister.reference(prefix: item.register.prefix, number: number)
            risk.$register.id = registerID
            apply(item.clean, to: risk)
            risk.status = Risk.Status.open.rawValue
            risk.identifiedOn = item.today.description
            risk.nextReviewOn = item.today.adding(months: item.clean.reviewMonths).description
            risk.createdBy = item.principal.accountID
            history += try RiskAssessing.historyRows(item.ratings, reason: item.reason, risk: risk, principal: item.principal)
            for (kind, rating) in item.ratings { risk.set(kind, rating) }
            let why = (item.targetReason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if !why.isEmpty { risk.targetReason = why }
            let id = try risk.requireID()
            elements += item.clean.elements.map { RiskElement(riskID: id, elementID: $0) }
            var changes = FieldChange.diff(before: [:], after: risk.auditSnapshot)
            if !item.clean.elements.isEmpty {
                changes.append(FieldChange(field: "elements", old: nil, new: item.clean.elements.map(\.uuidString).sorted().joined(separator: ",")))
            }
            audit.append((Audit.Entry(action: "create", entity: Risk.auditEntity, id: id.uuidString, changes: changes), item.context))
            risks.append(risk)
        }
        try await insert(risks, on: db)
        try await insert(history, on: db)
        try await insert(elements, on: db)
        try await Audit.appendAll(audit, on: db)
        return risks
    }

    // Raising risks is the busiest write, so its rows go in by plain multi-row INSERTs: Fluent's
    // `create` finds a model's fields by reflection, which cost more than the rest of the
    // request. The values are bound exactly as Fluent binds them, so the rows are the same.

    private static func insert(_ risks: [Risk], on db: any Database) async throws {
        guard !risks.isEmpty else { return }
        let now = Date()
        var insert = db.sql.insert(into: Risk.schema).columns(
            "id", "created_at", "updated_at", "reference", "title", "cause", "event", "consequence", "status", "identified_on",
            "inherent_likelihood", "inherent_impact", "current_likelihood", "current_impact", "current_score", "target_likelihood",
            "target_impact", "target_reason", "review_months", "next_review_on", "created_by", "register_id", "category_id", "owner_id")
        for risk in risks {
            (risk.createdAt, risk.updatedAt) = (now, now)
            insert = insert.values([
                SQLBind(try risk.requireID()), SQLBind(now), SQLBind(now), SQLBind(risk.reference), SQLBind(risk.title), SQLBind(risk.cause),
                SQLBind(risk.event), SQLBind(risk.consequence), SQLBind(risk.status), SQLBind(risk.identifiedOn),
                SQLBind(risk.inherentLikelihood), SQLBind(risk.inherentImpact), SQLBind(risk.currentLikelihood), SQLBind(risk.currentImpact),
                SQLBind(risk.currentScore), SQLBind(risk.targetLikelihood), SQLBind(risk.targetImpact), SQLBind(risk.targetReason),
                SQLBind(risk.reviewMonths), SQLBind(risk.nextReviewOn), SQLBind(risk.createdBy), SQLBind(risk.$register.id),
                SQLBind(risk.$category.id), SQLBind(risk.$owner.id),
            ])
            // Written: a later save updates the row instead of inserting it again.
            risk.$id.exists = true
        }
        try await insert.run()
    }

    private static func insert(_ history: [RiskAssessment], on db: any Database) async throws {
        guard !history.isEmpty else { return }
        var insert = db.sql.insert(into: RiskAssessment.schema).columns(
            "id", "risk_id", "kind", "likelihood", "impact", "score", "reason", "assessed_at", "assessed_by_name", "assessed_by", "review_id")
        for row in history {
            row.id = row.id ?? UUID()
            insert = insert.values([
                SQLBind(row.id), SQLBind(row.$risk.id), SQLBind(row.kind), SQLBind(row.likelihood), SQLBind(row.impact), SQLBind(row.score),
                SQLBind(row.reason), SQLBind(row.assessedAt), SQLBind(row.assessedByName), SQLBind(row.assessedBy), SQLBind(row.reviewID),
            ])
            row.$id.exists = true
        }
        try await insert.run()
    }

    private static func insert(_ elements: [RiskElement], on db: any Database) async throws {
        guard !elements.isEmpty else { return }
        var insert = db.sql.insert(into: RiskElement.schema).columns("id", "risk_id", "element_id")
        for row in elements {
            row.id = row.id ?? UUID()
            insert = insert.values([SQLBind(row.id), SQLBind(row.$risk.id), SQLBind(row.elementID)])
            row.$id.exists = true
        }
        try await insert.run()
    }

    /// Changes what the risk is (not its ratings, which `RiskAssessing` keeps with history).
    static func update(_ risk: Risk, with clean: Clean, req: Request) async throws {
        try await req.update(risk) { apply(clean, to: $0) }
        try await setElements(clean.elements, of: risk, req: req)
    }

    private static func apply(_ clean: Clean, to risk: Risk) {
        risk.title = clean.title
        risk.cause = clean.cause
        risk.event = clean.event
        risk.consequence = clean.consequence
        risk.$category.id = clean.category
        risk.$owner.id = clean.owner
        risk.reviewMonths = clean.reviewMonths
    }

    static func elements(of risk: UUID, on db: any Database) async throws -> [UUID] {
        try await RiskElement.query(on: db).filter(\.$risk.$id == risk).all().map(\.elementID)
    }

    private static func setElements(_ elements: [UUID], of risk: Risk, req: Request) async throws {
        let id = try risk.requireID()
        let before = try await self.elements(of: id, on: req.database)
        guard Set(before) != Set(elements) else { return }
        try await RiskElement.query(on: req.database).filter(\.$risk.$id == id).delete()
        for element in elements { try await RiskElement(riskID: id, elementID: element).create(on: req.database) }
        try await req.audit("update", entity: Risk.auditEntity, id: id.uuidString,
                            changes: [FieldChange(field: "elements", old: before.map(\.uuidString).sorted().joined(separator: ","),
                                                  new: elements.map(\.uuidString).sorted().joined(separator: ","))])
    }

    /// Closes or reopens a risk.
    static func setStatus(_ risk: Risk, to status: Risk.Status, today: CalendarDate, req: Request) async throws {
        guard risk.statusValue != status else { return }
        try await req.update(risk) { risk in
            risk.status = status.rawValue
            risk.closedOn = status == .closed ? today.description : nil
        }
    }

    /// Risks that a framework element manages, for the element's page.
    static func managed(by element: UUID, on db: any Database) async throws -> [Risk] {
        try await Risk.query(on: db).join(RiskElement.self, on: \Risk.$id == \RiskElement.$risk.$id)
            .filter(RiskElement.self, \.$elementID == element).filter(\.$status == Risk.Status.open.rawValue).sort(\.$reference).all()
    }
}

import CapableCore
import Fluent
import Vapor

/// `/api/v1/registers`, `/risks`, `/risks/{id}/assessments|actions|reviews|escalations` and
/// `/appetite`: the same rules and access as the pages, as JSON. Errors name the JSON fields.
enum RiskAPI {
    struct Rating: Content {
        var likelihood: Int
        var impact: Int
        var score: Int
        var band: String

        init?(_ rating: RiskMatrix.Rating?, matrix: RiskMatrix) {
            guard let rating else { return nil }
            likelihood = rating.likelihood
            impact = rating.impact
            score = rating.score
            band = matrix.band(for: rating.score)?.name ?? ""
        }
    }

    struct RegisterDTO: Content {
        var id: UUID
        var name: String
        var prefix: String
        var unitId: UUID?
        var corporate: Bool
        var openRisks: Int
        var outsideAppetite: Int
        var reviewsOverdue: Int
    }

    struct RiskSummary: Content {
        var id: UUID
        var reference: String
        var title: String
        var registerId: UUID
        var escalatedToId: UUID?
        var category: String
        var owner: String
        var status: String
        var inherent: Rating?
        var current: Rating?
        var target: Rating?
        var outsideAppetite: Bool
        var reviewOverdue: Bool
        var nextReviewOn: String?
    }

    struct Acceptance: Content {
        var approverId: UUID?
        var reason: String
        var expiresOn: String
        var expired: Bool
    }

    struct Indicator: Content {
        var kind: String
        var requirementId: UUID?
        var threshold: Int
    }

    struct RiskDTO: Content {
        var id: UUID
        var reference: String
        var title: String
        var cause: String
        var event: String
        var consequence: String
        var registerId: UUID
        var escalatedToId: UUID?
        var category: String
        var appetiteCeiling: Int
        var ownerId: UUID
        var status: String
        var identifiedOn: String
        var closedOn: String?
        var response: String?
        var acceptance: Acceptance?
        var inherent: Rating?
        var current: Rating?
        var target: Rating?
        var targetReason: String?
        var outsideAppetite: Bool
        var reviewMonths: Int
        var nextReviewOn: String?
        var lastReviewedOn: String?
        var reviewOverdue: Bool
        var elementIds: [UUID]
        var indicator: Indicator?

        init(_ risk: RiskQueries.Detail, matrix: RiskMatrix, today: CalendarDate) {
            let open = risk.status == Risk.Status.open.rawValue
            let current = risk.rating(risk.current_likelihood, risk.current_impact)
            id = risk.id
            reference = risk.reference
            title = risk.title
            cause = risk.cause
            event = risk.event
            consequence = risk.consequence
            registerId = risk.register_id
            escalatedToId = risk.escalated_to_id
            category = risk.category_code
            appetiteCeiling = risk.ceiling
            ownerId = risk.owner_id
            status = risk.status
            identifiedOn = risk.identified_on
            closedOn = risk.closed_on
            response = risk.response
            let tolerated = risk.response == Risk.Response.tolerate.rawValue
            acceptance = tolerated
                ? Acceptance(approverId: risk.accepted_by_id, reason: risk.acceptance_reason ?? "", expiresOn: risk.acceptance_expires_on ?? "",
                             expired: RiskRules.acceptanceExpired(tolerated: true, expiresOn: risk.acceptance_expires_on, today: today)) : nil
            inherent = Rating(risk.rating(risk.inherent_likelihood, risk.inherent_impact), matrix: matrix)
            self.current = Rating(current, matrix: matrix)
            target = Rating(risk.rating(risk.target_likelihood, risk.target_impact), matrix: matrix)
            targetReason = risk.target_reason
            outsideAppetite = open && (current.map { RiskRules.outsideAppetite(current: $0, ceiling: risk.ceiling) } ?? false)
            reviewMonths = risk.review_months
            nextReviewOn = risk.next_review_on
            lastReviewedOn = risk.last_reviewed_on
            reviewOverdue = RiskRules.reviewOverdue(open: open, nextReviewOn: risk.next_review_on, today: today)
            elementIds = risk.elements
            indicator = risk.kri_kind.map { Indicator(kind: $0, requirementId: risk.kri_requirement_id, threshold: risk.kri_threshold ?? 0) }
        }
    }

    // MARK: Registers

    @Sendable static func registers(req: Request) async throws -> [RegisterDTO] {
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        let model = try await RiskController.home(access: access, today: .today, on: req.database)
        let registers = try await RiskRegister.query(on: req.database).all()
        let byID = Dictionary(registers.compactMap { r in r.id.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        return model.registers.compactMap { row in
            byID[row.id].map { .init(id: row.id, name: row.name, prefix: $0.prefix, unitId: $0.$orgUnit.id, corporate: $0.isCorporate,
                                     openRisks: row.totals.open, outsideAppetite: row.totals.outside, reviewsOverdue: row.totals.overdue) }
        }
    }

    struct RegisterInput: Content {
        var unitCode: String?
        var prefix: String?
        var name: String?
    }

    @Sendable static func createRegister(req: Request) async throws -> Response {
        let input = try req.content.decode(RegisterInput.self)
        switch try await RegistersController.validate(.init(unit: input.unitCode, prefix: input.prefix, name: input.name), on: req.database) {
        case .failure(let error):
            throw LearningAPI.renamed(error, ["unit": "unitCode"])
        case .success(let register):
            try await req.create(register)
            return try await RegisterDTO(id: try register.requireID(), name: register.name, prefix: register.prefix, unitId: register.$orgUnit.id,
                                         corporate: false, openRisks: 0, outsideAppetite: 0, reviewsOverdue: 0).encodeResponse(status: .created, for: req)
        }
    }

    // MARK: Risks

    /// One page of the risks on a register (`?register=`), or on every register the caller may see.
    @Sendable static func risks(req: Request) async throws -> Response {
        try await riskPage(req: req).jsonResponse()
    }

    static func riskPage(req: Request) async throws -> PeopleAPI.Page<RiskSummary> {
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 100_000))
        let per = max(1, min(req.query[Int.self, at: "per"] ?? req.query[Int.self, at: "perPage"] ?? 100, 500))
        let register = req.query[UUID.self, at: "register"]
        // Whether the register exists, and the matrix, in one plain query: this is the busiest list.
        struct Found: Decodable { var found: Int; var matrix: String? }
        let found = try await req.database.sql.raw("""
            SELECT (SELECT COUNT(*) FROM risk_registers WHERE id = \(bind: register ?? UUID())) AS found,
                   (SELECT value FROM settings WHERE \(ident: "key") = \(bind: RiskSettings.matrixKey)) AS matrix
            """).first(decoding: Found.self)
        if let register {
            guard found?.found == 1 else { throw AppError.notFound }
            guard access.canSee(register: register) else { throw AppError.forbidden }
        }
        // Without a register: every register the caller may see, and their own risks.
        let within = register == nil ? access.visible.map { (Array($0), access.principal.personID) } : nil
        let view = RiskURL.View(closed: req.query[String.self, at: "status"] == "all")
        let rows = try await RiskQueries.rows(register: register, view: view, within: within, limit: per + 1, offset: (page - 1) * per, on: req.database)
        let matrix = RiskSettings.matrix(json: found?.matrix)
        let today = CalendarDate.today
        return .init(items: rows.prefix(per).map { row in
            RiskSummary(id: row.id, reference: row.reference, title: row.title, registerId: row.register_id, escalatedToId: row.escalated_to_id,
                        category: row.category_code, owner: row.owner, status: row.status, inherent: Rating(row.rating(.inherent), matrix: matrix),
                        current: Rating(row.rating(.current), matrix: matrix), target: Rating(row.rating(.target), matrix: matrix),
                        outsideAppetite: row.outsideAppetite, reviewOverdue: row.reviewOverdue(today: today), nextReviewOn: row.next_review_on)
        }, page: page, perPage: per, hasNext: rows.count > per)
    }

    struct RatingInput: Content {
        var likelihood: Int?
        var impact: Int?
    }

    struct RiskInput: Content {
        var registerId: UUID?
        var title: String?
        var cause: String?
        var event: String?
        var consequence: String?
        var category: String?
        /// The owner's employee number.
        var owner: String?
        /// Framework element codes.
        var elements: [String]?
        var reviewMonths: Int?
        var inherent: RatingInput?
        var current: RatingInput?
        var target: RatingInput?
        var reason: String?
        var targetReason: String?
    }

    static let riskFields = ["review_months": "reviewMonths", "target_reason": "targetReason", "inherent_likelihood": "inherent.likelihood",
                             "inherent_impact": "inherent.impact", "current_likelihood": "current.likelihood", "current_impact": "current.impact",
                             "target_likelihood": "target.likelihood", "target_impact": "target.impact"]

    /// Raises a risk, with any first ratings: nothing is written unless all of it is right.
    /// Everything is read and checked first, outside any transaction (`checksBeforeWriting`);
    /// then the risk is written with others arriving at the same time (`RiskCreations`).
    @Sendable static func createRisk(req: Request) async throws -> Response {
        let input = try req.content.decode(RiskInput.self)
        // The register's name and prefix, and the matrix, in one plain query (see `RiskCreations`).
        struct Found: Decodable { var id: UUID; var name: String; var prefix: String; var org_unit_id: UUID?; var matrix: String? }
        guard let registerID = input.registerId, let found = try await req.database.sql.raw("""
            SELECT id, name, prefix, org_unit_id, (SELECT value FROM settings WHERE \(ident: "key") = \(bind: RiskSettings.matrixKey)) AS matrix
            FROM risk_registers WHERE id = \(bind: registerID)
            """).first(decoding: Found.self) else {
            throw AppError.invalid([.init(field: "registerId", message: "Give the register the risk belongs on")])
        }
        let register = RiskRegister(id: found.id, name: found.name, prefix: found.prefix, unitID: found.org_unit_id)
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        guard access.canSee(register: registerID) else { throw AppError.forbidden }
        let matrix = RiskSettings.matrix(json: found.matrix)
        let details = try await Risks.validate(.init(title: input.title, cause: input.cause, event: input.event, consequence: input.consequence,
                                                     category: input.category, owner: input.owner, elements: input.elements?.joined(separator: ","),
                                                     review_months: input.reviewMonths.map(String.init)), on: req.database)
        var errors: [FieldError] = []
        if case .failure(.invalid(let more)) = details { errors += more }
        var ratings: [RiskAssessment.Kind: RiskMatrix.Rating] = [:]
        for (kind, given) in [(RiskAssessment.Kind.inherent, input.inherent), (.current, input.current), (.target, input.target)] {
            guard let given else { continue }
            ratings[kind] = RiskAssessing.parse(given.likelihood.map(String.init) ?? "0", given.impact.map(String.init) ?? "0", field: kind.rawValue,
                                                matrix: matrix, errors: &errors)
        }
        var changes: [(RiskAssessment.Kind, RiskMatrix.Rating)] = []
        if !ratings.isEmpty {
            switch RiskAssessing.check(ratings, reason: input.reason, targetReason: input.targetReason, risk: Risk(),
                                       field: { kind, name in kind.map { "\($0.rawValue)_\(name)" } ?? name }) {
            case .success(let found): changes = found
            case .failure(.invalid(let more)): errors += more
            case .failure(let error): throw error
            }
        }
        guard errors.isEmpty, case .success(let clean) = details else { throw LearningAPI.renamed(.invalid(errors), riskFields) }
        let today = CalendarDate.today
        let new = Risks.NewRisk(clean: clean, register: register, ratings: changes, reason: input.reason, targetReason: input.targetReason,
                                today: today, principal: try req.requirePrincipal(), context: req.auditContext)
        let risk = try await req.application.riskCreations.create(new, app: req.application)
        // What was written, as `GET /risks/{id}` shows it, without reading it back.
        let written = try RiskQueries.Detail(risk, categoryCode: clean.categoryCode, ceiling: clean.ceiling, elements: clean.elements)
        return RiskDTO(written, matrix: matrix, today: today).jsonResponse(status: .created, capacity: 2048)
    }

    /// A risk as it stands after a change (read in the request's transaction).
    static func dto(_ risk: Risk, on req: Request) async throws -> RiskDTO {
        guard let detail = try await RiskQueries.detail(try risk.requireID(), on: req.database) else { throw AppError.notFound }
        return RiskDTO(detail, matrix: RiskSettings.matrix(json: detail.matrix), today: .today)
    }

    @Sendable static func risk(req: Request) async throws -> Response {
        try await riskDTO(req: req).jsonResponse(capacity: 2048)
    }

    static func riskDTO(req: Request) async throws -> RiskDTO {
        guard let id = req.parameters.get("riskID", as: UUID.self), let risk = try await RiskQueries.detail(id, on: req.database) else {
            throw AppError.notFound
        }
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        guard access.canSee(register: risk.register_id, escalatedTo: risk.escalated_to_id, owner: risk.owner_id) else { throw AppError.forbidden }
        return RiskDTO(risk, matrix: RiskSettings.matrix(json: risk.matrix), today: .today)
    }

    // MARK: Assessments

    struct AssessmentDTO: Content {
        var kind: String
        var likelihood: Int
        var impact: Int
        var score: Int
        var reason: String
        var assessedAt: Date
        var assessedBy: String
    }

    @Sendable static func assessments(req: Request) async throws -> [AssessmentDTO] {
        let (risk, _) = try await RiskAccess.risk(req.parameters.get("riskID", as: UUID.self), for: req)
        return try await RiskAssessing.history(of: try risk.requireID(), on: req.database).map {
            .init(kind: $0.kind, likelihood: $0.likelihood, impact: $0.impact, score: $0.score, reason: $0.reason, assessedAt: $0.assessedAt,
                  assessedBy: $0.assessedByName)
        }
    }

    struct AssessmentInput: Content {
        var kind: String?
        var likelihood: Int?
        var impact: Int?
        var reason: String?
        var targetReason: String?
    }

    @Sendable static func assess(req: Request) async throws -> Response {
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        let input = try req.content.decode(AssessmentInput.self)
        guard let kind = RiskAssessment.Kind(rawValue: input.kind ?? "") else {
            throw AppError.invalid([.init(field: "kind", message: "Give the kind of assessment: inherent, current or target")])
        }
        var errors: [FieldError] = []
        let rating = RiskAssessing.parse(input.likelihood.map(String.init) ?? "0", input.impact.map(String.init) ?? "0", field: "x",
                                         matrix: try await RiskSettings.matrix(on: req.database), errors: &errors)
        guard errors.isEmpty, let rating else { throw AppError.invalid(errors.map { .init(field: String($0.field.dropFirst(2)), message: $0.message) }) }
        switch RiskAssessing.check([kind: rating], reason: input.reason, targetReason: input.targetReason, risk: risk,
                                   field: { _, name in name == "target_reason" ? "targetReason" : name }) {
        case .failure(let error): throw error
        case .success(let changes):
            try await RiskAssessing.record(changes, reason: input.reason, targetReason: input.targetReason, risk: risk, req: req)
            return try await dto(risk, on: req).encodeResponse(status: .created, for: req)
        }
    }

    // MARK: Actions, reviews, escalations

    @Sendable static func actions(req: Request) async throws -> [ActionsAPI.ActionDTO] {
        let (risk, _) = try await RiskAccess.risk(req.parameters.get("riskID", as: UUID.self), for: req)
        let today = CalendarDate.today
        return try await RiskResponses.actions(of: try risk.requireID(), on: req.database).map { try ActionsAPI.ActionDTO($0, today: today) }
    }

    struct ActionInput: Content {
        var description: String?
        var owner: String?
        var dueOn: String?
    }

    @Sendable static func addAction(req: Request) async throws -> Response {
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        let input = try req.content.decode(ActionInput.self)
        let result = try await RiskResponses.addAction(to: risk, form: .init(description: input.description, owner: input.owner, due_on: input.dueOn),
                                                       field: { $0 == "due_on" ? "dueOn" : $0 }, req: req)
        return try await ActionsAPI.ActionDTO(try result.get(), today: .today).encodeResponse(status: .created, for: req)
    }

    struct ReviewDTO: Content {
        var id: UUID
        var reviewedOn: String
        var likelihood: Int
        var impact: Int
        var note: String
        var nextReviewOn: String
        var reviewer: String
    }

    @Sendable static func reviews(req: Request) async throws -> [ReviewDTO] {
        let (risk, _) = try await RiskAccess.risk(req.parameters.get("riskID", as: UUID.self), for: req)
        return try await RiskReview.query(on: req.database).filter(\.$risk.$id == risk.requireID()).sort(\.$reviewedOn, .descending).all().map(review)
    }

    static func review(_ review: RiskReview) throws -> ReviewDTO {
        .init(id: try review.requireID(), reviewedOn: review.reviewedOn, likelihood: review.likelihood, impact: review.impact, note: review.note,
              nextReviewOn: review.nextReviewOn, reviewer: review.reviewerName)
    }

    struct ReviewInput: Content {
        var reviewedOn: String?
        var likelihood: Int?
        var impact: Int?
        var note: String?
        var nextReviewOn: String?
    }

    @Sendable static func addReview(req: Request) async throws -> Response {
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        let input = try req.content.decode(ReviewInput.self)
        let names = ["reviewed_on": "reviewedOn", "next_review_on": "nextReviewOn"]
        let result = try await RiskAssessing.review(risk, form: .init(reviewed_on: input.reviewedOn, likelihood: input.likelihood.map(String.init),
                                                                      impact: input.impact.map(String.init), note: input.note, next_review_on: input.nextReviewOn),
                                                    matrix: try await RiskSettings.matrix(on: req.database), today: .today,
                                                    field: { names[$0] ?? $0 }, req: req)
        return try await review(try result.get()).encodeResponse(status: .created, for: req)
    }

    struct EscalationInput: Content {
        /// "escalate" or "de-escalate".
        var direction: String?
        var registerId: UUID?
        var reason: String?
    }

    @Sendable static func escalate(req: Request) async throws -> RiskDTO {
        let (risk, _) = try await RiskAccess.editableRisk(req.parameters.get("riskID", as: UUID.self), for: req)
        let input = try req.content.decode(EscalationInput.self)
        let form = RiskEscalations.Form(register: input.registerId, reason: input.reason)
        let field: (String) -> String = { $0 == "register" ? "registerId" : $0 }
        switch input.direction {
        case "escalate": try await RiskEscalations.escalate(risk, form: form, field: field, req: req).get()
        case "de-escalate": try await RiskEscalations.deEscalate(risk, form: form, field: field, req: req).get()
        default: throw AppError.invalid([.init(field: "direction", message: "Give the direction: escalate or de-escalate")])
        }
        return try await dto(risk, on: req)
    }

    // MARK: Appetite

    struct CategoryDTO: Content {
        var code: String
        var name: String
        var description: String
        var appetite: String
        var ceiling: Int
    }

    struct AppetiteDTO: Content {
        var categories: [CategoryDTO]
        var visibility: String
        var matrix: RiskMatrix
    }

    @Sendable static func appetite(req: Request) async throws -> AppetiteDTO {
        let model = try await AppetiteController.query(canEdit: false, on: req.database)
        return .init(categories: model.categories.map { .init(code: $0.code, name: $0.name, description: $0.summary, appetite: $0.appetite.rawValue, ceiling: $0.ceiling) },
                     visibility: model.visibility.rawValue, matrix: model.matrix)
    }

    struct AppetiteInput: Content {
        struct Category: Content {
            var code: String
            var appetite: String?
            var ceiling: Int?
        }
        var categories: [Category]?
        var visibility: String?
    }

    /// Changes categories' appetite (and ceiling: the level's default when not given) and the visibility setting.
    @Sendable static func setAppetite(req: Request) async throws -> AppetiteDTO {
        let input = try req.content.decode(AppetiteInput.self)
        let categories = try await RiskCategory.query(on: req.database).filter(\.$active == true).sort(\.$position).all()
        var values: [String: String] = [:], names: [String: String] = [:]
        for given in input.categories ?? [] {
            guard categories.contains(where: { $0.code == given.code }) else {
                throw AppError.invalid([.init(field: "categories", message: "There is no category with the code \(given.code)")])
            }
            values["appetite_\(given.code)"] = given.appetite ?? ""
            values["ceiling_\(given.code)"] = given.ceiling.map(String.init) ?? ""
            names["appetite_\(given.code)"] = "categories.\(given.code).appetite"
            names["ceiling_\(given.code)"] = "categories.\(given.code).ceiling"
        }
        values["visibility"] = input.visibility
        switch AppetiteController.validate(values, categories: categories, matrix: try await RiskSettings.matrix(on: req.database)) {
        case .failure(let error): throw LearningAPI.renamed(error, names)
        case .success(let clean):
            try await AppetiteController.apply(changes: clean.changes, visibility: clean.visibility, new: nil, position: categories.count, req: req)
        }
        return try await appetite(req: req)
    }
}

// A page of 100 risks is the busiest list in the API; these write it without `JSONEncoder`.
extension RiskAPI.Rating: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("likelihood", likelihood)
            json.field("impact", impact)
            json.field("score", score)
            json.field("band", band)
        }
    }
}

extension RiskAPI.RiskSummary: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("id", id)
            json.field("reference", reference)
            json.field("title", title)
            json.field("registerId", registerId)
            json.field("escalatedToId", escalatedToId)
            json.field("category", category)
            json.field("owner", owner)
            json.field("status", status)
            json.field("inherent", inherent)
            json.field("current", current)
            json.field("target", target)
            json.field("outsideAppetite", outsideAppetite)
            json.field("reviewOverdue", reviewOverdue)
            json.field("nextReviewOn", nextReviewOn)
        }
    }
}

extension RiskAPI.Acceptance: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("approverId", approverId)
            json.field("reason", reason)
            json.field("expiresOn", expiresOn)
            json.field("expired", expired)
        }
    }
}

extension RiskAPI.Indicator: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("kind", kind)
            json.field("requirementId", requirementId)
            json.field("threshold", threshold)
        }
    }
}

// The single risk is the API's busiest read.
extension RiskAPI.RiskDTO: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("id", id)
            json.field("reference", reference)
            json.field("title", title)
            json.field("cause", cause)
            json.field("event", event)
            json.field("consequence", consequence)
            json.field("registerId", registerId)
            json.field("escalatedToId", escalatedToId)
            json.field("category", category)
            json.field("appetiteCeiling", appetiteCeiling)
            json.field("ownerId", ownerId)
            json.field("status", status)
            json.field("identifiedOn", identifiedOn)
            json.field("closedOn", closedOn)
            json.field("response", response)
            json.field("acceptance", acceptance)
            json.field("inherent", inherent)
            json.field("current", current)
            json.field("target", target)
            json.field("targetReason", targetReason)
            json.field("outsideAppetite", outsideAppetite)
            json.field("reviewMonths", reviewMonths)
            json.field("nextReviewOn", nextReviewOn)
            json.field("lastReviewedOn", lastReviewedOn)
            json.field("reviewOverdue", reviewOverdue)
            json.field("elementIds", elementIds)
            json.field("indicator", indicator)
        }
    }
}

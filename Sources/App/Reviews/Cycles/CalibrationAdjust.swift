import CapableCore
import Fluent
import Plot
import Vapor

/// One review's manager ratings in calibration, and changing one with a recorded reason. Only
/// while the person has not seen the assessment, and never once the review is signed off.
enum CalibrationAdjust {
    struct Form: Content {
        var element: String?
        var level: String?
        var reason: String?
    }

    struct Loaded {
        var cycle: ReviewCycle
        var review: PerformanceReview
        var assessment: Assessment
        var document: FrameworkDocument
    }

    static func load(_ req: Request) async throws -> Loaded {
        let cycle = try await ReviewCyclesController.cycle(req)
        guard let id = req.parameters.get("reviewID", as: UUID.self),
              let review = try await PerformanceReview.query(on: req.database).filter(\.$id == id).filter(\.$cycle.$id == cycle.requireID())
                .with(\.$person).first(),
              let assessmentID = review.managerAssessmentID,
              let assessment = try await Assessment.query(on: req.database).filter(\.$id == assessmentID).with(\.$assessor).with(\.$ratings).first(),
              assessment.isSubmitted
        else { throw AppError.notFound }
        guard try await LineManagement.allows(try req.requirePrincipal().viewer, target: review.$person.id, on: req.database) else { throw AppError.forbidden }
        let (document, _) = try await Assessments.form(for: assessment, on: req.database)
        return Loaded(cycle: cycle, review: review, assessment: assessment, document: document)
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        try await page(req, loaded: try await load(req), form: Form(), errors: [])
    }

    static func page(_ req: Request, loaded: Loaded, form: Form, errors: [FieldError]) async throws -> HTML {
        let elements = Dictionary(loaded.document.allElements().map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let adjustments = try await ReviewAdjustment.query(on: req.database).filter(\.$review.$id == loaded.review.requireID()).sort(\.$createdAt).all()
        let label = { (element: UUID) in elements[element].map { "\($0.code) \($0.title)" } ?? "" }
        return CalibrationPage.review(.init(
            cycleID: try loaded.cycle.requireID(), reviewID: try loaded.review.requireID(), cycleTitle: loaded.cycle.title,
            person: loaded.review.person.displayName, manager: loaded.assessment.assessor.displayName,
            editable: !loaded.assessment.sharedWithPerson && !loaded.review.isSignedOff, scale: loaded.document.ratingScale,
            ratings: loaded.assessment.ratings.sorted { (elements[$0.elementID]?.code ?? "") < (elements[$1.elementID]?.code ?? "") }.map {
                .init(elementID: $0.elementID, element: label($0.elementID), level: $0.level, evidence: $0.evidence)
            },
            adjustments: adjustments.map { .init(element: label($0.elementID), from: $0.fromLevel, to: $0.toLevel, reason: $0.reason) },
            form: form, errors: errors), context: PageContext(req))
    }

    @Sendable static func adjust(req: Request) async throws -> Response {
        let loaded = try await load(req)
        guard !loaded.review.isSignedOff else { throw AppError.conflict("This review is signed off; its ratings cannot change.") }
        guard !loaded.assessment.sharedWithPerson else {
            throw AppError.conflict("\(loaded.review.person.displayName) can already see this assessment, so its ratings are final.")
        }
        let form = try req.content.decode(Form.self)
        var errors: [FieldError] = []
        let rating = UUID(uuidString: form.element ?? "").flatMap { id in loaded.assessment.ratings.first { $0.elementID == id } }
        if rating == nil { errors.append(.init(field: "element", message: "Choose one of the rated elements")) }
        let scale = loaded.document.ratingScale
        let level = Int(form.level ?? "")
        if level.map({ value in !scale.contains { $0.value == value } }) ?? true {
            errors.append(.init(field: "level", message: "Choose a level on the framework’s scale, from 1 to \(scale.count)"))
        } else if let rating, rating.level == level {
            errors.append(.init(field: "level", message: "Choose a different level from the current rating (\(rating.level))"))
        }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty || reason.count > 1000 { errors.append(.init(field: "reason", message: "Give the reason for the change (up to 1,000 characters)")) }
        guard errors.isEmpty, let rating, let level else { return try await page(req, loaded: loaded, form: form, errors: errors).response(status: .badRequest) }
        let adjustment = ReviewAdjustment()
        adjustment.$review.id = try loaded.review.requireID()
        adjustment.elementID = rating.elementID
        adjustment.fromLevel = rating.level
        adjustment.toLevel = level
        adjustment.reason = reason
        adjustment.adjustedBy = try req.requirePrincipal().displayName
        try await req.create(adjustment)
        rating.level = level
        try await rating.save(on: req.database)
        return req.redirect(to: SiteURL.calibrationReview(try loaded.cycle.requireID(), try loaded.review.requireID()).path, redirectType: .normal)
    }
}

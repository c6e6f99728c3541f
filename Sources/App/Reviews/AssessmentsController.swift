import CapableCore
import Fluent
import Plot
import Vapor

/// A person's assessments against the framework: the list, starting one, and rating element by
/// element on the framework's own behaviour-anchored scale.
enum AssessmentsController {
    struct StartForm: Content {
        /// The framework's stable id.
        var framework: String?
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        let person = try await ObjectivesController.person(req)
        let principal = try req.requirePrincipal()
        let all = try await Assessment.query(on: req.database).filter(\.$person.$id == person.requireID()).with(\.$assessor)
            .sort(\.$createdAt, .descending).all()
        var rows: [AssessmentsPage.Row] = []
        for assessment in all where try await Assessments.canRead(assessment, principal: principal, on: req.database) {
            let version = try await FrameworkVersion.find(assessment.frameworkVersionID, on: req.database)
            rows.append(.init(id: try assessment.requireID(), kind: assessment.kindValue, assessor: assessment.assessor.displayName,
                              framework: version.map { "\($0.title), version \($0.version)" } ?? "", submittedOn: assessment.submittedOn))
        }
        let kind = try await Assessments.kindFor(principal, person: person.requireID(), on: req.database)
        let frameworks = try await Frameworks.summaries(includeDrafts: false, on: req.database).filter { $0.status == .published }
        return AssessmentsPage.list(.init(personID: try person.requireID(), personName: person.displayName, rows: rows,
                                          canStart: kind, frameworks: frameworks.map { .init(id: $0.id, title: $0.title) }),
                                    context: PageContext(req))
    }

    /// Starts a draft against the chosen framework's current published version.
    @Sendable static func start(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        let principal = try req.requirePrincipal()
        guard let kind = try await Assessments.kindFor(principal, person: person.requireID(), on: req.database), let me = principal.personID else {
            throw AppError.forbidden
        }
        let frameworkID = UUID(uuidString: try req.content.decode(StartForm.self).framework ?? "")
        let assessment = try await Assessments.start(person: try person.requireID(), assessor: me, kind: kind, framework: frameworkID, on: req)
        return req.redirect(to: SiteURL.assessment(try person.requireID(), try assessment.requireID()).path, redirectType: .normal)
    }

    /// A peer assessment for a named feedback request, by a colleague it asked: started once,
    /// then continued from the same link.
    @Sendable static func startPeer(req: Request) async throws -> Response {
        let request = try await FeedbackController.findRequest(req)
        let principal = try req.requirePrincipal()
        guard let me = principal.personID, Assessments.peerRequest(request, asked: me) else { throw AppError.forbidden }
        let person = request.$subject.id
        if let existing = try await Assessment.query(on: req.database).filter(\.$person.$id == person).filter(\.$assessor.$id == me)
            .filter(\.$kind == Assessment.Kind.peer.rawValue).filter(\.$submittedOn == nil).first() {
            return req.redirect(to: SiteURL.assessment(person, try existing.requireID()).path, redirectType: .normal)
        }
        let frameworkID = UUID(uuidString: try req.content.decode(StartForm.self).framework ?? "")
        let assessment = try await Assessments.start(person: person, assessor: me, kind: .peer, framework: frameworkID, on: req)
        return req.redirect(to: SiteURL.assessment(person, try assessment.requireID()).path, redirectType: .normal)
    }

    static func find(_ req: Request, person: Person) async throws -> Assessment {
        guard let id = req.parameters.get("assessmentID", as: UUID.self),
              let assessment = try await Assessment.query(on: req.database).filter(\.$id == id).filter(\.$person.$id == person.requireID())
                .with(\.$assessor).with(\.$ratings).first()
        else { throw AppError.notFound }
        guard try await Assessments.canRead(assessment, principal: try req.requirePrincipal(), on: req.database) else { throw AppError.forbidden }
        return assessment
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let person = try await ObjectivesController.person(req)
        let assessment = try await find(req, person: person)
        let ratings = Dictionary(assessment.ratings.map { ($0.elementID, RatingValue(level: $0.level, evidence: $0.evidence, observations: $0.observations)) },
                                 uniquingKeysWith: { first, _ in first })
        return try await page(req, person: person, assessment: assessment, ratings: ratings, errors: [])
    }

    struct RatingValue: Encodable { var level: Int?; var evidence: String; var observations: [UUID] }

    static func page(_ req: Request, person: Person, assessment: Assessment, ratings: [UUID: RatingValue], errors: [FieldError]) async throws -> HTML {
        let (document, elements) = try await Assessments.form(for: assessment, on: req.database)
        let editable = !assessment.isSubmitted && req.principal?.personID == assessment.$assessor.id
        // The person's check-in observations on these elements, to cite as evidence: for their
        // own and their managers' assessments, never a peer's (check-ins are not theirs to read).
        let checkIns = assessment.kindValue == .peer ? []
            : try await CheckIn.query(on: req.database).filter(\.$person.$id == person.requireID()).with(\.$observations).all()
        let observations = checkIns.flatMap { checkIn in
            checkIn.observations.map { AssessmentsPage.Observation(id: $0.id ?? UUID(), elementID: $0.elementID, heldOn: checkIn.heldOn, example: $0.example) }
        }.sorted { $0.heldOn > $1.heldOn }
        return AssessmentsPage.show(.init(
            personID: try person.requireID(), personName: person.displayName, assessmentID: try assessment.requireID(),
            kind: assessment.kindValue, assessor: assessment.assessor.displayName, submittedOn: assessment.submittedOn,
            editable: editable, document: document, elements: elements, ratings: ratings, observations: observations, errors: errors),
            context: PageContext(req))
    }

    /// Saves a draft's ratings, or submits them (`action=submit`). Only the assessor, only while a draft.
    @Sendable static func save(req: Request) async throws -> Response {
        let person = try await ObjectivesController.person(req)
        let assessment = try await find(req, person: person)
        try Assessments.requireEditable(assessment, by: req.principal)
        let (document, elements) = try await Assessments.form(for: assessment, on: req.database)
        var inputs: [UUID: Assessments.RatingInput] = [:]
        var values: [UUID: RatingValue] = [:]
        var unreadable: [FieldError] = []
        for element in elements {
            let raw = (try? req.content.get(String.self, at: "rating-\(element.code)")) ?? ""
            let level = Int(raw)
            if !raw.isEmpty, level == nil { unreadable.append(.init(field: "rating-\(element.code)", message: "Rate \(element.code) with one of the levels")) }
            let evidence = ((try? req.content.get(String.self, at: "evidence-\(element.code)")) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let cited = ((try? req.content.get([String].self, at: "obs-\(element.code)")) ?? []).compactMap(UUID.init(uuidString:))
            inputs[element.id] = .init(level: level, evidence: evidence, observations: cited)
            values[element.id] = RatingValue(level: level, evidence: evidence, observations: cited)
        }
        let submit = (try? req.content.get(String.self, at: "action")) == "submit"
        let errors = unreadable.isEmpty
            ? try await Assessments.save(assessment, ratings: inputs, submit: submit, document: document, elements: elements, on: req) : unreadable
        guard errors.isEmpty else {
            return try await page(req, person: person, assessment: assessment, ratings: values, errors: errors).response(status: .badRequest)
        }
        return req.redirect(to: SiteURL.assessment(try person.requireID(), try assessment.requireID()).path, redirectType: .normal)
    }
}

import CapableCore
import Fluent
import Vapor

/// Assessment rules: who may start which kind, what the form rates, who sees what, and saving.
enum Assessments {
    /// The audiences a person is rated for: all staff; managers' elements for people with
    /// reports; leaders' for people whose reports manage others.
    static func audiences(of person: UUID, on db: any Database) async throws -> Set<FrameworkDocument.Element.Audience> {
        let reports = try await Person.query(on: db).filter(\.$lineManager.$id == person).filter(\.$active == true).all()
        guard !reports.isEmpty else { return [.allStaff] }
        let ids = reports.compactMap(\.id)
        let leads = try await Person.query(on: db).filter(\.$lineManager.$id ~~ ids).filter(\.$active == true).count() > 0
        return leads ? [.allStaff, .managers, .leaders] : [.allStaff, .managers]
    }

    /// The kind of assessment the caller may start for the person: self for themselves, manager
    /// for someone in their reporting line. Nil otherwise (peers are invited through feedback).
    static func kindFor(_ principal: Principal, person: UUID, on db: any Database) async throws -> Assessment.Kind? {
        guard let me = principal.personID else { return nil }
        if me == person { return .selfAssessment }
        return try await LineManagement.chain(above: person, on: db).contains(me) ? .manager : nil
    }

    /// Starts a draft against the framework's current published version, pinned to it.
    static func start(person: UUID, assessor: UUID, kind: Assessment.Kind, framework: UUID?, on req: Request) async throws -> Assessment {
        guard let framework, let version = try await Frameworks.current(framework, includeDraft: false, on: req.database),
              version.statusValue == .published
        else { throw AppError.invalid([.init(field: "framework", message: "Choose a published framework to assess against")]) }
        let assessment = Assessment()
        assessment.$person.id = person
        assessment.$assessor.id = assessor
        assessment.kind = kind.rawValue
        assessment.frameworkVersionID = try version.requireID()
        // A self-assessment is the person's own; a manager's is shown after calibration or
        // sign-off; a peer's once submitted (see `canRead`).
        assessment.sharedWithPerson = kind == .selfAssessment
        try await req.create(assessment)
        return assessment
    }

    /// Whether the viewer may read this assessment: its assessor always; the person once it is
    /// theirs to see (a submitted self or peer assessment, a manager's after sign-off or calibration); anyone
    /// else who may see the person's record (managers up the line, HR, administrators) once submitted.
    static func canRead(_ assessment: Assessment, principal: Principal, on db: any Database) async throws -> Bool {
        let me = principal.personID
        if me == assessment.$assessor.id { return true }
        if me == assessment.$person.id {
            // A peer's is named and theirs once submitted; a manager's waits for calibration or sign-off.
            return assessment.kindValue == .manager ? assessment.sharedWithPerson : assessment.isSubmitted
        }
        guard assessment.isSubmitted else { return false }
        return try await LineManagement.allows(principal.viewer, target: assessment.$person.id, on: db)
    }

    /// A peer assessment comes from a named (not anonymous) feedback request: the colleague asked
    /// may also rate the person against the framework.
    static func peerRequest(_ request: FeedbackRequest, asked me: UUID?) -> Bool {
        guard let me, !request.anonymous, request.$subject.id != me else { return false }
        return request.recipients.contains { $0.$person.id == me }
    }

    /// The elements the assessment rates, and the document they come from.
    static func form(for assessment: Assessment, on db: any Database) async throws -> (document: FrameworkDocument, elements: [FrameworkDocument.Element]) {
        guard let version = try await FrameworkVersion.find(assessment.frameworkVersionID, on: db) else { throw AppError.notFound }
        let document = try await FrameworkStore.document(version, on: db)
        return (document, document.rateableElements(for: try await audiences(of: assessment.$person.id, on: db)))
    }

    /// Ratings are written by the assessor only (403), and only while a draft (409).
    static func requireEditable(_ assessment: Assessment, by principal: Principal?) throws {
        guard principal?.personID == assessment.$assessor.id else { throw AppError.forbidden }
        guard !assessment.isSubmitted else {
            throw AppError.conflict("This assessment was submitted on \(DisplayFormat.calendarDate(assessment.submittedOn ?? "")) and cannot be changed.")
        }
    }

    struct RatingInput: Sendable {
        var level: Int?
        var evidence: String
        var observations: [UUID]
    }

    /// Saves the ratings (replacing the draft's), and submits when asked: a submitted assessment
    /// is final. Problems name the element.
    static func save(_ assessment: Assessment, ratings: [UUID: RatingInput], submit: Bool, document: FrameworkDocument,
                     elements: [FrameworkDocument.Element], on req: Request) async throws -> [FieldError] {
        var errors = document.ratingProblems(ratings.compactMapValues(\.level), on: elements, complete: submit).map { problem in
            FieldError(field: "rating-" + (elements.first { $0.id == problem.element }?.code ?? problem.element.uuidString), message: problem.message)
        }
        for element in elements where (ratings[element.id]?.evidence.count ?? 0) > 2000 {
            errors.append(.init(field: "evidence-\(element.code)", message: "Evidence for \(element.code) must be 2,000 characters or fewer"))
        }
        guard errors.isEmpty else { return errors }
        let id = try assessment.requireID()
        try await AssessmentRating.query(on: req.database).filter(\.$assessment.$id == id).delete()
        for element in elements {
            guard let input = ratings[element.id], let level = input.level else { continue }
            let rating = AssessmentRating()
            rating.$assessment.id = id
            rating.elementID = element.id
            rating.level = level
            rating.evidence = input.evidence
            rating.observationIDs = input.observations.map(\.uuidString).joined(separator: ",")
            try await rating.create(on: req.database)
        }
        if submit {
            try await req.update(assessment) { $0.submittedOn = CalendarDate.today.description }
        } else {
            try await req.audit("update", entity: Assessment.auditEntity, id: id.uuidString,
                                changes: [FieldChange(field: "ratings", old: nil, new: String(ratings.compactMapValues(\.level).count))])
        }
        return []
    }
}

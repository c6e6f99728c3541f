import CapableCore
import Fluent
import Vapor

/// Read endpoints for check-ins, assessments, probation reviews and development plans, on the
/// same rules as the pages: the person-record rule to reach a person, and within it the
/// check-in and assessment privacy rules (shared notes and wellbeing for the two who met, a
/// private note for its writer, a manager's assessment for the person only once shared).
enum ReviewsAPI {
    /// The person a request is about (`personId`, default the caller), if the caller may see them.
    static func person(_ req: Request) async throws -> UUID? {
        let principal = try req.requirePrincipal()
        guard let id = (try? req.query.get(UUID.self, at: "personId")) ?? principal.personID else { return nil }
        guard try await Person.find(id, on: req.database) != nil else { throw AppError.notFound }
        guard try await LineManagement.allows(principal.viewer, target: id, on: req.database) else { throw AppError.forbidden }
        return id
    }

    struct CheckInDTO: Content {
        var id: UUID
        var personId: UUID
        var managerId: UUID
        var heldOn: String
        /// Present only for the two who met.
        var sharedNotes: String?
        var wellbeingScore: Int?
        var wellbeingNote: String?
        /// The caller's own private note, if they wrote one.
        var privateNote: String?
        var objectiveIds: [UUID]
        var observations: [Observation]

        struct Observation: Content { var elementId: UUID; var example: String }
    }

    @Sendable static func checkIns(req: Request) async throws -> [CheckInDTO] {
        guard let person = try await person(req) else { return [] }
        return try await checkInDTOs(person: person, me: try req.requirePrincipal().personID, on: req.database)
    }

    /// A person's check-ins as `me` may see them, newest first.
    static func checkInDTOs(person: UUID, me: UUID?, on db: any Database) async throws -> [CheckInDTO] {
        let rows = try await CheckIn.query(on: db).filter(\.$person.$id == person).with(\.$observations).with(\.$objectives)
            .sort(\.$heldOn, .descending).all()
        let notes = try await me.asyncMap { author in
            try await CheckInPrivateNote.query(on: db).filter(\.$checkIn.$id ~~ rows.compactMap(\.id)).filter(\.$authorID == author).all()
        } ?? []
        return try rows.map { checkIn in
            let participant = checkIn.isParticipant(me)
            return CheckInDTO(id: try checkIn.requireID(), personId: checkIn.$person.id, managerId: checkIn.$manager.id, heldOn: checkIn.heldOn,
                              sharedNotes: participant ? checkIn.sharedNotes : nil,
                              wellbeingScore: participant ? checkIn.wellbeingScore : nil, wellbeingNote: participant ? checkIn.wellbeingNote : nil,
                              privateNote: notes.first { $0.$checkIn.id == checkIn.id }?.note,
                              objectiveIds: checkIn.objectives.map { $0.$objective.id },
                              observations: checkIn.observations.map { .init(elementId: $0.elementID, example: $0.example) })
        }
    }

    struct AssessmentDTO: Content {
        var id: UUID
        var personId: UUID
        var assessorId: UUID
        var kind: Assessment.Kind
        var frameworkVersionId: UUID
        var submittedOn: String?
        var ratings: [Rating]

        struct Rating: Content { var elementId: UUID; var level: Int; var evidence: String; var observationIds: [UUID] }

        /// From an assessment loaded with its ratings.
        init(_ assessment: Assessment) throws {
            id = try assessment.requireID(); personId = assessment.$person.id; assessorId = assessment.$assessor.id; kind = assessment.kindValue
            frameworkVersionId = assessment.frameworkVersionID; submittedOn = assessment.submittedOn
            ratings = assessment.ratings.map { .init(elementId: $0.elementID, level: $0.level, evidence: $0.evidence, observationIds: $0.observations) }
        }
    }

    @Sendable static func assessments(req: Request) async throws -> [AssessmentDTO] {
        guard let person = try await person(req) else { return [] }
        let principal = try req.requirePrincipal()
        let rows = try await Assessment.query(on: req.database).filter(\.$person.$id == person).with(\.$ratings).sort(\.$createdAt).all()
        var result: [AssessmentDTO] = []
        for assessment in rows where try await Assessments.canRead(assessment, principal: principal, on: req.database) {
            result.append(try AssessmentDTO(assessment))
        }
        return result
    }

    struct ProbationReviewDTO: Content {
        var id: UUID
        var dueOn: String
        var heldOn: String
        var managerId: UUID
        var notes: String
        var assessmentId: UUID?
        var outcome: ProbationReview.Outcome?
        var newEndDate: String?

        init(_ review: ProbationReview) throws {
            id = try review.requireID(); dueOn = review.dueOn; heldOn = review.heldOn; managerId = review.$manager.id; notes = review.notes
            assessmentId = review.assessmentID; outcome = review.outcomeValue; newEndDate = review.newEndDate
        }
    }

    @Sendable static func probationReviews(req: Request) async throws -> [ProbationReviewDTO] {
        guard let person = try await person(req) else { return [] }
        return try await ProbationReview.query(on: req.database).filter(\.$person.$id == person).sort(\.$dueOn).all().map(ProbationReviewDTO.init)
    }

    struct PlanItemDTO: Content {
        var id: UUID
        var elementId: UUID?
        var description: String
        var method: DevelopmentPlanItem.Method
        var dueOn: String?
        var status: DevelopmentPlanItem.Status
        var gap: String?
        var courseId: UUID?
        var bookingId: UUID?

        init(_ item: DevelopmentPlanItem) throws {
            id = try item.requireID(); elementId = item.elementID; description = item.summary; method = item.methodValue
            dueOn = item.dueOn; status = item.statusValue; gap = item.gap; courseId = item.courseID; bookingId = item.bookingID
        }
    }

    @Sendable static func developmentPlan(req: Request) async throws -> [PlanItemDTO] {
        guard let person = try await person(req) else { return [] }
        return try await DevelopmentPlanItem.query(on: req.database).filter(\.$person.$id == person).sort(\.$createdAt).all().map(PlanItemDTO.init)
    }
}

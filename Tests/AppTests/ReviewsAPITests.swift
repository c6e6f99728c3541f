@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The reviews API's writes and the yearly review endpoints, on the pages' rules.
@Suite("Reviews API")
struct ReviewsAPITests {
    static func token(_ app: Application, _ email: String) async throws -> HTTPHeaders {
        let account = try #require(try await Account.query(on: app.db).filter(\.$email == email).first())
        let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
        return ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"]
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ headers: HTTPHeaders, _ json: String? = nil) async throws -> TestingHTTPResponse {
        try await app.testing().sendRequest(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static func fields(_ response: TestingHTTPResponse) throws -> Set<String> {
        Set(try JSONDecoder().decode(ProblemBody.self, from: Data(response.body.readableBytesView)).errors?.map(\.field) ?? [])
    }

    @Test("HR opens a cycle through the API; reviews and steps follow the page rules; the person gets the manager's assessment id only once shared")
    func cyclesAndReviews() async throws {
        try await withApp { app in
            // setup
            let team = try await ReviewCyclesTests.setUp(app)
            let hr = try await Self.token(app, "hr@x.org")
            let report = try await Self.token(app, "report@x.org")
            let manager = try await Self.token(app, "manager@x.org")
            let colleague = try await Self.token(app, "colleague@x.org")
            let today = CalendarDate.today
            let good = #"{"title":"PDR 2027","frameworkId":"\#(AssessmentsTests.coreValues)","audience":{"rule":"unit","unit":"U"},"opensOn":"\#(today.adding(days: -5))","selfDueOn":"\#(today.adding(days: 5))","managerDueOn":"\#(today.adding(days: 10))","closesOn":"\#(today.adding(days: 20))"}"#

            // act
            let backwards = try await Self.send(app, .POST, "/api/v1/review-cycles", hr,
                #"{"title":"PDR","frameworkId":"\#(AssessmentsTests.coreValues)","audience":{"rule":"allStaff"},"opensOn":"2027-05-01","selfDueOn":"2027-04-01","managerDueOn":"2027-04-02","closesOn":"2027-04-03"}"#)
            let staffCreate = try await Self.send(app, .POST, "/api/v1/review-cycles", colleague, good)
            let created = try await Self.send(app, .POST, "/api/v1/review-cycles", hr, good)
            let cycles = try await Self.send(app, .GET, "/api/v1/review-cycles", hr)
            let mine = try await Self.send(app, .GET, "/api/v1/reviews", report)
            let list = try JSONDecoder().decode([ReviewCyclesAPI.ReviewDTO].self, from: Data(mine.body.readableBytesView))
            let reviewID = try #require(list.first?.id)
            let early = try await Self.send(app, .POST, "/api/v1/reviews/\(reviewID)/steps/sign-off", report)
            let strangerRead = try await Self.send(app, .GET, "/api/v1/reviews/\(reviewID)", colleague)
            let strangerStep = try await Self.send(app, .POST, "/api/v1/reviews/\(reviewID)/steps/self-assessment", colleague)
            let selfStarted = try await Self.send(app, .POST, "/api/v1/reviews/\(reviewID)/steps/self-assessment", report)
            let managerStarted = try await Self.send(app, .POST, "/api/v1/reviews/\(reviewID)/steps/manager-assessment", manager)
            let managerView = try JSONDecoder().decode(ReviewCyclesAPI.ReviewDTO.self, from: Data(managerStarted.body.readableBytesView))
            let personView = try JSONDecoder().decode(ReviewCyclesAPI.ReviewDTO.self,
                                                      from: Data(try await Self.send(app, .GET, "/api/v1/reviews/\(reviewID)", report).body.readableBytesView))
            let meetingTooEarly = try await Self.send(app, .POST, "/api/v1/reviews/\(reviewID)/steps/meeting", manager, #"{"heldOn":"\#(today)","notes":"x"}"#)

            // check
            #expect(backwards.status == .badRequest)
            #expect(try Self.fields(backwards) == ["self_due_on"])
            #expect(staffCreate.status == .forbidden)
            #expect(created.status == .created)
            let cycle = try JSONDecoder().decode([ReviewCyclesAPI.CycleDTO].self, from: Data(cycles.body.readableBytesView))
            #expect(cycle.map(\.reviews) == [2])
            #expect(list.first?.tasks.map(\.status) == [.notStarted, .notStarted, .notStarted, .notStarted, .notStarted])
            #expect(early.status == .badRequest)
            #expect(try Self.fields(early) == ["tasks"])
            #expect(strangerRead.status == .forbidden)
            #expect(strangerStep.status == .forbidden)
            #expect(selfStarted.status == .ok)
            #expect(managerView.managerAssessmentId != nil, "the manager reads their own draft")
            #expect(personView.managerAssessmentId == nil, "the person does not, until it is shared")
            #expect(personView.selfAssessmentId != nil)
            #expect(personView.tasks.first?.status == .inProgress)
            #expect(meetingTooEarly.status == .badRequest)
            _ = team
        }
    }

    @Test("Check-ins, plan items and feedback are written through the API with the pages' checks; a check-in with oneself and feedback to a leaver are refused")
    func writes() async throws {
        try await withApp { app in
            // setup
            let team = try await ReviewCyclesTests.setUp(app)
            let leaver = try await Fixtures.person(app, ref: "L1", name: "Leaving")
            leaver.active = false
            try await leaver.save(on: app.db)
            let report = try await Self.token(app, "report@x.org")
            let manager = try await Self.token(app, "manager@x.org")
            let colleague = try await Self.token(app, "colleague@x.org")
            let reportID = try team.report.requireID()
            let today = CalendarDate.today

            // act
            let withSelf = try await Self.send(app, .POST, "/api/v1/check-ins", manager, #"{"heldOn":"\#(today)"}"#)
            let future = try await Self.send(app, .POST, "/api/v1/check-ins", manager,
                                             #"{"personId":"\#(reportID)","heldOn":"\#(today.adding(days: 3))","wellbeingScore":9}"#)
            let checkIn = try await Self.send(app, .POST, "/api/v1/check-ins", manager, #"""
                {"personId":"\#(reportID)","heldOn":"\#(today)","sharedNotes":"Good month","privateNote":"Watch workload",
                 "observations":[{"element":"CV.4.1","example":"Calmed an upset caller"}],"actions":[{"description":"Book the course","owner":"person","dueOn":"\#(today.adding(days: 14))"}],
                 "wellbeingScore":4}
                """#)
            let reportSees = try await Self.send(app, .GET, "/api/v1/check-ins", report)
            let strangerCheckIn = try await Self.send(app, .POST, "/api/v1/check-ins", colleague, #"{"personId":"\#(reportID)","heldOn":"\#(today)"}"#)
            let badItem = try await Self.send(app, .POST, "/api/v1/development-plans", report, #"{"description":"","method":"juggling"}"#)
            let item = try await Self.send(app, .POST, "/api/v1/development-plans", report, #"{"description":"Shadow the team lead","method":"shadowing","dueOn":"\#(today.adding(days: 30))"}"#)
            let toLeaver = try await Self.send(app, .POST, "/api/v1/feedback", colleague, #"{"colleague":"L1","text":"Thanks"}"#)
            let given = try await Self.send(app, .POST, "/api/v1/feedback", colleague, #"{"colleague":"R1","text":"Great handover","elements":["CV.4.1"]}"#)
            let received = try await Self.send(app, .GET, "/api/v1/feedback", report)
            let notifications = try await Self.send(app, .GET, "/api/v1/notifications", report)

            // check
            #expect(withSelf.status == .badRequest, "the manager has no line manager: a check-in needs two people")
            #expect(try Self.fields(withSelf) == ["personId"])
            #expect(future.status == .badRequest)
            #expect(try Self.fields(future).contains("held_on"))
            #expect(checkIn.status == .created)
            let seen = try JSONDecoder().decode([ReviewsAPI.CheckInDTO].self, from: Data(reportSees.body.readableBytesView))
            #expect(seen.first?.sharedNotes == "Good month")
            #expect(seen.first?.privateNote == nil, "the manager's private note is theirs alone")
            #expect(seen.first?.observations.map(\.example) == ["Calmed an upset caller"])
            #expect(try await ActionItem.query(on: app.db).filter(\.$owner.$id == reportID).count() == 1)
            #expect(strangerCheckIn.status == .forbidden)
            #expect(badItem.status == .badRequest)
            #expect(item.status == .created)
            #expect(toLeaver.status == .badRequest)
            #expect(try Self.fields(toLeaver) == ["colleague"])
            #expect(given.status == .created)
            let feedback = try JSONDecoder().decode([ReviewsAPI.FeedbackDTO].self, from: Data(received.body.readableBytesView))
            #expect(feedback.map(\.text) == ["Great handover"])
            #expect(feedback.first?.authorId == team.colleague.id)
            #expect(notifications.status == .ok)
        }
    }

    @Test("Assessments are started and rated through the API (problems name the element; final once submitted), and probation reviews recorded to an outcome")
    func assessmentsAndProbation() async throws {
        try await withApp { app in
            // setup: the report started two months ago, probation ends in a month
            let team = try await ReviewCyclesTests.setUp(app)
            let today = CalendarDate.today
            team.report.startDate = today.adding(months: -2).description
            team.report.probationEndDate = today.adding(months: 1).description
            try await team.report.save(on: app.db)
            let report = try await Self.token(app, "report@x.org")
            let manager = try await Self.token(app, "manager@x.org")
            let colleague = try await Self.token(app, "colleague@x.org")
            let reportID = try team.report.requireID()
            let codes = try await AssessmentsTests.staffCodes(app)
            let all = codes.map { #"{"element":"\#($0)","level":3}"# }.joined(separator: ",")

            // act
            let strangerStart = try await Self.send(app, .POST, "/api/v1/assessments", colleague,
                                                    #"{"personId":"\#(reportID)","frameworkId":"\#(AssessmentsTests.coreValues)"}"#)
            let noFramework = try await Self.send(app, .POST, "/api/v1/assessments", manager, #"{"personId":"\#(reportID)"}"#)
            let started = try await Self.send(app, .POST, "/api/v1/assessments", manager,
                                              #"{"personId":"\#(reportID)","frameworkId":"\#(AssessmentsTests.coreValues)"}"#)
            let draft = try JSONDecoder().decode(ReviewsAPI.AssessmentDTO.self, from: Data(started.body.readableBytesView))
            let path = "/api/v1/assessments/\(draft.id)/ratings"
            let byReport = try await Self.send(app, .PUT, path, report, #"{"ratings":[{"element":"CV.1.1","level":3}]}"#)
            let offScale = try await Self.send(app, .PUT, path, manager, #"{"ratings":[{"element":"CV.1.1","level":7}]}"#)
            let unknown = try await Self.send(app, .PUT, path, manager, #"{"ratings":[{"element":"NOPE.1","level":2}]}"#)
            let incomplete = try await Self.send(app, .PUT, path, manager, #"{"ratings":[{"element":"CV.1.1","level":3}],"submit":true}"#)
            let submitted = try await Self.send(app, .PUT, path, manager, #"{"ratings":[\#(all)],"submit":true}"#)
            let afterwards = try await Self.send(app, .PUT, path, manager, #"{"ratings":[\#(all)]}"#)
            let selfRecord = try await Self.send(app, .POST, "/api/v1/probation-reviews", report, #"{"personId":"\#(reportID)","heldOn":"\#(today)","notes":"x"}"#)
            let badReview = try await Self.send(app, .POST, "/api/v1/probation-reviews", manager, #"{"personId":"\#(reportID)","heldOn":"\#(today.adding(days: 2))"}"#)
            let first = try await Self.send(app, .POST, "/api/v1/probation-reviews", manager,
                                            #"{"personId":"\#(reportID)","heldOn":"\#(today)","notes":"Settling in","assessmentId":"\#(draft.id)"}"#)
            let noOutcome = try await Self.send(app, .POST, "/api/v1/probation-reviews", manager, #"{"personId":"\#(reportID)","heldOn":"\#(today)","notes":"Final"}"#)
            let confirmed = try await Self.send(app, .POST, "/api/v1/probation-reviews", manager,
                                                #"{"personId":"\#(reportID)","heldOn":"\#(today)","notes":"Final","outcome":"confirm"}"#)
            let oneMore = try await Self.send(app, .POST, "/api/v1/probation-reviews", manager,
                                              #"{"personId":"\#(reportID)","heldOn":"\#(today)","notes":"Again","outcome":"confirm"}"#)

            // check
            #expect(strangerStart.status == .forbidden)
            #expect(noFramework.status == .badRequest)
            #expect(try Self.fields(noFramework) == ["framework"])
            #expect(started.status == .created)
            #expect(draft.kind == .manager && draft.submittedOn == nil)
            #expect(byReport.status == .forbidden, "only the assessor rates")
            #expect(try Self.fields(offScale) == ["rating-CV.1.1"])
            #expect(try Self.fields(unknown) == ["rating-NOPE.1"])
            #expect(incomplete.status == .badRequest)
            #expect(try Self.fields(incomplete).contains("rating-CV.1.2"))
            #expect(submitted.status == .ok)
            let final = try JSONDecoder().decode(ReviewsAPI.AssessmentDTO.self, from: Data(submitted.body.readableBytesView))
            #expect(final.submittedOn == today.description && final.ratings.count == codes.count)
            #expect(afterwards.status == .conflict)
            #expect(selfRecord.status == .forbidden)
            #expect(try Self.fields(badReview) == ["held_on", "notes"])
            #expect(first.status == .created)
            #expect(noOutcome.status == .badRequest)
            #expect(try Self.fields(noOutcome) == ["outcome"])
            #expect(confirmed.status == .created)
            let decided = try JSONDecoder().decode(ReviewsAPI.ProbationReviewDTO.self, from: Data(confirmed.body.readableBytesView))
            #expect(decided.outcome == .confirm)
            #expect(oneMore.status == .conflict)
            #expect(try await ProbationReview.query(on: app.db).count() == 2)
        }
    }
}

@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Recruitment: interview score sheets")
struct InterviewTests {
    /// A role with a published specification whose interview criteria are CV.1.MB2, CV.4.1 and
    /// the two starter experience criteria assessed at interview; a round set up by HR with
    /// candidates A and B and a panel of chair, p2 and p3.
    struct Setup {
        var round: UUID
        var criteria: [UUID]
        var candidates: [String: UUID]
        var members: [String: UUID]
    }

    func setUp(_ app: Application, hr: inout Browser) async throws -> Setup {
        let cv = try await RecruitmentFixtures.coreValues(app)
        let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.1.MB2", true), ("CV.4.1", true)])
        try await RecruitmentFixtures.publishedSpecification(app, role: role)
        for email in ["chair@x.org", "p2@x.org", "p3@x.org"] { try await Fixtures.account(app, email: email, name: email) }
        try await hr.get("/people/roles/\(try role.requireID())/interviews")
        let created = try await hr.post("/people/roles/\(try role.requireID())/interviews", form: ["title": "First interviews", "held_on": "14/03/2026"])
        let round = try #require(try await InterviewRound.query(on: app.db).first())
        let roundID = try round.requireID()
        #expect(created.headers.first(name: .location) == SiteURL.interviewRound(roundID).path)
        try await hr.get("/recruitment/interviews/\(roundID)")
        for reference in ["A", "B"] { try await hr.post("/recruitment/interviews/\(roundID)/candidates", form: ["reference": reference]) }
        try await hr.post("/recruitment/interviews/\(roundID)/panel", form: ["email": "chair@x.org", "chair": "yes"])
        for email in ["p2@x.org", "p3@x.org"] { try await hr.post("/recruitment/interviews/\(roundID)/panel", form: ["email": email]) }
        let candidates = try await Interviews.candidates(of: roundID, on: app.db)
        let members = try await Interviews.panel(of: roundID, on: app.db)
        return Setup(round: roundID, criteria: try await Interviews.criteria(of: roundID, on: app.db).map { try $0.requireID() },
                     candidates: Dictionary(uniqueKeysWithValues: candidates.map { ($0.reference, $0.id ?? UUID()) }),
                     members: Dictionary(uniqueKeysWithValues: members.map { ($0.account.email, $0.id ?? UUID()) }))
    }

    func sheet(_ setup: Setup, _ candidate: String, _ member: String) -> String {
        SiteURL.interviewSheet(setup.round, candidate: setup.candidates[candidate] ?? UUID(), member: setup.members[member] ?? UUID()).path
    }

    func scores(_ setup: Setup, _ values: [Int], submit: Bool) -> [String: String] {
        var form: [String: String] = submit ? ["submit": "1"] : [:]
        for (id, value) in zip(setup.criteria, values) { form["score[\(id.uuidString.lowercased())]"] = String(value) }
        return form
    }

    @Test("Panel members score; an out-of-range score is refused naming the criterion; averages per criterion and candidate are exact")
    func scoring() async throws {
        try await withApp { app in
            // setup
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.hr])
            let setup = try await setUp(app, hr: &hr)
            var chair = Browser(app), p2 = Browser(app), p3 = Browser(app)
            try await chair.signIn(email: "chair@x.org")
            try await p2.signIn(email: "p2@x.org")
            try await p3.signIn(email: "p3@x.org")
            let first = setup.criteria[0].uuidString.lowercased()

            // act
            try await chair.get(sheet(setup, "A", "chair@x.org"))
            var tooHigh = scores(setup, [4, 3, 2, 0], submit: false)
            tooHigh["score[\(first)]"] = "5"
            let refused = try await chair.post(sheet(setup, "A", "chair@x.org"), form: tooHigh)
            let sheetsAfterRefusal = try await InterviewSheet.query(on: app.db).count()
            let incomplete = try await chair.post(sheet(setup, "A", "chair@x.org"), form: ["score[\(first)]": "4", "submit": "1"])
            try await chair.post(sheet(setup, "A", "chair@x.org"), form: scores(setup, [4, 3, 2, 0], submit: true))
            try await chair.get(sheet(setup, "B", "chair@x.org"))
            try await chair.post(sheet(setup, "B", "chair@x.org"), form: scores(setup, [2, 2, 2, 2], submit: true))
            try await p2.get(sheet(setup, "A", "p2@x.org"))
            let p2ResultsEarly = try await p2.get("/recruitment/interviews/\(setup.round)/results")
            try await p2.post(sheet(setup, "A", "p2@x.org"), form: scores(setup, [3, 3, 1, 1], submit: true))
            try await p2.post(sheet(setup, "B", "p2@x.org"), form: scores(setup, [4, 3, 3, 2], submit: true))
            try await p3.get(sheet(setup, "A", "p3@x.org"))
            // saved but not submitted: it does not count
            try await p3.post(sheet(setup, "A", "p3@x.org"), form: scores(setup, [0, 0, 0, 0], submit: false))
            let results = try await InterviewResults.query(roundID: setup.round, on: app.db)
            let page = try await chair.get("/recruitment/interviews/\(setup.round)/results")
            let p2ResultsLater = try await p2.get("/recruitment/interviews/\(setup.round)/results")
            let p3Results = try await p3.get("/recruitment/interviews/\(setup.round)/results")
            let resubmit = try await chair.post(sheet(setup, "A", "chair@x.org"), form: scores(setup, [0, 0, 0, 0], submit: false))

            // check
            #expect(setup.criteria.count == 4)
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("The score for CV.1.MB2 must be a whole number from 0 to 4"))
            #expect(refused.body.string.contains("href=\"#score-\(first)\""))
            #expect(sheetsAfterRefusal == 0)
            #expect(incomplete.status == .badRequest)
            #expect(incomplete.body.string.contains("Score every criterion before submitting"))
            let a = try #require(results.candidates.first { $0.reference == "A" })
            let b = try #require(results.candidates.first { $0.reference == "B" })
            #expect(a.rows.map(\.average) == [3.5, 3.0, 1.5, 0.5])
            #expect(a.overall == 2.125)
            #expect(b.rows.map(\.average) == [3.0, 2.5, 2.5, 2.0])
            #expect(b.overall == 2.5)
            #expect(a.submitted.filter { $0 }.count == 2)
            #expect(a.rows[0].criterion.elementID != nil)
            let html = page.body.string
            #expect(page.status == .ok)
            #expect(html.contains("<caption class=\"govuk-table__caption govuk-table__caption--m\">Scores for A</caption>"))
            #expect(html.contains(">2.1<"))
            #expect(html.contains(">3.5<"))
            #expect(html.contains(">2.5<"))
            #expect(html.contains("not submitted"))
            #expect(p2ResultsEarly.status == .forbidden)
            #expect(p2ResultsLater.status == .ok)
            #expect(p3Results.status == .forbidden)
            #expect(resubmit.status == .conflict)
            #expect(InterviewScoring.format(a.overall) == "2.1")
        }
    }

    @Test("A panel member cannot change or read someone else's scores (403); the chair reads them; people off the panel cannot open the round")
    func othersScores() async throws {
        try await withApp { app in
            // setup
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.hr])
            let setup = try await setUp(app, hr: &hr)
            var chair = Browser(app), p2 = Browser(app)
            try await chair.signIn(email: "chair@x.org")
            try await p2.signIn(email: "p2@x.org")
            var outsider = try await RecruitmentFixtures.browser(app, "outsider@x.org")
            try await p2.get(sheet(setup, "A", "p2@x.org"))
            try await p2.post(sheet(setup, "A", "p2@x.org"), form: scores(setup, [1, 1, 1, 1], submit: false))
            try await chair.get(sheet(setup, "A", "chair@x.org"))

            // act
            let p2ReadsChair = try await p2.get(sheet(setup, "A", "chair@x.org"))
            let p2WritesChair = try await p2.post(sheet(setup, "A", "chair@x.org"), form: scores(setup, [4, 4, 4, 4], submit: true))
            let chairReadsP2 = try await chair.get(sheet(setup, "A", "p2@x.org"))
            let chairWritesP2 = try await chair.post(sheet(setup, "A", "p2@x.org"), form: scores(setup, [0, 0, 0, 0], submit: true))
            let hrWritesP2 = try await hr.post(sheet(setup, "A", "p2@x.org"), form: scores(setup, [0, 0, 0, 0], submit: true))
            let outsiderRound = try await outsider.get("/recruitment/interviews/\(setup.round)")
            let outsiderSheet = try await outsider.get(sheet(setup, "A", "p2@x.org"))
            let outsiderList = try await outsider.get("/recruitment")
            let p2Round = try await p2.get("/recruitment/interviews/\(setup.round)")
            let blank = try await p2.get("/recruitment/interviews/\(setup.round)/score-sheet")

            // check
            #expect(p2ReadsChair.status == .forbidden)
            #expect(p2WritesChair.status == .forbidden)
            #expect(chairReadsP2.status == .ok)
            #expect(chairReadsP2.body.string.contains("1 – Limited evidence"))
            #expect(!chairReadsP2.body.string.contains("Save scores"))
            #expect(chairWritesP2.status == .forbidden)
            #expect(hrWritesP2.status == .forbidden)
            #expect(outsiderRound.status == .forbidden)
            #expect(outsiderSheet.status == .forbidden)
            #expect(outsiderList.status == .ok)
            #expect(!outsiderList.body.string.contains("First interviews"))
            #expect(p2Round.status == .ok)
            #expect(p2Round.body.string.contains("First interviews"))
            #expect(blank.status == .ok)
            #expect(blank.body.string.contains("4 – Strong evidence"))
            #expect(!blank.body.string.contains("govuk-service-navigation"))
            let scores = try await InterviewScore.query(on: app.db).all()
            #expect(scores.count == 4)
            #expect(scores.allSatisfy { $0.score == 1 })
            #expect(try await InterviewSheet.query(on: app.db).filter(\.$submittedAt != nil).count() == 0)
        }
    }

    @Test("Setting up a round needs a title, a real date and a published specification; a candidate needs a name or reference, a panel member an account")
    func setUpValidation() async throws {
        try await withApp { app in
            // setup
            let cv = try await RecruitmentFixtures.coreValues(app)
            let role = try await RecruitmentFixtures.role(app, cv, requirements: [("CV.1.MB2", true)])
            let roleID = try role.requireID()
            var hr = try await RecruitmentFixtures.browser(app, "hr@x.org", roles: [.hr])
            try await hr.get("/people/roles/\(roleID)/interviews")

            // act
            let noSpec = try await hr.post("/people/roles/\(roleID)/interviews", form: ["title": "Round", "held_on": "2026-03-14"])
            try await RecruitmentFixtures.publishedSpecification(app, role: role)
            let bad = try await hr.post("/people/roles/\(roleID)/interviews", form: ["title": "", "held_on": "31/02/2026"])
            let good = try await hr.post("/people/roles/\(roleID)/interviews", form: ["title": "Round", "held_on": "2026-03-14"])
            let round = try #require(try await InterviewRound.query(on: app.db).first())
            try await hr.get("/recruitment/interviews/\(try round.requireID())")
            let noReference = try await hr.post("/recruitment/interviews/\(try round.requireID())/candidates", form: ["reference": " "])
            let noAccount = try await hr.post("/recruitment/interviews/\(try round.requireID())/panel", form: ["email": "nobody@x.org"])

            // check
            #expect(noSpec.status == .conflict)
            #expect(bad.status == .badRequest)
            #expect(bad.body.string.contains("href=\"#title\""))
            #expect(bad.body.string.contains("href=\"#held_on\""))
            #expect(good.status == .seeOther)
            #expect(round.heldOn == "2026-03-14")
            #expect(try await InterviewCriterion.query(on: app.db).count() == 3)
            #expect(noReference.status == .badRequest)
            #expect(noReference.body.string.contains("Enter the candidate&#39;s name or candidate reference")
                    || noReference.body.string.contains("Enter the candidate's name or candidate reference"))
            #expect(noAccount.status == .badRequest)
            #expect(noAccount.body.string.contains("No active Capable account has the email address nobody@x.org"))
            #expect(try await InterviewCandidate.query(on: app.db).count() == 0)
        }
    }
}

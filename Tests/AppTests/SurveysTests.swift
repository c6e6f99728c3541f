@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// Pulse surveys: asked by audience, answered once and anonymously, results only in groups of
/// at least five (smaller units fold into their parent), and the trend across surveys.
@Suite("Pulse surveys")
struct SurveysTests {
    struct Organisation {
        var council: OrgUnit, directorate: OrgUnit, red: OrgUnit, blue: OrgUnit, elsewhere: OrgUnit
        /// API headers for people in Red (6), Blue (4), the directorate itself (1) and elsewhere (1).
        var red6: [HTTPHeaders], blue4: [HTTPHeaders], director: HTTPHeaders, outsider: HTTPHeaders
    }

    static func organisation(_ app: Application) async throws -> Organisation {
        let council = try await Fixtures.unit(app, code: "C")
        let directorate = try await Fixtures.unit(app, code: "D", parent: council.id)
        let red = try await Fixtures.unit(app, code: "R", parent: directorate.id)
        let blue = try await Fixtures.unit(app, code: "B", parent: directorate.id)
        let elsewhere = try await Fixtures.unit(app, code: "E", parent: council.id)
        func people(_ prefix: String, _ n: Int, in unit: OrgUnit) async throws -> [HTTPHeaders] {
            var headers: [HTTPHeaders] = []
            for i in 1...n {
                let person = try await Fixtures.person(app, ref: "\(prefix)\(i)", name: "\(prefix)\(i)", unit: unit.id)
                let account = try await Fixtures.account(app, email: "\(prefix.lowercased())\(i)@x.org", personID: person.id)
                let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
                headers.append(["Authorization": "Bearer \(secret)", "Content-Type": "application/json"])
            }
            return headers
        }
        return Organisation(council: council, directorate: directorate, red: red, blue: blue, elsewhere: elsewhere,
                            red6: try await people("R", 6, in: red), blue4: try await people("B", 4, in: blue),
                            director: try await people("D", 1, in: directorate)[0], outsider: try await people("E", 1, in: elsewhere)[0])
    }

    static func answers(_ app: Application, survey: UUID, headers: HTTPHeaders, score: Int) async throws -> String {
        let detail = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(survey)", headers: headers)
        let questions = try JSONDecoder().decode(SurveysAPI.DetailDTO.self, from: Data(detail.body.readableBytesView)).questions
        let items = questions.map { q in
            q.kind == .scale ? #"{"questionId":"\#(q.id)","score":\#(score)}"# : #"{"questionId":"\#(q.id)","text":"Comment \#(score)"}"#
        }
        return #"{"answers":[\#(items.joined(separator: ","))]}"#
    }

    @Test("HR starts a survey for the directorate by form; bad input is named by field")
    func start() async throws {
        try await withApp { app in
            // setup
            let org = try await Self.organisation(app)
            var hr = try await RecruitmentFixtures.browser(app, "od@x.org", roles: [.hr])
            try await hr.get("/surveys/new")
            // act
            let bad = try await hr.post("/surveys", form: ["title": "", "rule": "unit", "unit": "NOPE", "closes_on": "01/01/2020"])
            _ = try await Fixtures.unit(app, code: "EMPTY")
            let nobody = try await hr.post("/surveys", form: ["title": "Pulse", "rule": "unit", "unit": "EMPTY", "sets[]": "trust"])
            let made = try await hr.post("/surveys", form: ["title": "Pulse: spring", "rule": "unit", "unit": "D", "subunits": "yes",
                                                           "sets[]": "trust", "questions": "I know what is expected of me", "comments": "yes"])
            // Someone who joins the directorate afterwards is not asked: the population is fixed at the start.
            let late = try await Fixtures.person(app, ref: "LATE", name: "Late", unit: org.red.id)
            let staff = try await RecruitmentFixtures.browser(app, "plain@x.org")
            var plain = staff
            let refused = try await plain.get("/surveys/new")
            // check
            #expect(bad.status == .badRequest)
            for field in ["title", "unit", "closes_on", "sets"] { #expect(bad.body.string.contains("href=\"#\(field)\""), "\(field)") }
            #expect(nobody.status == .badRequest && nobody.body.string.contains("Nobody is in this audience today"))
            #expect(made.status == .seeOther)
            let survey = try #require(try await Survey.query(on: app.db).first())
            #expect(try await SurveyInvitation.query(on: app.db).count() == 11)
            #expect(try await Surveys.isAsked(late.id!, survey: survey, on: app.db) == false)
            #expect(try await Survey.query(on: app.db).count() == 1, "the refused survey was not kept")
            let questions = try await SurveyQuestion.query(on: app.db).sort(\.$position).all()
            #expect(questions.map(\.key) == ["trust.colleagues", "trust.manager", "trust.responsibility", "trust.follow-through", "own.5", "comments"])
            #expect(survey.audience?.rules.count == 1)
            #expect(refused.status == .forbidden)
            #expect(try await Fixtures.auditEvents(app).contains("create survey"))
        }
    }

    @Test("Answers: off the scale, missing, twice, or from outside the audience are refused with nothing written")
    func answering() async throws {
        try await withApp { app in
            let org = try await Self.organisation(app)
            let hr = try await RecruitmentFixtures.api(app, "od@x.org", roles: [.hr])
            let made = try await app.testing().sendRequest(.POST, "/api/v1/surveys", headers: hr, body: ByteBuffer(string: """
                {"title":"Pulse","audience":{"rule":"unit","unit":"D","subunits":"yes"},"questionSets":["safety"],"comments":true}
                """))
            #expect(made.status == .created)
            let survey = try JSONDecoder().decode(SurveysAPI.DetailDTO.self, from: Data(made.body.readableBytesView))
            let first = survey.questions[0].id
            // act
            let offScale = try await app.testing().sendRequest(.POST, "/api/v1/surveys/\(survey.id)/responses", headers: org.red6[0],
                                                               body: ByteBuffer(string: #"{"answers":[{"questionId":"\#(first)","score":6}]}"#))
            let good = try await app.testing().sendRequest(.POST, "/api/v1/surveys/\(survey.id)/responses", headers: org.red6[0],
                                                           body: ByteBuffer(string: try await Self.answers(app, survey: survey.id, headers: org.red6[0], score: 4)))
            let twice = try await app.testing().sendRequest(.POST, "/api/v1/surveys/\(survey.id)/responses", headers: org.red6[0],
                                                            body: ByteBuffer(string: try await Self.answers(app, survey: survey.id, headers: org.red6[0], score: 2)))
            let outsider = try await app.testing().sendRequest(.POST, "/api/v1/surveys/\(survey.id)/responses", headers: org.outsider,
                                                               body: ByteBuffer(string: #"{"answers":[]}"#))
            // check
            #expect(offScale.status == .badRequest)
            #expect(offScale.body.string.contains("answers[\(first.uuidString.lowercased())]"))
            #expect(offScale.body.string.contains("on the scale from 1 (strongly disagree) to 5 (strongly agree)"))
            #expect(offScale.body.string.contains("Choose how far you agree"), "the other statements were not answered")
            #expect(good.status == .created)
            #expect(twice.status == .conflict && twice.body.string.contains("already answered"))
            #expect(outsider.status == .forbidden)
            #expect(try await SurveyResponse.query(on: app.db).count() == 1)
            #expect(try await SurveyInvitation.query(on: app.db).filter(\.$answered == true).count() == 1)
            #expect(try await SurveyAnswer.query(on: app.db).count() == 5, "four statements and the comment, once")
            let row = try #require(try await SurveyResponse.query(on: app.db).first())
            let notYet = try #require(try await Person.query(on: app.db).filter(\.$employeeRef == "R2").first()?.id)
            #expect(try await Surveys.waiting(for: notYet, on: app.db) == 1)
            #expect(try await Surveys.waiting(for: try #require(try await Person.query(on: app.db).filter(\.$employeeRef == "R1").first()?.id), on: app.db) == 0, "answered")
            #expect(row.unitID == org.red.id && row.submittedOn == CalendarDate.today.description)
        }
    }

    @Test("Results: 6 in Red are shown, 4 in Blue fold into the directorate, a unit under 5 cannot be asked for; trend across surveys")
    func results() async throws {
        try await withApp { app in
            let org = try await Self.organisation(app)
            let hr = try await RecruitmentFixtures.api(app, "od@x.org", roles: [.hr])
            var ids: [UUID] = []
            for title in ["Pulse: spring", "Pulse: autumn"] {
                let made = try await app.testing().sendRequest(.POST, "/api/v1/surveys", headers: hr, body: ByteBuffer(string: """
                    {"title":"\(title)","audience":{"rule":"unit","unit":"D","subunits":"yes"},"questionSets":["trust"],"comments":true}
                    """))
                let id = try JSONDecoder().decode(SurveysAPI.DetailDTO.self, from: Data(made.body.readableBytesView)).id
                ids.append(id)
                for (headers, score) in org.red6.map({ ($0, title.hasSuffix("spring") ? 3 : 5) }) + org.blue4.map({ ($0, 2) }) + [(org.director, 4)] {
                    let sent = try await app.testing().sendRequest(.POST, "/api/v1/surveys/\(id)/responses", headers: headers,
                                                                   body: ByteBuffer(string: try await Self.answers(app, survey: id, headers: headers, score: score)))
                    #expect(sent.status == .created)
                }
            }
            // act
            let all = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results", headers: hr)
            let blue = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results?unitId=\(org.blue.id!)", headers: hr)
            let red = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results?unitId=\(org.red.id!)", headers: hr)
            let staff = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results", headers: org.red6[0])
            // The director heads the directorate; the first person in Red heads Red.
            let director = try #require(try await Person.query(on: app.db).filter(\.$employeeRef == "D1").first())
            let redLead = try #require(try await Person.query(on: app.db).filter(\.$employeeRef == "R1").first())
            org.directorate.$head.id = director.id
            try await org.directorate.save(on: app.db)
            org.red.$head.id = redLead.id
            try await org.red.save(on: app.db)
            let directorView = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results", headers: org.director)
            let redView = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results", headers: org.red6[0])
            let redAsksBlue = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results?unitId=\(org.blue.id!)", headers: org.red6[0])
            let redAsksRed = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results?unitId=\(org.red.id!)", headers: org.red6[0])
            let blueStaff = try await app.testing().sendRequest(.GET, "/api/v1/surveys/\(ids[1])/results", headers: org.blue4[0])
            var browser = try await RecruitmentFixtures.browser(app, "od2@x.org", roles: [.hr])
            let page = try await browser.get("/surveys/\(ids[1])/results")
            // check
            let model = try JSONDecoder().decode(SurveyResults.Model.self, from: Data(all.body.readableBytesView))
            #expect(model.respondents == 11 && model.asked == 11)
            #expect(model.groups.map(\.unit) == ["Unit R", "Unit D"])
            #expect(model.groups.map(\.respondents) == [6, 5])
            #expect(model.groups[1].includes == ["Unit B"])
            #expect(model.folded.map(\.unit) == ["Unit B"] && model.folded[0].countedIn == "Unit D")
            #expect(model.overall?.first?.average == 3.8, "6 x 5, 4 x 2, 1 x 4 = 42 / 11")
            #expect(model.comments.count == 11)
            #expect(model.trend.map(\.title) == ["Pulse: spring", "Pulse: autumn"])
            #expect(model.trend[0].averages["trust.colleagues"] == 2.7, "6 x 3, 4 x 2, 1 x 4 = 30 / 11")
            #expect(blue.status == .badRequest)
            #expect(blue.body.string.contains("Fewer than 5 people in Unit B answered") && blue.body.string.contains("counted in Unit D"))
            #expect(red.status == .ok && red.body.string.contains("\"respondents\":6"))
            #expect(staff.status == .forbidden, "before anyone heads a unit")
            let forDirector = try JSONDecoder().decode(SurveyResults.Model.self, from: Data(directorView.body.readableBytesView))
            #expect(forDirector.unitsOnly && forDirector.groups.map(\.unit) == ["Unit R", "Unit D"])
            #expect(forDirector.overall == nil && forDirector.comments.isEmpty && forDirector.trend.isEmpty, "the whole, comments and trend are for HR")
            let forRed = try JSONDecoder().decode(SurveyResults.Model.self, from: Data(redView.body.readableBytesView))
            #expect(forRed.groups.map(\.unit) == ["Unit R"] && forRed.folded.isEmpty)
            #expect(redAsksBlue.status == .notFound, "another unit is not confirmed to a head of Red")
            #expect(redAsksRed.status == .ok)
            #expect(blueStaff.status == .forbidden)
            #expect(page.body.string.contains("Unit R: 6 answered") && page.body.string.contains("Includes the answers of Unit B"))
            #expect(page.body.string.contains("11 of 11 people asked have answered (100%)."))
        }
    }
}

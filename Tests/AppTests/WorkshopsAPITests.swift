@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The workshops API: the same rules as the pages, errors by JSON field, and an ETag for polling.
@Suite("Workshops API")
struct WorkshopsAPITests {
    struct Caller {
        var headers: HTTPHeaders
        var person: Person
    }

    static func caller(_ app: Application, _ ref: String, roles: [Role] = []) async throws -> Caller {
        let person = try await Fixtures.person(app, ref: ref, name: ref)
        let account = try await Fixtures.account(app, email: "\(ref.lowercased())@x.org", roles: roles, personID: person.id)
        let (_, secret) = try await ApiTokens.create(name: "t", accountID: try account.requireID(), context: .system, on: app.db)
        return Caller(headers: ["Authorization": "Bearer \(secret)", "Content-Type": "application/json"], person: person)
    }

    static func send(_ app: Application, _ method: HTTPMethod, _ path: String, _ caller: Caller, _ json: String? = nil,
                     extra: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        var headers = caller.headers
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        return try await app.testing().sendRequest(method, "/api/v1" + path, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }

    static func fieldNames(_ response: TestingHTTPResponse) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return (object?["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    @Test("Create names bad fields and the bad group's row, writing nothing; a good call makes the workshop and its groups")
    func create() async throws {
        try await withApp { app in
            let lead = try await Self.caller(app, "F1")
            // act
            let bad = try await Self.send(app, .POST, "/workshops", lead, #"{"title":"","questions":[],"heldOn":"someday","format":"rave","votesPerParticipant":21}"#)
            let badGroup = try await Self.send(app, .POST, "/workshops", lead, """
                {"title":"T","questions":["Q"],"heldOn":"2027-01-14","format":"open-space","groups":[{"name":"Red","question":"Q1"},{"name":"Blue","question":""}]}
                """)
            let good = try await Self.send(app, .POST, "/workshops", lead, """
                {"title":"Leadership of place","questions":["What capability do we need?"],"heldOn":"14/01/2027","format":"open-space",
                 "votesPerParticipant":2,"groups":[{"name":"Red","question":"Q1"},{"name":"Blue","question":"Q2"}]}
                """)
            // check
            #expect(bad.status == .badRequest)
            #expect(try Set(Self.fieldNames(bad)) == ["title", "questions", "heldOn", "format", "votesPerParticipant"])
            #expect(badGroup.status == .badRequest)
            #expect(try Self.fieldNames(badGroup) == ["groups[1].question"])
            #expect(good.status == .created)
            let detail = try JSONDecoder().decode(WorkshopsAPI.DetailDTO.self, from: Data(good.body.readableBytesView))
            #expect(detail.groups.map(\.name) == ["Red", "Blue"])
            #expect(detail.participants.map(\.role) == [.facilitator])
            #expect(detail.workshop.heldOn == "2027-01-14")
            #expect(try await Workshop.query(on: app.db).count() == 1, "the refused calls wrote nothing")
            #expect(try await WorkshopGroup.query(on: app.db).count() == 2)
        }
    }

    @Test("Board: post-its within 280 characters, votes within the allowance, moves within the session; ETag for polling")
    func board() async throws {
        try await withApp { app in
            // setup
            let lead = try await Self.caller(app, "F1"), ann = try await Self.caller(app, "A1"), out = try await Self.caller(app, "O1")
            let made = try await Self.send(app, .POST, "/workshops", lead, """
                {"title":"T","questions":["Q"],"heldOn":"2027-01-14","format":"workshop","votesPerParticipant":1,"groups":[{"name":"Red","question":"Q1"}]}
                """)
            let detail = try JSONDecoder().decode(WorkshopsAPI.DetailDTO.self, from: Data(made.body.readableBytesView))
            let id = detail.workshop.id, group = detail.groups[0].id
            let workshop = try #require(try await Workshop.find(id, on: app.db))
            try await WorkshopParticipant(workshopID: id, personID: ann.person.id, role: .participant).create(on: app.db)
            let other = Workshop(title: "Other", purpose: "", questions: "Q", heldOn: "2027-02-01", format: .workshop, allowAnonymous: false,
                                 votesPerParticipant: 3, createdBy: nil)
            try await other.create(on: app.db)
            let foreign = WorkshopTheme(workshopID: other.id!, name: "Elsewhere", position: 1)
            try await foreign.create(on: app.db)
            // act
            let long = try await Self.send(app, .POST, "/workshops/\(id)/board/post-its", ann, #"{"groupId":"\#(group)","text":"\#(String(repeating: "é", count: 281))"}"#)
            let anonymous = try await Self.send(app, .POST, "/workshops/\(id)/board/post-its", ann, #"{"groupId":"\#(group)","text":"Hi","anonymous":true}"#)
            let wrongGroup = try await Self.send(app, .POST, "/workshops/\(id)/board/post-its", ann, #"{"groupId":"\#(UUID())","text":"Hi"}"#)
            let posted = try await Self.send(app, .POST, "/workshops/\(id)/board/post-its", ann, #"{"groupId":"\#(group)","text":"Reflection time"}"#)
            let note = try JSONDecoder().decode(BoardQueries.Note.self, from: Data(posted.body.readableBytesView))
            let themed = try await Self.send(app, .POST, "/workshops/\(id)/board/themes", lead, #"{"name":"Safe working"}"#)
            let theme = try JSONDecoder().decode(WorkshopsAPI.ThemeDTO.self, from: Data(themed.body.readableBytesView))
            let crossing = try await Self.send(app, .PUT, "/workshops/\(id)/board/post-its/\(note.id)/theme", ann, #"{"themeId":"\#(foreign.id!)"}"#)
            let moved = try await Self.send(app, .PUT, "/workshops/\(id)/board/post-its/\(note.id)/theme", ann, #"{"themeId":"\#(theme.id)"}"#)
            let vote = try await Self.send(app, .POST, "/workshops/\(id)/board/themes/\(theme.id)/votes", ann)
            let tooMany = try await Self.send(app, .POST, "/workshops/\(id)/board/themes/\(theme.id)/votes", ann)
            let first = try await Self.send(app, .GET, "/workshops/\(id)/board", ann)
            let etag = try #require(first.headers.first(name: .eTag))
            let unchanged = try await Self.send(app, .GET, "/workshops/\(id)/board", ann, extra: ["If-None-Match": etag])
            try await Self.send(app, .POST, "/workshops/\(id)/board/post-its", lead, #"{"groupId":"\#(group)","text":"Outcomes not presenteeism"}"#)
            let changed = try await Self.send(app, .GET, "/workshops/\(id)/board", ann, extra: ["If-None-Match": etag])
            let leadsView = try await Self.send(app, .GET, "/workshops/\(id)/board", lead, extra: ["If-None-Match": changed.headers.first(name: .eTag) ?? ""])
            try await Self.send(app, .DELETE, "/workshops/\(id)/board/themes/\(theme.id)/votes", ann)
            let afterVote = try await Self.send(app, .GET, "/workshops/\(id)/board", ann, extra: ["If-None-Match": changed.headers.first(name: .eTag) ?? ""])
            let outsider = try await Self.send(app, .GET, "/workshops/\(id)/board", out)
            let outsiderPost = try await Self.send(app, .POST, "/workshops/\(id)/board/post-its", out, #"{"groupId":"\#(group)","text":"Hi"}"#)
            // check
            try #expect(long.status == .badRequest && Self.fieldNames(long) == ["text"])
            try #expect(anonymous.status == .badRequest && Self.fieldNames(anonymous) == ["anonymous"])
            try #expect(wrongGroup.status == .badRequest && Self.fieldNames(wrongGroup) == ["group"])
            #expect(posted.status == .created && note.mine && note.author == "Sam Staff")
            try #expect(crossing.status == .badRequest && Self.fieldNames(crossing) == ["theme"])
            #expect(moved.status == .ok)
            #expect(vote.status == .created && vote.body.string.contains("\"votesLeft\":0"))
            try #expect(tooMany.status == .badRequest && Self.fieldNames(tooMany) == ["vote"])
            #expect(unchanged.status == .notModified, "\(etag) \(unchanged.headers.first(name: .eTag) ?? "")")
            #expect(changed.status == .ok && changed.body.string.contains("Outcomes not presenteeism"))
            #expect(leadsView.status == .ok, "another viewer's ETag is not theirs: what each sees differs")
            #expect(afterVote.status == .ok && afterVote.body.string.contains("\"votesLeft\":1"), "taking a vote back changes the board")
            #expect(outsider.status == .notFound && outsiderPost.status == .notFound)
            #expect(try await PostIt.query(on: app.db).count() == 2)
            #expect(try await WorkshopVote.query(on: app.db).count() == 0)
            #expect(try await PostIt.find(note.id, on: app.db)?.$theme.id == theme.id)
            #expect(workshop.votesPerParticipant == 1)
        }
    }

    @Test("Actions and series: actions join the owner's list; a series from the template has three sessions and one log")
    func actionsAndSeries() async throws {
        try await withApp { app in
            let hr = try await Self.caller(app, "H1", roles: [.hr]), lead = try await Self.caller(app, "L1")
            // act
            let badSeries = try await Self.send(app, .POST, "/workshop-series", hr, #"{"title":"","template":"nope"}"#)
            let made = try await Self.send(app, .POST, "/workshop-series", hr, #"{"title":"Cabinet 2027","template":"top-team","firstOn":"2027-06-03","weeksBetween":4}"#)
            let series = try JSONDecoder().decode(SeriesAPI.DetailDTO.self, from: Data(made.body.readableBytesView))
            let first = series.sessions[0].id
            let notTaking = try await Self.send(app, .POST, "/workshops/\(first)/actions", hr, #"{"description":"Agree priorities","ownerId":"\#(lead.person.id!)"}"#)
            let byRef = try await Self.send(app, .POST, "/workshops/\(first)/actions", hr, #"{"description":"Agree priorities","ownerRef":"L1","dueOn":"2027-07-01"}"#)
            let byLead = try await Self.send(app, .POST, "/workshops/\(first)/actions", lead, #"{"description":"Mine"}"#)
            let leadsList = try await Self.send(app, .GET, "/actions", lead)
            let log = try await Self.send(app, .GET, "/workshop-series/\(series.series.id)", hr)
            let leadSeries = try await Self.send(app, .GET, "/workshop-series/\(series.series.id)", lead)
            // check
            try #expect(badSeries.status == .badRequest && Set(Self.fieldNames(badSeries)) == ["title", "template"])
            #expect(made.status == .created)
            #expect(series.sessions.map(\.heldOn) == ["2027-06-03", "2027-07-01", "2027-07-29"])
            try #expect(notTaking.status == .badRequest && Self.fieldNames(notTaking) == ["ownerId"])
            #expect(byRef.status == .created)
            #expect(byLead.status == .notFound, "not taking part: the workshop is not confirmed to exist")
            #expect(leadsList.body.string.contains("Agree priorities") && leadsList.body.string.contains("\"source\":\"workshop\""))
            #expect(log.body.string.contains("Agree priorities") && log.body.string.contains("\"due\":1"))
            #expect(leadSeries.status == .notFound, "an action owner who took part in no session does not see the series")
        }
    }
}

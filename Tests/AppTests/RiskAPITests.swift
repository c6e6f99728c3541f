@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The risk API: the same rules and access as the pages, errors named by JSON field, all or nothing.
@Suite("Risk API")
struct RiskAPITests {
    static func json(_ response: TestingHTTPResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
    }

    @Test("A risk manager adds a register, raises and rates a risk, adds an action, reviews, escalates and pages the register; errors name the JSON fields")
    func endToEnd() async throws {
        try await withApp { app in
            let world = try await RiskTests.world(app)
            let manager = try await ReviewsAPITests.token(app, "risk@x.org")
            let owner = try await ReviewsAPITests.token(app, "owner@x.org")
            let outsider = try await ReviewsAPITests.token(app, "outsider@x.org")
            func send(_ method: HTTPMethod, _ path: String, _ headers: HTTPHeaders, _ body: String? = nil) async throws -> TestingHTTPResponse {
                try await ReviewsAPITests.send(app, method, "/api/v1" + path, headers, body)
            }
            // A register for the council unit; a clash of prefix is named.
            var response = try await send(.POST, "/registers", manager, #"{"unitCode": "C", "prefix": "SVC"}"#)
            #expect(response.status == .badRequest)
            #expect(try ReviewsAPITests.fields(response) == ["prefix"])
            #expect(try await send(.POST, "/registers", owner, #"{"unitCode": "C", "prefix": "CO"}"#).status == .forbidden)
            response = try await send(.POST, "/registers", manager, #"{"unitCode": "C", "prefix": "CO"}"#)
            #expect(response.status == .created)
            let registers = try JSONDecoder().decode([RiskAPI.RegisterDTO].self, from: Data(try await send(.GET, "/registers", owner).body.readableBytesView))
            #expect(Set(registers.map(\.prefix)) == ["SVC", "DIR", "CO"])

            // Bad input: every problem named, nothing written.
            let service = try world.serviceRegister.requireID().uuidString
            response = try await send(.POST, "/risks", owner, """
                {"registerId": "\(service)", "title": "", "cause": "c", "event": "e", "consequence": "q", "category": "compliance", "owner": "NOBODY",
                 "reviewMonths": 40, "inherent": {"likelihood": 6, "impact": 2}, "target": {"likelihood": 1, "impact": 1}}
                """)
            #expect(response.status == .badRequest)
            #expect(try ReviewsAPITests.fields(response) == ["title", "owner", "reviewMonths", "inherent.likelihood"])
            response = try await send(.POST, "/risks", owner, """
                {"registerId": "\(service)", "title": "t", "cause": "c", "event": "e", "consequence": "q", "category": "compliance", "owner": "P1",
                 "inherent": {"likelihood": 2, "impact": 2}, "target": {"likelihood": 3, "impact": 3}}
                """)
            #expect(try ReviewsAPITests.fields(response) == ["targetReason"])
            #expect(try await Risk.query(on: app.db).count() == 0)
            #expect(try await send(.POST, "/risks", outsider, #"{"registerId": "\#(service)", "title": "t"}"#).status == .forbidden)

            // Raised with its first ratings in one request.
            response = try await send(.POST, "/risks", owner, """
                {"registerId": "\(service)", "title": "Care staff shortage", "cause": "c", "event": "e", "consequence": "q", "category": "compliance",
                 "owner": "P1", "inherent": {"likelihood": 5, "impact": 4}, "current": {"likelihood": 4, "impact": 4}, "target": {"likelihood": 2, "impact": 2}}
                """)
            #expect(response.status == .created)
            var risk = try Self.json(response)
            let id = try #require(risk["id"] as? String)
            #expect(risk["reference"] as? String == "SVC-001")
            #expect(risk["outsideAppetite"] as? Bool == true)
            #expect((risk["current"] as? [String: Any])?["band"] as? String == "Very high")
            #expect(try await send(.GET, "/risks/\(id)", outsider).status == .forbidden)

            // A re-assessment needs a reason; with one it is kept in the history.
            response = try await send(.POST, "/risks/\(id)/assessments", owner, #"{"kind": "current", "likelihood": 3, "impact": 4}"#)
            #expect(try ReviewsAPITests.fields(response) == ["reason"])
            response = try await send(.POST, "/risks/\(id)/assessments", owner, #"{"kind": "current", "likelihood": 9, "impact": 4}"#)
            #expect(try ReviewsAPITests.fields(response) == ["likelihood"])
            response = try await send(.POST, "/risks/\(id)/assessments", owner, #"{"kind": "current", "likelihood": 3, "impact": 4, "reason": "Agency cover"}"#)
            #expect(response.status == .created)
            let history = try await send(.GET, "/risks/\(id)/assessments", owner)
            #expect(history.body.string.contains("Agency cover"))

            // An action needs an owner; with one it goes to their list.
            response = try await send(.POST, "/risks/\(id)/actions", owner, #"{"description": "Recruit", "dueOn": "31/02/2030"}"#)
            #expect(try ReviewsAPITests.fields(response) == ["owner", "dueOn"])
            response = try await send(.POST, "/risks/\(id)/actions", owner, #"{"description": "Recruit", "owner": "P1", "dueOn": "2030-01-31"}"#)
            #expect(response.status == .created)
            #expect(try await send(.GET, "/actions", owner).body.string.contains("Risk SVC-001: Care staff shortage"))
            #expect(try await send(.GET, "/risks/\(id)/actions", owner).body.string.contains("Recruit"))

            // Escalation only upwards.
            let other = try world.otherRegister.requireID().uuidString
            response = try await send(.POST, "/risks/\(id)/escalations", owner, #"{"direction": "escalate", "registerId": "\#(other)", "reason": "x"}"#)
            #expect(try ReviewsAPITests.fields(response) == ["registerId"])
            response = try await send(.POST, "/risks/\(id)/escalations", owner,
                                      #"{"direction": "escalate", "registerId": "\#(RiskRegister.corporateID.uuidString)", "reason": "Outside appetite"}"#)
            #expect(response.status == .ok)
            #expect(try Self.json(response)["escalatedToId"] as? String == RiskRegister.corporateID.uuidString)

            // A review brings it down; de-escalated.
            response = try await send(.POST, "/risks/\(id)/reviews", owner, #"{"likelihood": 2, "impact": 3, "note": ""}"#)
            #expect(try ReviewsAPITests.fields(response) == ["note"])
            response = try await send(.POST, "/risks/\(id)/reviews", owner, #"{"likelihood": 2, "impact": 3, "note": "Posts filled", "nextReviewOn": "2099-01-01"}"#)
            #expect(response.status == .created)
            #expect(try await send(.GET, "/risks/\(id)/reviews", owner).body.string.contains("Posts filled"))
            response = try await send(.POST, "/risks/\(id)/escalations", owner, #"{"direction": "de-escalate", "reason": "Within appetite"}"#)
            risk = try Self.json(response)
            #expect(risk["escalatedToId"] == nil || risk["escalatedToId"] is NSNull)
            #expect(risk["nextReviewOn"] as? String == "2099-01-01")

            // The register, a page at a time; without one, every register the caller may see.
            response = try await send(.GET, "/risks?register=\(service)&page=1&per=100", owner)
            let page = try Self.json(response)
            #expect((page["items"] as? [[String: Any]])?.map { $0["reference"] as? String } == ["SVC-001"])
            #expect(page["hasNext"] as? Bool == false)
            // Written by `JSONWriter`: the same shape as the Codable form, with its content type.
            let typed = try JSONDecoder().decode(PeopleAPI.Page<RiskAPI.RiskSummary>.self, from: Data(response.body.readableBytesView))
            #expect(typed.items.first?.current?.score == 6 && typed.items.first?.current?.band.isEmpty == false)
            #expect(response.headers.contentType == .json)
            #expect(try await send(.GET, "/risks", owner).body.string.contains("SVC-001"))
            #expect(!(try await send(.GET, "/risks", outsider).body.string.contains("SVC-001")))
            #expect(try await send(.GET, "/risks?page=1&per=100", manager).status == .ok)

            // Appetite: read by all, changed by risk managers, errors by category field.
            #expect(try await send(.GET, "/appetite", owner).body.string.contains("\"cautious\""))
            #expect(try await send(.PUT, "/appetite", owner, #"{"visibility": "unit-only"}"#).status == .forbidden)
            response = try await send(.PUT, "/appetite", manager, #"{"categories": [{"code": "compliance", "appetite": "minimal", "ceiling": 99}]}"#)
            #expect(try ReviewsAPITests.fields(response) == ["categories.compliance.ceiling"])
            response = try await send(.PUT, "/appetite", manager, #"{"categories": [{"code": "compliance", "appetite": "averse"}], "visibility": "unit-only"}"#)
            #expect(response.status == .ok)
            #expect(try await RiskCategory.query(on: app.db).filter(\.$code == "compliance").first()?.ceiling == 4)
            #expect(try await RiskSettings.visibility(on: app.db) == .unitOnly)
        }
    }

    @Test("The single risk and a page of risks are written by JSONWriter exactly as their Codable forms, every field filled or absent")
    func writtenAsEncoded() throws {
        let risk = Risk()
        risk.id = UUID()
        (risk.reference, risk.title, risk.cause, risk.event, risk.consequence) = ("CR-1", "Title \"quoted\"\n", "c", "e", "q")
        (risk.status, risk.identifiedOn, risk.closedOn, risk.response) = ("open", "2026-01-01", "2026-02-01", "tolerate")
        (risk.inherentLikelihood, risk.inherentImpact, risk.currentLikelihood, risk.currentImpact) = (5, 5, 4, 4)
        (risk.targetLikelihood, risk.targetImpact, risk.targetReason) = (2, 2, "because")
        (risk.reviewMonths, risk.nextReviewOn, risk.lastReviewedOn) = (3, "2020-01-01", "2019-10-01")
        (risk.acceptanceReason, risk.acceptanceExpiresOn, risk.kriKind, risk.kriThreshold) = ("ok", "2020-01-01", "training", 90)
        risk.kriRequirementID = UUID()
        risk.$acceptedBy.id = UUID()
        risk.$register.id = UUID()
        risk.$escalatedTo.id = UUID()
        risk.$owner.id = UUID()
        let full = try RiskQueries.Detail(risk, categoryCode: "compliance", ceiling: 9, elements: [UUID(), UUID()])
        let bare = Risk()
        bare.id = UUID()
        (bare.reference, bare.title, bare.cause, bare.event, bare.consequence, bare.status) = ("CR-2", "t", "c", "e", "q", "closed")
        (bare.identifiedOn, bare.reviewMonths) = ("2026-01-01", 6)
        bare.$register.id = UUID()
        bare.$owner.id = UUID()
        let empty = try RiskQueries.Detail(bare, categoryCode: "operational", ceiling: 12, elements: [])
        let today = try #require(CalendarDate(year: 2026, month: 11, day: 26))

        func same(_ value: some Encodable & JSONWritable) throws {
            var writer = JSONWriter()
            value.write(to: &writer)
            let ours = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(value)) as? NSDictionary
            #expect(ours != nil && ours == theirs)
        }
        for detail in [full, empty] { try same(RiskAPI.RiskDTO(detail, matrix: .standard, today: today)) }
        let summary = RiskAPI.RiskSummary(id: UUID(), reference: "CR-1", title: "t", registerId: UUID(), escalatedToId: UUID(), category: "c",
                                          owner: "Ann Lee", status: "open", inherent: .init(.init(likelihood: 5, impact: 5), matrix: .standard),
                                          current: nil, target: .init(.init(likelihood: 1, impact: 2), matrix: .standard), outsideAppetite: true,
                                          reviewOverdue: false, nextReviewOn: nil)
        try same(PeopleAPI.Page(items: [summary, summary], page: 2, perPage: 2, hasNext: true))
    }

    @Test("Risks raised at the same moment are written together, each with its own reference, history and audit event; one that cannot be written fails alone")
    func groupCommit() async throws {
        try await withApp { app in
            // setup
            let world = try await RiskTests.world(app)
            let owner = try await ReviewsAPITests.token(app, "owner@x.org")
            let register = try world.serviceRegister.requireID()
            let body = #"{"registerId": "\#(register)", "title": "Burst", "cause": "c", "event": "e", "consequence": "q", "category": "compliance", "owner": "P1", "current": {"likelihood": 2, "impact": 3}}"#
            let category = try #require(try await RiskCategory.query(on: app.db).filter(\.$code == "compliance").first())
            let principal = Principal(accountID: UUID(), email: "job@x.org", displayName: "Job", roles: [.risk], personID: nil, via: .apiToken)
            let gone = RiskRegister(id: UUID(), name: "Gone", prefix: "GONE", unitID: nil)   // never saved: no numbers to take
            let clean = Risks.Clean(title: "Lost", cause: "c", event: "e", consequence: "q", category: try category.requireID(), categoryCode: "compliance", ceiling: 9,
                                    owner: try world.owner.requireID(), elements: [], reviewMonths: 3)

            // act: twenty creates through the API at once, and three straight to the group commit, one of them bad
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<20 { group.addTask { try await ReviewsAPITests.send(app, .POST, "/api/v1/risks", owner, body).status } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            let direct = await withTaskGroup(of: Bool.self) { group in
                for target in [world.serviceRegister, gone, world.serviceRegister] {
                    let new = Risks.NewRisk(clean: clean, register: target, today: .today, principal: principal, context: .system)
                    group.addTask { (try? await app.riskCreations.create(new, app: app)) != nil }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }

            // check
            #expect(statuses == Array(repeating: .created, count: 20))
            #expect(direct.filter { $0 }.count == 2 && direct.count == 3)
            let risks = try await Risk.query(on: app.db).filter(\.$register.$id == register).all()
            #expect(risks.count == 22)
            #expect(Set(risks.map(\.reference)) == Set((1...22).map { RiskRegister.reference(prefix: "SVC", number: $0) }))
            #expect(try await RiskAssessment.query(on: app.db).count() == 20)
            #expect(try await AuditEvent.query(on: app.db).filter(\.$entity == Risk.auditEntity).filter(\.$action == "create").count() == 22)
            guard case .intact = try await Audit.verify(on: app.db) else { Issue.record("the audit chain is broken"); return }
        }
    }

    @Test("A risk written by the plain inserts reads back through Fluent exactly as it was made, history and elements too")
    func insertsReadBack() async throws {
        try await withApp { app in
            // setup
            let world = try await RiskTests.world(app)
            let category = try #require(try await RiskCategory.query(on: app.db).filter(\.$code == "financial").first())
            let element = UUID()
            let clean = Risks.Clean(title: "Budget gap", cause: "c", event: "e", consequence: "q", category: try category.requireID(), categoryCode: "financial",
                                    ceiling: category.ceiling, owner: try world.owner.requireID(), elements: [element], reviewMonths: 6)
            let principal = Principal(accountID: UUID(), email: "job@x.org", displayName: "Job", roles: [.risk], personID: nil, via: .apiToken)
            let new = Risks.NewRisk(clean: clean, register: world.serviceRegister,
                                    ratings: [(.inherent, .init(likelihood: 4, impact: 5)), (.current, .init(likelihood: 3, impact: 4)), (.target, .init(likelihood: 5, impact: 5))],
                                    reason: "First look", targetReason: "Funding ends", today: .today, principal: principal, context: .system)

            // act
            let made = try #require(try await app.write { tx in try await Risks.create([new], on: tx) }.first)
            let read = try #require(try await Risk.find(try made.requireID(), on: app.db))

            // check
            #expect(read.auditSnapshot == made.auditSnapshot)
            #expect(read.currentScore == 12 && read.createdBy == principal.accountID && read.lastReviewedOn == nil)
            #expect(abs((read.createdAt ?? .distantPast).timeIntervalSince(made.createdAt ?? .distantFuture)) < 0.01)
            let history = try await RiskAssessing.history(of: try made.requireID(), on: app.db)
            #expect(Set(history.map { "\($0.kind) \($0.likelihood)x\($0.impact)=\($0.score) \($0.reason) \($0.assessedByName)" })
                    == ["inherent 4x5=20 First look Job", "current 3x4=12 First look Job", "target 5x5=25 First look Job"])
            #expect(history.allSatisfy { $0.assessedBy == principal.accountID && $0.reviewID == nil })
            #expect(try await Risks.elements(of: try made.requireID(), on: app.db) == [element])
            // A later change updates the row it made rather than inserting another.
            made.title = "Budget gap, revised"
            try await made.save(on: app.db)
            #expect(try await Risk.query(on: app.db).count() == 1)
            #expect(try await Risk.find(try made.requireID(), on: app.db)?.title == "Budget gap, revised")
        }
    }
}

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
}

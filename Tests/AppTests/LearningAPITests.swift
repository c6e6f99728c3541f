@testable import App
import CapableCore
import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

/// The learning API, on the pages' rules.
@Suite("Learning API")
struct LearningAPITests {
    @Test("Courses, sessions, bookings (with the waiting list), requirements, completions and compliance through the API, with bad input named by field")
    func endToEnd() async throws {
        try await withApp { app in
            // setup
            let team = try await ActionsTests.team(app)
            try await BuiltInFrameworks.load(on: app.db)
            try await BuiltInLearning.load(on: app.db)
            // An administrator: HR see only the units they look after, and this team has none.
            try await Fixtures.account(app, email: "hr@x.org", roles: [.admin])
            let hr = try await ReviewsAPITests.token(app, "hr@x.org")
            let riley = try await ReviewsAPITests.token(app, "report@x.org")
            let casey = try await ReviewsAPITests.token(app, "colleague@x.org")
            let send = { (method: HTTPMethod, path: String, headers: HTTPHeaders, json: String?) in
                try await ReviewsAPITests.send(app, method, "/api/v1" + path, headers, json)
            }
            let date = CalendarDate.today.adding(days: 5).description

            // act
            let courses = try await send(.GET, "/courses", riley, nil)
            let staffCourse = try await send(.POST, "/courses", riley, #"{"code":"X","title":"X","description":"X","mode":"online","provider":"X","duration":"1 hour"}"#)
            let badCourse = try await send(.POST, "/courses", hr, #"{"code":"IG-01","title":"","description":"X","mode":"radio","provider":"X","duration":"1 hour","validityMonths":0}"#)
            let newCourse = try await send(.POST, "/courses", hr, #"{"code":"ASB-01","title":"Asbestos Awareness","description":"Recognising asbestos.","mode":"face-to-face","provider":"WFD","duration":"2 hours","validityMonths":12,"elements":["TR.3"]}"#)
            let fire = LearningBookingTests.fire.uuidString
            let session = try await send(.POST, "/course-sessions", hr, #"{"courseId":"\#(fire)","date":"\#(date)","startTime":"09:30","endTime":"11:00","location":"Room 1","capacity":1}"#)
            let sessionID = try session.content.decode(LearningAPI.SessionDTO.self).id
            let first = try await send(.POST, "/bookings", riley, #"{"sessionId":"\#(sessionID)"}"#)
            let second = try await send(.POST, "/bookings", casey, #"{"sessionId":"\#(sessionID)"}"#)
            let twice = try await send(.POST, "/bookings", casey, #"{"sessionId":"\#(sessionID)"}"#)
            let listed = try await send(.GET, "/course-sessions?courseId=\(fire)", riley, nil)
            let emptyAudience = try await send(.POST, "/requirements", hr, #"{"courseId":"\#(fire)","audience":{"rule":"jobRole"},"reason":"Because","dueWithinDays":30}"#)
            let future = try await send(.POST, "/completions", riley, #"{"courseId":"\#(fire)","completedOn":"\#(date)","evidence":"Cert"}"#)
            let recorded = try await send(.POST, "/completions", hr, #"{"personId":"\#(try team.colleague.requireID())","courseId":"\#(fire)","completedOn":"\#(CalendarDate.today.adding(days: -3))"}"#)
            let compliance = try await send(.GET, "/compliance?requirement=\(BuiltInLearning.entries[2].requirement)", hr, nil)
            let staffCompliance = try await send(.GET, "/compliance", riley, nil)

            // check
            #expect(try courses.content.decode([LearningAPI.CourseDTO].self).count == 9)
            #expect(staffCourse.status == .forbidden)
            #expect(badCourse.status == .badRequest)
            #expect(try ReviewsAPITests.fields(badCourse) == ["code", "title", "mode", "validityMonths"])
            #expect(newCourse.status == .created)
            #expect(try newCourse.content.decode(LearningAPI.CourseDTO.self).elementIds == [BuiltInLearning.Element.manageRisk])
            #expect(session.status == .created)
            #expect(try first.content.decode(LearningAPI.BookingDTO.self).status == "booked")
            let waiting = try second.content.decode(LearningAPI.BookingDTO.self)
            #expect(second.status == .created)
            #expect(waiting.status == "waiting")
            #expect(waiting.waitingPosition == 1)
            #expect(twice.status == .conflict)
            #expect(try listed.content.decode([LearningAPI.SessionDTO].self).map(\.placesLeft) == [0])
            #expect(emptyAudience.status == .badRequest)
            #expect(try ReviewsAPITests.fields(emptyAudience) == ["role"])
            #expect(future.status == .badRequest)
            #expect(try ReviewsAPITests.fields(future) == ["completedOn"])
            #expect(recorded.status == .created)
            let figures = try compliance.content.decode(LearningAPI.ComplianceDTO.self)
            let fireFigures = try #require(figures.requirements.first)
            #expect(fireFigures.total == 3)
            #expect(fireFigures.current == 1)
            #expect(figures.people?.first { $0.personId == team.colleague.id }?.status == "compliant")
            #expect(staffCompliance.status == .forbidden)
        }
    }

    @Test("A mover's rows follow them to their new unit and a leaver's go, as soon as the people API changes them")
    func moversAndLeavers() async throws {
        try await withApp { app in
            // setup
            let first = try await Fixtures.unit(app, code: "A"), second = try await Fixtures.unit(app, code: "B")
            let person = try await Fixtures.person(app, ref: "P1", name: "Pat", unit: first.id)
            try await BuiltInLearning.load(on: app.db)
            try await Fixtures.account(app, email: "admin@x.org", roles: [.admin])
            let admin = try await ReviewsAPITests.token(app, "admin@x.org")
            let path = "/api/v1/people/\(try person.requireID())"
            func units() async throws -> Set<UUID?> {
                struct Row: Decodable { var org_unit_id: UUID? }
                return Set(try await app.db.sql.raw("SELECT org_unit_id FROM \(ident: ComplianceRecords.table) WHERE person_id = \(bind: try person.requireID())")
                    .all(decoding: Row.self).map(\.org_unit_id))
            }
            let before = try await units()

            // act
            let moved = try await ReviewsAPITests.send(app, .PUT, path, admin, #"{"employeeRef":"P1","givenName":"Pat","familyName":"Test","orgUnitId":"\#(try second.requireID())"}"#)
            let afterMove = try await units()
            let left = try await ReviewsAPITests.send(app, .PUT, path, admin,
                #"{"employeeRef":"P1","givenName":"Pat","familyName":"Test","orgUnitId":"\#(try second.requireID())","leavingDate":"2026-11-01","active":false}"#)
            let afterLeaving = try await units()

            // check
            #expect(before == [first.id])
            #expect(moved.status == .ok)
            #expect(afterMove == [second.id])
            #expect(left.status == .ok)
            #expect(afterLeaving.isEmpty)
        }
    }
}

@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

@Suite("Audience preview")
struct AudiencesTests {
    @Test("HR sees who is in an audience: counts for the whole group, names only within their units; bad input named")
    func preview() async throws {
        try await withApp { app in
            // setup: council > (service > team), other; a manager in the team with two reports, one person elsewhere
            let council = try await Fixtures.unit(app, code: "C")
            let service = try await Fixtures.unit(app, code: "S", parent: council.id)
            let team = try await Fixtures.unit(app, code: "T", parent: service.id)
            let other = try await Fixtures.unit(app, code: "O", parent: council.id)
            let manager = try await Fixtures.person(app, ref: "M", name: "Mo", unit: team.id)
            try await Fixtures.person(app, ref: "A", name: "Ann", manager: manager.id, unit: team.id)
            try await Fixtures.person(app, ref: "B", name: "Bo", manager: manager.id, unit: team.id)
            try await Fixtures.person(app, ref: "X", name: "Xi", unit: other.id)
            try await Fixtures.hr(app, email: "hr@x.org", units: [service])
            var hr = Browser(app)
            try await hr.signIn(email: "hr@x.org")

            // act
            let everyone = try await hr.get("/people/audiences?rule=allStaff").body.string
            let managers = try await hr.get("/people/audiences?rule=allManagers").body.string
            let serviceOnly = try await hr.get("/people/audiences?rule=unit&unit=S").body.string
            let withSubunits = try await hr.get("/people/audiences?rule=unit&unit=S&subunits=yes").body.string
            let badGrades = try await hr.get("/people/audiences?rule=gradeRange&grade_low=G9&grade_high=G2")
            let badUnit = try await hr.get("/people/audiences?rule=unit&unit=NOPE")

            // check
            #expect(everyone.contains(": 4 people"))
            #expect(everyone.contains("1 of them are outside the units you look after"))
            #expect(everyone.contains("Ann Test") && !everyone.contains("Xi Test"))
            #expect(managers.contains(": 1 person") && managers.contains("Mo Test"))
            #expect(serviceOnly.contains(": 0 people"))
            #expect(withSubunits.contains(": 3 people"))
            #expect(badGrades.status == .badRequest && badGrades.body.string.contains("href=\"#grade_low\""))
            #expect(badUnit.body.string.contains("No organisation unit has the code NOPE"))
        }
    }
}

@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The risk area through its pages: identify, assess, respond, escalate, review, de-escalate;
/// bad input refused by field with nothing written; who sees and edits which register.
@Suite("Risk")
struct RiskTests {
    /// Council > Directorate > Service, each with a register; an owner in the service, someone in
    /// another directorate, a top-team member and a risk manager, each with an account.
    struct World {
        var council: OrgUnit, directorate: OrgUnit, service: OrgUnit, other: OrgUnit
        var serviceRegister: RiskRegister, directorateRegister: RiskRegister, otherRegister: RiskRegister
        var owner: Person, outsider: Person
    }

    static func world(_ app: Application) async throws -> World {
        try await BuiltInRisk.load(on: app.db)
        let council = try await Fixtures.unit(app, code: "C")
        let directorate = try await Fixtures.unit(app, code: "D", parent: council.id)
        let service = try await Fixtures.unit(app, code: "S", parent: directorate.id)
        let other = try await Fixtures.unit(app, code: "O", parent: council.id)
        func register(_ unit: OrgUnit, _ prefix: String) async throws -> RiskRegister {
            let register = RiskRegister(name: "\(prefix) register", prefix: prefix, unitID: unit.id)
            try await register.create(on: app.db)
            return register
        }
        let owner = try await Fixtures.person(app, ref: "P1", name: "Owner", unit: service.id)
        let outsider = try await Fixtures.person(app, ref: "P2", name: "Outsider", unit: other.id)
        try await Fixtures.account(app, email: "owner@x.org", personID: owner.id)
        try await Fixtures.account(app, email: "outsider@x.org", personID: outsider.id)
        try await Fixtures.account(app, email: "top@x.org", roles: [.topTeam])
        try await Fixtures.account(app, email: "risk@x.org", roles: [.risk])
        return World(council: council, directorate: directorate, service: service, other: other,
                     serviceRegister: try await register(service, "SVC"), directorateRegister: try await register(directorate, "DIR"),
                     otherRegister: try await register(other, "OTH"), owner: owner, outsider: outsider)
    }

    static func signedIn(_ app: Application, _ email: String) async throws -> Browser {
        var browser = Browser(app)
        try await browser.signIn(email: email)
        try await browser.get("/")
        return browser
    }

    static let identify = ["title": "Care staff shortage", "cause": "Recruitment difficulties", "event": "Care cannot start on time",
                           "consequence": "Harm to residents", "category": "compliance", "owner": "P1", "review_months": "3"]

    /// Raises a risk on the service register as the owner; returns it.
    static func raise(_ app: Application, _ browser: inout Browser, on register: RiskRegister) async throws -> Risk {
        let id = try register.requireID().uuidString.lowercased()
        try await browser.get("/risk/registers/\(id)/risks/new")
        let response = try await browser.post("/risk/registers/\(id)/risks", form: identify)
        #expect(response.status == .seeOther)
        let risk = try #require(try await Risk.query(on: app.db).filter(\.$title == "Care staff shortage").first())
        return risk
    }

    @Test("An owner identifies and assesses a risk, which is outside appetite, escalated, seen by the top team, reviewed down and de-escalated")
    func lifecycle() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            var owner = try await Self.signedIn(app, "owner@x.org")
            let risk = try await Self.raise(app, &owner, on: world.serviceRegister)
            #expect(risk.reference == "SVC-001")
            let path = "/risk/risks/\(try risk.requireID().uuidString.lowercased())"
            try await owner.get("\(path)/assess")
            var response = try await owner.post("\(path)/assess", form: ["inherent_likelihood": "5", "inherent_impact": "5",
                                                                          "current_likelihood": "4", "current_impact": "4"])
            #expect(response.status == .seeOther)
            response = try await owner.get(path)
            #expect(response.body.string.contains("Outside appetite"))
            #expect(response.body.string.contains("proposed for escalation to DIR register"))
            #expect(response.body.string.contains("Very high 16"))
            // A control and an action, which lands in the owner's list.
            try await owner.get("\(path)/controls")
            response = try await owner.post("\(path)/controls", form: ["description": "Agency cover", "owner": "P1", "effectiveness": "partial"])
            #expect(response.status == .seeOther)
            try await owner.get("\(path)/actions")
            response = try await owner.post("\(path)/actions", form: ["description": "Recruitment campaign", "owner": "P1", "due_on": "2099-01-31"])
            #expect(response.status == .seeOther)
            #expect(try await owner.get("/actions").body.string.contains("Recruitment campaign"))
            // Escalated straight to the corporate register; the top team sees it on the heat map.
            try await owner.get("\(path)/escalate")
            response = try await owner.post("\(path)/escalate", form: ["register": RiskRegister.corporateID.uuidString.lowercased(), "reason": "Outside appetite"])
            #expect(response.status == .seeOther)
            var top = try await Self.signedIn(app, "top@x.org")
            response = try await top.get("/risk/registers/\(RiskRegister.corporateID.uuidString.lowercased())")
            #expect(response.status == .ok)
            #expect(response.body.string.contains("SVC-001"))
            #expect(response.body.string.contains("From SVC register"))
            #expect(response.body.string.contains("1 risk"))
            #expect(try await top.get("/risk/corporate/report").body.string.contains("Care staff shortage"))
            // The top team cannot see the service's own register, nor change the risk.
            #expect(try await top.get("/risk/registers/\(try world.serviceRegister.requireID().uuidString.lowercased())").status == .forbidden)
            #expect(try await top.post("\(path)/review", form: ["likelihood": "1", "impact": "1", "note": "x"]).status == .forbidden)
            // A review lowers the current score; the page proposes de-escalation; the owner de-escalates.
            try await owner.get("\(path)/review")
            response = try await owner.post("\(path)/review", form: ["likelihood": "2", "impact": "3", "note": "Campaign filled 12 posts"])
            #expect(response.status == .seeOther)
            response = try await owner.get(path)
            #expect(response.body.string.contains("proposed for de-escalation"))
            try await owner.get("\(path)/escalate")
            response = try await owner.post("\(path)/de-escalate", form: ["de_reason": "Within appetite after review"])
            #expect(response.status == .seeOther)
            let after = try #require(try await Risk.find(risk.id, on: app.db))
            #expect(after.$escalatedTo.id == nil)
            #expect(after.current == .init(likelihood: 2, impact: 3))
            #expect(after.lastReviewedOn == CalendarDate.today.description)
            let history = try await RiskAssessing.history(of: try risk.requireID(), on: app.db)
            #expect(history.map(\.kind) == ["current", "inherent", "current"])
            #expect(history.last?.reason == "Review: Campaign filled 12 posts")
            let moves = try await RiskEscalations.history(of: try risk.requireID(), on: app.db).map(\.direction)
            #expect(moves == ["escalated", "de-escalated"])
            let audit = try await Fixtures.auditActions(app, entity: Risk.auditEntity)
            #expect(audit.first == "create")
            #expect(audit.count >= 5)
            #expect(try await Fixtures.auditActions(app, entity: RiskControl.auditEntity) == ["create"])
            #expect(try await Fixtures.auditActions(app, entity: RiskReview.auditEntity) == ["create"])
            // The register's CSV names the risk, for whoever manages the register.
            var manager = try await Self.signedIn(app, "risk@x.org")
            let csv = try await manager.get("/risk/registers/\(try world.serviceRegister.requireID().uuidString.lowercased())/export.csv")
            #expect(csv.status == .ok)
            #expect(csv.body.string.contains("SVC-001,Care staff shortage,Compliance,P1"))
        }
    }

    @Test("Bad input is refused by field and nothing is written")
    func badInput() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            var owner = try await Self.signedIn(app, "owner@x.org")
            let registerPath = "/risk/registers/\(try world.serviceRegister.requireID().uuidString.lowercased())/risks"
            var response = try await owner.post(registerPath, form: ["title": "", "owner": "NOBODY", "category": "weather",
                                                                     "cause": String(repeating: "x", count: 2001)])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("The cause must be 2000 characters or fewer"))
            for message in ["Enter the risk's title", "Choose a category", "No current member of staff has the employee number NOBODY"] {
                #expect(response.body.string.contains(message), "\(message)")
            }
            #expect(try await Risk.query(on: app.db).count() == 0)
            let risk = try await Self.raise(app, &owner, on: world.serviceRegister)
            let path = "/risk/risks/\(try risk.requireID().uuidString.lowercased())"
            let assessmentsBefore = try await RiskAssessment.query(on: app.db).count()
            // Likelihood off the matrix.
            response = try await owner.post("\(path)/assess", form: ["inherent_likelihood": "6", "inherent_impact": "3"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Choose a likelihood from 1 (Rare) to 5 (Almost certain)"))
            // Target above inherent with no reason.
            response = try await owner.post("\(path)/assess", form: ["inherent_likelihood": "2", "inherent_impact": "2", "target_likelihood": "3", "target_impact": "3"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("The target score (9) is above the inherent score (4): give the reason"))
            #expect(try await RiskAssessment.query(on: app.db).count() == assessmentsBefore)
            // An action with no owner.
            response = try await owner.post("\(path)/actions", form: ["description": "Do something", "owner": ""])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Enter the employee number of the person who will do it"))
            #expect(try await ActionItem.query(on: app.db).count() == 0)
            // Tolerating with no approver or expiry.
            response = try await owner.post("\(path)/response", form: ["response": "tolerate", "acceptance_reason": "Low cost"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Enter the employee number of the person who approves accepting the risk"))
            #expect(response.body.string.contains("Enter the date the acceptance runs out"))
            // Escalation to a register that is not above this one.
            response = try await owner.post("\(path)/escalate", form: ["register": try world.otherRegister.requireID().uuidString.lowercased(), "reason": "Why not"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("A risk can be escalated only to a register above SVC register: DIR register, Corporate risk register"))
            let unchanged = try #require(try await Risk.find(risk.id, on: app.db))
            #expect(unchanged.inherent == nil && unchanged.response == nil && unchanged.$escalatedTo.id == nil)
            #expect(try await RiskEscalation.query(on: app.db).count() == 0)
            // A re-assessment without a reason.
            try await owner.post("\(path)/assess", form: ["inherent_likelihood": "3", "inherent_impact": "3"])
            response = try await owner.post("\(path)/assess", form: ["inherent_likelihood": "4", "inherent_impact": "3"])
            #expect(response.status == .badRequest)
            #expect(response.body.string.contains("Give the reason for changing the assessment"))
            // Tolerated properly: approver, reason and expiry recorded.
            response = try await owner.post("\(path)/response", form: ["response": "tolerate", "approver": "P1", "acceptance_reason": "Low cost",
                                                                        "acceptance_expires_on": "31/12/2099"])
            #expect(response.status == .seeOther)
            #expect(try await Risk.find(risk.id, on: app.db)?.acceptanceExpiresOn == "2099-12-31")
        }
    }

    @Test("Who sees and changes which register: own units, top team, risk managers, owners")
    func access() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            var owner = try await Self.signedIn(app, "owner@x.org")
            let risk = try await Self.raise(app, &owner, on: world.serviceRegister)
            let path = "/risk/risks/\(try risk.requireID().uuidString.lowercased())"
            func id(_ register: RiskRegister) throws -> String { try register.requireID().uuidString.lowercased() }
            // The owner sees their unit's register and those above it, not another directorate's.
            #expect(try await owner.get("/risk/registers/\(id(world.directorateRegister))").status == .ok)
            #expect(try await owner.get("/risk/registers/\(id(world.otherRegister))").status == .forbidden)
            #expect(try await owner.get("/risk/registers/\(RiskRegister.corporateID.uuidString.lowercased())").status == .forbidden)
            // Someone elsewhere cannot see or change the risk.
            var outsider = try await Self.signedIn(app, "outsider@x.org")
            #expect(try await outsider.get(path).status == .forbidden)
            #expect(try await outsider.post("\(path)/assess", form: ["inherent_likelihood": "1", "inherent_impact": "1"]).status == .forbidden)
            // The risk manager changes any risk and the appetite; the owner cannot change the appetite.
            var manager = try await Self.signedIn(app, "risk@x.org")
            #expect(try await manager.post("\(path)/assess", form: ["current_likelihood": "3", "current_impact": "3"]).status == .seeOther)
            #expect(try await owner.post("/risk/appetite", form: ["appetite_compliance": "eager"]).status == .forbidden)
            // Compliance moves from cautious (9) to minimal (6): the 3x3 risk is now outside appetite.
            #expect(try await manager.get(path).body.string.contains("Within appetite"))
            #expect(try await manager.post("/risk/appetite", form: ["appetite_compliance": "minimal", "ceiling_compliance": "9"]).status == .seeOther)
            #expect(try await RiskCategory.query(on: app.db).filter(\.$code == "compliance").first()?.ceiling == 6)
            #expect(try await manager.get(path).body.string.contains("Outside appetite"))
            let refused = try await manager.post("/risk/appetite", form: ["appetite_compliance": "minimal", "ceiling_compliance": "99"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Enter the highest score accepted for Compliance, from 1 to 25"))
            // Only their own unit when the setting says so: the directorate's register disappears.
            #expect(try await manager.post("/risk/appetite", form: ["visibility": "unit-only"]).status == .seeOther)
            #expect(try await owner.get("/risk/registers/\(id(world.directorateRegister))").status == .forbidden)
            #expect(try await owner.get("/risk/registers/\(id(world.serviceRegister))").status == .ok)
            // A register for a unit: risk managers only, with a unique prefix.
            #expect(try await owner.post("/risk/registers", form: ["unit": "C", "prefix": "CO"]).status == .forbidden)
            let duplicate = try await manager.post("/risk/registers", form: ["unit": "C", "prefix": "SVC"])
            #expect(duplicate.body.string.contains("Another register already uses the prefix SVC"))
            #expect(try await manager.post("/risk/registers", form: ["unit": "C", "prefix": "CO"]).status == .seeOther)
        }
    }

    @Test("The heat map counts each cell and links to its risks; the change since a date reads the history; a key risk indicator warns below its threshold")
    func heatMapAndIndicator() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            var owner = try await Self.signedIn(app, "owner@x.org")
            let risk = try await Self.raise(app, &owner, on: world.serviceRegister)
            let riskID = try risk.requireID()
            // A year-old current assessment of 4x4, then today's 2x2.
            let old = RiskAssessment()
            old.$risk.id = riskID
            old.kind = "current"
            old.likelihood = 4
            old.impact = 4
            old.score = 16
            old.reason = "First assessment"
            old.assessedAt = Date().addingTimeInterval(-365 * 86_400)
            old.assessedByName = "Test"
            try await old.create(on: app.db)
            let path = "/risk/risks/\(riskID.uuidString.lowercased())"
            try await owner.post("\(path)/assess", form: ["current_likelihood": "2", "current_impact": "2", "reason": "Better"])
            let register = "/risk/registers/\(try world.serviceRegister.requireID().uuidString.lowercased())"
            var page = try await owner.get(register).body.string
            #expect(page.contains("Current (with controls) ratings of 1 open risks"))
            #expect(page.contains("l=2"))
            page = try await owner.get("\(register)?l=2&i=2").body.string
            #expect(page.contains("SVC-001"))
            page = try await owner.get("\(register)?l=3&i=3").body.string
            #expect(page.contains("There are no risks to show."))
            let since = CalendarDate.today.adding(days: -30)
            page = try await owner.get("\(register)?since=\(since.description)").body.string
            #expect(page.contains("0 increased, 1 reduced, 0 unchanged, 0 new or first assessed"))
            #expect(try await owner.get("\(register)?since=tomorrow").status == .badRequest)
            // The chart says what happened.
            page = try await owner.get(path).body.string
            #expect(page.contains("The current score went from 16"))
            #expect(page.contains("<svg"))
            // A key risk indicator on check-ins: nobody in the service has a manager, so no figure;
            // with one person overdue for a check-in it is 0% and warns.
            try await owner.post("\(path)/indicator", form: ["kri_kind": "check-ins", "kri_threshold": "80"])
            let manager = try await Fixtures.person(app, ref: "M9", name: "Manager", unit: world.service.id)
            let report = try await Fixtures.person(app, ref: "R9", name: "Report", manager: manager.id, unit: world.service.id)
            _ = report
            page = try await owner.get(path).body.string
            #expect(page.contains("Check-ins up to date: 0 of 1 (0%) against a threshold of 80%"))
            #expect(page.contains("below the threshold"))
            // A browser sends the unchosen requirement as empty: refused by field, not as a bad request.
            let refused = try await owner.post("\(path)/indicator", form: ["kri_kind": "training", "kri_requirement": "", "kri_threshold": "120"])
            #expect(refused.status == .badRequest)
            #expect(refused.body.string.contains("Choose the mandatory requirement to watch"))
            #expect(refused.body.string.contains("Enter the lowest acceptable percentage, from 1 to 100"))
        }
    }

    @Test("An overdue review reminds the owner and the head of the register's unit once; an expired acceptance reminds the owner")
    func reminders() async throws {
        try await withApp { app in
            let world = try await Self.world(app)
            let head = try await Fixtures.person(app, ref: "H1", name: "Head", unit: world.service.id)
            world.service.$head.id = head.id
            try await world.service.update(on: app.db)
            var owner = try await Self.signedIn(app, "owner@x.org")
            let risk = try await Self.raise(app, &owner, on: world.serviceRegister)
            risk.nextReviewOn = CalendarDate.today.adding(days: -3).description
            risk.response = Risk.Response.tolerate.rawValue
            risk.acceptanceExpiresOn = CalendarDate.today.adding(days: -1).description
            try await risk.update(on: app.db)
            _ = try await Reminders.run(today: .today, probationMonths: [], on: app.db)
            let again = try await Reminders.run(today: .today, probationMonths: [], on: app.db)
            #expect(again == 0)
            let notes = try await AppNotification.query(on: app.db).filter(\.$key ~~ ["risk-review-overdue:\(try risk.requireID().uuidString.lowercased()):\(risk.nextReviewOn!)",
                                                                                      "risk-acceptance-expired:\(try risk.requireID().uuidString.lowercased()):\(risk.acceptanceExpiresOn!)"]).all()
            #expect(Set(notes.map { $0.$person.id }) == Set([world.owner.id!, head.id!]))
            #expect(notes.count == 3)
            #expect(notes.contains { $0.message.contains("The review of risk SVC-001 (Care staff shortage) is overdue") })
            // The head of the service also manages its register: they may change the risk.
            try await Fixtures.account(app, email: "head@x.org", personID: head.id)
            var headBrowser = try await Self.signedIn(app, "head@x.org")
            let path = "/risk/risks/\(try risk.requireID().uuidString.lowercased())"
            #expect(try await headBrowser.post("\(path)/assess", form: ["current_likelihood": "2", "current_impact": "2"]).status == .seeOther)
        }
    }
}

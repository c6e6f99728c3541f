import CapableCore
import Fluent
import Foundation

/// The demo council's risk registers: the corporate register and one per directorate and per
/// service, and a handful of risks with a year of assessment history, controls, actions and a
/// key risk indicator, so the registers, heat maps and charts have something to show. Claire
/// Watson (D0011) can identify a risk on the Adult Social Care register in a walkthrough.
enum DemoRisk {
    struct Demo {
        var register: String?
        var title: String, cause: String, event: String, consequence: String
        var category: String, owner: String
        /// Current ratings over the year, oldest first: (months ago, likelihood, impact).
        var history: [(Int, Int, Int)]
        var inherent: (Int, Int), target: (Int, Int)
        var control: String
        var action: (String, String, Int)?
        var healthAndSafetyIndicator = false
    }

    static let demos: [Demo] = [
        Demo(register: nil, title: "Failure to meet health and safety duties", cause: "Staff not trained or aware of their responsibilities; ageing buildings",
             event: "A serious accident or incident at work", consequence: "Harm to staff or the public, enforcement by the Health and Safety Executive, fines",
             category: "compliance", owner: "D0008", history: [(12, 4, 5), (6, 3, 5), (2, 3, 4)], inherent: (5, 5), target: (2, 4),
             control: "Mandatory Health and Safety training for all staff", action: ("Audit fire risk assessments in every building", "D0009", 45),
             healthAndSafetyIndicator: true),
        Demo(register: nil, title: "Loss or misuse of personal data", cause: "Information governance training out of date; phishing",
             event: "A data breach reported to the Information Commissioner", consequence: "Harm to residents, fines, loss of trust",
             category: "compliance", owner: "D0002", history: [(10, 3, 4), (3, 3, 4)], inherent: (4, 5), target: (2, 4),
             control: "Information Governance training every two years", action: ("Run a phishing exercise across the council", "D0009", 60)),
        Demo(register: nil, title: "Budget gap in the medium-term financial plan", cause: "Rising demand for social care and inflation",
             event: "Spending exceeds the budget set by councillors", consequence: "Emergency savings, reduced services",
             category: "financial", owner: "D0008", history: [(12, 3, 4), (6, 4, 4), (1, 4, 4)], inherent: (5, 4), target: (3, 3),
             control: "Monthly budget monitoring reported to the Corporate Management Team", action: nil),
        Demo(register: "EVC-ADU-ASC", title: "Not enough care staff to meet demand", cause: "Recruitment and retention difficulties",
             event: "Care packages cannot be started on time", consequence: "Delayed hospital discharges, harm to residents",
             category: "operational", owner: "D0011", history: [(8, 4, 3), (2, 3, 3)], inherent: (4, 4), target: (2, 3),
             control: "Recruitment campaign with the local college", action: ("Review the retention offer for care staff", "D0011", -10)),
        Demo(register: "EVC-PLA-HWY", title: "Winter road gritting disrupted", cause: "Salt shortage or driver absence",
             event: "Priority routes not gritted", consequence: "Accidents and complaints; damage to the council's reputation",
             category: "reputational", owner: "D0021", history: [(5, 2, 4)], inherent: (3, 4), target: (2, 3),
             control: "Salt stock checked weekly from October", action: nil),
    ]

    static let registers: [(unit: String, prefix: String)] = [
        ("EVC-RES", "RES"), ("EVC-ADU", "ADU"), ("EVC-CHI", "CHI"), ("EVC-PLA", "PLA"), ("EVC-ADU-ASC", "ASC"), ("EVC-PLA-HWY", "HWY"),
        ("EVC-RES-FIN", "FIN"),
    ]

    static func load(unitIDs: [String: UUID], personIDs: [String: UUID], on db: any Database) async throws {
        try await BuiltInRisk.load(on: db)
        let today = CalendarDate.today
        var registerIDs: [String: RiskRegister] = [:]
        for (code, prefix) in registers {
            guard let unit = unitIDs[code], let name = DemoCouncil.units.first(where: { $0.code == code })?.name else { continue }
            let register = RiskRegister(name: "\(name) risk register", prefix: prefix, unitID: unit)
            try await register.create(on: db)
            registerIDs[code] = register
        }
        guard let corporate = try await RiskRegister.find(RiskRegister.corporateID, on: db) else { return }
        let healthAndSafety = BuiltInLearning.entries.first { $0.code == "HS-01" }?.requirement
        for demo in demos {
            guard let owner = personIDs[demo.owner] else { continue }
            let register = demo.register.flatMap { registerIDs[$0] } ?? corporate
            let risk = Risk()
            risk.id = UUID()
            risk.reference = RiskRegister.reference(prefix: register.prefix, number: register.nextNumber)
            register.nextNumber += 1
            try await register.update(on: db)
            risk.$register.id = try register.requireID()
            risk.title = demo.title
            risk.cause = demo.cause
            risk.event = demo.event
            risk.consequence = demo.consequence
            risk.$category.id = BuiltInRisk.category(demo.category)
            risk.$owner.id = owner
            risk.status = Risk.Status.open.rawValue
            let first = today.adding(months: -(demo.history.first?.0 ?? 1))
            risk.identifiedOn = first.description
            risk.reviewMonths = 3
            let lastReview = today.adding(months: -(demo.history.last?.0 ?? 1))
            risk.lastReviewedOn = lastReview.description
            risk.nextReviewOn = lastReview.adding(months: 3).description
            risk.response = Risk.Response.treat.rawValue
            risk.set(.inherent, .init(likelihood: demo.inherent.0, impact: demo.inherent.1))
            risk.set(.target, .init(likelihood: demo.target.0, impact: demo.target.1))
            if let last = demo.history.last { risk.set(.current, .init(likelihood: last.1, impact: last.2)) }
            if demo.healthAndSafetyIndicator, let healthAndSafety {
                risk.kriKind = RiskIndicators.Kind.training.rawValue
                risk.kriRequirementID = healthAndSafety
                risk.kriThreshold = 90
            }
            try await risk.create(on: db)
            let riskID = try risk.requireID()
            func assessment(_ kind: RiskAssessment.Kind, _ l: Int, _ i: Int, on day: CalendarDate, reason: String) async throws {
                let row = RiskAssessment()
                row.$risk.id = riskID
                row.kind = kind.rawValue
                row.likelihood = l
                row.impact = i
                row.score = l * i
                row.reason = reason
                row.assessedAt = DisplayFormat.start(of: day).addingTimeInterval(10 * 3600)
                row.assessedByName = "Fatima Begum"
                try await row.create(on: db)
            }
            try await assessment(.inherent, demo.inherent.0, demo.inherent.1, on: first, reason: "First assessment")
            try await assessment(.target, demo.target.0, demo.target.1, on: first, reason: "First assessment")
            for (index, (ago, l, i)) in demo.history.enumerated() {
                try await assessment(.current, l, i, on: today.adding(months: -ago), reason: index == 0 ? "First assessment" : "Quarterly review")
            }
            // The chain: each demo risk names the capabilities that manage it.
            var elements = [BuiltInLearning.Element.manageRisk]
            if demo.category == "compliance" { elements.append(BuiltInLearning.Element.complyWithLegislation) }
            if demo.category == "financial" { elements.append(BuiltInLearning.Element.usingResourcesWell) }
            for element in elements { try await RiskElement(riskID: riskID, elementID: element).create(on: db) }
            let control = RiskControl()
            control.$risk.id = riskID
            control.$owner.id = owner
            control.summary = demo.control
            control.effectiveness = RiskControl.Effectiveness.partial.rawValue
            try await control.create(on: db)
            if let (text, ref, days) = demo.action, let actionOwner = personIDs[ref] {
                try await ActionItem(ownerID: actionOwner, summary: text, dueOn: today.adding(days: days).description, source: .risk, sourceID: riskID,
                                     sourceLabel: "Risk \(risk.reference): \(risk.title)", createdBy: nil).create(on: db)
            }
        }
    }
}

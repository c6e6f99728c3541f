import CapableCore
import Fluent
import Foundation

/// `capable seed risks`: a corporate register of many risks, each reassessed every quarter for
/// some years, owned by people of the council already loaded, for the benchmark
/// (`scripts/bench`). The ratings follow a fixed pseudo-random walk, so every run is the same.
enum SyntheticRisks {
    static func seed(risks count: Int, years: Int, on db: any Database) async throws -> (risks: Int, assessments: Int) {
        try await BuiltInRisk.load(on: db)
        let owners = try await Person.query(on: db).filter(\.$active == true).limit(200).all().compactMap(\.id)
        guard !owners.isEmpty else { throw CommandFailure("Load people first (capable seed synthetic or capable seed demo)") }
        let categories = BuiltInRisk.categories.map(\.id)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let today = CalendarDate.today
        let start = today.adding(months: -12 * years)
        guard let register = try await RiskRegister.find(RiskRegister.corporateID, on: db) else { throw AppError.notFound }
        // Everything is made first, then written a hundred risks to a transaction.
        var risks: [Risk] = [], rows: [[RiskAssessment]] = []
        for _ in 0..<count {
            let risk = Risk()
            risk.id = UUID()
            risk.reference = RiskRegister.reference(prefix: register.prefix, number: register.nextNumber)
            register.nextNumber += 1
            risk.$register.id = RiskRegister.corporateID
            risk.title = "Synthetic risk \(risk.reference)"
            risk.cause = "A cause"
            risk.event = "An event"
            risk.consequence = "A consequence"
            risk.$category.id = categories[next(categories.count)]
            risk.$owner.id = owners[next(owners.count)]
            risk.status = Risk.Status.open.rawValue
            risk.identifiedOn = start.description
            risk.reviewMonths = 3
            risk.response = Risk.Response.treat.rawValue
            var l = 1 + next(5), i = 1 + next(5)
            risk.set(.inherent, .init(likelihood: 5, impact: i))
            risk.set(.target, .init(likelihood: 1 + next(2), impact: max(1, i - 1)))
            var history: [RiskAssessment] = []
            func add(_ kind: RiskAssessment.Kind, _ rating: RiskMatrix.Rating, _ day: CalendarDate) {
                let row = RiskAssessment()
                row.id = UUID()
                row.$risk.id = risk.id!
                row.kind = kind.rawValue
                row.likelihood = rating.likelihood
                row.impact = rating.impact
                row.score = rating.score
                row.reason = "Quarterly review"
                row.assessedAt = DisplayFormat.start(of: day).addingTimeInterval(36_000)
                row.assessedByName = "Benchmark"
                history.append(row)
            }
            add(.inherent, risk.inherent!, start)
            add(.target, risk.target!, start)
            for quarter in 0..<(years * 4) {
                l = min(5, max(1, l + next(3) - 1))
                i = min(5, max(1, i + next(3) - 1))
                add(.current, .init(likelihood: l, impact: i), start.adding(months: quarter * 3))
            }
            risk.set(.current, .init(likelihood: l, impact: i))
            risk.lastReviewedOn = start.adding(months: (years * 4 - 1) * 3).description
            risk.nextReviewOn = today.adding(days: next(120) - 20).description
            risks.append(risk)
            rows.append(history)
        }
        let made = risks, history = rows
        for batch in stride(from: 0, to: count, by: 100) {
            try await db.writeTransaction { tx in
                let range = batch..<min(count, batch + 100)
                try await Array(made[range]).create(on: tx)
                for chunk in Array(history[range].joined()).chunks(of: 500) { try await Array(chunk).create(on: tx) }
            }
        }
        try await register.update(on: db)
        let assessments = rows.reduce(0) { $0 + $1.count }
        return (count, assessments)
    }
}

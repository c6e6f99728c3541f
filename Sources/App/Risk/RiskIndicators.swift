import CapableCore
import Fluent
import SQLKit
import Vapor

/// Key risk indicators read live from people data: the share of staff compliant with a
/// mandatory requirement, up to date with check-ins, or with this year's review signed off, in
/// the register's unit and everything below it (the whole council for the corporate register),
/// against the lowest share the risk's owner accepts.
enum RiskIndicators {
    enum Kind: String, CaseIterable, Codable, Sendable {
        case training, checkIns = "check-ins", reviews

        var label: String {
            switch self {
            case .training: "Mandatory training compliance"
            case .checkIns: "Check-ins up to date"
            case .reviews: "Yearly reviews signed off"
            }
        }
    }

    struct Reading: Sendable, Equatable {
        var kind: Kind
        /// "Health and Safety compliance".
        var label: String
        var met: Int
        var total: Int
        var threshold: Int
        var percent: Int? { total == 0 ? nil : Int((Double(met) * 100 / Double(total)).rounded(.down)) }
        var below: Bool { percent.map { $0 < threshold } ?? false }
        /// "45 of 50 (90%) against a threshold of 90%".
        var summary: String {
            guard let percent else { return "Nobody is counted yet, so there is no figure (threshold \(threshold)%)" }
            return "\(met) of \(total) (\(percent)%) against a threshold of \(threshold)%"
        }
    }

    struct Form: Content, Sendable {
        /// A `Kind` raw value, or empty for none.
        var kri_kind: String?
        /// The requirement's id; empty (as an unchosen select sends it) for none.
        var kri_requirement: String?
        var kri_threshold: String?
    }

    static func set(_ risk: Risk, form: Form, field: (String) -> String = { $0 }, req: Request) async throws -> Result<Void, AppError> {
        let raw = (form.kri_kind ?? "").trimmingCharacters(in: .whitespaces)
        if raw.isEmpty {
            try await req.update(risk) { risk in
                risk.kriKind = nil
                risk.kriRequirementID = nil
                risk.kriThreshold = nil
            }
            return .success(())
        }
        var errors: [FieldError] = []
        let kind = Kind(rawValue: raw)
        if kind == nil { errors.append(.init(field: field("kri_kind"), message: "Choose mandatory training, check-ins or yearly reviews")) }
        var requirement: UUID?
        if kind == .training {
            requirement = try await form.kri_requirement.flatMap(UUID.init(uuidString:)).asyncMap { try await TrainingRequirement.find($0, on: req.database) }??.id
            if requirement == nil { errors.append(.init(field: field("kri_requirement"), message: "Choose the mandatory requirement to watch")) }
        }
        let threshold = Int((form.kri_threshold ?? "").trimmingCharacters(in: .whitespaces))
        if threshold == nil || !(1...100).contains(threshold ?? 0) {
            errors.append(.init(field: field("kri_threshold"), message: "Enter the lowest acceptable percentage, from 1 to 100"))
        }
        guard errors.isEmpty, let kind, let threshold else { return .failure(.invalid(errors)) }
        try await req.update(risk) { risk in
            risk.kriKind = kind.rawValue
            risk.kriRequirementID = requirement
            risk.kriThreshold = threshold
        }
        return .success(())
    }

    /// The live figure for a risk's indicator, or nil when it has none.
    static func read(_ risk: Risk, register: RiskRegister, today: CalendarDate, on db: any Database) async throws -> Reading? {
        guard let kind = risk.kriKind.flatMap(Kind.init), let threshold = risk.kriThreshold else { return nil }
        let units = try await register.$orgUnit.id.asyncMap { try await OrganisationCompliance.subtreeIDs($0, on: db) }
        switch kind {
        case .training:
            guard let requirementID = risk.kriRequirementID,
                  let requirement = try await TrainingRequirement.query(on: db).filter(\.$id == requirementID).with(\.$course).first()
            else { return nil }
            let counts: ComplianceQueries.Counts
            if let units, let root = register.$orgUnit.id {
                counts = try await ComplianceQueries.rowCounts([root: units], noUnit: false, requirement: requirementID, today: today, on: db)[root]?[requirementID] ?? .init()
            } else {
                counts = try await ComplianceQueries.councilCounts(requirement: requirementID, today: today, on: db)
            }
            return Reading(kind: kind, label: "\(requirement.course.title) compliance", met: counts.compliant, total: counts.total, threshold: threshold)
        case .checkIns:
            let (met, total) = try await checkIns(in: units, today: today, on: db)
            return Reading(kind: kind, label: kind.label, met: met, total: total, threshold: threshold)
        case .reviews:
            let (met, total) = try await reviews(in: units, today: today, on: db)
            return Reading(kind: kind, label: kind.label, met: met, total: total, threshold: threshold)
        }
    }

    /// People with a line manager whose next check-in is not yet overdue, of all such people.
    private static func checkIns(in units: Set<UUID>?, today: CalendarDate, on db: any Database) async throws -> (Int, Int) {
        struct Row: Decodable { var org_unit_id: UUID?; var start_date: String?; var last_check_in: String?; var cadence_weeks: Int }
        let rows = try await db.sql.raw("""
            SELECT p.org_unit_id, p.start_date, (SELECT MAX(c.held_on) FROM check_ins c WHERE c.person_id = p.id) AS last_check_in, \
            COALESCE((SELECT k.weeks FROM check_in_cadences k WHERE k.person_id = p.id), \(literal: CheckInCadence.defaultWeeks)) AS cadence_weeks \
            FROM people p WHERE p.active = \(bind: true) AND p.line_manager_id IS NOT NULL
            """).all(decoding: Row.self)
        let counted = rows.filter { row in units.map { row.org_unit_id.map($0.contains) ?? false } ?? true }
        let met = counted.filter { CheckInSchedule.nextDue(last: $0.last_check_in, startDate: $0.start_date, weeks: $0.cadence_weeks, today: today) >= today }
        return (met.count, counted.count)
    }

    /// Reviews in the latest cycle that has opened, signed by both sides, of all its reviews.
    private static func reviews(in units: Set<UUID>?, today: CalendarDate, on db: any Database) async throws -> (Int, Int) {
        guard let cycle = try await ReviewCycle.query(on: db).filter(\.$opensOn <= today.description).sort(\.$opensOn, .descending).first(),
              let cycleID = cycle.id
        else { return (0, 0) }
        struct Row: Decodable { var org_unit_id: UUID?; var done: Bool }
        let rows = try await db.sql.raw("""
            SELECT p.org_unit_id, (r.person_signed_on IS NOT NULL AND r.manager_signed_on IS NOT NULL) AS done \
            FROM reviews r JOIN people p ON p.id = r.person_id WHERE r.cycle_id = \(bind: cycleID)
            """).all(decoding: Row.self)
        let counted = rows.filter { row in units.map { row.org_unit_id.map($0.contains) ?? false } ?? true }
        return (counted.filter(\.done).count, counted.count)
    }
}

import CapableCore
import Fluent
import Vapor

/// Mandatory-training rules, shared by the requirement form and the API.
enum Requirements {
    /// The form, with the audience rule fields of the audience page.
    struct Form: Content {
        var course: String?
        var rule: String?
        var unit: String?
        var subunits: String?
        var role: String?
        var grade_low: String?
        var grade_high: String?
        var days: String?
        var reason: String?
        var due_within_days: String?
        var refresher_months: String?
        var applies_from: String?

        var audienceQuery: AudiencesController.Query {
            .init(rule: rule, unit: unit, subunits: subunits, role: role.flatMap(UUID.init(uuidString:)), grade_low: grade_low, grade_high: grade_high, days: days)
        }
    }

    struct Clean: Sendable {
        var course: UUID, audience: Audience, reason: String, dueWithinDays: Int, refresherMonths: Int?, appliesFrom: CalendarDate
    }

    /// Every problem, by field, or the requirement to save. An audience with nobody in it today
    /// is refused: a requirement nobody is under would only look like protection.
    static func validate(_ form: Form, today: CalendarDate, on db: any Database) async throws -> Result<Clean, AppError> {
        var errors: [FieldError] = []
        let course = try await UUID(uuidString: form.course ?? "").asyncMap { try await Course.find($0, on: db) } ?? nil
        if course == nil { errors.append(.init(field: "course", message: "Choose the course people must complete")) }
        let (rule, ruleErrors) = try await AudiencesController.rule(from: form.audienceQuery, on: db)
        errors += ruleErrors
        if rule == nil, ruleErrors.isEmpty { errors.append(.init(field: "rule", message: "Choose who must complete it")) }
        var audience: Audience?
        if let rule, let course {
            let candidate = Audience(name: course.title, rules: [rule])
            let members = AudienceEvaluator.members(of: candidate, in: try await Audiences.snapshot(on: db), today: today)
            if members.isEmpty {
                errors.append(.init(field: "rule", message: "Nobody is in this audience today; choose a group with people in it"))
            } else {
                audience = candidate
            }
        }
        let reason = (form.reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if reason.isEmpty { errors.append(.init(field: "reason", message: "Enter why it is mandatory: staff are shown the reason")) }
        if reason.count > 1000 { errors.append(.init(field: "reason", message: "The reason must be 1000 characters or fewer")) }
        let due = Int((form.due_within_days ?? "").trimmingCharacters(in: .whitespaces))
        if due == nil || !(0...730).contains(due ?? -1) { errors.append(.init(field: "due_within_days", message: "Enter the days allowed to complete it, from 0 to 730")) }
        var refresher: Int?
        let rawRefresher = (form.refresher_months ?? "").trimmingCharacters(in: .whitespaces)
        if !rawRefresher.isEmpty {
            if let months = Int(rawRefresher), (1...240).contains(months) { refresher = months } else {
                errors.append(.init(field: "refresher_months", message: "Enter the months between refreshers, from 1 to 240, or leave it empty to use the course's own"))
            }
        }
        let applies = DateField.optional(form.applies_from, field: "applies_from", what: "the date it applies from", errors: &errors) ?? today
        guard errors.isEmpty, let course, let audience, let due else { return .failure(.invalid(errors)) }
        return .success(Clean(course: try course.requireID(), audience: audience, reason: reason, dueWithinDays: due,
                              refresherMonths: refresher, appliesFrom: applies))
    }

    /// Saves a new requirement (or changes `existing`), audited, and works out at once who is
    /// under it and their dates; people already under it keep the day they came under it.
    static func save(_ clean: Clean, into existing: TrainingRequirement? = nil, on req: Request) async throws -> TrainingRequirement {
        let audience = String(decoding: try JSONEncoder().encode(clean.audience), as: UTF8.self)
        func apply(_ requirement: TrainingRequirement) {
            requirement.$course.id = clean.course
            requirement.audienceJSON = audience
            requirement.reason = clean.reason
            requirement.dueWithinDays = clean.dueWithinDays
            requirement.refresherMonths = clean.refresherMonths
            requirement.appliesFrom = clean.appliesFrom.description
        }
        let requirement = existing ?? TrainingRequirement()
        if existing == nil {
            apply(requirement)
            try await req.create(requirement)
        } else {
            try await req.update(requirement, apply)
        }
        try await ComplianceRecords.refresh(today: .today, requirements: [try requirement.requireID()], on: req.database)
        return requirement
    }

    /// The form for changing a requirement, its audience's one rule in the form's fields.
    static func form(for requirement: TrainingRequirement, on db: any Database) async throws -> Form {
        var form = Form(course: requirement.$course.id.uuidString.lowercased(), reason: requirement.reason,
                        due_within_days: String(requirement.dueWithinDays), refresher_months: requirement.refresherMonths.map(String.init),
                        applies_from: requirement.appliesFrom)
        switch requirement.audience?.rules.first {
        case .allStaff: form.rule = "allStaff"
        case .allManagers: form.rule = "allManagers"
        case let .unit(id, includeSubunits):
            form.rule = "unit"
            form.unit = try await OrgUnit.find(id, on: db)?.code
            form.subunits = includeSubunits ? "yes" : nil
        case .jobRole(let id):
            form.rule = "jobRole"
            form.role = id.uuidString
        case let .gradeRange(lowest, highest):
            form.rule = "gradeRange"
            form.grade_low = lowest
            form.grade_high = highest
        case .newStarters(let days):
            form.rule = "newStarters"
            form.days = String(days)
        case nil: break
        }
        return form
    }
}

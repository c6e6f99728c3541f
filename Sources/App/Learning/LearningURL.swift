import Foundation

/// The learning area's addresses, kept out of `SiteURL`'s long list but reached through it as
/// `SiteURL.learning(...)`, so links stay typed.
enum LearningURL: Sendable, Equatable {
    case myLearning
    case courses
    case newCourse
    case course(UUID)
    case editCourse(UUID)
    case newSession(UUID)
    case sessions(UUID)
    case session(UUID)
    case book(UUID)
    case attendance(UUID)
    case cancelSession(UUID)
    case sessionCalendar(UUID)
    case myCalendar
    case cancelBooking(UUID)
    case decideBooking(UUID)
    case requirements
    case newRequirement
    case requirement(UUID)
    case editRequirement(UUID)
    case team(all: Bool)
    case teamExport(all: Bool)
    /// HR's organisation view, at a unit (nil: the top), optionally one requirement's people.
    case compliance(unit: UUID?, requirement: UUID?)
    case complianceExport(unit: UUID?, requirement: UUID?)
    case declareCompletion
    case confirmCompletion(UUID)
    case completionsImport
    case completionsImportFile(UUID)
    case completionsImportApply(UUID)

    var path: String {
        func id(_ value: UUID) -> String { value.uuidString.lowercased() }
        func query(_ items: [String: String?]) -> String {
            let encoded = Query.encode(items)
            return encoded.isEmpty ? "" : "?" + encoded
        }
        switch self {
        case .myLearning: return "/learning"
        case .courses: return "/learning/courses"
        case .newCourse: return "/learning/courses/new"
        case .course(let course): return "/learning/courses/\(id(course))"
        case .editCourse(let course): return "/learning/courses/\(id(course))/edit"
        case .newSession(let course): return "/learning/courses/\(id(course))/sessions/new"
        case .sessions(let course): return "/learning/courses/\(id(course))/sessions"
        case .session(let session): return "/learning/sessions/\(id(session))"
        case .book(let session): return "/learning/sessions/\(id(session))/bookings"
        case .attendance(let session): return "/learning/sessions/\(id(session))/attendance"
        case .cancelSession(let session): return "/learning/sessions/\(id(session))/cancel"
        case .sessionCalendar(let session): return "/learning/sessions/\(id(session))/calendar.ics"
        case .myCalendar: return "/learning/calendar.ics"
        case .cancelBooking(let booking): return "/learning/bookings/\(id(booking))/cancel"
        case .decideBooking(let booking): return "/learning/bookings/\(id(booking))/decision"
        case .requirements: return "/learning/requirements"
        case .newRequirement: return "/learning/requirements/new"
        case .requirement(let requirement): return "/learning/requirements/\(id(requirement))"
        case .editRequirement(let requirement): return "/learning/requirements/\(id(requirement))/edit"
        case .team(let all): return "/learning/team" + (all ? "?all=1" : "")
        case .teamExport(let all): return "/learning/team.csv" + (all ? "?all=1" : "")
        case .compliance(let unit, let requirement):
            return "/learning/compliance" + query(["unit": unit.map(id), "requirement": requirement.map(id)])
        case .complianceExport(let unit, let requirement):
            return "/learning/compliance.csv" + query(["unit": unit.map(id), "requirement": requirement.map(id)])
        case .declareCompletion: return "/learning/completions"
        case .confirmCompletion(let completion): return "/learning/completions/\(id(completion))/confirm"
        case .completionsImport: return "/learning/completions/import"
        case .completionsImportFile(let file): return "/learning/completions/import/\(id(file))"
        case .completionsImportApply(let file): return "/learning/completions/import/\(id(file))/apply"
        }
    }
}

import Foundation

/// The yearly performance and development review as a GOV.UK task list: five steps, each with
/// a status in words, and the rule that sign-off comes after everything else.
public enum PDRTasks {
    public enum Step: String, CaseIterable, Sendable, Codable {
        case selfAssessment = "self-assessment", managerAssessment = "manager-assessment", meeting, developmentPlan = "development-plan", signOff = "sign-off"

        public var label: String {
            switch self {
            case .selfAssessment: "Self-assessment"
            case .managerAssessment: "Manager assessment"
            case .meeting: "Review meeting"
            case .developmentPlan: "Development plan"
            case .signOff: "Sign-off by both"
            }
        }
    }

    /// The four tags of the task list pattern.
    public enum Status: String, Sendable, Codable {
        case notStarted = "not-started", inProgress = "in-progress", completed, overdue

        public var label: String {
            switch self {
            case .notStarted: "Not started"
            case .inProgress: "In progress"
            case .completed: "Completed"
            case .overdue: "Overdue"
            }
        }
    }

    /// Where an assessment stands.
    public enum Draft: Sendable, Equatable { case none, draft, submitted }

    /// What has been done on one person's review.
    public struct Progress: Sendable, Equatable {
        public var selfAssessment: Draft
        public var managerAssessment: Draft
        public var meetingHeld: Bool
        public var planAgreed: Bool
        public var personSigned: Bool
        public var managerSigned: Bool

        public init(selfAssessment: Draft = .none, managerAssessment: Draft = .none, meetingHeld: Bool = false, planAgreed: Bool = false,
                    personSigned: Bool = false, managerSigned: Bool = false) {
            self.selfAssessment = selfAssessment; self.managerAssessment = managerAssessment; self.meetingHeld = meetingHeld
            self.planAgreed = planAgreed; self.personSigned = personSigned; self.managerSigned = managerSigned
        }

        public var isSignedOff: Bool { personSigned && managerSigned }
    }

    /// The cycle's dates: self-assessments by one date, manager assessments by the next, and
    /// the meeting, plan and sign-off by the close.
    public struct Deadlines: Sendable, Equatable {
        public var selfAssessment: CalendarDate
        public var managerAssessment: CalendarDate
        public var close: CalendarDate

        public init(selfAssessment: CalendarDate, managerAssessment: CalendarDate, close: CalendarDate) {
            self.selfAssessment = selfAssessment; self.managerAssessment = managerAssessment; self.close = close
        }

        public func due(_ step: Step) -> CalendarDate {
            switch step {
            case .selfAssessment: selfAssessment
            case .managerAssessment: managerAssessment
            case .meeting, .developmentPlan, .signOff: close
            }
        }
    }

    public struct Task: Sendable, Equatable {
        public var step: Step
        public var status: Status
        public var due: CalendarDate
    }

    /// Each step's status: completed when done; overdue once its date has passed; in progress
    /// when begun (a draft, or one of the two signatures); otherwise not started.
    public static func tasks(_ progress: Progress, deadlines: Deadlines, today: CalendarDate) -> [Task] {
        Step.allCases.map { step in
            let (done, begun) = state(of: step, in: progress)
            let status: Status = done ? .completed : today > deadlines.due(step) ? .overdue : begun ? .inProgress : .notStarted
            return Task(step: step, status: status, due: deadlines.due(step))
        }
    }

    static func state(of step: Step, in progress: Progress) -> (done: Bool, begun: Bool) {
        switch step {
        case .selfAssessment: (progress.selfAssessment == .submitted, progress.selfAssessment == .draft)
        case .managerAssessment: (progress.managerAssessment == .submitted, progress.managerAssessment == .draft)
        case .meeting: (progress.meetingHeld, false)
        case .developmentPlan: (progress.planAgreed, false)
        case .signOff: (progress.isSignedOff, progress.personSigned || progress.managerSigned)
        }
    }

    /// The steps that must be finished before `step` can be recorded, in order, as messages.
    /// The meeting discusses both assessments; the plan follows the meeting; sign-off follows all.
    public static func blockers(before step: Step, in progress: Progress) -> [String] {
        let required: [Step] = switch step {
        case .selfAssessment, .managerAssessment: []
        case .meeting: [.selfAssessment, .managerAssessment]
        case .developmentPlan: [.selfAssessment, .managerAssessment, .meeting]
        case .signOff: [.selfAssessment, .managerAssessment, .meeting, .developmentPlan]
        }
        return required.filter { !state(of: $0, in: progress).done }.map { "\($0.label) is not completed yet" }
    }

    /// A short stage for a team list: the first step not completed, or "Signed off".
    public static func stage(_ progress: Progress) -> String {
        guard let next = Step.allCases.first(where: { !state(of: $0, in: progress).done }) else { return "Signed off" }
        return next.label
    }

    /// Checks a cycle's dates: all present and in order, opening on or before each deadline.
    public static func dateProblems(opens: CalendarDate, deadlines: Deadlines) -> [(field: String, message: String)] {
        var problems: [(String, String)] = []
        if deadlines.selfAssessment < opens { problems.append(("self_due_on", "The self-assessment date must be on or after the opening date")) }
        if deadlines.managerAssessment < deadlines.selfAssessment {
            problems.append(("manager_due_on", "The manager assessment date must be on or after the self-assessment date"))
        }
        if deadlines.close < deadlines.managerAssessment { problems.append(("closes_on", "The closing date must be on or after the manager assessment date")) }
        return problems
    }
}

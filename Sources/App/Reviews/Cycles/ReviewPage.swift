import CapableCore
import Foundation
import Plot

/// One person's yearly review: the task list, each step's form for whoever records it, and the
/// year's evidence below.
enum ReviewPage {
    struct TaskRow: Encodable { var step: PDRTasks.Step; var status: PDRTasks.Status; var due: String }
    struct Adjustment: Encodable { var element: String; var from: Int; var to: Int; var reason: String }

    struct Model {
        var personID: UUID
        var personName: String
        var reviewID: UUID
        var cycleTitle: String
        var manager: String?
        var side: ReviewCycles.Side
        var tasks: [TaskRow]
        var selfAssessmentID: UUID?
        var managerAssessmentID: UUID?
        var canReadManagerAssessment: Bool
        var meetingOn: String?
        var meetingNotes: String
        var planAgreedOn: String?
        var planItems: Int
        var personSignedOn: String?
        var managerSignedOn: String?
        var adjustments: [Adjustment]
        var evidence: ReviewEvidence
        var form: ReviewController.StepForm
        var errors: [FieldError]

        var signedOff: Bool { personSignedOn != nil && managerSignedOn != nil }
    }

    static func colour(_ status: PDRTasks.Status) -> String? {
        switch status {
        case .notStarted: "grey"
        case .inProgress: "blue"
        case .completed: nil
        case .overdue: "red"
        }
    }

    /// Where each step is done, for this viewer.
    static func href(_ step: PDRTasks.Step, _ model: Model) -> String? {
        switch step {
        case .selfAssessment: model.selfAssessmentID.map { SiteURL.assessment(model.personID, $0).path } ?? (model.side == .person ? "#self-assessment" : nil)
        case .managerAssessment:
            model.canReadManagerAssessment ? model.managerAssessmentID.map { SiteURL.assessment(model.personID, $0).path } : (model.side == .manager ? "#manager-assessment" : nil)
        case .meeting: "#meeting"
        case .developmentPlan: "#plan"
        case .signOff: "#sign-off"
        }
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let done = model.tasks.filter { $0.status == .completed }.count
        let csrf = context.csrfToken
        let step = { (step: PDRTasks.Step) in SiteURL.reviewStep(model.personID, model.reviewID, step) }
        return Layout.page(PageFrame(title: "\(model.cycleTitle): \(model.personName)", area: .reviews,
                                     breadcrumbs: [("Home", .home), ("Reviews", .area(.reviews))], hasErrors: !model.errors.isEmpty),
                           context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.cycleTitle, caption: model.personName),
            model.signedOff ? Components.successBanner(title: "Signed off", heading: "Both of you signed off this review. It can no longer be changed.") : .empty,
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                 H.text("\(done) of \(model.tasks.count) steps completed.\(model.manager.map { " Manager: \($0)." } ?? "")")),
            Components.taskList(id: "tasks", model.tasks.map { task in
                Components.Task(name: task.step.label, href: href(task.step, model), hint: "Due \(DisplayFormat.calendarDate(task.due))",
                                status: task.status.label, colour: colour(task.status))
            }),
            assessmentSections(model, csrf: csrf, step: step),
            meetingSection(model, csrf: csrf, step: step),
            planSection(model, csrf: csrf, step: step),
            signOffSection(model, csrf: csrf, step: step),
            adjustmentsSection(model),
            ReviewEvidencePage.sections(model.evidence, personID: model.personID))
    }

    static func assessmentSections(_ model: Model, csrf: String?, step: (PDRTasks.Step) -> SiteURL) -> BodyNode {
        .group(
            model.side == .person && model.selfAssessmentID == nil && !model.signedOff
                ? H.el("section", H.attr("id", "self-assessment"), H.attr("aria-labelledby", "self-assessment-heading"),
                       H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "self-assessment-heading"), H.text("Self-assessment")),
                       Components.paragraph("Rate yourself against the framework, citing your check-in observations as evidence."),
                       Components.form(action: step(.selfAssessment), csrf: csrf, Components.button("Start your self-assessment")))
                : .empty,
            model.side == .manager && model.managerAssessmentID == nil && !model.signedOff
                ? H.el("section", H.attr("id", "manager-assessment"), H.attr("aria-labelledby", "manager-assessment-heading"),
                       H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "manager-assessment-heading"), H.text("Manager assessment")),
                       Components.paragraph("Rate \(model.personName) against the framework. They see your ratings after calibration or your sign-off."),
                       Components.form(action: step(.managerAssessment), csrf: csrf, Components.button("Start the manager assessment")))
                : .empty)
    }

    static func meetingSection(_ model: Model, csrf: String?, step: (PDRTasks.Step) -> SiteURL) -> BodyNode {
        H.el("section", H.attr("id", "meeting"), H.attr("aria-labelledby", "meeting-heading"),
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "meeting-heading"), H.text("Review meeting")),
            .unwrap(model.meetingOn) { held in
                Components.summaryList([("Held on", H.text(DisplayFormat.calendarDate(held))), ("What was agreed", H.el("div", H.cls("app-pre-line"), H.text(model.meetingNotes)))])
            },
            model.meetingOn == nil && model.side == .manager && !model.signedOff
                ? Components.form(action: step(.meeting), csrf: csrf,
                    Components.input(.init(name: "held_on", label: "Date of the meeting", hint: "For example, 27/05/2027", value: model.form.held_on, width: "10"),
                                     errors: model.errors),
                    Components.textarea(name: "notes", label: "What was agreed", value: model.form.notes ?? "", rows: 6, errors: model.errors),
                    Components.button("Record the meeting"))
                : model.meetingOn == nil ? Components.paragraph("Not held yet. The manager records it after both assessments are submitted.") : .empty)
    }

    static func planSection(_ model: Model, csrf: String?, step: (PDRTasks.Step) -> SiteURL) -> BodyNode {
        H.el("section", H.attr("id", "plan"), H.attr("aria-labelledby", "plan-heading"),
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "plan-heading"), H.text("Development plan")),
            Components.paragraph("\(model.planItems) open \(model.planItems == 1 ? "item" : "items") in the plan. "
                                 + (model.planAgreedOn.map { "Agreed on \(DisplayFormat.calendarDate($0))." } ?? "Not agreed yet.")),
            H.el("p", H.cls("govuk-body"), H.link("Open the development plan (items from gaps)", to: .developmentPlan(model.personID))),
            model.planAgreedOn == nil && model.side != .neither && !model.signedOff
                ? Components.form(action: step(.developmentPlan), csrf: csrf, Components.button("Agree the development plan", style: "secondary"))
                : .empty)
    }

    static func signOffSection(_ model: Model, csrf: String?, step: (PDRTasks.Step) -> SiteURL) -> BodyNode {
        let mine = model.side == .person ? model.personSignedOn : model.side == .manager ? model.managerSignedOn : "n/a"
        return H.el("section", H.attr("id", "sign-off"), H.attr("aria-labelledby", "sign-off-heading"),
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "sign-off-heading"), H.text("Sign-off")),
            Components.summaryList([
                (model.personName, H.text(model.personSignedOn.map { "Signed on \(DisplayFormat.calendarDate($0))" } ?? "Not signed")),
                (model.manager.map { "Manager (\($0))" } ?? "Manager", H.text(model.managerSignedOn.map { "Signed on \(DisplayFormat.calendarDate($0))" } ?? "Not signed")),
            ]),
            mine == nil ? Components.form(action: step(.signOff), csrf: csrf, Components.button("Sign off this review")) : .empty)
    }

    static func adjustmentsSection(_ model: Model) -> BodyNode {
        model.adjustments.isEmpty ? .empty : Components.table(caption: "Ratings adjusted in calibration", headers: ["Element", "From", "To", "Reason"],
            rows: model.adjustments.map { [H.text($0.element), H.text(String($0.from)), H.text(String($0.to)), H.text($0.reason)] }, numeric: [1, 2])
    }
}

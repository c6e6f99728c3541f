import CapableCore
import Foundation
import Plot

/// Feedback pages: the start page (give, answer, read), the request form, and one request.
enum FeedbackPage {
    struct Received: Encodable { var text: String; var from: String?; var on: String? }
    struct ToAnswer: Encodable { var id: UUID; var subject: String; var question: String }
    struct RequestRow: Encodable { var id: UUID; var subject: String; var question: String; var anonymous: Bool; var answered: Int; var asked: Int }

    struct Model: Encodable {
        var linked: Bool
        var give: FeedbackController.GiveForm
        var errors: [FieldError]
        var received: [Received] = []
        var toAnswer: [ToAnswer] = []
        var requests: [RequestRow] = []
    }

    struct RequestFormModel: Encodable {
        var form: FeedbackController.RequestForm
        var errors: [FieldError]
    }

    struct RequestModel: Encodable {
        var id: UUID
        var subject: String
        var requestedBy: String
        var question: String
        var anonymous: Bool
        var elements: [String]
        var canAnswer: Bool
        var answered: Int
        var asked: Int
        /// Nil for someone who may not read the answers, or while anonymous answers wait for enough.
        var answers: [Received]?
        var waitingForThreshold: Bool
        /// For a colleague asked by name: the frameworks they may rate the person against.
        var peerFrameworks: [AssessmentsPage.Choice] = []
        var form: FeedbackController.AnswerForm
        var errors: [FieldError]
    }

    private static let crumbs: [(String, SiteURL)] = [("Home", .home), ("Reviews", .area(.reviews))]

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Feedback", area: .reviews, breadcrumbs: crumbs, hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Feedback"),
            model.linked ? content(model, csrf: context.csrfToken)
                : Components.paragraph("Your account is not linked to a staff record, so it cannot give or receive feedback.")
        )
    }

    private static func content(_ model: Model, csrf: String?) -> BodyNode {
        .group(
            model.toAnswer.isEmpty ? .empty : .group(
                H.el("h2", H.cls("govuk-heading-m"), H.text("Asked of you")),
                H.el("ul", H.cls("govuk-list"), .group(model.toAnswer.map { ask in
                    H.el("li", H.link("Feedback for \(ask.subject): \(ask.question)", to: .feedbackRequest(ask.id)))
                }))),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Give feedback")),
            Components.form(action: .feedback, csrf: csrf,
                Components.input(.init(name: "colleague", label: "Colleague", hint: "Their work email or employee reference", value: model.give.colleague,
                                       spellcheck: false), errors: model.errors),
                Components.textarea(name: "text", label: "Your feedback", hint: "What they did, and the difference it made", value: model.give.text ?? "",
                                    rows: 4, errors: model.errors),
                Components.input(.init(name: "elements", label: "Framework elements (optional)", hint: "Codes separated by commas, for example CV.4.1",
                                       value: model.give.elements, spellcheck: false), errors: model.errors),
                Components.button("Give feedback", style: "secondary")),
            H.el("p", H.cls("govuk-body"), H.link("Ask colleagues for feedback", to: .newFeedbackRequest(person: nil))),
            model.requests.isEmpty ? .empty : Components.table(caption: "Requests", headers: ["About", "Question", "Answers"], rows: model.requests.map { row in
                [H.text(row.subject), H.link(row.question, to: .feedbackRequest(row.id)),
                 H.text("\(row.answered) of \(row.asked)\(row.anonymous ? ", anonymous" : "")")]
            }),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Feedback you have received")),
            model.received.isEmpty ? Components.paragraph("None yet. Answers to anonymous requests are on each request’s page.")
                : Components.table(caption: "Named feedback", headers: ["From", "Date", "Feedback"], rows: model.received.map { item in
                    [H.text(item.from ?? ""), H.text(item.on.map(DisplayFormat.calendarDate) ?? ""), H.text(item.text)]
                })
        )
    }

    static func requestForm(_ model: RequestFormModel, context: PageContext) -> HTML {
        let form = model.form
        return Layout.page(PageFrame(title: "Ask for feedback", area: .reviews, breadcrumbs: crumbs + [("Feedback", .feedback)],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Ask for feedback"),
            Components.form(action: .feedbackRequests, csrf: context.csrfToken,
                Components.input(.init(name: "subject", label: "Who is the feedback about?",
                                       hint: "Yourself, or someone in your reporting line: their work email or employee reference",
                                       value: form.subject, spellcheck: false), errors: model.errors),
                Components.textarea(name: "question", label: "What would you like feedback on?", value: form.question ?? "", rows: 3, errors: model.errors),
                Components.textarea(name: "recipients", label: "Who should you ask?", hint: "One work email or employee reference per line: peers, reports (for upward feedback on the manager standards) or others",
                                    value: form.recipients ?? "", rows: 4, errors: model.errors),
                Components.checkboxes(name: "anonymous", legend: "Anonymity",
                                      hint: "Anonymous answers are shown only once at least \(FeedbackRequest.anonymityThreshold) have answered, without names or dates",
                                      choices: [.init(value: "yes", label: "Ask for anonymous answers", checked: form.anonymous == "yes")],
                                      errors: model.errors, singleField: true),
                Components.input(.init(name: "elements", label: "Framework elements to speak to (optional)", hint: "Codes separated by commas",
                                       value: form.elements, spellcheck: false), errors: model.errors),
                Components.button("Send the request"))
        )
    }

    static func request(_ model: RequestModel, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Feedback for \(model.subject)", area: .reviews, breadcrumbs: crumbs + [("Feedback", .feedback)],
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Feedback for \(model.subject)", caption: "Asked by \(model.requestedBy)"),
            Components.paragraph(model.question),
            model.elements.isEmpty ? .empty : H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(model.elements.map { H.el("li", H.text($0)) })),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                 H.text("\(model.answered) of \(model.asked) have answered.\(model.anonymous ? " Answers are anonymous." : "")")),
            model.canAnswer ? Components.form(action: .feedbackAnswer(model.id), csrf: context.csrfToken,
                Components.textarea(name: "text", label: "Your feedback", hint: model.anonymous ? "Your name will not be shown or kept with your answer" : nil,
                                    value: model.form.text ?? "", rows: 5, errors: model.errors),
                Components.input(.init(name: "elements", label: "Framework elements (optional)", value: model.form.elements, spellcheck: false), errors: model.errors),
                Components.button("Send your feedback")) : .empty,
            model.peerFrameworks.isEmpty ? .empty : Components.form(action: .peerAssessment(model.id), csrf: context.csrfToken,
                H.el("h2", H.cls("govuk-heading-m"), H.text("Peer assessment")),
                Components.paragraph("You may also rate \(model.subject) against the framework, with your evidence. Your name is shown with it."),
                Components.select(name: "framework", label: "Framework to assess against",
                                  options: model.peerFrameworks.map { ($0.id.uuidString.lowercased(), $0.title) },
                                  selected: model.peerFrameworks.first { $0.title.hasPrefix("Core Values") }?.id.uuidString.lowercased() ?? ""),
                Components.button("Start or continue a peer assessment", style: "secondary")),
            model.waitingForThreshold
                ? H.el("div", H.cls("govuk-inset-text"), H.text("Anonymous answers are shown once at least \(FeedbackRequest.anonymityThreshold) people have answered."))
                : .empty,
            .unwrap(model.answers) { answers in
                answers.isEmpty ? Components.paragraph("No answers yet.")
                    : Components.table(caption: "Answers", headers: model.anonymous ? ["Feedback"] : ["From", "Date", "Feedback"], rows: answers.map { answer in
                        model.anonymous ? [H.text(answer.text)]
                            : [H.text(answer.from ?? ""), H.text(answer.on.map(DisplayFormat.calendarDate) ?? ""), H.text(answer.text)]
                    })
            }
        )
    }
}

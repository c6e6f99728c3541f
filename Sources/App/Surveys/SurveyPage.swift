import CapableCore
import Fluent
import Foundation
import Plot

/// A survey for one person: the questions to answer, or a note that they have answered (or
/// that it has closed). HR and administrators see its status and a way to the results.
enum SurveyPage {
    struct Question: Codable, Sendable {
        var id: UUID
        var kind: SurveyQuestion.Kind
        var text: String
    }

    struct Model: Encodable {
        var id: UUID
        var title: String
        var intro: String
        var open: Bool
        var closesOn: String?
        var asked: Bool
        var answered: Bool
        var organiser: Bool
        /// HR, administrators and heads of units (their units' groups).
        var canSeeResults: Bool
        var questions: [Question]
        var errors: [FieldError] = []
        /// What was sent, shown again beside the errors.
        var given: [String: String] = [:]
    }

    static func query(_ survey: Survey, principal: Principal, on db: any Database) async throws -> Model {
        let id = try survey.requireID()
        var asked = false, answered = false
        if let me = principal.personID {
            asked = try await Surveys.isAsked(me, survey: survey, on: db)
            answered = try await Surveys.hasAnswered(me, survey: id, on: db)
        }
        let questions = try await SurveyQuestion.query(on: db).filter(\.$survey.$id == id).sort(\.$position).all()
        return Model(id: id, title: survey.title, intro: survey.intro, open: survey.isOpen(today: .today), closesOn: survey.closesOn,
                     asked: asked, answered: answered, organiser: SurveysController.isOrganiser(principal),
                     canSeeResults: try await SurveyResults.reach(of: principal, on: db) != nil,
                     questions: try questions.map { Question(id: try $0.requireID(), kind: $0.kindValue, text: $0.text) })
    }

    static func name(_ q: Question) -> String { "\(q.kind == .scale ? "q" : "t")-\(q.id.uuidString.lowercased())" }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: model.title, area: .workshops, breadcrumbs: [("Home", .home), ("Pulse surveys", .surveys(.home))],
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.title, caption: "Pulse survey"),
            model.canSeeResults ? H.el("p", H.cls("govuk-body app-actions"),
                H.link("See the results", to: .surveys(.results(model.id))),
                model.open && model.organiser ? Components.form(action: .surveys(.close(model.id)), csrf: context.csrfToken, confirm: "Close the survey? Nobody else will be able to answer.",
                    H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Close the survey"))) : .empty) : .empty,
            body(model, csrf: context.csrfToken)
        )
    }

    private static func body(_ model: Model, csrf: String?) -> BodyNode {
        if model.answered { return Components.successBanner(title: "Answered", heading: "Thank you: your answers have been recorded anonymously.") }
        if !model.asked { return Components.paragraph("This survey is not for you, so you cannot answer it.") }
        if !model.open { return Components.paragraph("This survey has closed.") }
        return .group(
            model.intro.isEmpty ? .empty : Components.paragraph(model.intro),
            Components.paragraph("Your answers are anonymous: they are kept apart from your name and shown only in groups of at least \(PulseResults.minimumGroup) people. You can answer once."),
            Components.form(action: .surveys(.responses(model.id)), csrf: csrf,
                .group(model.questions.map { q in
                    q.kind == .scale
                        ? Components.radios(name: name(q), legend: q.text,
                                            choices: BuiltInQuestions.scale.enumerated().map { (String($0.offset + 1), "\($0.offset + 1): \($0.element)") },
                                            selected: model.given[name(q)] ?? "", errors: model.errors)
                        : Components.textarea(name: name(q), label: "\(q.text) (optional)", hint: "Please do not name anyone: comments are shown as written",
                                              value: model.given[name(q)] ?? "", rows: 4, errors: model.errors)
                }),
                Components.button("Send my answers"))
        )
    }
}

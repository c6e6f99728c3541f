import CapableCore
import Fluent
import Plot
import Vapor

/// Feedback: give it to any colleague at any time; ask named colleagues for it (about yourself,
/// or as a manager about someone in your line); answer what you were asked; read what was said
/// about you. Every handler works on the caller's own side of a record.
enum FeedbackController {
    struct GiveForm: Content {
        var colleague: String?
        var text: String?
        var elements: String?
    }

    struct RequestForm: Content {
        var subject: String?
        var question: String?
        var recipients: String?
        var anonymous: String?
        var elements: String?
    }

    struct AnswerForm: Content {
        var text: String?
        var elements: String?
    }

    static func codes(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0.isWhitespace }).map(String.init)
    }

    static func me(_ req: Request) throws -> UUID {
        guard let me = try req.requirePrincipal().personID else {
            throw AppError.badRequest("Your account is not linked to a staff record, so it cannot give or receive feedback.")
        }
        return me
    }

    @Sendable static func index(req: Request) async throws -> HTML {
        try await page(req, give: GiveForm(), errors: [])
    }

    static func page(_ req: Request, give: GiveForm, errors: [FieldError]) async throws -> HTML {
        guard let me = try req.requirePrincipal().personID else {
            return FeedbackPage.view(.init(linked: false, give: give, errors: errors), context: PageContext(req))
        }
        var model = FeedbackPage.Model(linked: true, give: give, errors: errors)
        let named = try await FeedbackItem.query(on: req.database).filter(\.$subject.$id == me).filter(\.$authorID != nil).all()
        let authors = try await Person.query(on: req.database).filter(\.$id ~~ named.compactMap(\.authorID)).all()
        model.received = named.sorted { ($0.givenOn ?? "") > ($1.givenOn ?? "") }.map { item in
            .init(text: item.text, from: authors.first { $0.id == item.authorID }?.displayName ?? "", on: item.givenOn)
        }
        let asked = try await FeedbackRecipient.query(on: req.database).filter(\.$person.$id == me).filter(\.$answered == false)
            .with(\.$request) { $0.with(\.$subject) }.all()
        model.toAnswer = asked.map { .init(id: $0.$request.id, subject: $0.request.subject.displayName, question: $0.request.question) }
        let requests = try await FeedbackRequest.query(on: req.database).group(.or) { $0.filter(\.$subject.$id == me).filter(\.$requestedBy.$id == me) }
            .with(\.$subject).with(\.$recipients).sort(\.$createdAt, .descending).all()
        model.requests = requests.map { request in
            .init(id: request.id ?? UUID(), subject: request.subject.displayName, question: request.question, anonymous: request.anonymous,
                  answered: request.recipients.filter(\.answered).count, asked: request.recipients.count)
        }
        return FeedbackPage.view(model, context: PageContext(req))
    }

    /// Feedback to a colleague, named, at any time.
    @Sendable static func give(req: Request) async throws -> Response {
        let me = try me(req)
        let form = try req.content.decode(GiveForm.self)
        let subject = try await Feedbacks.colleague(form.colleague ?? "", on: req.database)
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let (errors, elements) = try await Feedbacks.problems(subject: subject, author: me, text: text, codes: codes(form.elements),
                                                              subjectField: "colleague", on: req.database)
        guard errors.isEmpty, let subject else { return try await page(req, give: form, errors: errors).response(status: .badRequest) }
        try await Feedbacks.record(subject: try subject.requireID(), text: text, elements: elements, anonymous: false, request: nil, on: req)
        return req.redirect(to: SiteURL.feedback.path, redirectType: .normal)
    }
}

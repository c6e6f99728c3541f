import CapableCore
import Fluent
import Plot
import Vapor

extension FeedbackController {
    @Sendable static func requestForm(req: Request) async throws -> HTML {
        guard try req.requirePrincipal().personID != nil else {
            return FeedbackPage.view(.init(linked: false, give: GiveForm(), errors: []), context: PageContext(req))
        }
        var form = RequestForm()
        if let id = try? req.query.get(UUID.self, at: "person"), let person = try await Person.find(id, on: req.database) {
            form.subject = person.workEmail ?? person.employeeRef
        }
        return FeedbackPage.requestForm(.init(form: form, errors: []), context: PageContext(req))
    }

    /// Asks named colleagues for feedback about yourself, or (as a manager) about someone in your line.
    @Sendable static func createRequest(req: Request) async throws -> Response {
        let me = try me(req)
        let form = try req.content.decode(RequestForm.self)
        var errors: [FieldError] = []
        let subject = try await Feedbacks.colleague(form.subject ?? "", on: req.database)
        if let subject, let id = subject.id, id != me, !(try await LineManagement.chain(above: id, on: req.database).contains(me)) {
            errors.append(.init(field: "subject", message: "You can ask for feedback about yourself or someone in your reporting line"))
        } else if subject == nil {
            errors.append(.init(field: "subject", message: "Enter the work email or employee reference of the person the feedback is about"))
        } else if subject?.active == false {
            errors.append(.init(field: "subject", message: "\(subject?.displayName ?? "They") have left"))
        }
        let question = (form.question ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if question.isEmpty || question.count > 1000 { errors.append(.init(field: "question", message: "Write what you would like feedback on (up to 1,000 characters)")) }
        var recipients: [Person] = []
        for line in (form.recipients ?? "").split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ !$0.isEmpty }) {
            guard let person = try await Feedbacks.colleague(line, on: req.database), person.active else {
                errors.append(.init(field: "recipients", message: "No current colleague has the email or reference \(line)"))
                continue
            }
            if person.id == subject?.id { errors.append(.init(field: "recipients", message: "\(person.displayName) is who the feedback is about")); continue }
            if !recipients.contains(where: { $0.id == person.id }) { recipients.append(person) }
        }
        let anonymous = form.anonymous == "yes"
        let needed = anonymous ? FeedbackRequest.anonymityThreshold : 1
        if recipients.count < needed {
            errors.append(.init(field: "recipients", message: anonymous
                ? "Ask at least \(needed) colleagues for anonymous feedback: answers are shown only once \(needed) have answered"
                : "Ask at least one colleague"))
        }
        let (elementErrors, elements) = try await Feedbacks.problems(subject: subject, author: nil, text: "x", codes: codes(form.elements),
                                                                     subjectField: "subject", on: req.database)
        errors += elementErrors.filter { $0.field == "elements" }
        guard errors.isEmpty, let subject else {
            return FeedbackPage.requestForm(.init(form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        }
        let request = FeedbackRequest()
        request.$subject.id = try subject.requireID()
        request.$requestedBy.id = me
        request.question = question
        request.anonymous = anonymous
        request.elementIDs = elements.map(\.uuidString).joined(separator: ",")
        try await request.create(on: req.database)
        for person in recipients {
            let recipient = FeedbackRecipient()
            recipient.$request.id = try request.requireID()
            recipient.$person.id = try person.requireID()
            recipient.answered = false
            try await recipient.create(on: req.database)
        }
        try await req.audit("create", entity: "feedback_request", id: try request.requireID().uuidString,
                            changes: [FieldChange(field: "recipients", old: nil, new: String(recipients.count)),
                                      FieldChange(field: "anonymous", old: nil, new: anonymous ? "yes" : "no")])
        return req.redirect(to: SiteURL.feedbackRequest(try request.requireID()).path, redirectType: .normal)
    }

    /// For someone asked: the answer form. For the person it is about and whoever asked: the answers.
    @Sendable static func showRequest(req: Request) async throws -> HTML {
        let me = try me(req)
        let request = try await findRequest(req)
        let recipient = request.recipients.first { $0.$person.id == me }
        let isOwner = request.$subject.id == me || request.$requestedBy.id == me
        guard recipient != nil || isOwner else { throw AppError.forbidden }
        return try await requestPage(req, request: request, me: me, form: AnswerForm(), errors: [])
    }

    static func findRequest(_ req: Request) async throws -> FeedbackRequest {
        guard let id = req.parameters.get("requestID", as: UUID.self),
              let request = try await FeedbackRequest.query(on: req.database).filter(\.$id == id).with(\.$subject).with(\.$requestedBy)
                .with(\.$recipients).first()
        else { throw AppError.notFound }
        return request
    }

    static func requestPage(_ req: Request, request: FeedbackRequest, me: UUID, form: AnswerForm, errors: [FieldError]) async throws -> HTML {
        let isOwner = request.$subject.id == me || request.$requestedBy.id == me
        let canAnswer = request.recipients.contains { $0.$person.id == me && !$0.answered }
        var answers: [FeedbackPage.Received]?
        var waiting = false
        if isOwner {
            if request.anonymous {
                if let shown = try await Feedbacks.anonymousAnswers(request, on: req.database) {
                    answers = shown.map { .init(text: $0.text, from: nil, on: nil) }
                } else {
                    waiting = true
                }
            } else {
                let items = try await FeedbackItem.query(on: req.database).filter(\.$request.$id == request.requireID()).all()
                let authors = try await Person.query(on: req.database).filter(\.$id ~~ items.compactMap(\.authorID)).all()
                answers = items.map { item in .init(text: item.text, from: authors.first { $0.id == item.authorID }?.displayName, on: item.givenOn) }
            }
        }
        let elements = try await Frameworks.latestElements(request.elements, on: req.database).values.map { "\($0.row.code) \($0.row.title)" }.sorted()
        let peerFrameworks = Assessments.peerRequest(request, asked: me)
            ? try await Frameworks.summaries(includeDrafts: false, on: req.database).filter { $0.status == .published }.map { AssessmentsPage.Choice(id: $0.id, title: $0.title) }
            : []
        return FeedbackPage.request(.init(
            id: try request.requireID(), subject: request.subject.displayName, requestedBy: request.requestedBy.displayName,
            question: request.question, anonymous: request.anonymous, elements: elements, canAnswer: canAnswer,
            answered: request.recipients.filter(\.answered).count, asked: request.recipients.count,
            answers: answers, waitingForThreshold: waiting, peerFrameworks: peerFrameworks, form: form, errors: errors), context: PageContext(req))
    }

    /// A recipient's answer, anonymous when the request is.
    @Sendable static func answer(req: Request) async throws -> Response {
        let me = try me(req)
        let request = try await findRequest(req)
        guard let recipient = request.recipients.first(where: { $0.$person.id == me }) else { throw AppError.forbidden }
        guard !recipient.answered else { throw AppError.conflict("You have already answered this request.") }
        let form = try req.content.decode(AnswerForm.self)
        let text = (form.text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let (errors, elements) = try await Feedbacks.problems(subject: request.subject, author: me, text: text, codes: codes(form.elements),
                                                              subjectField: "text", on: req.database)
        guard errors.isEmpty else {
            return try await requestPage(req, request: request, me: me, form: form, errors: errors).response(status: .badRequest)
        }
        recipient.answered = true
        try await recipient.save(on: req.database)
        try await Feedbacks.record(subject: request.$subject.id, text: text, elements: elements.isEmpty ? request.elements : elements,
                                   anonymous: request.anonymous, request: try request.requireID(), on: req)
        return req.redirect(to: SiteURL.feedback.path, redirectType: .normal)
    }
}

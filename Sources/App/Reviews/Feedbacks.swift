import CapableCore
import Fluent
import Vapor

/// Feedback rules: giving, asking, and who sees what. Anonymous answers are never stored with
/// their writer or a time, are audited without an actor, and are shown only in groups of at
/// least `FeedbackRequest.anonymityThreshold`, in an order that says nothing about who wrote first.
enum Feedbacks {
    static let maxText = 2000

    /// Finds a colleague by work email or employee reference.
    static func colleague(_ text: String, on db: any Database) async throws -> Person? {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        if value.contains("@") { return try await Person.query(on: db).filter(\.$workEmail == value.lowercased()).first() }
        return try await Person.query(on: db).filter(\.$employeeRef == value).first()
    }

    /// Problems with feedback for `subject` by `author`, by field.
    static func problems(subject: Person?, author: UUID?, text: String, codes: [String], subjectField: String,
                         on db: any Database) async throws -> (errors: [FieldError], elements: [UUID]) {
        var errors: [FieldError] = []
        if let subject {
            if !subject.active { errors.append(.init(field: subjectField, message: "\(subject.displayName) has left, so feedback cannot be given to them")) }
            if subject.id == author { errors.append(.init(field: subjectField, message: "Feedback is for colleagues: you cannot give it to yourself")) }
        } else {
            errors.append(.init(field: subjectField, message: "Enter a colleague’s work email or employee reference"))
        }
        if text.isEmpty { errors.append(.init(field: "text", message: "Write your feedback")) }
        if text.count > maxText { errors.append(.init(field: "text", message: "Feedback must be \(maxText) characters or fewer")) }
        let found = try await Frameworks.publishedElements(codes: codes, on: db)
        var elements: [UUID] = []
        for code in codes {
            guard let matches = found[code.lowercased()], matches.count == 1 else {
                errors.append(.init(field: "elements", message: "No single published framework element has the code \(code)"))
                continue
            }
            elements.append(matches[0].id)
        }
        return (errors, elements)
    }

    /// Records feedback. Anonymous feedback is written without author or date and audited
    /// without an actor: the log shows that feedback was given, not by whom.
    @discardableResult
    static func record(subject: UUID, text: String, elements: [UUID], anonymous: Bool, request: UUID?, on req: Request) async throws -> FeedbackItem {
        let principal = try req.requirePrincipal()
        let item = FeedbackItem()
        item.$subject.id = subject
        item.$request.id = request
        item.text = text
        item.elementIDs = elements.map(\.uuidString).joined(separator: ",")
        item.authorID = anonymous ? nil : principal.personID
        item.givenOn = anonymous ? nil : CalendarDate.today.description
        try await item.create(on: req.database)
        let changes = [FieldChange(field: "subject_id", old: nil, new: subject.uuidString)]
        if anonymous {
            try await Audit.append("create", entity: "feedback", id: nil, changes: changes,
                                   context: AuditContext(actorID: nil, actorLabel: "anonymous", requestID: nil, address: nil), on: req.database)
        } else {
            try await req.audit("create", entity: "feedback", id: try item.requireID().uuidString, changes: changes)
        }
        return item
    }

    /// Anonymous answers to a request, when enough have answered to show them, sorted by their
    /// text so the order says nothing about who answered when; nil while too few have answered.
    static func anonymousAnswers(_ request: FeedbackRequest, on db: any Database) async throws -> [FeedbackItem]? {
        let answers = try await FeedbackItem.query(on: db).filter(\.$request.$id == request.requireID()).all()
        guard answers.count >= FeedbackRequest.anonymityThreshold else { return nil }
        return answers.sorted { $0.text < $1.text }
    }
}

import CapableCore
import Fluent
import Vapor

/// The catalogue's rules, shared by the course form and the API.
enum Courses {
    struct Input: Content, Sendable {
        var code: String?
        var title: String?
        var description: String?
        var mode: String?
        var provider: String?
        var duration: String?
        /// Empty or absent: completions never expire.
        var validity_months: String?
        var url: String?
        /// Framework element codes, separated by commas, e.g. "TR.3, CV.1.3".
        var elements: String?
    }

    struct Clean: Sendable {
        var code: String, title: String, summary: String, mode: Course.Mode, provider: String, duration: String
        var validityMonths: Int?, url: String?, elements: [UUID]
    }

    /// Every problem with the input, by field, or the course to save. `existing` is the course
    /// being edited, whose own code is not a clash.
    static func validate(_ input: Input, existing: UUID?, on db: any Database) async throws -> Result<Clean, AppError> {
        var errors: [FieldError] = []
        func text(_ value: String?, _ field: String, _ what: String, max: Int, required: Bool = true) -> String {
            let clean = (value ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            if required, clean.isEmpty { errors.append(.init(field: field, message: "Enter \(what)")) }
            if clean.count > max { errors.append(.init(field: field, message: "\(what.prefix(1).uppercased() + what.dropFirst()) must be \(max) characters or fewer")) }
            return clean
        }
        let code = text(input.code, "code", "the course code", max: 40)
        if !code.isEmpty, code.contains(where: { $0.isWhitespace }) { errors.append(.init(field: "code", message: "The course code cannot contain spaces")) }
        if !code.isEmpty, let clash = try await Course.query(on: db).filter(\.$code == code).first(), clash.id != existing {
            errors.append(.init(field: "code", message: "The code \(code) is already used by \(clash.title)"))
        }
        let title = text(input.title, "title", "the course title", max: 200)
        let summary = text(input.description, "description", "a description", max: 4000)
        let mode = Course.Mode(rawValue: input.mode ?? "")
        if mode == nil { errors.append(.init(field: "mode", message: "Choose online, face to face or blended")) }
        let provider = text(input.provider, "provider", "who provides it", max: 200)
        let duration = text(input.duration, "duration", "how long it takes", max: 100)
        var validity: Int?
        let rawValidity = (input.validity_months ?? "").trimmingCharacters(in: .whitespaces)
        if !rawValidity.isEmpty {
            if let months = Int(rawValidity), (1...240).contains(months) { validity = months } else {
                errors.append(.init(field: "validity_months", message: "Enter the months a completion counts, from 1 to 240, or leave it empty if it never expires"))
            }
        }
        let url = text(input.url, "url", "the link", max: 500, required: false)
        if !url.isEmpty, !(url.hasPrefix("https://") || url.hasPrefix("http://")) || URL(string: url) == nil {
            errors.append(.init(field: "url", message: "Enter the online link as a web address starting https://"))
        }
        let elements = try await Frameworks.elementIDs(fromCodes: input.elements, field: "elements", errors: &errors, on: db)
        guard errors.isEmpty, let mode else { return .failure(.invalid(errors)) }
        return .success(Clean(code: code, title: title, summary: summary, mode: mode, provider: provider, duration: duration,
                              validityMonths: validity, url: url.isEmpty ? nil : url, elements: elements))
    }

    /// Creates or updates a course and its elements, audited. A change of validity updates the
    /// stored expiry of its completions and everyone's compliance with it.
    static func save(_ clean: Clean, into course: Course?, on req: Request) async throws -> Course {
        let record = course ?? Course()
        let validityChanged = course != nil && course?.validityMonths != clean.validityMonths
        func apply(_ course: Course) {
            course.code = clean.code
            course.title = clean.title
            course.summary = clean.summary
            course.mode = clean.mode.rawValue
            course.provider = clean.provider
            course.duration = clean.duration
            course.validityMonths = clean.validityMonths
            course.url = clean.url
        }
        if course == nil {
            apply(record)
            try await req.create(record)
        } else {
            try await req.update(record, apply)
        }
        let id = try record.requireID()
        let before = Set(try await CourseElement.query(on: req.database).filter(\.$course.$id == id).all().map(\.elementID))
        if before != Set(clean.elements) {
            try await CourseElement.query(on: req.database).filter(\.$course.$id == id).delete()
            for element in clean.elements { try await CourseElement(courseID: id, elementID: element).create(on: req.database) }
            try await req.audit("update", entity: Course.auditEntity, id: id.uuidString,
                                changes: [FieldChange(field: "elements", old: before.map(\.uuidString).sorted().joined(separator: ","),
                                                      new: clean.elements.map(\.uuidString).sorted().joined(separator: ","))])
        }
        if validityChanged {
            for completion in try await Completion.query(on: req.database).filter(\.$course.$id == id).all() {
                completion.expiresOn = CalendarDate(completion.completedOn).flatMap { record.expiry(completedOn: $0) }
                try await completion.save(on: req.database)
            }
            // Only people with a completion have dates that depend on the validity.
            let people = try await Completion.query(on: req.database).filter(\.$course.$id == id).all().map { $0.$person.id }
            try await ComplianceRecords.completionsChanged(people: Array(Set(people)), course: id, on: req.database)
        }
        return record
    }

    /// Courses that develop an element, for its framework page and plan items.
    static func developing(_ element: UUID, on db: any Database) async throws -> [Course] {
        let links = try await CourseElement.query(on: db).filter(\.$elementID == element).with(\.$course).all()
        return links.map(\.course).sorted { $0.title.localizedCaseInsensitiveCompare($1.title) == .orderedAscending }
    }
}

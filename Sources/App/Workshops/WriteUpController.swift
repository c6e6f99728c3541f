import CapableCore
import Fluent
import Plot
import Vapor

/// The write-up: facilitators draft it in Markdown and publish it to the people who took part or
/// to everyone; readers see it with the themes, the post-its quoted and the actions agreed.
enum WriteUpController {
    struct Form: Content {
        var write_up: String?
        var audience: String?
        /// "yes" publishes; anything else saves a draft.
        var publish: String?
        // A chosen audience, with the audience page's fields.
        var rule: String?
        var unit: String?
        var subunits: String?
        var role: String?
        var grade_low: String?
        var grade_high: String?
        var days: String?

        var audienceQuery: AudiencesController.Query {
            .init(rule: rule, unit: unit, subunits: subunits, role: role.flatMap(UUID.init(uuidString:)), grade_low: grade_low, grade_high: grade_high, days: days)
        }
    }

    static let maxLength = 50_000

    @Sendable static func page(req: Request) async throws -> HTML {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canReadWriteUp)
        return try await render(workshop, access: access, req: req)
    }

    static func render(_ workshop: Workshop, access: WorkshopAccess, form: Form? = nil, errors: [FieldError] = [], req: Request) async throws -> HTML {
        var model = try await WriteUpPage.query(workshop, access: access, today: .today, on: req.database)
        if access.canFacilitate { model.roles = try await SurveysController.roles(on: req.database).map { .init(id: $0.0, title: $0.1) } }
        if let form { model.form = form }
        model.errors = errors
        if req.query[String.self, at: "print"] == "1", model.published {
            return WriteUpPage.printView(model)
        }
        return WriteUpPage.view(model, context: PageContext(req))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canFacilitate)
        let form = try req.content.decode(Form.self)
        let text = (form.write_up ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let publish = form.publish == "yes"
        var errors: [FieldError] = []
        if text.count > maxLength { errors.append(.init(field: "write_up", message: "The write-up must be \(maxLength.formatted()) characters or fewer")) }
        if publish && text.isEmpty { errors.append(.init(field: "write_up", message: "Write the write-up before publishing it")) }
        let audience = Workshop.Audience(rawValue: form.audience ?? "")
        if publish && audience == nil { errors.append(.init(field: "audience", message: "Choose who can read the write-up")) }
        var readers: String?
        if publish && audience == .chosen {
            let (rule, ruleErrors) = try await AudiencesController.rule(from: form.audienceQuery, on: req.database)
            errors += ruleErrors
            if let rule {
                readers = String(decoding: try JSONEncoder().encode(CapableCore.Audience(name: "Readers of \(workshop.title)", rules: [rule])), as: UTF8.self)
            } else if ruleErrors.isEmpty {
                errors.append(.init(field: "rule", message: "Choose who else can read the write-up"))
            }
        }
        guard errors.isEmpty else {
            return try await render(workshop, access: access, form: form, errors: errors, req: req).response(status: .badRequest)
        }
        try await req.update(workshop) { w in
            w.writeUp = text.isEmpty ? nil : text
            if publish {
                w.writeUpAudience = audience?.rawValue
                w.writeUpRule = readers
                w.writeUpPublishedAt = Date()
            }
        }
        return req.redirect(to: SiteURL.workshops(.writeUp(try workshop.requireID())).path, redirectType: .normal)
    }
}

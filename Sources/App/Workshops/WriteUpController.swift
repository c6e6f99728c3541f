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
    }

    static let maxLength = 50_000

    @Sendable static func page(req: Request) async throws -> HTML {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canReadWriteUp)
        return try await render(workshop, access: access, req: req)
    }

    static func render(_ workshop: Workshop, access: WorkshopAccess, form: Form? = nil, errors: [FieldError] = [], req: Request) async throws -> HTML {
        var model = try await WriteUpPage.query(workshop, access: access, today: .today, on: req.database)
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
        guard errors.isEmpty else {
            return try await render(workshop, access: access, form: form, errors: errors, req: req).response(status: .badRequest)
        }
        try await req.update(workshop) { w in
            w.writeUp = text.isEmpty ? nil : text
            if publish {
                w.writeUpAudience = audience?.rawValue
                w.writeUpPublishedAt = Date()
            }
        }
        return req.redirect(to: SiteURL.workshops(.writeUp(try workshop.requireID())).path, redirectType: .normal)
    }
}

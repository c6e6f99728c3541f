import CapableCore
import Fluent
import Plot
import Vapor

/// Series of sessions: started from a template (or empty), read with one action log across
/// every session. HR, administrators and whoever started a series run it; people taking part in
/// any of its sessions can read it.
enum SeriesController {
    struct Form: Content {
        var title: String?
        var template: String?
        var first_on: String?
        var weeks: String?
    }

    static func isOrganiser(_ series: WorkshopSeries, principal: Principal) -> Bool {
        principal.roles.contains(.hr) || principal.roles.contains(.admin) || series.createdBy == principal.accountID
    }

    static func requireOrganiser(_ series: WorkshopSeries, req: Request) async throws {
        guard isOrganiser(series, principal: try req.requirePrincipal()) else { throw AppError.forbidden }
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        SeriesFormPage.view(.init(form: .init(title: SeriesTemplate.topTeam.title, template: SeriesTemplate.topTeam.key, first_on: nil, weeks: "4"), errors: []),
                            context: PageContext(req))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        var errors: [FieldError] = []
        let title = Text.clean(form.title)
        if title.isEmpty { errors.append(.init(field: "title", message: "Enter the series' title")) }
        if title.count > 200 { errors.append(.init(field: "title", message: "The title must be 200 characters or fewer")) }
        let template = SeriesTemplate.named(form.template)
        if form.template != "none" && template == nil { errors.append(.init(field: "template", message: "Choose a template, or an empty series")) }
        var first: CalendarDate?, weeks = 4
        if template != nil {
            first = DateField.required(form.first_on, field: "first_on", what: "the date of the first session", errors: &errors)
            if let n = Int(Text.clean(form.weeks)), (1...52).contains(n) { weeks = n } else {
                errors.append(.init(field: "weeks", message: "Give the weeks between sessions as a number from 1 to 52"))
            }
        }
        guard errors.isEmpty else {
            return SeriesFormPage.view(.init(form: form, errors: errors), context: PageContext(req)).response(status: .badRequest)
        }
        let series = try await create(title: title, template: template, first: first, weeks: weeks, on: req)
        return req.redirect(to: SiteURL.workshops(.series(try series.requireID())).path, redirectType: .normal)
    }

    /// A series and, from a template, its sessions `weeks` apart from `first`.
    static func create(title: String, template: SeriesTemplate?, first: CalendarDate?, weeks: Int, on req: Request) async throws -> WorkshopSeries {
        let series = WorkshopSeries(title: title, purpose: template?.purpose ?? "", template: template?.key, createdBy: req.principal?.accountID)
        try await req.create(series)
        if let template, let first {
            for (index, session) in template.sessions.enumerated() {
                let clean = Workshops.Clean(title: session.title, purpose: session.purpose, questions: session.questions.joined(separator: "\n"),
                                            heldOn: first.adding(days: 7 * weeks * index).description, format: session.format,
                                            allowAnonymous: false, votes: 3)
                _ = try await Workshops.create(clean, seriesID: try series.requireID(), position: index + 1, on: req)
            }
        }
        return series
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("seriesID", as: UUID.self), let series = try await WorkshopSeries.find(id, on: req.database) else {
            throw AppError.notFound
        }
        let model = try await SeriesPage.query(series, principal: principal, today: .today, on: req.database)
        guard model.canRun || !model.sessions.isEmpty else { throw AppError.notFound }
        return SeriesPage.view(model, context: PageContext(req))
    }
}

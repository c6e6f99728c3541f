import CapableCore
import Fluent
import Vapor

/// `/api/v1/workshop-series`: series, their sessions and the action log across them.
enum SeriesAPI {
    struct SeriesDTO: Content {
        var id: UUID
        var title: String
        var purpose: String
        var template: String?
    }

    struct DetailDTO: Content {
        var series: SeriesDTO
        var sessions: [WorkshopsAPI.WorkshopDTO]
        var actions: [WorkshopActions.Row]
        var followThrough: FollowThroughDTO
    }

    struct FollowThroughDTO: Content {
        var done: Int, due: Int, overdue: Int, dropped: Int
        /// Percent done of those that have come due; null until any have.
        var rate: Int?
    }

    static func dto(_ series: WorkshopSeries) throws -> SeriesDTO {
        SeriesDTO(id: try series.requireID(), title: series.title, purpose: series.purpose, template: series.template)
    }

    @Sendable static func list(req: Request) async throws -> [SeriesDTO] {
        let principal = try req.requirePrincipal()
        let mine = Set(try await WorkshopAccess.visible(to: principal, on: req.database).compactMap { $0.$series.id })
        return try await WorkshopSeries.query(on: req.database).sort(\.$createdAt, .descending).all()
            .filter { SeriesController.isOrganiser($0, principal: principal) || mine.contains($0.id ?? UUID()) }
            .map(dto)
    }

    struct CreateInput: Content {
        var title: String?
        /// A built-in template's key (`top-team`), or null for an empty series.
        var template: String?
        var firstOn: String?
        var weeksBetween: Int?
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(CreateInput.self)
        var errors: [FieldError] = []
        let title = Text.clean(input.title)
        if title.isEmpty { errors.append(.init(field: "title", message: "Enter the series' title")) }
        if title.count > 200 { errors.append(.init(field: "title", message: "The title must be 200 characters or fewer")) }
        let template = SeriesTemplate.named(input.template)
        if input.template != nil && template == nil {
            errors.append(.init(field: "template", message: "Unknown template: use \(SeriesTemplate.all.map(\.key).joined(separator: ", ")) or null"))
        }
        var first: CalendarDate?
        let weeks = input.weeksBetween ?? 4
        if template != nil {
            first = DateField.required(input.firstOn, field: "firstOn", what: "the date of the first session", errors: &errors)
            if !(1...52).contains(weeks) { errors.append(.init(field: "weeksBetween", message: "Give the weeks between sessions as a number from 1 to 52")) }
        }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let series = try await SeriesController.create(title: title, template: template, first: first, weeks: weeks, on: req)
        return try await show(series, req: req).encodeResponse(status: .created, for: req)
    }

    @Sendable static func detail(req: Request) async throws -> DetailDTO {
        guard let id = req.parameters.get("seriesID", as: UUID.self), let series = try await WorkshopSeries.find(id, on: req.database) else {
            throw AppError.notFound
        }
        return try await show(series, req: req)
    }

    private static func show(_ series: WorkshopSeries, req: Request) async throws -> DetailDTO {
        let principal = try req.requirePrincipal()
        let page = try await SeriesPage.query(series, principal: principal, today: .today, on: req.database)
        guard page.canRun || !page.sessions.isEmpty else { throw AppError.notFound }
        let sessions = try await Workshop.query(on: req.database).filter(\.$id ~~ page.sessions.map(\.id)).sort(\.$seriesPosition).all()
        let f = FollowThrough(done: page.done, due: page.due, overdue: page.overdue, dropped: page.dropped)
        return DetailDTO(series: try dto(series), sessions: try sessions.map(WorkshopsAPI.WorkshopDTO.init), actions: page.actions,
                         followThrough: .init(done: f.done, due: f.due, overdue: f.overdue, dropped: f.dropped, rate: f.rate))
    }
}

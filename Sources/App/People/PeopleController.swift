import CapableCore
import Fluent
import Plot
import Vapor

/// People: search, a person's profile, and a manager's team.
enum PeopleController {
    struct SearchQuery: Content {
        var q: String?
        var unit: UUID?
        var leavers: String?
        var page: Int?
    }

    static let pageSize = 50

    @Sendable static func index(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let query = try req.query.decode(SearchQuery.self)
        let page = max(1, min(query.page ?? 1, 10_000))
        let text = query.q?.trimmingCharacters(in: .whitespaces).prefix(100).description
        let rows = try await PeopleQueries.search(
            .init(text: text, unitID: query.unit, includeLeavers: query.leavers == "1", limit: pageSize, offset: (page - 1) * pageSize),
            scope: PeopleScope(viewer: principal.viewer), on: req.database)
        var reports = 0
        if let me = principal.personID { reports = try await PeopleQueries.directReportCount(of: me, on: req.database) }
        let model = PeopleSearchPage.Model(
            text: text ?? "", includeLeavers: query.leavers == "1", page: page,
            rows: Array(rows.prefix(pageSize)), hasNext: rows.count > pageSize,
            myPersonID: principal.personID, managesPeople: reports > 0,
            seesOthers: principal.has(.admin) || principal.has(.hr) || reports > 0)
        return PeopleSearchPage.view(model, context: PageContext(req))
    }

    @Sendable static func show(req: Request) async throws -> HTML {
        guard let id = req.parameters.get("personID", as: UUID.self),
              let person = try await Person.query(on: req.database).filter(\.$id == id)
                .with(\.$orgUnit).with(\.$lineManager).first()
        else { throw AppError.notFound }
        let principal = try req.requirePrincipal()
        let reports = try await Person.query(on: req.database).filter(\.$lineManager.$id == id).filter(\.$active == true)
            .sort(\.$familyName).sort(\.$givenName).all()
        // The manager's name is shown; a link only when the viewer may open the manager's record too.
        var managerLink: UUID?
        if let manager = person.lineManager, let managerID = manager.id,
           try await LineManagement.allows(principal.viewer, target: managerID, on: req.database) {
            managerLink = managerID
        }
        return PersonPage.view(PersonPage.Model(person, managerLink: managerLink, reports: reports), context: PageContext(req))
    }

    @Sendable static func team(req: Request) async throws -> HTML {
        let principal = try req.requirePrincipal()
        let indirect = req.query[String.self, at: "all"] == "1"
        let page = max(1, min(req.query[Int.self, at: "page"] ?? 1, 10_000))
        guard let me = principal.personID else {
            return TeamPage.view(.init(indirect: indirect, page: 1, rows: [], total: 0, linkedToPerson: false), context: PageContext(req))
        }
        let sort = PeopleQueries.TeamSort(rawValue: req.query[String.self, at: "sort"] ?? "") ?? .name
        let (rows, total) = try await PeopleQueries.team(of: me, indirect: indirect, sort: sort, limit: TeamPage.pageSize,
                                                         offset: (page - 1) * TeamPage.pageSize, on: req.database)
        let pdr = try await ReviewCycles.stages(of: rows.map(\.id), on: req.database)
        return TeamPage.view(.init(indirect: indirect, page: page, rows: rows, total: total, linkedToPerson: true, sort: sort, pdr: pdr), context: PageContext(req))
    }
}

import CapableCore
import Fluent
import Plot
import Vapor

/// The board through forms: every change works without JavaScript, and `board.js` sends the
/// same changes through the API. A refused change shows the board again with the message by
/// the field and nothing written.
enum BoardController {
    struct PostItForm: Content {
        var group: String?
        var text: String?
        var anonymous: String?
        /// A guest's participant id, when a facilitator posts for them; empty for oneself.
        var guest: String?
    }

    struct ThemeForm: Content {
        var name: String?
        var into: String?
        var theme: String?
        var change: String?
        var elements: String?
        var risks: String?
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canContribute)
        return BoardPage.view(try await model(workshop, access: access, on: req.database), context: PageContext(req))
    }

    static func model(_ workshop: Workshop, access: WorkshopAccess, on db: any Database) async throws -> BoardPage.Model {
        BoardPage.Model(id: try workshop.requireID(), title: workshop.title, heldOn: workshop.heldOn, canFacilitate: access.canFacilitate,
                        board: try await BoardQueries.board(workshop, access: access, on: db))
    }

    /// Runs a board change; on a refusal shows the board again with the messages, else goes
    /// back to the board at `anchor`.
    private static func change(_ req: Request, form: (inout BoardPage.Model) -> Void = { _ in },
                               _ work: (Workshop, WorkshopAccess) async throws -> String?) async throws -> Response {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canContribute)
        do {
            let anchor = try await work(workshop, access)
            return req.redirect(to: SiteURL.workshops(.board(try workshop.requireID())).path + (anchor.map { "#\($0)" } ?? ""), redirectType: .normal)
        } catch AppError.invalid(let errors) {
            var model = try await model(workshop, access: access, on: req.database)
            model.errors = errors
            form(&model)
            return BoardPage.view(model, context: PageContext(req)).response(status: .badRequest)
        }
    }

    @Sendable static func addPostIt(req: Request) async throws -> Response {
        let form = try req.content.decode(PostItForm.self)
        return try await change(req, form: { $0.postItForm = form }) { workshop, access in
            let note = try await Board.addPostIt(to: workshop, access: access, groupID: form.group.flatMap(UUID.init(uuidString:)),
                                                 text: form.text, anonymous: form.anonymous == "yes",
                                                 guest: form.guest.flatMap(UUID.init(uuidString:)), on: req)
            return BoardPage.anchor(try note.requireID())
        }
    }

    @Sendable static func movePostIt(req: Request) async throws -> Response {
        let form = try req.content.decode(ThemeForm.self)
        return try await change(req) { workshop, _ in
            let note = try await Board.postIt(req.parameters.get("postItID", as: UUID.self), in: workshop, on: req.database)
            let raw = form.theme ?? ""
            guard raw.isEmpty || UUID(uuidString: raw) != nil else {
                throw AppError.invalid([.init(field: "theme", message: "Choose one of this session's themes")])
            }
            _ = try await Board.move(note, toTheme: UUID(uuidString: raw), on: req)
            return BoardPage.anchor(try note.requireID())
        }
    }

    @Sendable static func deletePostIt(req: Request) async throws -> Response {
        try await change(req) { workshop, access in
            let note = try await Board.postIt(req.parameters.get("postItID", as: UUID.self), in: workshop, on: req.database)
            try await Board.delete(note, access: access, on: req)
            return nil
        }
    }

    @Sendable static func createTheme(req: Request) async throws -> Response {
        let form = try req.content.decode(ThemeForm.self)
        return try await change(req, form: { $0.themeName = form.name }) { workshop, _ in
            let theme = try await Board.createTheme(in: workshop, name: form.name, on: req)
            return BoardPage.anchor(theme: try theme.requireID())
        }
    }

    /// Renames a theme (`name`) or merges it into another (`into`).
    @Sendable static func changeTheme(req: Request) async throws -> Response {
        let form = try req.content.decode(ThemeForm.self)
        return try await change(req) { workshop, _ in
            let theme = try await Board.theme(req.parameters.get("themeID", as: UUID.self), in: workshop, on: req.database)
            if form.change == "merge" {
                let target = try await Board.merge(theme, into: form.into.flatMap(UUID.init(uuidString:)), on: req)
                return BoardPage.anchor(theme: try target.requireID())
            }
            try await Board.rename(theme, to: form.name, on: req)
            return BoardPage.anchor(theme: try theme.requireID())
        }
    }

    @Sendable static func vote(req: Request) async throws -> Response {
        let form = try req.content.decode(ThemeForm.self)
        return try await change(req) { workshop, access in
            let theme = try await Board.theme(req.parameters.get("themeID", as: UUID.self), in: workshop, on: req.database)
            try await Board.vote(on: theme, in: workshop, access: access, add: form.change != "remove", on: req)
            return BoardPage.anchor(theme: try theme.requireID())
        }
    }

    /// Framework elements and risks a theme is about: facilitators set them.
    @Sendable static func setLinks(req: Request) async throws -> Response {
        let form = try req.content.decode(ThemeForm.self)
        return try await change(req) { workshop, access in
            guard access.canFacilitate else { throw AppError.forbidden }
            let theme = try await Board.theme(req.parameters.get("themeID", as: UUID.self), in: workshop, on: req.database)
            try await Board.setLinks(theme, elementCodes: form.elements, riskReferences: form.risks, on: req)
            return BoardPage.anchor(theme: try theme.requireID())
        }
    }
}

import CapableCore
import Crypto
import Fluent
import Vapor

/// `/api/v1/workshops`, `/workshops/{id}`, `/workshops/{id}/board…` and `/workshops/{id}/actions`:
/// the same rules and access as the pages (`WorkshopAccess`, `Board`), as JSON. `board.js`
/// uses these too. Errors name the JSON fields.
enum WorkshopsAPI {
    struct WorkshopDTO: Content {
        var id: UUID
        var title: String
        var purpose: String
        var questions: [String]
        var heldOn: String
        var format: Workshop.Format
        var allowAnonymous: Bool
        var votesPerParticipant: Int
        var seriesId: UUID?
        var seriesPosition: Int?
        var writeUpPublished: Bool

        init(_ w: Workshop) throws {
            id = try w.requireID()
            title = w.title
            purpose = w.purpose
            questions = w.questionList
            heldOn = w.heldOn
            format = w.formatValue
            allowAnonymous = w.allowAnonymous
            votesPerParticipant = w.votesPerParticipant
            seriesId = w.$series.id
            seriesPosition = w.seriesPosition
            writeUpPublished = w.isPublished
        }
    }

    struct ParticipantDTO: Content {
        var id: UUID
        var personId: UUID?
        var name: String
        var guest: Bool
        var role: WorkshopParticipant.Role
        var groupId: UUID?
    }

    struct DetailDTO: Content {
        var workshop: WorkshopDTO
        var groups: [BoardQueries.Group]
        var participants: [ParticipantDTO]
    }

    @Sendable static func list(req: Request) async throws -> [WorkshopDTO] {
        try await WorkshopAccess.visible(to: try req.requirePrincipal(), on: req.database).map(WorkshopDTO.init)
    }

    struct CreateInput: Content {
        var title: String?
        var purpose: String?
        var questions: [String]?
        var heldOn: String?
        var format: String?
        var allowAnonymous: Bool?
        var votesPerParticipant: Int?
        var groups: [BoardQueries.Group.Input]?
    }

    /// Sets up a workshop, with its breakout groups; the caller becomes its facilitator.
    @Sendable static func create(req: Request) async throws -> Response {
        let input = try req.content.decode(CreateInput.self)
        switch Workshops.validate(.init(title: input.title, purpose: input.purpose, questions: input.questions?.joined(separator: "\n"),
                                        heldOn: input.heldOn, format: input.format, allowAnonymous: input.allowAnonymous,
                                        votesPerParticipant: input.votesPerParticipant)) {
        case .failure(let error):
            throw error
        case .success(let clean):
            let workshop = try await Workshops.create(clean, on: req)
            for (index, group) in (input.groups ?? []).enumerated() {
                do {
                    _ = try await Workshops.addGroup(to: workshop, name: group.name, question: group.question, on: req)
                } catch AppError.invalid(let errors) {
                    // Named by the row, so the caller knows which group to fix; nothing is kept.
                    throw AppError.invalid(errors.map { FieldError(field: "groups[\(index)].\($0.field == "group_name" ? "name" : "question")", message: $0.message) })
                }
            }
            return try await detail(workshop, on: req.database).encodeResponse(status: .created, for: req)
        }
    }

    static func detail(_ workshop: Workshop, on db: any Database) async throws -> DetailDTO {
        let id = try workshop.requireID()
        let groups = try await WorkshopGroup.query(on: db).filter(\.$workshop.$id == id).sort(\.$position).all()
        let people = try await WorkshopParticipant.query(on: db).filter(\.$workshop.$id == id).with(\.$person).all()
        return DetailDTO(workshop: try WorkshopDTO(workshop),
                         groups: try groups.map { .init(id: try $0.requireID(), name: $0.name, question: $0.question) },
                         participants: try people.map { p in
                             ParticipantDTO(id: try p.requireID(), personId: p.$person.id, name: p.person?.displayName ?? p.guestName ?? "",
                                            guest: p.person == nil, role: p.roleValue, groupId: p.$group.id)
                         })
    }

    @Sendable static func show(req: Request) async throws -> DetailDTO {
        let (workshop, _) = try await WorkshopAccess.load(req)
        return try await detail(workshop, on: req.database)
    }

    /// The whole board as the caller sees it, with an ETag so polling costs little when nothing
    /// has changed.
    @Sendable static func board(req: Request) async throws -> Response {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canContribute)
        // The board's version and the viewer (what they see differs: their votes, their post-its),
        // so an unchanged board is answered 304 before anything else is read.
        let viewer = SHA256.hash(data: Data(access.principal.accountID.uuidString.utf8)).prefix(6).map { String(format: "%02x", $0) }.joined()
        let tag = "\"\(workshop.boardVersion)-\(viewer)\""
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .eTag, value: tag)
        headers.replaceOrAdd(name: .cacheControl, value: "private, no-cache")
        if req.headers.first(name: .ifNoneMatch) == tag { return Response(status: .notModified, headers: headers) }
        let model = try await BoardQueries.board(workshop, access: access, on: req.database)
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(data: try JSONEncoder().encode(model)))
    }

    struct PostItInput: Content {
        var groupId: UUID?
        var text: String?
        var anonymous: Bool?
        /// Facilitators: a guest's participant id, to post for them.
        var guestId: UUID?
    }

    @Sendable static func addPostIt(req: Request) async throws -> Response {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canContribute)
        let input = try req.content.decode(PostItInput.self)
        let postIt = try await Board.addPostIt(to: workshop, access: access, groupID: input.groupId, text: input.text,
                                               anonymous: input.anonymous ?? false, guest: input.guestId, on: req)
        return try await note(postIt, access: access).encodeResponse(status: .created, for: req)
    }

    private static func note(_ note: PostIt, access: WorkshopAccess) throws -> BoardQueries.Note {
        BoardQueries.Note(id: try note.requireID(), groupId: note.$group.id, themeId: note.$theme.id, text: note.text,
                          author: note.authorName ?? "Anonymous", anonymous: note.isAnonymous,
                          mine: access.principal.personID != nil && note.authorID == access.principal.personID)
    }

    struct MoveInput: Content {
        /// Null takes the post-it out of any theme.
        var themeId: UUID?
    }

    @Sendable static func movePostIt(req: Request) async throws -> BoardQueries.Note {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canContribute)
        let postIt = try await Board.postIt(req.parameters.get("postItID", as: UUID.self), in: workshop, on: req.database)
        _ = try await Board.move(postIt, toTheme: try req.content.decode(MoveInput.self).themeId, on: req)
        return try note(postIt, access: access)
    }

    @Sendable static func deletePostIt(req: Request) async throws -> HTTPStatus {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canContribute)
        let postIt = try await Board.postIt(req.parameters.get("postItID", as: UUID.self), in: workshop, on: req.database)
        try await Board.delete(postIt, access: access, on: req)
        return .noContent
    }

    struct ThemeInput: Content {
        var name: String?
        /// Merges the theme into this one (PUT only).
        var mergeInto: UUID?
    }

    struct ThemeDTO: Content {
        var id: UUID
        var name: String
    }

    @Sendable static func createTheme(req: Request) async throws -> Response {
        let (workshop, _) = try await WorkshopAccess.load(req, need: \.canContribute)
        let theme = try await Board.createTheme(in: workshop, name: try req.content.decode(ThemeInput.self).name, on: req)
        return try await ThemeDTO(id: try theme.requireID(), name: theme.name).encodeResponse(status: .created, for: req)
    }

    /// Renames a theme, or merges it into another (`mergeInto`) and returns that one.
    @Sendable static func changeTheme(req: Request) async throws -> ThemeDTO {
        let (workshop, _) = try await WorkshopAccess.load(req, need: \.canContribute)
        let theme = try await Board.theme(req.parameters.get("themeID", as: UUID.self), in: workshop, on: req.database)
        let input = try req.content.decode(ThemeInput.self)
        if let into = input.mergeInto {
            let target = try await Board.merge(theme, into: into, on: req)
            return ThemeDTO(id: try target.requireID(), name: target.name)
        }
        try await Board.rename(theme, to: input.name, on: req)
        return ThemeDTO(id: try theme.requireID(), name: theme.name)
    }

    struct VotesDTO: Content {
        var themeId: UUID
        var votesLeft: Int
    }

    /// POST casts one of the caller's votes on the theme; DELETE takes one back.
    @Sendable static func vote(req: Request) async throws -> Response {
        let (workshop, access) = try await WorkshopAccess.load(req, need: \.canContribute)
        let theme = try await Board.theme(req.parameters.get("themeID", as: UUID.self), in: workshop, on: req.database)
        let add = req.method == .POST
        try await Board.vote(on: theme, in: workshop, access: access, add: add, on: req)
        var left = 0
        if let me = access.principal.personID { left = try await Board.votesLeft(in: workshop, person: me, on: req.database) }
        return try await VotesDTO(themeId: try theme.requireID(), votesLeft: left).encodeResponse(status: add ? .created : .ok, for: req)
    }

    @Sendable static func actions(req: Request) async throws -> [WorkshopActions.Row] {
        let (workshop, access) = try await WorkshopAccess.load(req)
        return try await WorkshopActions.log(workshops: [try workshop.requireID()], principal: access.principal, today: .today, on: req.database).rows
    }

    /// Records an action agreed in the workshop (facilitators), onto its owner's list.
    @Sendable static func addAction(req: Request) async throws -> Response {
        let (workshop, _) = try await WorkshopAccess.load(req, need: \.canFacilitate)
        let action = try await WorkshopActions.add(try req.content.decode(WorkshopActions.Input.self), to: workshop, on: req)
        return try await ActionsAPI.ActionDTO(action, today: .today).encodeResponse(status: .created, for: req)
    }
}

extension BoardQueries.Note: Content {}
extension WorkshopActions.Row: Content {}

extension BoardQueries.Group {
    /// A breakout group as an API call gives it.
    struct Input: Content {
        var name: String?
        var question: String?
    }
}

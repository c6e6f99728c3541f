import CapableCore
import Fluent
import SQLKit
import Vapor

/// The rules of a workshop's board, shared by the pages, the script and the API: what a post-it
/// may say and where it may go, how themes are made, renamed and merged, and how votes are
/// counted against each person's allowance. Each change is audited in the request's transaction;
/// a refused change writes nothing.
enum Board {
    /// Records that the board has changed, for the ETag that polling compares (`WorkshopsAPI.board`).
    /// Every change to post-its, themes, votes, links, groups or who is in them calls this.
    static func changed(_ workshopID: UUID, on db: any Database) async throws {
        try await db.sql.raw("UPDATE workshops SET board_version = board_version + 1 WHERE id = \(bind: workshopID)").run()
    }

    /// Adds a post-it from the caller or, for a facilitator, on behalf of a guest without an
    /// account (`guest`: their participant id).
    static func addPostIt(to workshop: Workshop, access: WorkshopAccess, groupID: UUID?, text raw: String?, anonymous: Bool,
                          guest guestID: UUID? = nil, on req: Request) async throws -> PostIt {
        var errors: [FieldError] = []
        let text = Text.clean(raw)
        if text.isEmpty { errors.append(.init(field: "text", message: "Write something on the post-it")) }
        if text.count > PostIt.maxLength {
            errors.append(.init(field: "text", message: "A post-it must be \(PostIt.maxLength) characters or fewer (this one has \(text.count))"))
        }
        if anonymous && !workshop.allowAnonymous {
            errors.append(.init(field: "anonymous", message: "The facilitator has not allowed anonymous post-its in this session"))
        }
        let workshopID = try workshop.requireID()
        var group: WorkshopGroup?
        if let groupID { group = try await WorkshopGroup.query(on: req.database).filter(\.$id == groupID).filter(\.$workshop.$id == workshopID).first() }
        if group == nil { errors.append(.init(field: "group", message: "Choose one of this session's breakout groups")) }
        var guest: WorkshopParticipant?
        if let guestID {
            guard access.canFacilitate else { throw AppError.forbidden }
            guest = try await WorkshopParticipant.query(on: req.database).filter(\.$id == guestID).filter(\.$workshop.$id == workshopID)
                .filter(\.$person.$id == nil).first()
            if guest == nil { errors.append(.init(field: "guest", message: "Choose one of this session's guests, or post as yourself")) }
        }
        guard errors.isEmpty, let group else { throw AppError.invalid(errors) }
        let author = guest?.guestLabel ?? access.principal.displayName
        let postIt = PostIt(workshopID: workshopID, groupID: try group.requireID(), text: text, authorID: guest == nil ? access.principal.personID : nil,
                            authorName: anonymous ? nil : author)
        try await req.create(postIt)
        try await changed(workshopID, on: req.database)
        return postIt
    }

    /// The post-it named in the route, in this workshop.
    static func postIt(_ id: UUID?, in workshop: Workshop, on db: any Database) async throws -> PostIt {
        guard let id, let postIt = try await PostIt.query(on: db).filter(\.$id == id).filter(\.$workshop.$id == workshop.requireID()).first() else {
            throw AppError.notFound
        }
        return postIt
    }

    /// The theme named in the route, in this workshop.
    static func theme(_ id: UUID?, in workshop: Workshop, on db: any Database) async throws -> WorkshopTheme {
        guard let id, let theme = try await WorkshopTheme.query(on: db).filter(\.$id == id).filter(\.$workshop.$id == workshop.requireID()).first() else {
            throw AppError.notFound
        }
        return theme
    }

    /// Moves a post-it into a theme of the same session, or back out of any theme (nil).
    static func move(_ postIt: PostIt, toTheme themeID: UUID?, on req: Request) async throws -> WorkshopTheme? {
        var theme: WorkshopTheme?
        if let themeID {
            guard let found = try await WorkshopTheme.find(themeID, on: req.database), found.$workshop.id == postIt.$workshop.id else {
                throw AppError.invalid([.init(field: "theme", message: "Choose one of this session's themes: a post-it cannot move to another session's board")])
            }
            theme = found
        }
        if postIt.$theme.id != themeID {
            try await req.update(postIt) { $0.$theme.id = themeID }
            try await changed(postIt.$workshop.id, on: req.database)
        }
        return theme
    }

    /// Removes a post-it: its author or a facilitator.
    static func delete(_ postIt: PostIt, access: WorkshopAccess, on req: Request) async throws {
        guard access.canFacilitate || (postIt.authorID != nil && postIt.authorID == access.principal.personID) else { throw AppError.forbidden }
        try await req.delete(postIt)
        try await changed(postIt.$workshop.id, on: req.database)
    }

    static func themeName(_ raw: String?, in workshopID: UUID, except: UUID? = nil, on db: any Database) async throws -> String {
        let name = Text.clean(raw)
        if name.isEmpty { throw AppError.invalid([.init(field: "name", message: "Enter a name for the theme")]) }
        if name.count > WorkshopTheme.maxLength {
            throw AppError.invalid([.init(field: "name", message: "A theme's name must be \(WorkshopTheme.maxLength) characters or fewer")])
        }
        let others = try await WorkshopTheme.query(on: db).filter(\.$workshop.$id == workshopID).all()
        if others.contains(where: { $0.id != except && $0.name.lowercased() == name.lowercased() }) {
            throw AppError.invalid([.init(field: "name", message: "There is already a theme called \(name): merge into it instead")])
        }
        return name
    }

    /// A new theme, optionally starting with one post-it moved into it.
    static func createTheme(in workshop: Workshop, name raw: String?, on req: Request) async throws -> WorkshopTheme {
        let workshopID = try workshop.requireID()
        let name = try await themeName(raw, in: workshopID, on: req.database)
        let count = try await WorkshopTheme.query(on: req.database).filter(\.$workshop.$id == workshopID).count()
        let theme = WorkshopTheme(workshopID: workshopID, name: name, position: count + 1)
        try await req.create(theme)
        try await changed(workshopID, on: req.database)
        return theme
    }

    static func rename(_ theme: WorkshopTheme, to raw: String?, on req: Request) async throws {
        let name = try await themeName(raw, in: theme.$workshop.id, except: theme.id, on: req.database)
        try await req.update(theme) { $0.name = name }
        try await changed(theme.$workshop.id, on: req.database)
    }

    /// Folds `theme` into `target` (same session): its post-its, votes and links move across and
    /// the theme goes.
    static func merge(_ theme: WorkshopTheme, into targetID: UUID?, on req: Request) async throws -> WorkshopTheme {
        guard let targetID, targetID != theme.id, let target = try await WorkshopTheme.find(targetID, on: req.database),
              target.$workshop.id == theme.$workshop.id else {
            throw AppError.invalid([.init(field: "into", message: "Choose another theme of this session to merge into")])
        }
        let themeID = try theme.requireID()
        for postIt in try await PostIt.query(on: req.database).filter(\.$theme.$id == themeID).all() {
            try await req.update(postIt) { $0.$theme.id = targetID }
        }
        for vote in try await WorkshopVote.query(on: req.database).filter(\.$theme.$id == themeID).all() {
            try await req.update(vote) { $0.$theme.id = targetID }
        }
        let kept = try await WorkshopThemeLink.query(on: req.database).filter(\.$theme.$id == targetID).all()
        for link in try await WorkshopThemeLink.query(on: req.database).filter(\.$theme.$id == themeID).all() {
            if kept.contains(where: { $0.elementID == link.elementID && $0.$risk.id == link.$risk.id }) {
                try await req.delete(link)
            } else {
                try await req.update(link) { $0.$theme.id = targetID }
            }
        }
        try await req.delete(theme)
        try await changed(theme.$workshop.id, on: req.database)
        return target
    }

    /// How many of a person's votes are left in a session.
    static func votesLeft(in workshop: Workshop, person: UUID, on db: any Database) async throws -> Int {
        let used = try await WorkshopVote.query(on: db).filter(\.$workshop.$id == workshop.requireID()).filter(\.$personID == person).count()
        return max(0, workshop.votesPerParticipant - used)
    }

    /// Casts (`add`) or takes back one of the caller's votes on a theme.
    static func vote(on theme: WorkshopTheme, in workshop: Workshop, access: WorkshopAccess, add: Bool, on req: Request) async throws {
        guard let me = access.principal.personID else {
            throw AppError.invalid([.init(field: "vote", message: "Your account is not linked to a staff record, so it has no votes")])
        }
        let workshopID = try workshop.requireID(), themeID = try theme.requireID()
        if !req.database.isSQLite {
            // Two votes sent at once must not both pass the allowance check: on PostgreSQL they
            // queue on the workshop's row (SQLite's one write lock already does this).
            try await req.database.sql.raw("SELECT id FROM workshops WHERE id = \(bind: workshopID) FOR UPDATE").run()
        }
        if add {
            guard try await votesLeft(in: workshop, person: me, on: req.database) > 0 else {
                throw AppError.invalid([.init(field: "vote", message: "You have used all \(workshop.votesPerParticipant) of your votes: take one back to vote for this theme")])
            }
            try await req.create(WorkshopVote(workshopID: workshopID, themeID: themeID, personID: me))
        } else {
            guard let vote = try await WorkshopVote.query(on: req.database).filter(\.$theme.$id == themeID).filter(\.$personID == me).first() else {
                throw AppError.invalid([.init(field: "vote", message: "You have no vote on this theme to take back")])
            }
            try await req.delete(vote)
        }
        try await changed(workshopID, on: req.database)
    }

    /// Sets what a theme is about: framework element codes and risk references, comma separated.
    static func setLinks(_ theme: WorkshopTheme, elementCodes: String?, riskReferences: String?, on req: Request) async throws {
        var errors: [FieldError] = []
        let elements = try await Frameworks.elementIDs(fromCodes: elementCodes, field: "elements", errors: &errors, on: req.database)
        var risks: [UUID] = []
        // Only risks the facilitator may see: a link shows the risk's title to everyone at the board.
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        for ref in (riskReferences ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).filter({ !$0.isEmpty }) {
            if let risk = try await Risk.query(on: req.database).filter(\.$reference == ref).first(), let id = risk.id, access.canSee(risk) {
                if !risks.contains(id) { risks.append(id) }
            } else {
                errors.append(.init(field: "risks", message: "No risk you can see has the reference \(ref)"))
            }
        }
        guard errors.isEmpty else { throw AppError.invalid(errors) }
        let themeID = try theme.requireID()
        let existing = try await WorkshopThemeLink.query(on: req.database).filter(\.$theme.$id == themeID).all()
        for link in existing {
            let keep = link.elementID.map(elements.contains) ?? link.$risk.id.map(risks.contains) ?? false
            if !keep { try await req.delete(link) }
        }
        for element in elements where !existing.contains(where: { $0.elementID == element }) {
            try await req.create(WorkshopThemeLink(themeID: themeID, elementID: element))
        }
        for risk in risks where !existing.contains(where: { $0.$risk.id == risk }) {
            try await req.create(WorkshopThemeLink(themeID: themeID, riskID: risk))
        }
        try await changed(theme.$workshop.id, on: req.database)
    }
}

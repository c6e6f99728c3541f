import CapableCore
import Fluent
import Foundation

/// The board as one person sees it: groups, themes with their votes and links, and post-its,
/// with anonymous authors left out. The page, the script's polling and the API all read this.
enum BoardQueries {
    struct Group: Codable, Sendable, Equatable {
        var id: UUID
        var name: String
        var question: String
    }

    struct Link: Codable, Sendable, Equatable {
        enum Kind: String, Codable, Sendable { case element, risk }
        var kind: Kind
        var id: UUID
        /// An element's code or a risk's reference.
        var code: String
        var title: String
    }

    struct Theme: Codable, Sendable, Equatable {
        var id: UUID
        var name: String
        var votes: Int
        var myVotes: Int
        var links: [Link]
    }

    struct Note: Codable, Sendable, Equatable {
        var id: UUID
        var groupId: UUID
        var themeId: UUID?
        var text: String
        /// The author's name, or "Anonymous".
        var author: String
        var anonymous: Bool
        /// Whether the viewer wrote it (so may remove it).
        var mine: Bool
    }

    /// A guest without an account, for whom a facilitator can post.
    struct Guest: Codable, Sendable, Equatable {
        var id: UUID
        var name: String
    }

    struct Model: Codable, Sendable, Equatable {
        var workshopId: UUID
        var votesPerParticipant: Int
        var votesLeft: Int
        var allowAnonymous: Bool
        /// The viewer's breakout group, when they have one.
        var myGroupId: UUID?
        var groups: [Group]
        var guests: [Guest]
        var themes: [Theme]
        var postIts: [Note]
    }

    static func board(_ workshop: Workshop, access: WorkshopAccess, on db: any Database) async throws -> Model {
        let workshopID = try workshop.requireID()
        let me = access.principal.personID
        let groups = try await WorkshopGroup.query(on: db).filter(\.$workshop.$id == workshopID).sort(\.$position).all()
        let themes = try await WorkshopTheme.query(on: db).filter(\.$workshop.$id == workshopID).sort(\.$position).sort(\.$createdAt).all()
        let notes = try await PostIt.query(on: db).filter(\.$workshop.$id == workshopID).sort(\.$createdAt).sort(\.$id).all()
        let votes = try await WorkshopVote.query(on: db).filter(\.$workshop.$id == workshopID).all()
        let links = themes.isEmpty ? [] : try await WorkshopThemeLink.query(on: db).filter(\.$theme.$id ~~ themes.compactMap(\.id)).all()
        let elements = try await Frameworks.latestElements(links.compactMap(\.elementID), on: db)
        let riskIDs = links.compactMap { $0.$risk.id }
        let risks = riskIDs.isEmpty ? [] : try await Risk.query(on: db).filter(\.$id ~~ riskIDs).all()
        let people = try await WorkshopParticipant.query(on: db).filter(\.$workshop.$id == workshopID).all()
        let myGroup = me.flatMap { me in people.first { $0.$person.id == me }?.$group.id }
        let guests = try people.filter { $0.$person.id == nil }.map { Guest(id: try $0.requireID(), name: $0.guestLabel) }
        let used = me.map { person in votes.filter { $0.personID == person }.count } ?? 0
        return Model(
            workshopId: workshopID, votesPerParticipant: workshop.votesPerParticipant,
            votesLeft: me == nil ? 0 : max(0, workshop.votesPerParticipant - used), allowAnonymous: workshop.allowAnonymous, myGroupId: myGroup,
            groups: try groups.map { Group(id: try $0.requireID(), name: $0.name, question: $0.question) },
            guests: guests.sorted { $0.name < $1.name },
            themes: try themes.map { theme in
                let id = try theme.requireID()
                let mine = links.filter { $0.$theme.id == id }
                return Theme(id: id, name: theme.name, votes: votes.filter { $0.$theme.id == id }.count,
                             myVotes: votes.filter { $0.$theme.id == id && $0.personID == me }.count,
                             links: mine.compactMap { link in
                                 if let element = link.elementID, let found = elements[element] {
                                     return Link(kind: .element, id: element, code: found.row.code, title: found.row.title)
                                 }
                                 if let riskID = link.$risk.id, let risk = risks.first(where: { $0.id == riskID }) {
                                     return Link(kind: .risk, id: riskID, code: risk.reference, title: risk.title)
                                 }
                                 return nil
                             }.sorted { ($0.kind.rawValue, $0.code) < ($1.kind.rawValue, $1.code) })
            },
            postIts: try notes.map { note in
                Note(id: try note.requireID(), groupId: note.$group.id, themeId: note.$theme.id, text: note.text,
                     author: note.authorName ?? "Anonymous", anonymous: note.isAnonymous, mine: me != nil && note.authorID == me)
            })
    }
}

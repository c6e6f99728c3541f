import Foundation

/// The workshops area's addresses, reached through `SiteURL.workshops(...)` so links stay typed.
enum WorkshopURL: Sendable, Equatable {
    case home
    case new
    /// The form for a new session in a series.
    case newInSeries(UUID)
    case create
    case workshop(UUID)
    case edit(UUID)
    case participants(UUID)
    case participant(UUID, UUID)
    case groups(UUID)
    case board(UUID)
    case postIts(UUID)
    case movePostIt(UUID, UUID)
    case deletePostIt(UUID, UUID)
    case themes(UUID)
    case theme(UUID, UUID)
    case mergeTheme(UUID, UUID)
    case vote(UUID, UUID)
    case themeLinks(UUID, UUID)
    case actions(UUID)
    case writeUp(UUID, print: Bool = false)
    case newSeries
    case series(UUID)
    case createSeries

    var path: String {
        func id(_ value: UUID) -> String { value.uuidString.lowercased() }
        switch self {
        case .home: return "/workshops"
        case .new: return "/workshops/new"
        case .newInSeries(let s): return "/workshops/new?series=\(id(s))"
        case .create: return "/workshops"
        case .workshop(let w): return "/workshops/\(id(w))"
        case .edit(let w): return "/workshops/\(id(w))/edit"
        case .participants(let w): return "/workshops/\(id(w))/participants"
        case .participant(let w, let p): return "/workshops/\(id(w))/participants/\(id(p))"
        case .groups(let w): return "/workshops/\(id(w))/groups"
        case .board(let w): return "/workshops/\(id(w))/board"
        case .postIts(let w): return "/workshops/\(id(w))/post-its"
        case .movePostIt(let w, let p): return "/workshops/\(id(w))/post-its/\(id(p))/move"
        case .deletePostIt(let w, let p): return "/workshops/\(id(w))/post-its/\(id(p))/delete"
        case .themes(let w): return "/workshops/\(id(w))/themes"
        case .theme(let w, let t): return "/workshops/\(id(w))/themes/\(id(t))"
        case .mergeTheme(let w, let t): return "/workshops/\(id(w))/themes/\(id(t))/merge"
        case .vote(let w, let t): return "/workshops/\(id(w))/themes/\(id(t))/votes"
        case .themeLinks(let w, let t): return "/workshops/\(id(w))/themes/\(id(t))/links"
        case .actions(let w): return "/workshops/\(id(w))/actions"
        case .writeUp(let w, let print): return "/workshops/\(id(w))/write-up" + (print ? "?print=1" : "")
        case .newSeries: return "/workshops/series/new"
        case .series(let s): return "/workshops/series/\(id(s))"
        case .createSeries: return "/workshops/series"
        }
    }
}

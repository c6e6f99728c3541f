import Foundation

/// Pulse survey addresses, reached through `SiteURL.surveys(...)`.
enum SurveyURL: Sendable, Equatable {
    case home
    case new
    case survey(UUID)
    case responses(UUID)
    case results(UUID)
    case close(UUID)

    var path: String {
        func id(_ value: UUID) -> String { value.uuidString.lowercased() }
        switch self {
        case .home, .new: return self == .home ? "/surveys" : "/surveys/new"
        case .survey(let s): return "/surveys/\(id(s))"
        case .responses(let s): return "/surveys/\(id(s))/responses"
        case .results(let s): return "/surveys/\(id(s))/results"
        case .close(let s): return "/surveys/\(id(s))/close"
        }
    }
}

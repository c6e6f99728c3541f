import Vapor

/// The errors a handler throws on purpose. Each maps to one status and one plain message that
/// is safe to show; anything else thrown becomes a 500 whose details go only to the log.
enum AppError: Error, Sendable {
    case badRequest(String)
    case notSignedIn
    case forbidden
    case notFound
    case tooManyRequests(retryAfter: Int)
    case csrfRejected
    /// A write was refused because of what was sent; `fields` names each bad field.
    case invalid([FieldError])
    case conflict(String)

    var status: HTTPResponseStatus {
        switch self {
        case .badRequest, .invalid: .badRequest
        case .notSignedIn: .unauthorized
        case .forbidden, .csrfRejected: .forbidden
        case .notFound: .notFound
        case .tooManyRequests: .tooManyRequests
        case .conflict: .conflict
        }
    }

    var message: String {
        switch self {
        case .badRequest(let text), .conflict(let text): text
        case .notSignedIn: "You need to sign in to see this page."
        case .forbidden: "You do not have permission to see this page or make this change."
        case .notFound: "Page not found. If you typed the address, check it is correct."
        case .tooManyRequests(let seconds): "Too many attempts. Try again in \(Self.describe(seconds: seconds))."
        case .csrfRejected: "This form has expired or did not come from Capable. Go back, reload the page and try again."
        case .invalid(let fields): fields.map(\.message).joined(separator: "; ")
        }
    }

    static func describe(seconds: Int) -> String {
        seconds < 60 ? "\(seconds) seconds" : "\(Int((Double(seconds) / 60).rounded(.up))) minutes"
    }
}

/// One field's problem, named as the form and the API name it.
struct FieldError: Codable, Sendable, Equatable {
    var field: String
    var message: String
}

/// Field errors as an `Error`, so a validation `Result` can carry them to a page or the API.
struct FieldErrors: Error, Sendable {
    var errors: [FieldError]
    init(_ errors: [FieldError]) { self.errors = errors }
}

import Fluent
import Plot
import Vapor

/// Turns every error into a plain page (or, under /api/, an RFC 9457 problem document) that
/// says what went wrong in words and never shows internals. Refusals are audited here, after
/// the request's own transaction has rolled back, so the record of them survives.
struct AppErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            return await handle(error, for: request)
        }
    }

    private func handle(_ error: any Error, for request: Request) async -> Response {
        let (status, message, fields) = Self.describe(error, logger: request.logger)
        if status == .forbidden {
            let action = (error as? AppError).map { if case .csrfRejected = $0 { "csrf_rejected" } else { "denied" } } ?? "denied"
            let routePattern = request.route.map { "\($0.method) /\($0.path.map(\.description).joined(separator: "/"))" }
            do {
                try await Audit.append(action, entity: "route", id: routePattern, context: request.auditContext, on: request.db)
            } catch {
                request.logger.error("could not audit a refusal: \(String(reflecting: error))")
            }
        }
        if status == .unauthorized, !isAPI(request), request.method == .GET {
            let next = request.url.path + (request.url.query.map { "?\($0)" } ?? "")
            var components = URLComponents()
            components.path = SiteURL.login.path
            components.queryItems = [URLQueryItem(name: "next", value: next)]
            return request.redirect(to: components.string ?? SiteURL.login.path, redirectType: .normal)
        }
        let response: Response
        if isAPI(request) {
            response = Problem(title: status.reasonPhrase, status: Int(status.code), detail: message,
                               instance: request.url.path, errors: fields.isEmpty ? nil : fields).response(for: request)
        } else {
            response = ErrorPage.view(status: status, message: message, context: PageContext(request)).response(status: status)
        }
        if case .tooManyRequests(let seconds) = error as? AppError {
            response.headers.replaceOrAdd(name: .retryAfter, value: String(seconds))
        }
        return response
    }

    private func isAPI(_ request: Request) -> Bool { request.url.path.hasPrefix("/api/") }

    static func describe(_ error: any Error, logger: Logger) -> (HTTPResponseStatus, String, [FieldError]) {
        switch error {
        case let error as AppError:
            if case .invalid(let fields) = error { return (error.status, "Some of what was sent is not valid.", fields) }
            return (error.status, error.message, [])
        case let error as any AbortError:
            let status = error.status
            switch status {
            case .notFound: return (status, AppError.notFound.message, [])
            case .payloadTooLarge: return (status, "What was sent is too large.", [])
            case .unsupportedMediaType: return (status, "What was sent is not in a format Capable accepts.", [])
            case .methodNotAllowed: return (status, "That action is not available here.", [])
            default:
                if status.code >= 500 { logger.error("\(String(reflecting: error))") }
                return (status, status.code < 500 ? "The request could not be understood." : "Something went wrong. Try again later.", [])
            }
        case is DecodingError:
            return (.badRequest, "The request could not be understood: a field is missing or has the wrong type.", [])
        default:
            // Details go to the log only (no request bodies, so no personal data), never to the page.
            logger.error("unhandled error: \(String(reflecting: error))")
            return (.internalServerError, "Something went wrong. Try again later.", [])
        }
    }
}

/// The page shown for 400, 401, 403, 404, 429 and 500.
enum ErrorPage {
    static func view(status: HTTPResponseStatus, message: String, context: PageContext) -> HTML {
        let title = switch status.code {
        case 401: "Sign in needed"
        case 403: "You cannot do that"
        case 404: "Page not found"
        case 413: "Too large"
        case 429: "Too many attempts"
        case 400..<500: "There is a problem"
        default: "Sorry, there is a problem with the service"
        }
        return Layout.page(PageFrame(title: title), context: context,
            Components.heading(title),
            Components.paragraph(message),
            H.el("p", H.cls("govuk-body"), H.link("Go to the start page", to: .home))
        )
    }
}

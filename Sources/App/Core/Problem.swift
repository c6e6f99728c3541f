import Vapor

/// An RFC 9457 problem document, the body of every API error.
struct Problem: Content {
    var type: String = "about:blank"
    var title: String
    var status: Int
    var detail: String?
    var instance: String?
    /// Extension member: each field that was wrong and why.
    var errors: [FieldError]?

    static let mediaType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])

    func response(for req: Request) -> Response {
        let response = Response(status: HTTPResponseStatus(statusCode: status))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        response.body = .init(data: (try? encoder.encode(self)) ?? Data())
        response.headers.contentType = Self.mediaType
        return response
    }
}

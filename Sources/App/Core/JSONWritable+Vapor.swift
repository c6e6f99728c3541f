import CapableCore
import Vapor

extension JSONWritable {
    /// This value as a JSON response, written by `JSONWriter` rather than `JSONEncoder`.
    func jsonResponse(status: HTTPStatus = .ok, capacity: Int = 16 * 1024) -> Response {
        var writer = JSONWriter(capacity: capacity)
        write(to: &writer)
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: status, headers: headers, body: .init(buffer: ByteBuffer(bytes: writer.bytes)))
    }
}

extension PeopleAPI.Page: JSONWritable where Item: JSONWritable {
    func write(to writer: inout JSONWriter) {
        writer.object { json in
            json.field("items", items)
            json.field("page", page)
            json.field("perPage", perPage)
            json.field("hasNext", hasNext)
        }
    }
}

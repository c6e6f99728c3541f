import CapableCore
import Foundation
import SQLKit

extension SQLRow {
    /// A column's value, for rows read by hand: on the busiest lists, decoding a row through
    /// `Decodable` cost more than the query (a keyed container per row, three lookups for each
    /// optional column).
    func column<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T {
        try decode(column: name, as: T.self)
    }

    /// A column that may be NULL.
    func optionalColumn<T: Decodable>(_ name: String, as type: T.Type = T.self) throws -> T? {
        try decodeNil(column: name) ? nil : decode(column: name, as: T.self)
    }

    /// An identifier. SQLite keeps them as text, which `UUID`'s own decoding parses slowly (and
    /// by way of a decoder object per value); PostgreSQL's are read as text too, then parsed.
    func column(_ name: String, as type: UUID.Type = UUID.self) throws -> UUID {
        if let text = try? decode(column: name, as: String.self), let id = UUID.parse(text) { return id }
        return try decode(column: name, as: UUID.self)
    }

    func optionalColumn(_ name: String, as type: UUID.Type = UUID.self) throws -> UUID? {
        try decodeNil(column: name) ? nil : column(name, as: UUID.self)
    }
}

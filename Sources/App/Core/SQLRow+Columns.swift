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
}

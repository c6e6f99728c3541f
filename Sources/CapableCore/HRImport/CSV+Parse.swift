import Foundation

extension CSV {
    /// Reads RFC 4180 CSV: fields in double quotes may hold commas, `""` for a quote, and CR, LF or
    /// CRLF line breaks; records may end with CR, LF or CRLF. A UTF-8 byte-order mark is dropped
    /// (Excel writes one), and blank lines at the end of the file are ignored.
    ///
    /// Leniencies, because real exports have them: a `"` inside an unquoted field is kept as a
    /// character, and text after a closing quote (`"Smith" Jr`) is kept as part of the cell.
    public static func parse(_ data: Data) throws(CSVError) -> CSVTable {
        var parser = CSVParser(bytes: [UInt8](data))
        var records = try parser.records()
        while let last = records.last, last.cells == [""] {
            records.removeLast()
        }
        guard let first = records.first else { throw .empty }
        let header = first.cells.map { $0.trimmingCharacters(in: .whitespaces) }
        return CSVTable(header: header, rows: Array(records.dropFirst()))
    }
}

/// A single pass over the bytes. Working on bytes rather than Characters keeps CR LF two separate
/// bytes and makes 30,000 rows quick; each cell is checked as UTF-8 when it is turned into a String.
struct CSVParser {
    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
        }
    }

    mutating func records() throws(CSVError) -> [CSVRow] {
        var rows: [CSVRow] = []
        while index < bytes.count {
            let start = line
            var cells: [String] = []
            while true {
                cells.append(try field())
                guard index < bytes.count else { break }
                if bytes[index] == Self.comma {
                    index += 1
                } else {
                    endLine()
                    break
                }
            }
            rows.append(CSVRow(line: start, cells: cells))
        }
        return rows
    }

    /// Reads one field and stops at the comma, line break or end that follows it.
    private mutating func field() throws(CSVError) -> String {
        if index < bytes.count, bytes[index] == Self.quote {
            return try quoted()
        }
        let start = index
        try skipToSeparator()
        return try text(bytes[start..<index], line: line)
    }

    private mutating func quoted() throws(CSVError) -> String {
        let opened = line
        index += 1
        var buffer: [UInt8] = []
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            switch byte {
            case Self.quote:
                if index < bytes.count, bytes[index] == Self.quote {
                    buffer.append(Self.quote)
                    index += 1
                } else {
                    let rest = index
                    try skipToSeparator()
                    buffer.append(contentsOf: bytes[rest..<index])
                    return try text(buffer[...], line: opened)
                }
            case 0:
                throw .binary(line: line)
            case Self.cr:
                // CR LF is one line break: count it at the LF.
                if index >= bytes.count || bytes[index] != Self.lf { line += 1 }
                buffer.append(byte)
            case Self.lf:
                line += 1
                buffer.append(byte)
            default:
                buffer.append(byte)
            }
        }
        throw .unclosedQuote(line: opened)
    }

    private mutating func skipToSeparator() throws(CSVError) {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == Self.comma || byte == Self.cr || byte == Self.lf { return }
            if byte == 0 { throw .binary(line: line) }
            index += 1
        }
    }

    private mutating func endLine() {
        if bytes[index] == Self.cr, index + 1 < bytes.count, bytes[index + 1] == Self.lf {
            index += 2
        } else {
            index += 1
        }
        line += 1
    }

    private func text(_ slice: ArraySlice<UInt8>, line: Int) throws(CSVError) -> String {
        // Decoding swaps bad bytes for U+FFFD, so valid UTF-8 is exactly the text that round-trips.
        // (String(validating:as:) would say it directly but needs macOS 15; we support 13.)
        let text = String(decoding: slice, as: UTF8.self)
        guard text.utf8.elementsEqual(slice) else { throw .notUTF8(line: line) }
        return text
    }
}

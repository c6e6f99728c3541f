import Foundation

/// Comma-separated values as RFC 4180 describes them: the HR system exports we import, and the
/// tables we export for spreadsheets.
public enum CSV {
    /// Writes RFC 4180 CSV with CRLF after every record (the header too), putting a cell in double
    /// quotes when it holds a comma, a double quote, CR or LF.
    ///
    /// Every cell first passes through ``neutraliseFormula(_:)``, because these files are opened in
    /// spreadsheets and a cell such as `=HYPERLINK(...)` would otherwise run as a formula.
    ///
    /// `neutralise: false` keeps cells exactly as they are, for a copy Capable itself will read
    /// back (an uploaded import kept for its dry run), never for a file a person will open.
    public static func write(header: [String], rows: [[String]], neutralise: Bool = true) -> String {
        var text = record(header, neutralise: neutralise)
        for row in rows {
            text += record(row, neutralise: neutralise)
        }
        return text
    }

    /// Prefixes `'` to a cell that begins with `=`, `+`, `-`, `@`, a tab or CR, so a spreadsheet shows
    /// it as text instead of running it as a formula (CSV injection; OWASP ASVS 1.2.10).
    ///
    /// A negative number such as `-1.5` is prefixed too and arrives in the spreadsheet as the text
    /// `'-1.5`. That is accepted: we cannot tell a number from a formula such as `-1+cmd|...` without
    /// parsing formulas, and a wrong guess is a security hole, not a cosmetic one.
    public static func neutraliseFormula(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, formulaStarts.contains(first) else { return cell }
        return "'" + cell
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Scalars, not Characters: Swift treats CR LF as one Character, which would hide both from a
    /// Character test. A switch, not a Set, because this runs on every character of an export.
    private static func needsQuotes(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", "\"", "\r", "\n": true
        default: false
        }
    }

    private static func record(_ cells: [String], neutralise: Bool) -> String {
        cells.map { encode($0, neutralise: neutralise) }.joined(separator: ",") + "\r\n"
    }

    private static func encode(_ cell: String, neutralise: Bool) -> String {
        let safe = neutralise ? neutraliseFormula(cell) : cell
        guard safe.unicodeScalars.contains(where: needsQuotes) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A parsed CSV file: the first record as the header, then the data records.
public struct CSVTable: Sendable, Equatable {
    /// The first record's cells, with surrounding spaces removed.
    public var header: [String]
    /// The records after the header, in file order, without blank lines at the end of the file.
    public var rows: [CSVRow]

    public init(header: [String], rows: [CSVRow]) {
        self.header = header
        self.rows = rows
    }
}

/// One data record and where it starts in the file, so errors can name the line a person sees in an editor.
public struct CSVRow: Sendable, Equatable {
    /// The 1-based physical line on which the record starts; the header is line 1. A record with a
    /// quoted line break spans several lines, so this can run ahead of the record count.
    public var line: Int
    /// The cells as written, quotes removed and `""` turned into `"`; not trimmed.
    public var cells: [String]

    public init(line: Int, cells: [String]) {
        self.line = line
        self.cells = cells
    }
}

/// Why a file could not be read as CSV. `description` is the message to show the person who uploaded it.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Nothing but a byte-order mark, spaces or line breaks.
    case empty
    /// A NUL byte: a spreadsheet, a PDF, an image or a UTF-16 file rather than CSV text.
    case binary(line: Int)
    /// Bytes that are not UTF-8, typically Excel's "CSV (Comma delimited)" saved in Windows-1252.
    case notUTF8(line: Int)
    /// A field opened with `"` on this line is never closed, so the rest of the file would be one cell.
    case unclosedQuote(line: Int)

    /// The line the problem was found on, when there is one.
    public var line: Int? {
        switch self {
        case .empty: nil
        case .binary(let line), .notUTF8(let line), .unclosedQuote(let line): line
        }
    }

    public var description: String {
        switch self {
        case .empty:
            "The file is empty"
        case .binary(let line):
            "The file is not a CSV text file (line \(line) holds a NUL byte; is it a spreadsheet or a UTF-16 file?)"
        case .notUTF8(let line):
            "The file is not a CSV text file (line \(line) is not UTF-8 text; in Excel save as \"CSV UTF-8 (Comma delimited)\")"
        case .unclosedQuote(let line):
            "line \(line): a quoted field is not closed"
        }
    }
}

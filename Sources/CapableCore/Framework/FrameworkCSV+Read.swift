import Foundation

extension FrameworkCSV {
    /// Reads the top-level elements, with everything under them, from CSV written by `write(_:)`
    /// or by hand. Every row is checked before anything is built.
    /// - Throws: every problem, each naming its line (the header is line 1).
    public static func elements(fromCSV data: Data) throws(FrameworkCSVError) -> [FrameworkDocument.Element] {
        var reader = FrameworkCSVReader()
        return try reader.read(data)
    }

    /// A framework with `framework`'s own fields and the elements read from the CSV, validated whole.
    /// - Throws: every problem with the rows, by line, then any with the framework as a whole.
    public static func document(fromCSV data: Data, framework: FrameworkDocument) throws(FrameworkCSVError) -> FrameworkDocument {
        var document = framework
        document.elements = try elements(fromCSV: data)
        let problems = FrameworkDocument.validate(document)
        guard problems.isEmpty else { throw FrameworkCSVError(lines: [], framework: problems) }
        return document
    }
}

/// One pass over the rows, collecting problems, then the tree built from the parent codes.
struct FrameworkCSVReader {
    typealias Element = FrameworkDocument.Element

    /// A row as read: its element is nil when the row had a problem, but its code and kind still
    /// count, so its children are not reported a second time for a parent that seems to be missing.
    struct Row {
        var line: Int
        var code: String
        var parentCode: String
        var kind: Element.Kind?
        var element: Element?
    }

    var problems: [ImportError] = []
    var rows: [Row] = []

    mutating func read(_ data: Data) throws(FrameworkCSVError) -> [Element] {
        let table: CSVTable
        do {
            table = try CSV.parse(data)
        } catch {
            let message = if case .unclosedQuote = error { "a quoted field is not closed" } else { error.description }
            throw FrameworkCSVError(lines: [ImportError(line: error.line ?? 1, column: nil, message: message)])
        }
        let columns = readHeader(table.header)
        guard problems.isEmpty else { throw FrameworkCSVError(lines: problems) }
        var ids: [UUID: Int] = [:], codes: [String: Int] = [:]
        for row in table.rows {
            readRow(row, columns, width: table.header.count, ids: &ids, codes: &codes)
        }
        let parents = resolveParents(codes)
        // By line, keeping the order found within a line.
        let sorted = problems.enumerated().sorted { ($0.element.line, $0.offset) < ($1.element.line, $1.offset) }.map(\.element)
        guard problems.isEmpty else { throw FrameworkCSVError(lines: sorted) }
        let elements = build(parents)
        // Everything validation checks per element is checked above by line; this only catches what
        // a future rule adds, so nothing slips through unreported.
        let check = FrameworkDocument(id: UUID(), title: "CSV", description: "", owner: "", kind: .custom,
                                      status: .draft, version: 1, source: "", elements: elements)
        let left = FrameworkDocument.validate(check)
        guard left.isEmpty else { throw FrameworkCSVError(lines: [], framework: left) }
        return elements
    }

    private func problem(_ line: Int, _ column: String?, _ message: String) -> ImportError {
        ImportError(line: line, column: nil, header: column, message: message)
    }

    private mutating func readHeader(_ header: [String]) -> [String: Int] {
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            let key = name.lowercased()
            if !FrameworkCSV.header.contains(key) {
                problems.append(problem(1, nil, "the column “\(name)” is not one Capable reads (expected \(FrameworkCSV.header.joined(separator: ", ")))"))
            } else if columns[key] != nil {
                problems.append(problem(1, nil, "the column “\(name)” appears more than once"))
            } else {
                columns[key] = index
            }
        }
        for name in FrameworkCSV.requiredColumns where columns[name] == nil {
            problems.append(problem(1, nil, "the header has no “\(name)” column"))
        }
        return columns
    }

    private mutating func readRow(_ row: CSVRow, _ columns: [String: Int], width: Int,
                                  ids: inout [UUID: Int], codes: inout [String: Int]) {
        let line = row.line
        func cell(_ name: String) -> String {
            guard let index = columns[name], index < row.cells.count else { return "" }
            return FrameworkCSV.unprotect(row.cells[index])
        }
        func trimmed(_ name: String) -> String { cell(name).trimmingCharacters(in: .whitespaces) }
        let before = problems.count
        if row.cells.count > width, row.cells[width...].contains(where: { !$0.isEmpty }) {
            problems.append(problem(line, nil, "the row has \(row.cells.count) cells but the header has \(width)"))
        }

        var id = UUID()
        let idText = trimmed("element_id")
        if let given = UUID(uuidString: idText) {
            id = given
            if let other = ids[given] {
                problems.append(problem(line, "element_id", "the id \(idText) is also used on line \(other)"))
            } else {
                ids[given] = line
            }
        } else if !idText.isEmpty {
            problems.append(problem(line, "element_id", "“\(idText)” is not a UUID (leave it empty for a new element)"))
        }

        let code = trimmed("code")
        if code.isEmpty {
            problems.append(problem(line, "code", "the code is empty"))
        } else if code.count > FrameworkDocument.maxCodeLength || code.contains(where: { $0.isWhitespace || $0 == "," }) {
            problems.append(problem(line, "code", "the code \(code) must be \(FrameworkDocument.maxCodeLength) characters or fewer, without spaces or commas"))
        } else if let other = codes[code.lowercased()] {
            problems.append(problem(line, "code", "the code \(code) is also used on line \(rows[other].line)"))
        } else {
            codes[code.lowercased()] = rows.count
        }

        let kindText = trimmed("kind")
        let kind = Element.Kind.allCases.first { $0.rawValue.lowercased() == kindText.lowercased() }
        if kind == nil {
            let expected = Element.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(problem(line, "kind", kindText.isEmpty ? "the kind is empty (expected \(expected))" : "“\(kindText)” is not a kind (expected \(expected))"))
        }
        let audienceText = trimmed("audience")
        let audience = audienceText.isEmpty ? .allStaff : Element.Audience.allCases.first { $0.rawValue.lowercased() == audienceText.lowercased() }
        if audience == nil {
            let expected = Element.Audience.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(problem(line, "audience", "“\(audienceText)” is not an audience (expected \(expected), or empty for allStaff)"))
        }
        for name in ["title", "statement"] where trimmed(name).isEmpty {
            problems.append(problem(line, name, "the \(name) is empty"))
        }

        var links: [FrameworkDocument.Link] = []
        for text in Self.lines(cell("links")) {
            if let link = Self.link(text) {
                if link.elementID == id {
                    problems.append(problem(line, "links", "the element links to itself"))
                } else {
                    links.append(link)
                }
            } else {
                problems.append(problem(line, "links", "“\(text)” is not a link (write “supports organisational:Name” or “relatedTo <element id>”, one per line)"))
            }
        }
        let indicators = Self.lines(cell("looks_like")).map { FrameworkDocument.Indicator(kind: .looksLike, text: $0) }
            + Self.lines(cell("does_not_look_like")).map { FrameworkDocument.Indicator(kind: .doesNotLookLike, text: $0) }

        var row = Row(line: line, code: code, parentCode: trimmed("parent_code"), kind: kind)
        if problems.count == before, let kind, let audience {
            let optional = { (name: String) -> String? in let text = cell(name); return text.isEmpty ? nil : text }
            row.element = Element(
                id: id, code: code, kind: kind, title: cell("title"), statement: cell("statement"), audience: audience,
                whyItMatters: optional("why_it_matters"), whatItMeansForMe: optional("what_it_means_for_me"),
                indicators: indicators, links: links)
        }
        rows.append(row)
    }

    /// The non-blank lines of a cell; a cell written with CR LF inside reads the same.
    static func lines(_ cell: String) -> [String] {
        cell.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }

    /// "supports organisational:Name" or "relatedTo <uuid>"; nil when it is neither.
    static func link(_ text: String) -> FrameworkDocument.Link? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(where: \.isWhitespace),
              let type = FrameworkDocument.Link.LinkType(rawValue: String(trimmed[..<space])) else { return nil }
        let link = FrameworkDocument.Link(type: type, target: trimmed[space...].trimmingCharacters(in: .whitespaces))
        let named = !(link.organisationalCapability ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        return link.elementID != nil || named ? link : nil
    }
}

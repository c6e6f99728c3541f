import Foundation

/// A small Markdown reader that produces a syntax tree, never HTML.
///
/// The tree holds only what the app can render safely: raw HTML in the source stays literal text
/// (the renderer escapes it), images become their alt text, and links survive only when
/// ``safeURL(_:)`` accepts them. It covers the everyday CommonMark subset; anything it does not
/// recognise is kept as text, and no input makes it fail.
public enum Markdown {
    /// Inline content of a paragraph or heading.
    public indirect enum Inline: Sendable, Equatable {
        /// Literal text; a soft line break appears as a single space, and adjacent runs are merged.
        case text(String)
        /// `*x*` or `_x_`.
        case emphasis([Inline])
        /// `**x**` or `__x__`.
        case strong([Inline])
        /// `` `x` ``.
        case code(String)
        /// `[text](url)` or an autolink `<https://…>`; `url` has already passed ``safeURL(_:)``.
        case link(text: [Inline], url: String)
        /// A line ending in two spaces or a backslash.
        case lineBreak
    }

    /// A block of a document.
    public enum Block: Sendable, Equatable {
        /// `#` to `######`, or a line underlined with `===` (1) or `---` (2).
        case heading(level: Int, [Inline])
        /// Consecutive lines of text, up to a blank line or another block.
        case paragraph([Inline])
        /// Lines starting with `>`.
        case quote([Block])
        /// Items marked `-`, `*` or `+`; each item is its own list of blocks.
        case bulletList([[Block]])
        /// Items marked `1.` or `1)`, numbered from `start`.
        case orderedList(start: Int, [[Block]])
        /// A fenced or indented code block, verbatim, without a trailing newline.
        case code(String)
        /// `---`, `***` or `___`.
        case rule
    }

    /// Quotes and lists nested deeper than this are read as plain text, so hostile input cannot exhaust the stack.
    static let maximumBlockDepth = 16
    /// Emphasis nested deeper than this keeps its markers as text, for the same reason.
    static let maximumInlineDepth = 32

    /// The blocks of `source`. Never fails: whatever is not Markdown syntax is kept as text.
    public static func parse(_ source: String) -> [Block] {
        // CommonMark replaces NUL, which browsers and databases handle badly.
        let scalars = source.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : $0 }
        let cleaned = String(String.UnicodeScalarView(scalars))
        let lines = cleaned.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        return BlockParser.blocks(lines.map(String.init), depth: 0)
    }

    /// `raw` cleaned up when it is safe to link to, otherwise nil.
    ///
    /// Safe means an `http`, `https` or `mailto` scheme, or a link within the site starting with `/`
    /// (but not `//`, which names another host) or `#`. The scheme is compared against that
    /// allowlist only after removing control characters, which browsers ignore, so `java\tscript:`
    /// is refused; anything else in front of the colon, such as an entity (`&#106;avascript:`),
    /// simply fails to match.
    public static func safeURL(_ raw: String) -> String? {
        let visible = raw.unicodeScalars.filter { !($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
        let url = String(String.UnicodeScalarView(visible)).trimmingCharacters(in: .whitespacesAndNewlines)
        if url.hasPrefix("#") { return url }
        if url.hasPrefix("/") {
            // Browsers read "/\" like "//", a link to another host.
            let second = url.dropFirst().first
            return second == "/" || second == "\\" ? nil : url
        }
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard scheme.allSatisfy(\.isASCII) else { return nil }
        return ["http", "https", "mailto"].contains(scheme.lowercased()) ? url : nil
    }

    /// The plain text of `inlines`, with line breaks as spaces (for heading ids, summaries and tests).
    public static func plainText(_ inlines: [Inline]) -> String {
        var text = ""
        appendPlainText(inlines, to: &text)
        return text
    }

    private static func appendPlainText(_ inlines: [Inline], to text: inout String) {
        for inline in inlines {
            switch inline {
            case .text(let string), .code(let string): text += string
            case .emphasis(let children), .strong(let children), .link(let children, _):
                appendPlainText(children, to: &text)
            case .lineBreak: text += " "
            }
        }
    }

    /// `text` without leading and trailing spaces and tabs (but not other Unicode spaces, which are content).
    static func trimmingSpaces(_ text: Substring) -> Substring {
        guard let first = text.firstIndex(where: { !isSpaceOrTab($0) }),
              let last = text.lastIndex(where: { !isSpaceOrTab($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    static func isSpaceOrTab(_ character: Character) -> Bool { character == " " || character == "\t" }
}

// MARK: - Blocks

/// Reads the lines of one container: the document, a quote or a list item.
/// Containers strip their markers and hand their lines to a new parser one level deeper.
private struct BlockParser {
    private let lines: [String]
    private let depth: Int
    private var index = 0

    static func blocks(_ lines: [String], depth: Int) -> [Markdown.Block] {
        var parser = BlockParser(lines: lines.map(expandingLeadingTabs), depth: depth)
        return parser.run()
    }

    private init(lines: [String], depth: Int) {
        self.lines = lines
        self.depth = depth
    }

    private var containersAllowed: Bool { depth < Markdown.maximumBlockDepth }

    private mutating func run() -> [Markdown.Block] {
        var blocks: [Markdown.Block] = []
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) {
                index += 1
            } else if indentation(line) >= 4 {
                blocks.append(indentedCode())
            } else if let fence = Fence(opening: line) {
                blocks.append(fencedCode(fence))
            } else if let heading = atxHeading(line) {
                blocks.append(.heading(level: heading.level, Markdown.inlines(heading.text)))
                index += 1
            } else if isRule(line) {
                blocks.append(.rule)
                index += 1
            } else if containersAllowed, quoteContent(line) != nil {
                blocks.append(quote())
            } else if containersAllowed, let marker = ListMarker(line) {
                blocks.append(list(marker))
            } else {
                blocks.append(paragraph())
            }
        }
        return blocks
    }

    private mutating func indentedCode() -> Markdown.Block {
        var body: [String] = []
        while index < lines.count, isBlank(lines[index]) || indentation(lines[index]) >= 4 {
            body.append(String(lines[index].dropFirst(min(4, indentation(lines[index])))))
            index += 1
        }
        while let last = body.last, isBlank(last) { body.removeLast() }
        return .code(body.joined(separator: "\n"))
    }

    /// An unclosed fence runs to the end of its container, as in CommonMark.
    private mutating func fencedCode(_ fence: Fence) -> Markdown.Block {
        var body: [String] = []
        index += 1
        while index < lines.count {
            let line = lines[index]
            index += 1
            if fence.closes(line) { break }
            body.append(String(line.dropFirst(min(fence.indent, indentation(line)))))
        }
        return .code(body.joined(separator: "\n"))
    }

    private mutating func quote() -> Markdown.Block {
        var inner: [String] = []
        var fence: Fence?
        while index < lines.count {
            let line = lines[index]
            if let content = quoteContent(line) {
                inner.append(content)
            } else if fence == nil, let last = inner.last, continuesLazily(line, after: last) {
                inner.append(line)
            } else {
                break
            }
            fence = tracking(fence, inner.last ?? "")
            index += 1
        }
        return .quote(BlockParser.blocks(inner, depth: depth + 1))
    }

    private mutating func list(_ first: ListMarker) -> Markdown.Block {
        var items: [[Markdown.Block]] = []
        var marker = first
        while true {
            index += 1
            var body = [marker.content]
            var fence = Fence(opening: marker.content)
            while index < lines.count {
                let line = lines[index]
                if isBlank(line) {
                    // An item may begin with at most one blank line.
                    if marker.isEmpty && body.allSatisfy(isBlank) { break }
                    body.append(String(line.dropFirst(min(marker.contentOffset, indentation(line)))))
                } else if indentation(line) >= marker.contentOffset {
                    body.append(String(line.dropFirst(marker.contentOffset)))
                } else if fence == nil, let last = body.last, continuesLazily(line, after: last) {
                    body.append(line)
                } else {
                    break
                }
                fence = tracking(fence, body.last ?? "")
                index += 1
            }
            while let last = body.last, isBlank(last) { body.removeLast() }
            items.append(BlockParser.blocks(body, depth: depth + 1))
            guard index < lines.count, !isRule(lines[index]), let next = ListMarker(lines[index]),
                  next.ordered == first.ordered, next.symbol == first.symbol
            else { break }
            marker = next
        }
        return first.ordered ? .orderedList(start: first.start, items) : .bulletList(items)
    }

    private mutating func paragraph() -> Markdown.Block {
        var text = [lines[index].drop(while: Markdown.isSpaceOrTab)]
        index += 1
        while index < lines.count {
            let line = lines[index]
            if isBlank(line) { break }
            if let level = setextLevel(line) {
                index += 1
                return .heading(level: level, Markdown.inlines(text.joined(separator: "\n")[...]))
            }
            if interruptsParagraph(line) { break }
            text.append(line.drop(while: Markdown.isSpaceOrTab))
            index += 1
        }
        return .paragraph(Markdown.inlines(text.joined(separator: "\n")[...]))
    }

    private func interruptsParagraph(_ line: String) -> Bool {
        if Fence(opening: line) != nil || atxHeading(line) != nil || isRule(line) { return true }
        guard containersAllowed else { return false }
        if quoteContent(line) != nil { return true }
        // Only a list that plainly starts one may interrupt, so "in\n2024. we met" stays a paragraph.
        if let marker = ListMarker(line) { return !marker.isEmpty && (!marker.ordered || marker.start == 1) }
        return false
    }

    /// A "lazy" line continues the paragraph of an open quote or list item without repeating its marker.
    /// Any list marker ends the container instead, so "3. a\n4. b" is two items.
    private func continuesLazily(_ line: String, after last: String) -> Bool {
        !isBlank(line) && !isBlank(last) && indentation(last) < 4 && Fence(opening: last) == nil
            && atxHeading(last) == nil && !isRule(last) && !interruptsParagraph(line)
            && !(containersAllowed && ListMarker(line) != nil)
    }

    /// The open fence after `line`, so that lazy lines are not pulled into a code block.
    private func tracking(_ fence: Fence?, _ line: String) -> Fence? {
        if let fence { return fence.closes(line) ? nil : fence }
        return Fence(opening: line)
    }
}

private struct Fence {
    let marker: Character
    let length: Int
    let indent: Int

    init?(opening line: String) {
        indent = indentation(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
        length = rest.prefix { $0 == marker }.count
        // "```x`" is inline code, not a fence.
        guard length >= 3, marker == "~" || !rest.dropFirst(length).contains("`") else { return nil }
        self.marker = marker
    }

    func closes(_ line: String) -> Bool {
        let indent = indentation(line)
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == marker }.count
        return run >= length && isBlank(rest.dropFirst(run))
    }
}

private struct ListMarker {
    let ordered: Bool
    /// The bullet, or the "." or ")" after the number; a different one starts a new list.
    let symbol: Character
    let start: Int
    /// How far a following line must be indented to belong to the item.
    let contentOffset: Int
    let content: String

    var isEmpty: Bool { isBlank(content) }

    init?(_ line: String) {
        let indent = indentation(line)
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let first = rest.first else { return nil }
        let width: Int
        if first == "-" || first == "*" || first == "+" {
            ordered = false
            symbol = first
            start = 1
            width = 1
        } else {
            let digits = rest.prefix { $0.asciiValue.map { (48...57).contains($0) } ?? false }
            // Nine digits at most, as in CommonMark, keeps the number well inside Int.
            guard (1...9).contains(digits.count), let delimiter = rest.dropFirst(digits.count).first,
                  delimiter == "." || delimiter == ")", let number = Int(digits)
            else { return nil }
            ordered = true
            symbol = delimiter
            start = number
            width = digits.count + 1
        }
        let after = rest.dropFirst(width)
        if isBlank(after) {
            contentOffset = indent + width + 1
            content = ""
            return
        }
        guard let gap = after.first, Markdown.isSpaceOrTab(gap) else { return nil }
        let spaces = after.prefix(while: Markdown.isSpaceOrTab).count
        // Five or more spaces start the item with indented code, which keeps all but one of them.
        let used = spaces >= 5 ? 1 : spaces
        contentOffset = indent + width + used
        content = String(after.dropFirst(used))
    }
}

private func indentation(_ line: some StringProtocol) -> Int { line.prefix { $0 == " " }.count }

private func isBlank(_ line: some StringProtocol) -> Bool { line.allSatisfy(Markdown.isSpaceOrTab) }

/// Leading tabs become spaces up to the next multiple of four, so indentation can be counted in spaces.
private func expandingLeadingTabs(_ line: String) -> String {
    var columns = 0
    var rest = line[...]
    var sawTab = false
    while let character = rest.first, Markdown.isSpaceOrTab(character) {
        if character == "\t" {
            columns += 4 - columns % 4
            sawTab = true
        } else {
            columns += 1
        }
        rest = rest.dropFirst()
    }
    return sawTab ? String(repeating: " ", count: columns) + rest : line
}

private func atxHeading(_ line: String) -> (level: Int, text: Substring)? {
    let indent = indentation(line)
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    let level = rest.prefix { $0 == "#" }.count
    guard (1...6).contains(level) else { return nil }
    let after = rest.dropFirst(level)
    guard after.isEmpty || after.first.map(Markdown.isSpaceOrTab) == true else { return nil }
    let text = Markdown.trimmingSpaces(after)
    // A closing run of "#" is decoration, but only when a space separates it from the text ("C#" stays).
    guard let lastKept = text.lastIndex(where: { $0 != "#" }) else { return (level, text[text.endIndex...]) }
    if Markdown.isSpaceOrTab(text[lastKept]) { return (level, Markdown.trimmingSpaces(text[...lastKept])) }
    return (level, text)
}

private func isRule(_ line: String) -> Bool {
    let indent = indentation(line)
    guard indent <= 3 else { return false }
    let rest = line.dropFirst(indent)
    guard let marker = rest.first, marker == "-" || marker == "*" || marker == "_" else { return false }
    var count = 0
    for character in rest {
        if character == marker {
            count += 1
        } else if !Markdown.isSpaceOrTab(character) {
            return false
        }
    }
    return count >= 3
}

private func setextLevel(_ line: String) -> Int? {
    guard indentation(line) <= 3 else { return nil }
    let marks = Markdown.trimmingSpaces(line[...])
    guard let first = marks.first, first == "=" || first == "-", marks.allSatisfy({ $0 == first }) else { return nil }
    return first == "=" ? 1 : 2
}

/// The line without its `>` marker (and one following space), or nil when it is not part of a quote.
private func quoteContent(_ line: String) -> String? {
    let indent = indentation(line)
    guard indent <= 3 else { return nil }
    let rest = line.dropFirst(indent)
    guard rest.first == ">" else { return nil }
    let after = rest.dropFirst()
    if after.first == " " { return String(after.dropFirst()) }
    // A tab after ">" reaches the next tab stop; one column of it is the optional space.
    if after.first == "\t" { return "  " + after.dropFirst() }
    return String(after)
}

extension Markdown {
    /// The inlines of one paragraph or heading, whose lines are separated by "\n".
    static func inlines(_ source: Substring) -> [Inline] {
        var parser = InlineParser(trimmingSpaces(source))
        return parser.run()
    }
}

/// A CommonMark-style inline parser in one left-to-right pass.
///
/// Code spans, escapes and autolinks are resolved on the spot. Runs of `*` and `_` and the
/// brackets `[` and `![` wait on stacks until a closer arrives, as in the CommonMark reference
/// algorithm, so that no input needs backtracking. Nodes live in an array linked by index, so
/// wrapping a range in emphasis or a link costs only the nodes it absorbs.
struct InlineParser {
    enum Piece {
        /// Literal text, or the characters of a delimiter run or bracket that may still become syntax.
        case text(String)
        case inlines([Markdown.Inline])
    }

    struct Node {
        var piece: Piece
        /// How deeply the piece nests emphasis and links.
        var depth: Int
        var previous: Int
        var next: Int?
    }

    struct Delimiter {
        let node: Int
        let character: Character
        var count: Int
        let originalCount: Int
        let canOpen: Bool
        let canClose: Bool
        var previous: Int?
        var next: Int?
    }

    struct Bracket {
        let node: Int
        let isImage: Bool
        /// The top of the delimiter stack when the bracket opened: the link's emphasis lies above it.
        let delimiterBottom: Int?
    }

    static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")

    let chars: [Character]
    var position = 0
    /// Node 0 is a sentinel head, so every real node has a predecessor.
    var nodes = [Node(piece: .text(""), depth: 0, previous: 0, next: nil)]
    var tail = 0
    var pending = ""
    /// Delimiter indices grow with position in the text, which the emphasis search relies on.
    var delimiters: [Delimiter] = []
    var delimiterTop: Int?
    var brackets: [Bracket] = []
    /// Brackets below this index cannot start a link: a link closed above them, and links do not nest.
    var activeBracketFloor = 0
    /// Where each run of backticks starts, by length, and how far the scan has used them;
    /// finding a code span's closer is then a lookup rather than a search.
    private var backtickRuns: [Int: [Int]] = [:]
    private var backtickCursors: [Int: Int] = [:]

    init(_ source: Substring) {
        chars = Array(source)
        var index = 0
        while index < chars.count {
            guard chars[index] == "`" else {
                index += 1
                continue
            }
            let start = index
            while index < chars.count, chars[index] == "`" { index += 1 }
            backtickRuns[index - start, default: []].append(start)
        }
    }

    mutating func run() -> [Markdown.Inline] {
        while position < chars.count {
            let character = chars[position]
            switch character {
            case "\\": backslash()
            case "`": codeSpan()
            case "*", "_": delimiterRun(character)
            case "[": openBracket(isImage: false)
            case "!" where position + 1 < chars.count && chars[position + 1] == "[": openBracket(isImage: true)
            case "]": closeBracket()
            case "<": autolink()
            case "\n": lineEnding(hard: false)
            default:
                pending.append(character)
                position += 1
            }
        }
        flush()
        processEmphasis(above: nil)
        return collect(from: nodes[0].next, until: nil).inlines
    }

    // MARK: Scanning

    private mutating func backslash() {
        let next = position + 1 < chars.count ? chars[position + 1] : nil
        if next == "\n" {
            position += 1
            lineEnding(hard: true)
        } else if let next, Self.asciiPunctuation.contains(next) {
            pending.append(next)
            position += 2
        } else {
            pending.append("\\")
            position += 1
        }
    }

    private mutating func lineEnding(hard: Bool) {
        let trailingSpaces = pending.reversed().prefix { $0 == " " }.count
        pending.removeLast(trailingSpaces)
        if hard || trailingSpaces >= 2 {
            append(.inlines([.lineBreak]))
        } else {
            pending.append(" ")
        }
        position += 1
        while position < chars.count, Markdown.isSpaceOrTab(chars[position]) { position += 1 }
    }

    private mutating func codeSpan() {
        let start = position
        while position < chars.count, chars[position] == "`" { position += 1 }
        let length = position - start
        guard let closer = nextBacktickRun(length: length, after: start) else {
            // No closer of the same length: the backticks are literal.
            pending.append(contentsOf: chars[start..<position])
            return
        }
        var code = String(chars[position..<closer].map { $0 == "\n" ? " " : $0 })
        // One space each side is padding, so that "`` `x` ``" can show backticks.
        if code.count >= 2, code.first == " ", code.last == " ", code.contains(where: { $0 != " " }) {
            code = String(code.dropFirst().dropLast())
        }
        append(.inlines([.code(code)]))
        position = closer + length
    }

    private mutating func nextBacktickRun(length: Int, after start: Int) -> Int? {
        guard let runs = backtickRuns[length] else { return nil }
        var cursor = backtickCursors[length, default: 0]
        while cursor < runs.count, runs[cursor] <= start { cursor += 1 }
        backtickCursors[length] = cursor
        return cursor < runs.count ? runs[cursor] : nil
    }

    // MARK: Nodes

    mutating func flush() {
        guard !pending.isEmpty else { return }
        nodes.append(Node(piece: .text(pending), depth: 0, previous: tail, next: nil))
        nodes[tail].next = nodes.count - 1
        tail = nodes.count - 1
        pending = ""
    }

    @discardableResult
    mutating func append(_ piece: Piece, depth: Int = 0) -> Int {
        flush()
        nodes.append(Node(piece: piece, depth: depth, previous: tail, next: nil))
        nodes[tail].next = nodes.count - 1
        tail = nodes.count - 1
        return tail
    }

    mutating func unlinkNode(_ node: Int) {
        let previous = nodes[node].previous
        let next = nodes[node].next
        nodes[previous].next = next
        if let next { nodes[next].previous = previous } else { tail = previous }
    }

    mutating func removeDelimiter(_ index: Int) {
        let previous = delimiters[index].previous
        let next = delimiters[index].next
        if let previous { delimiters[previous].next = next }
        if let next { delimiters[next].previous = previous } else if delimiterTop == index { delimiterTop = previous }
    }

    func collect(from start: Int?, until end: Int?) -> (inlines: [Markdown.Inline], depth: Int) {
        var list = InlineList()
        var depth = 0
        var current = start
        while let index = current, index != end {
            switch nodes[index].piece {
            case .text(let text): list.append(text: text)
            case .inlines(let inlines): inlines.forEach { list.append($0) }
            }
            depth = max(depth, nodes[index].depth)
            current = nodes[index].next
        }
        return (list.finish(), depth)
    }
}

/// Collects inlines, merging adjacent text so that equal documents compare equal.
private struct InlineList {
    private var items: [Markdown.Inline] = []
    private var text = ""

    mutating func append(text more: String) { text += more }

    mutating func append(_ inline: Markdown.Inline) {
        if case .text(let more) = inline {
            text += more
        } else {
            flushText()
            items.append(inline)
        }
    }

    mutating func finish() -> [Markdown.Inline] {
        flushText()
        return items
    }

    private mutating func flushText() {
        guard !text.isEmpty else { return }
        items.append(.text(text))
        text = ""
    }
}

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
private struct InlineParser {
    private enum Piece {
        /// Literal text, or the characters of a delimiter run or bracket that may still become syntax.
        case text(String)
        case inlines([Markdown.Inline])
    }

    private struct Node {
        var piece: Piece
        /// How deeply the piece nests emphasis and links.
        var depth: Int
        var previous: Int
        var next: Int?
    }

    private struct Delimiter {
        let node: Int
        let character: Character
        var count: Int
        let originalCount: Int
        let canOpen: Bool
        let canClose: Bool
        var previous: Int?
        var next: Int?
    }

    private struct Bracket {
        let node: Int
        let isImage: Bool
        /// The top of the delimiter stack when the bracket opened: the link's emphasis lies above it.
        let delimiterBottom: Int?
    }

    private static let asciiPunctuation = Set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
    /// Link destinations and titles are read at most this far, so that many unclosed "[x](" stay linear.
    private static let linkScanLimit = 4096

    private let chars: [Character]
    private var position = 0
    /// Node 0 is a sentinel head, so every real node has a predecessor.
    private var nodes = [Node(piece: .text(""), depth: 0, previous: 0, next: nil)]
    private var tail = 0
    private var pending = ""
    /// Delimiter indices grow with position in the text, which the emphasis search relies on.
    private var delimiters: [Delimiter] = []
    private var delimiterTop: Int?
    private var brackets: [Bracket] = []
    /// Brackets below this index cannot start a link: a link closed above them, and links do not nest.
    private var activeBracketFloor = 0
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

    private mutating func delimiterRun(_ character: Character) {
        let start = position
        while position < chars.count, chars[position] == character { position += 1 }
        let count = position - start
        let before: Character = start > 0 ? chars[start - 1] : " "
        let after: Character = position < chars.count ? chars[position] : " "
        let leftFlanking = !after.isWhitespace
            && (!isPunctuation(after) || before.isWhitespace || isPunctuation(before))
        let rightFlanking = !before.isWhitespace
            && (!isPunctuation(before) || after.isWhitespace || isPunctuation(after))
        let canOpen: Bool
        let canClose: Bool
        if character == "*" {
            canOpen = leftFlanking
            canClose = rightFlanking
        } else {
            // "_" inside a word, as in snake_case, is never emphasis.
            canOpen = leftFlanking && (!rightFlanking || isPunctuation(before))
            canClose = rightFlanking && (!leftFlanking || isPunctuation(after))
        }
        let run = String(repeating: character, count: count)
        guard canOpen || canClose else {
            pending += run
            return
        }
        let node = append(.text(run))
        let index = delimiters.count
        delimiters.append(Delimiter(
            node: node, character: character, count: count, originalCount: count,
            canOpen: canOpen, canClose: canClose, previous: delimiterTop, next: nil
        ))
        if let top = delimiterTop { delimiters[top].next = index }
        delimiterTop = index
    }

    private mutating func openBracket(isImage: Bool) {
        let node = append(.text(isImage ? "![" : "["))
        brackets.append(Bracket(node: node, isImage: isImage, delimiterBottom: delimiterTop))
        position += isImage ? 2 : 1
    }

    private mutating func closeBracket() {
        guard let opener = brackets.popLast() else {
            pending.append("]")
            position += 1
            return
        }
        guard brackets.count >= activeBracketFloor, let link = linkTail(from: position + 1) else {
            activeBracketFloor = min(activeBracketFloor, brackets.count)
            pending.append("]")
            position += 1
            return
        }
        flush()
        processEmphasis(above: opener.delimiterBottom)
        let inner = collect(from: nodes[opener.node].next, until: nil)
        nodes[opener.node].next = nil
        tail = opener.node
        if opener.isImage {
            // No images at all: only their description is kept.
            nodes[opener.node].piece = .text(Markdown.plainText(inner.inlines))
            nodes[opener.node].depth = 0
        } else {
            if let url = Markdown.safeURL(link.destination), inner.depth < Markdown.maximumInlineDepth {
                nodes[opener.node].piece = .inlines([.link(text: inner.inlines, url: url)])
                nodes[opener.node].depth = inner.depth + 1
            } else {
                nodes[opener.node].piece = .inlines(inner.inlines)
                nodes[opener.node].depth = inner.depth
            }
            activeBracketFloor = brackets.count
        }
        position = link.end
    }

    /// Reads `(destination "title")` from `start`; the title is accepted but dropped.
    private func linkTail(from start: Int) -> (destination: String, end: Int)? {
        guard start < chars.count, chars[start] == "(" else { return nil }
        let limit = min(chars.count, start + Self.linkScanLimit)
        var index = skippingWhitespace(from: start + 1, limit: limit)
        var destination = ""
        if index < limit, chars[index] == "<" {
            index += 1
            while index < limit, chars[index] != ">" {
                if chars[index] == "\n" || chars[index] == "<" { return nil }
                if chars[index] == "\\", index + 1 < limit, Self.asciiPunctuation.contains(chars[index + 1]) {
                    index += 1
                }
                destination.append(chars[index])
                index += 1
            }
            guard index < limit else { return nil }
            index += 1
        } else {
            var parentheses = 0
            while index < limit {
                let character = chars[index]
                if character.isWhitespace || isControl(character) { break }
                if character == "\\", index + 1 < limit, Self.asciiPunctuation.contains(chars[index + 1]) {
                    destination.append(chars[index + 1])
                    index += 2
                    continue
                }
                if character == "(" {
                    parentheses += 1
                    if parentheses > 32 { return nil }
                } else if character == ")" {
                    if parentheses == 0 { break }
                    parentheses -= 1
                }
                destination.append(character)
                index += 1
            }
            guard parentheses == 0 else { return nil }
        }
        let afterDestination = index
        index = skippingWhitespace(from: index, limit: limit)
        let titleClosers: [Character: Character] = ["\"": "\"", "'": "'", "(": ")"]
        if index > afterDestination, index < limit, let closer = titleClosers[chars[index]] {
            index += 1
            while index < limit, chars[index] != closer {
                index += chars[index] == "\\" ? 2 : 1
            }
            guard index < limit else { return nil }
            index = skippingWhitespace(from: index + 1, limit: limit)
        }
        guard index < limit, chars[index] == ")" else { return nil }
        return (destination, index + 1)
    }

    private func skippingWhitespace(from start: Int, limit: Int) -> Int {
        var index = start
        while index < limit, chars[index] == " " || chars[index] == "\t" || chars[index] == "\n" { index += 1 }
        return index
    }

    /// `<https://…>`, `<mailto:…>` or `<name@example.com>`; anything else after "<", such as an
    /// HTML tag, is literal text.
    private mutating func autolink() {
        var end = position + 1
        while end < chars.count, chars[end] != ">", chars[end] != "<", !chars[end].isWhitespace, !isControl(chars[end]) {
            end += 1
        }
        let body = end < chars.count && chars[end] == ">" ? String(chars[(position + 1)..<end]) : ""
        let url: String?
        if hasScheme(body) {
            url = Markdown.safeURL(body)
        } else if isEmailAddress(body) {
            url = Markdown.safeURL("mailto:" + body)
        } else {
            url = nil
        }
        guard let url else {
            pending.append("<")
            position += 1
            return
        }
        append(.inlines([.link(text: [.text(body)], url: url)]), depth: 1)
        position = end + 1
    }

    // MARK: Emphasis

    /// Matches the `*` and `_` runs above `bottom`, innermost first, then drops them from the stack.
    private mutating func processEmphasis(above bottom: Int?) {
        guard delimiterTop != bottom, var first = delimiterTop else { return }
        while let below = delimiters[first].previous, below != bottom { first = below }
        let floor = bottom ?? -1
        // Per kind of closer, the highest delimiter already known not to open it; searches stop there.
        var openerFloors = [Int](repeating: floor, count: 12)
        var current: Int? = first
        while let closerIndex = current {
            let closer = delimiters[closerIndex]
            guard closer.canClose else {
                current = closer.next
                continue
            }
            let kind = (closer.character == "*" ? 0 : 6) + closer.originalCount % 3 * 2 + (closer.canOpen ? 1 : 0)
            var candidate = closer.previous
            var openerIndex: Int?
            while let index = candidate, index > openerFloors[kind] {
                let opener = delimiters[index]
                if opener.character == closer.character, opener.canOpen, !Self.ruleOfThreeForbids(opener, closer) {
                    openerIndex = index
                    break
                }
                candidate = opener.previous
            }
            guard let openerIndex else {
                openerFloors[kind] = closer.previous ?? floor
                if !closer.canOpen { removeDelimiter(closerIndex) }
                current = closer.next
                continue
            }
            current = match(opener: openerIndex, closer: closerIndex)
        }
        delimiterTop = bottom
        if let bottom { delimiters[bottom].next = nil }
    }

    /// CommonMark's "rule of three": `*foo**bar*` is one emphasis, not a strong run in the middle.
    private static func ruleOfThreeForbids(_ opener: Delimiter, _ closer: Delimiter) -> Bool {
        (opener.canClose || closer.canOpen)
            && (opener.originalCount + closer.originalCount) % 3 == 0
            && !(opener.originalCount % 3 == 0 && closer.originalCount % 3 == 0)
    }

    /// Wraps the nodes between the two runs and returns the delimiter to look at next.
    private mutating func match(opener: Int, closer: Int) -> Int? {
        let used = delimiters[opener].count >= 2 && delimiters[closer].count >= 2 ? 2 : 1
        delimiters[opener].count -= used
        delimiters[closer].count -= used
        let character = delimiters[closer].character
        let openerNode = delimiters[opener].node
        let closerNode = delimiters[closer].node
        nodes[openerNode].piece = .text(String(repeating: character, count: delimiters[opener].count))
        nodes[closerNode].piece = .text(String(repeating: character, count: delimiters[closer].count))

        let inner = collect(from: nodes[openerNode].next, until: closerNode)
        let wrapped: Piece
        let depth: Int
        if inner.depth < Markdown.maximumInlineDepth {
            wrapped = .inlines([used == 2 ? .strong(inner.inlines) : .emphasis(inner.inlines)])
            depth = inner.depth + 1
        } else {
            let marks = Markdown.Inline.text(String(repeating: character, count: used))
            wrapped = .inlines([marks] + inner.inlines + [marks])
            depth = inner.depth
        }
        let node = nodes.count
        nodes.append(Node(piece: wrapped, depth: depth, previous: openerNode, next: closerNode))
        nodes[openerNode].next = node
        nodes[closerNode].previous = node

        // Runs between the two were inside the span and can no longer match anything outside it.
        delimiters[opener].next = closer
        delimiters[closer].previous = opener
        if delimiters[opener].count == 0 {
            unlinkNode(openerNode)
            removeDelimiter(opener)
        }
        guard delimiters[closer].count == 0 else { return closer }
        let next = delimiters[closer].next
        unlinkNode(closerNode)
        removeDelimiter(closer)
        return next
    }

    // MARK: Nodes

    private mutating func flush() {
        guard !pending.isEmpty else { return }
        nodes.append(Node(piece: .text(pending), depth: 0, previous: tail, next: nil))
        nodes[tail].next = nodes.count - 1
        tail = nodes.count - 1
        pending = ""
    }

    @discardableResult
    private mutating func append(_ piece: Piece, depth: Int = 0) -> Int {
        flush()
        nodes.append(Node(piece: piece, depth: depth, previous: tail, next: nil))
        nodes[tail].next = nodes.count - 1
        tail = nodes.count - 1
        return tail
    }

    private mutating func unlinkNode(_ node: Int) {
        let previous = nodes[node].previous
        let next = nodes[node].next
        nodes[previous].next = next
        if let next { nodes[next].previous = previous } else { tail = previous }
    }

    private mutating func removeDelimiter(_ index: Int) {
        let previous = delimiters[index].previous
        let next = delimiters[index].next
        if let previous { delimiters[previous].next = next }
        if let next { delimiters[next].previous = previous } else if delimiterTop == index { delimiterTop = previous }
    }

    private func collect(from start: Int?, until end: Int?) -> (inlines: [Markdown.Inline], depth: Int) {
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

    // MARK: Characters

    private func isPunctuation(_ character: Character) -> Bool { character.isPunctuation || character.isSymbol }

    private func isControl(_ character: Character) -> Bool {
        character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false
    }

    private func hasScheme(_ body: String) -> Bool {
        guard let colon = body.firstIndex(of: ":") else { return false }
        let scheme = body[..<colon]
        guard (2...32).contains(scheme.count), let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "." || $0 == "-") }
    }

    private func isEmailAddress(_ body: String) -> Bool {
        let parts = body.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return false }
        let localOK = parts[0].allSatisfy {
            $0.isASCII && ($0.isLetter || $0.isNumber || ".!#$%&'*+/=?^_`{|}~-".contains($0))
        }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return localOK && labels.allSatisfy { label in
            !label.isEmpty && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
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

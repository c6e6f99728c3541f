extension InlineParser {
    mutating func delimiterRun(_ character: Character) {
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

    /// Matches the `*` and `_` runs above `bottom`, innermost first, then drops them from the stack.
    mutating func processEmphasis(above bottom: Int?) {
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

    // MARK: Characters

    private func isPunctuation(_ character: Character) -> Bool { character.isPunctuation || character.isSymbol }
}

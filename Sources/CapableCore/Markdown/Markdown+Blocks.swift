/// Reads the lines of one container: the document, a quote or a list item.
/// Containers strip their markers and hand their lines to a new parser one level deeper.
struct BlockParser {
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

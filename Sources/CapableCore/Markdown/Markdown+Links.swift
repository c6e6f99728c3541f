extension InlineParser {
    /// Link destinations and titles are read at most this far, so that many unclosed "[x](" stay linear.
    private static let linkScanLimit = 4096

    mutating func openBracket(isImage: Bool) {
        let node = append(.text(isImage ? "![" : "["))
        brackets.append(Bracket(node: node, isImage: isImage, delimiterBottom: delimiterTop))
        position += isImage ? 2 : 1
    }

    mutating func closeBracket() {
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
    mutating func autolink() {
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

    // MARK: Characters

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

struct Fence {
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

struct ListMarker {
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

func indentation(_ line: some StringProtocol) -> Int { line.prefix { $0 == " " }.count }

func isBlank(_ line: some StringProtocol) -> Bool { line.allSatisfy(Markdown.isSpaceOrTab) }

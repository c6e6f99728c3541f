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

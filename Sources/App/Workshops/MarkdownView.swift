import CapableCore
import Plot

/// Markdown as HTML nodes. `Markdown.parse` has already turned raw HTML into plain text and
/// dropped unsafe links, and every string here goes out through Plot's escaping text nodes and
/// `H.attr`, so a write-up cannot carry script, event handlers or `javascript:` links.
enum MarkdownView {
    /// Headings in the text start at `baseLevel` (an `#` heading under the page's own h1 is an h2).
    static func render(_ source: String, baseLevel: Int = 2) -> BodyNode {
        .group(Markdown.parse(source).map { block($0, base: baseLevel) })
    }

    private static func block(_ block: Markdown.Block, base: Int) -> BodyNode {
        switch block {
        case .heading(let level, let inlines):
            let tag = "h\(min(6, level + base - 1))"
            let size = level + base - 1 <= 2 ? "govuk-heading-m" : "govuk-heading-s"
            return H.el(tag, H.cls(size), .group(inlines.map(inline)))
        case .paragraph(let inlines):
            return H.el("p", H.cls("govuk-body"), .group(inlines.map(inline)))
        case .quote(let blocks):
            return H.el("blockquote", H.cls("app-quote"), .group(blocks.map { self.block($0, base: base) }))
        case .bulletList(let items):
            return H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(items.map { H.el("li", .group($0.map { item($0, base: base) })) }))
        case .orderedList(let start, let items):
            return H.el("ol", H.cls("govuk-list govuk-list--number"), start == 1 ? .empty : H.attr("start", String(start)),
                        .group(items.map { H.el("li", .group($0.map { item($0, base: base) })) }))
        case .code(let text):
            return H.el("pre", H.cls("app-code"), H.el("code", H.text(text)))
        case .rule:
            return H.void("hr", [("class", "govuk-section-break govuk-section-break--m govuk-section-break--visible")])
        }
    }

    /// A list item's lone paragraph is shown without the paragraph's margins.
    private static func item(_ block: Markdown.Block, base: Int) -> BodyNode {
        if case .paragraph(let inlines) = block { return .group(inlines.map(inline)) }
        return self.block(block, base: base)
    }

    private static func inline(_ inline: Markdown.Inline) -> BodyNode {
        switch inline {
        case .text(let text): H.text(text)
        case .emphasis(let inner): H.el("em", .group(inner.map(self.inline)))
        case .strong(let inner): H.el("strong", .group(inner.map(self.inline)))
        case .code(let text): H.el("code", H.text(text))
        // Checked again here so nothing but a safe address can ever reach an href.
        case .link(let text, let url): H.el("a", H.cls("govuk-link"), H.attr("href", Markdown.safeURL(url)), .group(text.map(self.inline)))
        case .lineBreak: H.void("br", [])
        }
    }
}

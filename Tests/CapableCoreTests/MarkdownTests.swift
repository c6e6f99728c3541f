@testable import CapableCore
import Foundation
import Testing

@Suite("Markdown")
struct MarkdownTests {
    private func paragraph(_ text: String) -> [Markdown.Block] { [.paragraph([.text(text)])] }

    /// A list item holding one paragraph.
    private func item(_ text: String) -> [Markdown.Block] { paragraph(text) }

    /// Every link anywhere in the blocks, so a test can say "no link at all".
    private func links(in blocks: [Markdown.Block]) -> [String] {
        func inlineLinks(_ inlines: [Markdown.Inline]) -> [String] {
            inlines.flatMap { inline -> [String] in
                switch inline {
                case .link(let text, let url): [url] + inlineLinks(text)
                case .emphasis(let children), .strong(let children): inlineLinks(children)
                case .text, .code, .lineBreak: []
                }
            }
        }
        return blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let inlines), .paragraph(let inlines): inlineLinks(inlines)
            case .quote(let inner): links(in: inner)
            case .bulletList(let items), .orderedList(_, let items): items.flatMap { links(in: $0) }
            case .code, .rule: []
            }
        }
    }

    // MARK: Blocks

    @Test("ATX and setext headings; seven hashes or no space is a paragraph")
    func headings() {
        // act
        let blocks = Markdown.parse("# One\n## Two ##\n###### Six\n# C#\n####### seven\n\n#hashtag\n\nTitle\n=====\nSub\n---")
        // check
        #expect(blocks == [
            .heading(level: 1, [.text("One")]),
            .heading(level: 2, [.text("Two")]),
            .heading(level: 6, [.text("Six")]),
            .heading(level: 1, [.text("C#")]),
            .paragraph([.text("####### seven")]),
            .paragraph([.text("#hashtag")]),
            .heading(level: 1, [.text("Title")]),
            .heading(level: 2, [.text("Sub")]),
        ])
    }

    @Test("Lines of a paragraph join with one space; blank lines separate paragraphs")
    func paragraphs() {
        #expect(Markdown.parse("one\ntwo\n   three\n\n\nfour  ") == [
            .paragraph([.text("one two three")]),
            .paragraph([.text("four")]),
        ])
    }

    @Test("Two trailing spaces or a backslash make a hard line break")
    func lineBreaks() {
        #expect(Markdown.parse("a  \nb\\\nc") == [.paragraph([.text("a"), .lineBreak, .text("b"), .lineBreak, .text("c")])])
        // A backslash at the very end has no line to break and stays literal.
        #expect(Markdown.parse("end\\") == paragraph("end\\"))
    }

    @Test("Emphasis, strong and code")
    func emphasis() {
        #expect(Markdown.parse("*a* _b_ **c** __d__ `e`") == [.paragraph([
            .emphasis([.text("a")]), .text(" "),
            .emphasis([.text("b")]), .text(" "),
            .strong([.text("c")]), .text(" "),
            .strong([.text("d")]), .text(" "),
            .code("e"),
        ])])
        #expect(Markdown.parse("***both***") == [.paragraph([.emphasis([.strong([.text("both")])])])])
        #expect(Markdown.parse("**bold *and italic* too**") == [.paragraph([
            .strong([.text("bold "), .emphasis([.text("and italic")]), .text(" too")]),
        ])])
        #expect(Markdown.parse("`` a`b `` and `*x*`") == [.paragraph([.code("a`b"), .text(" and "), .code("*x*")])])
    }

    @Test("Underscores inside words and unclosed markers stay literal")
    func literalMarkers() {
        #expect(Markdown.parse("snake_case_name") == paragraph("snake_case_name"))
        #expect(Markdown.parse("*open") == paragraph("*open"))
        #expect(Markdown.parse("a ** b") == paragraph("a ** b"))
        #expect(Markdown.parse("`open code") == paragraph("`open code"))
        #expect(Markdown.parse("[open link") == paragraph("[open link"))
        #expect(Markdown.parse("2 * 3 * 4") == paragraph("2 * 3 * 4"))
    }

    @Test("Backslash escapes ASCII punctuation only")
    func escapes() {
        #expect(Markdown.parse("\\*not emphasis\\*") == paragraph("*not emphasis*"))
        #expect(Markdown.parse("\\[x\\](/y) \\`z\\` \\# \\a") == paragraph("[x](/y) `z` # \\a"))
        #expect(Markdown.parse("\\# not a heading") == paragraph("# not a heading"))
    }

    @Test("Bullet lists; a different bullet starts a new list")
    func bulletLists() {
        #expect(Markdown.parse("- a\n- b\n+ c") == [
            .bulletList([item("a"), item("b")]),
            .bulletList([item("c")]),
        ])
    }

    @Test("Ordered lists keep their start number")
    func orderedLists() {
        #expect(Markdown.parse("3. three\n4. four\n\n1) x") == [
            .orderedList(start: 3, [item("three"), item("four")]),
            .orderedList(start: 1, [item("x")]),
        ])
        // Only "1." may interrupt a paragraph, so a number at the start of a line is safe.
        #expect(Markdown.parse("in\n2024. we met") == paragraph("in 2024. we met"))
    }

    @Test("List items continue over indented and lazy lines, and may hold several blocks")
    func multiLineItems() {
        // act
        let blocks = Markdown.parse("- first line\n  continues here\n- second\nlazy too\n\n  more\n\nafter")
        // check
        #expect(blocks == [
            .bulletList([
                item("first line continues here"),
                [.paragraph([.text("second lazy too")]), .paragraph([.text("more")])],
            ]),
            .paragraph([.text("after")]),
        ])
    }

    @Test("Lists nest by indentation")
    func nestedLists() {
        #expect(Markdown.parse("- a\n  - b\n  - c\n    1. d\n- e") == [.bulletList([
            [.paragraph([.text("a")]), .bulletList([
                item("b"),
                [.paragraph([.text("c")]), .orderedList(start: 1, [item("d")])],
            ])],
            item("e"),
        ])])
    }

    @Test("A quote holds paragraphs and lists, and takes lazy lines")
    func quotes() {
        #expect(Markdown.parse("> intro\n> - one\n> - two\n>\n> after\n\n> lazy\nline") == [
            .quote([
                .paragraph([.text("intro")]),
                .bulletList([item("one"), item("two")]),
                .paragraph([.text("after")]),
            ]),
            .quote([.paragraph([.text("lazy line")])]),
        ])
        #expect(Markdown.parse("> > nested") == [.quote([.quote([.paragraph([.text("nested")])])])])
    }

    @Test("Code blocks are verbatim, HTML and Markdown included")
    func codeBlocks() {
        #expect(Markdown.parse("```html\n<b>bold</b>\n*not em*\n```\nafter") == [
            .code("<b>bold</b>\n*not em*"),
            .paragraph([.text("after")]),
        ])
        #expect(Markdown.parse("~~~\nx\n\n  y\n~~~~") == [.code("x\n\n  y")])
        #expect(Markdown.parse("    let x = 1\n\n    <i>\n\ntext") == [.code("let x = 1\n\n<i>"), .paragraph([.text("text")])])
        // An unclosed fence runs to the end of its container.
        #expect(Markdown.parse("> ```\n> code\n\nout") == [.quote([.code("code")]), .paragraph([.text("out")])])
    }

    @Test("Thematic breaks")
    func rules() {
        #expect(Markdown.parse("a\n\n---\n***\n_ _ _\nb") == [.paragraph([.text("a")]), .rule, .rule, .rule, .paragraph([.text("b")])])
    }

    @Test("Windows and old Mac line endings")
    func lineEndings() {
        #expect(Markdown.parse("# T\r\n\r\none\r\ntwo\r\n") == [.heading(level: 1, [.text("T")]), .paragraph([.text("one two")])])
        #expect(Markdown.parse("a\rb\r\rc") == [.paragraph([.text("a b")]), .paragraph([.text("c")])])
    }

    // MARK: Links and HTML

    @Test("Links with safe URLs, with and without a title")
    func safeLinks() {
        #expect(Markdown.parse("[site](https://example.com/a_(b)) and [*me*](mailto:me@example.com \"Mail\")") == [.paragraph([
            .link(text: [.text("site")], url: "https://example.com/a_(b)"),
            .text(" and "),
            .link(text: [.emphasis([.text("me")])], url: "mailto:me@example.com"),
        ])])
        #expect(Markdown.parse("[home](/x) [top](#top) [sp](<https://e.com/a b>)") == [.paragraph([
            .link(text: [.text("home")], url: "/x"), .text(" "),
            .link(text: [.text("top")], url: "#top"), .text(" "),
            .link(text: [.text("sp")], url: "https://e.com/a b"),
        ])])
    }

    @Test(
        "A link to an unsafe URL keeps only its text",
        arguments: [
            "javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "<java\tscript:alert(1)>",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "&#106;avascript:alert(1)",
            "//evil.com", "/\\evil.com", "relative/path", "ftp://example.com", "",
        ]
    )
    func unsafeLinks(destination: String) {
        // act
        let blocks = Markdown.parse("[*click*](\(destination))")
        // check
        #expect(blocks == [.paragraph([.emphasis([.text("click")])])])
    }

    @Test("A destination broken over two lines is not a link at all")
    func brokenDestination() {
        let blocks = Markdown.parse("[click](java\nscript:alert(1))")
        #expect(links(in: blocks).isEmpty)
        #expect(blocks == paragraph("[click](java script:alert(1))"))
    }

    @Test("safeURL accepts http, https, mailto and site-relative links only")
    func safeURL() {
        #expect(Markdown.safeURL("https://example.com") == "https://example.com")
        #expect(Markdown.safeURL("  HTTP://EXAMPLE.COM ") == "HTTP://EXAMPLE.COM")
        #expect(Markdown.safeURL("mailto:a@b.org") == "mailto:a@b.org")
        #expect(Markdown.safeURL("/people/1") == "/people/1")
        #expect(Markdown.safeURL("#section") == "#section")
        #expect(Markdown.safeURL("ht\ttps://ok.com") == "https://ok.com")
        let refused = [
            "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)",
            "java\nscript:alert(1)", "java\r\nscript:x", "\u{0}javascript:x", "\u{1}javascript:x",
            "&#106;avascript:alert(1)", "&#x6A;avascript:x", "javascript&colon;x", "jav&#x09;ascript:x",
            "data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "file:///etc/passwd",
            "//evil.com", "/\\evil.com", "/\t/evil.com", "\u{200B}javascript:x", "ｊavascript:x",
            "relative/path", "?q=1", "", "   ", "https\u{FF1A}//x",
        ]
        for url in refused {
            #expect(Markdown.safeURL(url) == nil, "\(url.debugDescription) should be refused")
        }
    }

    @Test("Autolinks only for safe URLs and email addresses")
    func autolinks() {
        #expect(Markdown.parse("<https://example.com/a?b=1> <mailto:me@example.com> <me@example.com>") == [.paragraph([
            .link(text: [.text("https://example.com/a?b=1")], url: "https://example.com/a?b=1"), .text(" "),
            .link(text: [.text("mailto:me@example.com")], url: "mailto:me@example.com"), .text(" "),
            .link(text: [.text("me@example.com")], url: "mailto:me@example.com"),
        ])])
        #expect(Markdown.parse("<javascript:alert(1)>") == paragraph("<javascript:alert(1)>"))
    }

    @Test("Raw HTML is kept verbatim as text for the renderer to escape")
    func rawHTML() {
        #expect(Markdown.parse("<script>alert(1)</script>") == paragraph("<script>alert(1)</script>"))
        #expect(Markdown.parse("<img src=x onerror=alert(1)>") == paragraph("<img src=x onerror=alert(1)>"))
        #expect(Markdown.parse("<div>\n*hi*\n</div>") == [.paragraph([.text("<div> "), .emphasis([.text("hi")]), .text(" </div>")])])
        #expect(Markdown.parse("[<b>x</b>](/y)") == [.paragraph([.link(text: [.text("<b>x</b>")], url: "/y")])])
    }

    @Test("Images become their alt text, even inside a link")
    func images() {
        #expect(Markdown.parse("![a *cat*](https://x.org/cat.png)") == paragraph("a cat"))
        #expect(Markdown.parse("![x](javascript:alert(1))") == paragraph("x"))
        #expect(Markdown.parse("[![logo](/l.png)](/home)") == [.paragraph([.link(text: [.text("logo")], url: "/home")])])
    }

    @Test("Links do not nest; the inner one wins")
    func nestedLinks() {
        #expect(Markdown.parse("[a [b](/b) c](/a)") == [.paragraph([
            .text("[a "), .link(text: [.text("b")], url: "/b"), .text(" c](/a)"),
        ])])
    }

    @Test("Plain text flattens formatting")
    func plainText() {
        // setup
        let blocks = Markdown.parse("# Hello *big* `world` [link](/x)  ")
        guard case .heading(_, let inlines) = blocks.first else {
            Issue.record("expected a heading, got \(blocks)")
            return
        }
        // check
        #expect(Markdown.plainText(inlines) == "Hello big world link")
        #expect(Markdown.plainText([.text("a"), .lineBreak, .strong([.text("b")])]) == "a b")
    }

    // MARK: Robustness

    @Test("Odd fragments parse without crashing")
    func oddFragments() {
        #expect(Markdown.parse("") == [])
        #expect(Markdown.parse("*") == [.bulletList([[]])])
        #expect(Markdown.parse("**") == paragraph("**"))
        #expect(Markdown.parse("[") == paragraph("["))
        #expect(Markdown.parse("](") == paragraph("]("))
        #expect(Markdown.parse("`") == paragraph("`"))
        #expect(Markdown.parse("> ") == [.quote([])])
        #expect(Markdown.parse("1.") == [.orderedList(start: 1, [[]])])
        #expect(Markdown.parse("#") == [.heading(level: 1, [])])
        #expect(Markdown.parse("######## x") == paragraph("######## x"))
        #expect(Markdown.parse("!") == paragraph("!"))
        #expect(Markdown.parse("![") == paragraph("!["))
        #expect(Markdown.parse("<") == paragraph("<"))
        #expect(Markdown.parse("\\") == paragraph("\\"))
        #expect(Markdown.parse("\n\n\r\n") == [])
        #expect(Markdown.parse("a\0b") == paragraph("a\u{FFFD}b"))
        #expect(Markdown.parse("👩‍👩‍👧 *é* 🎉\u{301}") == [.paragraph([.text("👩‍👩‍👧 "), .emphasis([.text("é")]), .text(" 🎉\u{301}")])])
        for odd in ["*_*_", "[]()", "[](", "[x]( ", "![](", "<>", "<a", "``", "* * *\n*", "\t- \t>\t#", "-\n\n  x", "1)\n2)", ">\t```"] {
            _ = Markdown.parse(odd)
        }
    }

    @Test("Deep quotes and lists are capped rather than recursing without end")
    func deepNesting() {
        // setup
        func quoteDepth(_ blocks: [Markdown.Block]) -> Int {
            guard case .quote(let inner) = blocks.first else { return 0 }
            return 1 + quoteDepth(inner)
        }
        // act
        let quotes = Markdown.parse(String(repeating: ">", count: 5_000) + " deep")
        let lists = Markdown.parse(String(repeating: "- ", count: 5_000) + "x")
        // check
        #expect(quoteDepth(quotes) == Markdown.maximumBlockDepth)
        #expect(!lists.isEmpty)
    }

    @Test("Deeply nested emphasis is capped")
    func deepEmphasis() {
        // setup
        func depth(_ inlines: [Markdown.Inline]) -> Int {
            inlines.map { inline in
                switch inline {
                case .emphasis(let children), .strong(let children), .link(let children, _): 1 + depth(children)
                case .text, .code, .lineBreak: 0
                }
            }.max() ?? 0
        }
        let source = String(repeating: "*a ", count: 2_000) + "b" + String(repeating: " a*", count: 2_000)
        // act
        let blocks = Markdown.parse(source)
        // check
        guard case .paragraph(let inlines) = blocks.first else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(depth(inlines) <= Markdown.maximumInlineDepth)
        // Whatever was not nested is still there as text.
        #expect(Markdown.plainText(inlines).filter { $0 != "*" } == source.filter { $0 != "*" })
    }

    @Test("Long hostile lines parse quickly")
    func longLines() {
        // setup
        let inputs = [
            String(repeating: "a", count: 10_000),
            String(repeating: "*", count: 10_000),
            String(repeating: "*a", count: 5_000),
            String(repeating: "_a ", count: 3_400),
            String(repeating: "[", count: 10_000),
            String(repeating: "]", count: 10_000),
            String(repeating: "[a](", count: 2_500),
            String(repeating: "[a](b \"", count: 1_500),
            String(repeating: "![", count: 5_000),
            String(repeating: "`", count: 10_000),
            String(repeating: "` ``", count: 2_500),
            String(repeating: "<", count: 10_000),
            String(repeating: "<a", count: 5_000),
            String(repeating: "\\", count: 10_000),
            String(repeating: "**a*", count: 2_500),
            String(repeating: "- ", count: 5_000),
            String(repeating: "a  \n", count: 2_500),
            String(repeating: "-", count: 10_000),
        ]
        let clock = ContinuousClock()
        // act
        let elapsed = clock.measure {
            for input in inputs { _ = Markdown.parse(input) }
        }
        // check
        #expect(elapsed < .seconds(10), "took \(elapsed)")
        #expect(Markdown.parse(inputs[0]) == paragraph(inputs[0]))
        #expect(Markdown.parse(inputs[4]) == paragraph(inputs[4]))
    }
}

@testable import App
import CapableCore
import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting

/// The framework pages everyone reads, on the built-in content.
@Suite("Framework pages")
struct FrameworkPagesTests {
    static let trust = UUID(uuidString: "406b6857-9579-5dae-8a00-3b1562e965a2") ?? UUID()
    static let coreValues = UUID(uuidString: "4a649810-d941-54a2-b4e3-8089074d1205") ?? UUID()

    /// The built-in frameworks and a signed-in member of staff.
    static func staff(_ app: Application) async throws -> Browser {
        try await BuiltInFrameworks.load(on: app.db)
        try await Fixtures.account(app, email: "staff@x.org")
        var browser = Browser(app)
        try await browser.signIn(email: "staff@x.org")
        return browser
    }

    static func element(_ code: String, _ app: Application) async throws -> FrameworkElementRow {
        try #require(try await FrameworkElementRow.query(on: app.db).filter(\.$code == code).first())
    }

    @Test("The library lists the three built-in frameworks; a framework page shows its details, contents and rating scale")
    func libraryAndFramework() async throws {
        try await withApp { app in
            // setup
            var staff = try await Self.staff(app)

            // act
            let library = try await staff.get("/framework")
            let values = try await staff.get("/framework/\(Self.coreValues.uuidString.lowercased())")

            // check
            #expect(library.status == .ok)
            for title in ["We trust each other and take responsibility", "Core Values and Leadership and Management Framework"] {
                #expect(library.body.string.contains(title))
            }
            #expect(!library.body.string.contains("Create a framework"), "staff do not author")
            #expect(values.status == .ok)
            let html = values.body.string
            #expect(html.contains("26 May 2006"))
            #expect(html.contains("Date Implemented: 26th May 2006; Date amended: May 2012"))
            #expect(html.contains("CV.1 Achieving results"))
            #expect(html.contains("Behaviours: managers"))
            #expect(html.contains("Standards expected: managers"))
            #expect(html.contains("Consistently shown"))
            #expect(!html.contains("Start a new version"))
        }
    }

    @Test("An element page shows why it matters, what it means, and the examples side by side, as the source page does")
    func elementPage() async throws {
        try await withApp { app in
            // setup
            var staff = try await Self.staff(app)
            let risk = try await Self.element("TR.3", app)
            let principle = try await Self.element("TR", app)

            // act
            let page = try await staff.get("/framework/elements/\(risk.elementID.uuidString.lowercased())")
            let top = try await staff.get("/framework/elements/\(principle.elementID.uuidString.lowercased())")
            let missing = try await staff.get("/framework/elements/\(UUID().uuidString.lowercased())")

            // check
            #expect(page.status == .ok)
            let html = page.body.string
            #expect(html.contains("Manage risk"))
            #expect(html.contains("Why is this important?"))
            #expect(html.contains("Everything we do comes with some degree of risk"))
            #expect(html.contains("What does it mean for me?"))
            #expect(html.contains("These examples are given for TR We trust each other and take responsibility"))
            #expect(html.contains("Doesn’t look like"))
            #expect(html.contains("Saying one thing and doing another"))
            #expect(top.body.string.contains("Supports the organisational capability “Ensuring accountability, transparency and openness”"))
            #expect(missing.status == .notFound)
        }
    }

    @Test("Search finds elements by title, statement, example or code across published frameworks, and escapes the query")
    func search() async throws {
        try await withApp { app in
            // setup
            var staff = try await Self.staff(app)

            // act
            let byTitle = try await staff.get("/framework/search?q=manage+risk")
            let byExample = try await staff.get("/framework/search?q=moaning")
            let byCode = try await staff.get("/framework/search?q=CV.3.MS5")
            let nothing = try await staff.get("/framework/search?q=%25%25%3Cscript%3E")

            // check
            #expect(byTitle.body.string.contains("TR.3 Manage risk"))
            #expect(byExample.body.string.contains("Moaning but not doing anything about it"))
            #expect(byCode.body.string.contains("Provides induction in a timely manner"))
            #expect(byCode.body.string.contains("1 element found"))
            #expect(nothing.body.string.contains("No elements match"))
            #expect(!nothing.body.string.contains("<script>"))
        }
    }

    @Test("The print view has every element; the rating form puts each element's levels beside its own examples")
    func printAndRating() async throws {
        try await withApp { app in
            // setup
            var staff = try await Self.staff(app)
            let trust = Self.trust.uuidString.lowercased()

            // act
            let print = try await staff.get("/framework/\(trust)/print")
            let rating = try await staff.get("/framework/\(trust)/rating-form")

            // check
            #expect(print.status == .ok)
            for code in ["TR We trust", "TR.1 ", "TR.2 ", "TR.3 ", "TR.4 "] { #expect(print.body.string.contains(code)) }
            #expect(rating.status == .ok)
            let html = rating.body.string
            #expect(html.contains("name=\"rating-TR.2\""))
            #expect(html.contains("Not yet shown"))
            #expect(html.contains("Role model"))
            #expect(html.contains("We set up, take ownership and deliver a great job"))
        }
    }
}

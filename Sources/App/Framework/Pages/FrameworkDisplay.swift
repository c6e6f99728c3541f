import CapableCore
import Foundation
import Plot

/// Words for a framework's kinds and states, shared by every framework page. Status tags always
/// carry the word; the colour only repeats it.
enum FrameworkDisplay {
    static func kind(_ kind: FrameworkDocument.Kind) -> String {
        switch kind {
        case .guidingPrinciples: "Guiding principles"
        case .coreValues: "Core values"
        case .leadership: "Leadership"
        case .custom: "Custom"
        }
    }

    static func elementKind(_ kind: FrameworkDocument.Element.Kind) -> String {
        switch kind {
        case .principle: "Principle"
        case .value: "Value"
        case .capability: "Capability"
        case .behaviour: "Behaviour"
        case .standard: "Standard expected"
        case .skill: "Skill"
        case .knowledge: "Knowledge"
        }
    }

    static func audience(_ audience: FrameworkDocument.Element.Audience) -> String {
        switch audience {
        case .allStaff: "All staff"
        case .managers: "Managers"
        case .leaders: "Leaders"
        }
    }

    static func status(_ status: FrameworkDocument.Status) -> BodyNode {
        switch status {
        case .draft: Components.tag("Draft", colour: "grey")
        case .published: Components.tag("Published", colour: "green")
        case .superseded: Components.tag("Superseded", colour: "blue")
        case .retired: Components.tag("Retired", colour: "orange")
        }
    }

    /// "26 May 2006" for a stored "2006-05-26"; the text as stored if it is not a date.
    static func date(_ text: String?) -> String {
        guard let text else { return "Not recorded" }
        return DisplayFormat.calendarDate(text)
    }

    /// The element's code and title, as used in lists and links.
    static func label(_ element: FrameworkDocument.Element) -> String { "\(element.code) \(element.title)" }

    /// The element's statement when it says more than its title.
    static func statement(_ element: FrameworkDocument.Element) -> BodyNode {
        element.statement == element.title ? .empty : Components.paragraph(element.statement)
    }

    /// Looks like / doesn't look like, side by side as on the source page, each under its own
    /// heading so the meaning never depends on colour or position.
    static func indicators(_ indicators: [FrameworkDocument.Indicator], headingLevel: String = "h2", idPrefix: String = "") -> BodyNode {
        let looks = indicators.filter { $0.kind == .looksLike }.map(\.text)
        let doesNot = indicators.filter { $0.kind == .doesNotLookLike }.map(\.text)
        guard !looks.isEmpty || !doesNot.isEmpty else { return .empty }
        func column(_ title: String, _ items: [String], _ style: String) -> BodyNode {
            H.el("div", H.cls("govuk-grid-column-one-half app-indicators app-indicators--\(style)"),
                 H.el(headingLevel, H.cls("govuk-heading-s"), H.text(title)),
                 items.isEmpty ? Components.paragraph("None given.")
                    : H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(items.map { H.el("li", H.text($0)) })))
        }
        return H.el("div", H.cls("govuk-grid-row"),
                    column("Looks like", looks, "looks"), column("Doesn’t look like", doesNot, "not"))
    }
}

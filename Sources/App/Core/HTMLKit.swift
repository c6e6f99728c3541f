import Plot

/// The building blocks views are made of: Plot nodes in body context. Plot escapes text nodes
/// but writes attribute values as given, so every attribute here goes through `escapeAttribute`;
/// views use these helpers (never Plot's raw attribute functions) for anything holding data.
typealias BodyNode = Node<HTML.BodyContext>

enum H {
    static func el(_ name: String, _ nodes: BodyNode...) -> BodyNode { .element(named: name, nodes: nodes) }
    static func el(_ name: String, _ nodes: [BodyNode]) -> BodyNode { .element(named: name, nodes: nodes) }

    /// A void element such as `<input>`; its attributes are escaped.
    static func void(_ name: String, _ attributes: [(String, String?)]) -> BodyNode {
        .selfClosedElement(named: name, attributes: attributes.compactMap { name, value in
            value.map { Attribute<HTML.BodyContext>(name: name, value: escapeAttribute($0), ignoreIfValueIsEmpty: false) }
        })
    }

    /// An attribute whose value is escaped; a nil value leaves the attribute out.
    static func attr(_ name: String, _ value: String?) -> BodyNode {
        guard let value else { return .empty }
        return .attribute(named: name, value: escapeAttribute(value), ignoreIfValueIsEmpty: false)
    }

    /// A boolean attribute such as `hidden` or `checked`.
    static func flag(_ name: String, _ isOn: Bool = true) -> BodyNode {
        isOn ? .attribute(named: name) : .empty
    }

    static func cls(_ name: String) -> BodyNode { attr("class", name) }
    static func text(_ text: String) -> BodyNode { .text(text) }

    static func link(_ text: String, to url: SiteURL, class className: String = "govuk-link") -> BodyNode {
        el("a", cls(className), attr("href", url.path), .text(text))
    }

    /// Escapes a value for a double-quoted attribute.
    static func escapeAttribute(_ value: String) -> String {
        // Most values (ids, paths, class names) have nothing to escape: hand them back as they are.
        guard value.utf8.contains(where: { $0 == 0x26 || $0 == 0x22 || $0 == 0x27 || $0 == 0x3C || $0 == 0x3E }) else { return value }
        var out = ""
        out.reserveCapacity(value.count)
        for character in value {
            switch character {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(character)
            }
        }
        return out
    }
}

import CapableCore
import Foundation
import Vapor

/// The element form: its fields as posted, and the rules that turn them into an element in a
/// draft, naming the field for each problem before the editor's whole-framework check runs.
struct ElementForm: Content {
    var code: String?
    var kind: String?
    var title: String?
    var statement: String?
    var audience: String?
    var why_it_matters: String?
    var what_it_means_for_me: String?
    /// One example per line.
    var looks_like: String?
    var does_not_look_like: String?
    /// "" for the top level, or the parent element's id.
    var parent: String?
    /// Organisational capabilities, one per line.
    var capabilities: String?
    /// Codes of elements in this framework, one per line.
    var supports: String?
    var related: String?

    init() {}

    init(_ element: FrameworkDocument.Element, parent: UUID?, in document: FrameworkDocument) {
        code = element.code
        kind = element.kind.rawValue
        title = element.title
        statement = element.statement
        audience = element.audience.rawValue
        why_it_matters = element.whyItMatters
        what_it_means_for_me = element.whatItMeansForMe
        looks_like = element.indicators.filter { $0.kind == .looksLike }.map(\.text).joined(separator: "\n")
        does_not_look_like = element.indicators.filter { $0.kind == .doesNotLookLike }.map(\.text).joined(separator: "\n")
        self.parent = parent?.uuidString.lowercased() ?? ""
        capabilities = element.links.compactMap(\.organisationalCapability).joined(separator: "\n")
        let code = { (link: FrameworkDocument.Link) in link.elementID.flatMap { document.element($0)?.code } }
        supports = element.links.filter { $0.type == .supports }.compactMap(code).joined(separator: "\n")
        related = element.links.filter { $0.type == .relatedTo }.compactMap(code).joined(separator: "\n")
    }

    static func lines(_ text: String?) -> [String] {
        (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private static func trimmed(_ text: String?) -> String? {
        let value = (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return value.isEmpty ? nil : value
    }

    /// The element the form describes (keeping `existing`'s id, children and links to other
    /// frameworks) and its parent, or the problems by field.
    func element(existing: FrameworkDocument.Element?, in document: FrameworkDocument) -> Result<(FrameworkDocument.Element, UUID?), AppError> {
        var errors: [FieldError] = []
        let code = Self.trimmed(code) ?? ""
        if code.isEmpty {
            errors.append(.init(field: "code", message: "Enter a code, like TR.2"))
        } else if code.count > FrameworkDocument.maxCodeLength || code.contains(where: { $0.isWhitespace || $0 == "," }) {
            errors.append(.init(field: "code", message: "Code must be \(FrameworkDocument.maxCodeLength) characters or fewer, without spaces or commas"))
        } else if let other = document.element(code: code), other.id != existing?.id {
            errors.append(.init(field: "code", message: "The code \(code) is already used by “\(other.title)”"))
        }
        let title = Self.trimmed(title) ?? ""
        if title.isEmpty { errors.append(.init(field: "title", message: "Enter the element’s title")) }
        if title.count > 300 { errors.append(.init(field: "title", message: "Title must be 300 characters or fewer")) }
        let kind = FrameworkDocument.Element.Kind(rawValue: self.kind ?? "")
        if kind == nil { errors.append(.init(field: "kind", message: "Choose what kind of element this is")) }
        let audience = FrameworkDocument.Element.Audience(rawValue: self.audience ?? "")
        if audience == nil { errors.append(.init(field: "audience", message: "Choose who the element is for")) }
        var parentID: UUID?
        if let text = Self.trimmed(parent) {
            if let id = UUID(uuidString: text), let parent = document.element(id) {
                parentID = id
                if let existing, id == existing.id || existing.allDescendants().contains(where: { $0.id == id }) {
                    errors.append(.init(field: "parent", message: "\(existing.code) cannot sit under \(parent.code): an element cannot sit inside itself"))
                } else if let kind, !parent.kind.allowedChildren.contains(kind) {
                    errors.append(.init(field: "parent", message: "A \(kind.rawValue) cannot sit under the \(parent.kind.rawValue) \(parent.code)"))
                }
            } else {
                errors.append(.init(field: "parent", message: "Choose where the element sits from the list"))
            }
        } else if let kind, !kind.allowedAtTopLevel {
            errors.append(.init(field: "parent", message: "A \(kind.rawValue) cannot sit at the top level: choose the element it sits under"))
        }
        if let kind, let existing, let child = existing.children.first(where: { !kind.allowedChildren.contains($0.kind) }) {
            errors.append(.init(field: "kind", message: "A \(kind.rawValue) cannot have the \(child.kind.rawValue) \(child.code) under it"))
        }
        var links: [FrameworkDocument.Link] = Self.lines(capabilities).map { .organisational($0) }
        for (field, type) in [("supports", FrameworkDocument.Link.LinkType.supports), ("related", .relatedTo)] {
            for code in Self.lines(field == "supports" ? supports : related) {
                guard let target = document.element(code: code), target.id != existing?.id else {
                    errors.append(.init(field: field, message: "There is no other element with the code \(code) in this framework"))
                    continue
                }
                links.append(.init(type: type, target: target.id.uuidString.lowercased()))
            }
        }
        // Links to elements in other frameworks are not on the form, so they are kept as they were.
        links += (existing?.links ?? []).filter { link in link.elementID.map { document.element($0) == nil } ?? false }
        guard errors.isEmpty, let kind, let audience else { return .failure(.invalid(errors)) }
        let indicators = Self.lines(looks_like).map { FrameworkDocument.Indicator(kind: .looksLike, text: $0) }
            + Self.lines(does_not_look_like).map { FrameworkDocument.Indicator(kind: .doesNotLookLike, text: $0) }
        let element = FrameworkDocument.Element(
            id: existing?.id ?? UUID(), code: code, kind: kind, title: title, statement: Self.trimmed(statement) ?? title,
            audience: audience, whyItMatters: Self.trimmed(why_it_matters), whatItMeansForMe: Self.trimmed(what_it_means_for_me),
            indicators: indicators, links: links, children: existing?.children ?? [])
        return .success((element, parentID))
    }
}

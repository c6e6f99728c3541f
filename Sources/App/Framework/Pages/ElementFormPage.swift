import CapableCore
import Foundation
import Plot

/// Adding or editing an element of a draft: its text, where it sits, its examples and its links.
enum ElementFormPage {
    struct Model: Encodable {
        var document: FrameworkDocument
        /// Nil when adding.
        var elementID: UUID?
        var form: ElementForm
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let document = model.document
        let form = model.form
        let errors = model.errors
        let existing = model.elementID.flatMap { document.element($0) }
        let title = existing.map { "Edit \($0.code) \($0.title)" } ?? "Add an element"
        let excluded = Set(existing.map { [$0.id] + $0.allDescendants().map(\.id) } ?? [])
        let parents = [("", "Top level (no parent)")] + document.outline()
            .filter { !excluded.contains($0.element.id) && !$0.element.kind.allowedChildren.isEmpty }
            .map { ($0.element.id.uuidString.lowercased(), String(repeating: "– ", count: $0.depth) + FrameworkDisplay.label($0.element)) }
        return Layout.page(PageFrame(title: title, area: .framework,
                                     breadcrumbs: [("Home", .home), ("Framework", .frameworks), ("Draft version \(document.version)", .frameworkDraft(document.id))],
                                     hasErrors: !errors.isEmpty),
                           context: context,
            Components.errorSummary(errors),
            Components.heading(title, caption: "\(document.title), draft version \(document.version)"),
            Components.form(action: model.elementID.map { .frameworkDraftElement(document.id, $0) } ?? .frameworkDraftElements(document.id),
                            csrf: context.csrfToken,
                Components.input(.init(name: "code", label: "Code", hint: "Short and unique in this framework, like TR.2 or CV.1.MS3",
                                       value: form.code, width: "10", spellcheck: false), errors: errors),
                Components.radios(name: "kind", legend: "Kind of element",
                                  choices: FrameworkDocument.Element.Kind.allCases.map { ($0.rawValue, FrameworkDisplay.elementKind($0)) },
                                  selected: form.kind ?? "", errors: errors),
                Components.select(name: "parent", label: "Sits under", options: parents, selected: form.parent ?? "",
                                  hint: "Principles and values sit at the top; capabilities under them; behaviours, standards, skills and knowledge under those",
                                  errors: errors),
                Components.input(.init(name: "title", label: "Title", value: form.title), errors: errors),
                Components.textarea(name: "statement", label: "Statement", hint: "Left empty, the title is used", value: form.statement ?? "", errors: errors),
                Components.radios(name: "audience", legend: "Who it is for",
                                  choices: FrameworkDocument.Element.Audience.allCases.map { ($0.rawValue, FrameworkDisplay.audience($0)) },
                                  selected: form.audience ?? "", errors: errors),
                Components.textarea(name: "why_it_matters", label: "Why is this important? (optional)", value: form.why_it_matters ?? "", rows: 5, errors: errors),
                Components.textarea(name: "what_it_means_for_me", label: "What does it mean for me? (optional)", value: form.what_it_means_for_me ?? "", rows: 5, errors: errors),
                Components.textarea(name: "looks_like", label: "Looks like", hint: "One example per line, in the order they should appear",
                                    value: form.looks_like ?? "", rows: 6, errors: errors),
                Components.textarea(name: "does_not_look_like", label: "Doesn’t look like", hint: "One example per line",
                                    value: form.does_not_look_like ?? "", rows: 6, errors: errors),
                Components.textarea(name: "capabilities", label: "Organisational capabilities it supports (optional)", hint: "One per line",
                                    value: form.capabilities ?? "", rows: 2, errors: errors),
                Components.textarea(name: "supports", label: "Elements it supports (optional)", hint: "Codes of elements in this framework, one per line",
                                    value: form.supports ?? "", rows: 2, errors: errors),
                Components.textarea(name: "related", label: "Related elements (optional)", hint: "Codes of elements in this framework, one per line",
                                    value: form.related ?? "", rows: 2, errors: errors),
                Components.button(existing == nil ? "Add the element" : "Save the element"))
        )
    }
}

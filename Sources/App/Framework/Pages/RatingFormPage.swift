import CapableCore
import Foundation
import Plot

/// A preview of how people are rated against this framework: each element's levels beside its
/// own examples. Reviews use `RatingForm.fieldset` for the forms that save.
enum RatingFormPage {
    static func view(_ document: FrameworkDocument, context: PageContext) -> HTML {
        let rateable = document.outline().filter { FrameworkDocument.isRateable($0.element) }
        return Layout.page(PageFrame(title: "Rating form: \(document.title)", area: .framework,
                                     breadcrumbs: [("Home", .home), ("Framework", .frameworks), (document.title, .framework(document.id))]),
                           context: context,
            Components.heading("Rating form", caption: document.title),
            Components.paragraph("Each element is rated against its own examples rather than opinion: read what it looks like and doesn’t look like, then choose the level that matches what you have seen."),
            H.el("div", H.cls("govuk-inset-text"), H.text("This is a preview and does not save. Self, manager and peer assessments in Reviews use this form.")),
            FrameworkPage.scale(document.ratingScale),
            H.el("form", H.attr("action", "#"), H.attr("method", "get"), H.cls("app-rating-form"),
                 .group(rateable.map { entry in
                     RatingForm.fieldset(entry.element, in: document, scale: document.ratingScale,
                                         name: "rating-\(entry.element.code)", selected: nil, errors: [])
                 }))
        )
    }
}

/// The rating fieldset every assessment uses: the element's levels as radios, with the element's
/// own looks-like and doesn't-look-like examples beside them (or its parent's, when it has none).
enum RatingForm {
    static func fieldset(_ element: FrameworkDocument.Element, in document: FrameworkDocument, scale: [ScaleLevel],
                         name: String, selected: Int?, errors: [FieldError]) -> BodyNode {
        let error = errors.first { $0.field == name }
        let examples = element.indicators.isEmpty
            ? document.path(to: element.id).dropLast().last(where: { !$0.indicators.isEmpty }) : element
        return H.el("div", H.cls(error == nil ? "govuk-form-group app-rating" : "govuk-form-group govuk-form-group--error app-rating"),
            H.el("fieldset", H.cls("govuk-fieldset"), H.attr("aria-describedby", "\(name)-statement"),
                H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--m"), H.text("\(element.code) \(element.title)")),
                H.el("p", H.cls("govuk-body"), H.attr("id", "\(name)-statement"), H.text(element.statement)),
                .unwrap(error) { H.el("p", H.cls("govuk-error-message"), H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text($0.message)) },
                H.el("div", H.cls("govuk-grid-row"),
                    H.el("div", H.cls("govuk-grid-column-one-third"),
                        H.el("div", H.cls("govuk-radios"), .group(scale.enumerated().map { index, level in
                            // The first radio carries the group's name as its id: the error summary links to it.
                            let id = index == 0 ? name : "\(name)-\(level.value)"
                            return H.el("div", H.cls("govuk-radios__item"),
                                H.void("input", [("class", "govuk-radios__input"), ("id", id), ("name", name), ("type", "radio"),
                                                 ("value", String(level.value)), ("checked", selected == level.value ? "checked" : nil),
                                                 ("aria-describedby", "\(id)-hint")]),
                                H.el("label", H.cls("govuk-label govuk-radios__label"), H.attr("for", id), H.text("\(level.value). \(level.label)")),
                                H.el("div", H.cls("govuk-hint govuk-radios__hint"), H.attr("id", "\(id)-hint"), H.text(level.description)))
                        }))),
                    H.el("div", H.cls("govuk-grid-column-two-thirds"),
                        .unwrap(examples) { source in
                            .group(source.id == element.id ? .empty
                                       : H.el("p", H.cls("govuk-body-s"), H.text("Examples given for \(source.code) \(source.title):")),
                                   FrameworkDisplay.indicators(source.indicators, headingLevel: "h3"))
                        })
                )))
    }
}

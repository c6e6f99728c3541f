import Foundation
import Plot

/// GOV.UK Design System patterns, written for Capable's own stylesheet.
enum Components {
    /// "There is a problem", listing each error as a link to its field. Takes focus on load
    /// (app.js), and `autofocus`-free so it works the same with scripts off.
    static func errorSummary(_ errors: [FieldError]) -> BodyNode {
        guard !errors.isEmpty else { return .empty }
        return H.el("div", H.cls("govuk-error-summary"), H.attr("tabindex", "-1"), H.attr("role", "alert"),
                    H.attr("aria-labelledby", "error-summary-title"), H.attr("data-module", "error-summary"),
            H.el("h2", H.cls("govuk-error-summary__title"), H.attr("id", "error-summary-title"), H.text("There is a problem")),
            H.el("div", H.cls("govuk-error-summary__body"),
                H.el("ul", H.cls("govuk-list govuk-error-summary__list"), .group(errors.map { error in
                    H.el("li", H.el("a", H.attr("href", "#\(error.field)"), H.text(error.message)))
                }))
            )
        )
    }

    struct Field {
        var name: String
        var label: String
        var hint: String? = nil
        var value: String? = nil
        var type: String = "text"
        var autocomplete: String? = nil
        var width: String? = nil
        var spellcheck: Bool? = nil
    }

    /// A labelled input with its hint and inline error, as the error summary links to it by id.
    static func input(_ field: Field, errors: [FieldError]) -> BodyNode {
        let error = errors.first { $0.field == field.name }
        let hintID = field.hint.map { _ in "\(field.name)-hint" }
        let errorID = error.map { _ in "\(field.name)-error" }
        let describedBy = [hintID, errorID].compactMap { $0 }.joined(separator: " ")
        var inputClass = "govuk-input"
        if let width = field.width { inputClass += " govuk-input--width-\(width)" }
        if error != nil { inputClass += " govuk-input--error" }
        return H.el("div", H.cls(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
            H.el("label", H.cls("govuk-label govuk-label--s"), H.attr("for", field.name), H.text(field.label)),
            .unwrap(field.hint) { hint in H.el("div", H.cls("govuk-hint"), H.attr("id", "\(field.name)-hint"), H.text(hint)) },
            .unwrap(error) { error in
                H.el("p", H.cls("govuk-error-message"), H.attr("id", "\(field.name)-error"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message))
            },
            H.void("input", [
                ("class", inputClass), ("id", field.name), ("name", field.name), ("type", field.type),
                // Passwords are never sent back to the browser, even when the form is shown again.
                ("value", field.type == "password" ? nil : field.value),
                ("autocomplete", field.autocomplete),
                ("spellcheck", field.spellcheck.map { $0 ? "true" : "false" }),
                ("aria-describedby", describedBy.isEmpty ? nil : describedBy),
                ("aria-invalid", error == nil ? nil : "true"),
            ])
        )
    }

    /// A POST form carrying the session's CSRF token.
    static func form(action: SiteURL, csrf: String?, confirm: String? = nil, _ nodes: BodyNode...) -> BodyNode {
        H.el("form", [
            H.attr("action", action.path), H.attr("method", "post"), H.flag("novalidate"),
            H.attr("data-confirm", confirm),
            H.void("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrf ?? "")]),
        ] + nodes)
    }

    /// A POST form for file uploads (multipart), carrying the session's CSRF token.
    static func uploadForm(action: SiteURL, csrf: String?, _ nodes: BodyNode...) -> BodyNode {
        H.el("form", [
            H.attr("action", action.path), H.attr("method", "post"), H.attr("enctype", "multipart/form-data"), H.flag("novalidate"),
            H.void("input", [("type", "hidden"), ("name", CSRFMiddleware.fieldName), ("value", csrf ?? "")]),
        ] + nodes)
    }

    /// A labelled file input with its hint and inline error.
    static func fileUpload(name: String, label: String, hint: String, accept: String, errors: [FieldError]) -> BodyNode {
        let error = errors.first { $0.field == name }
        return H.el("div", H.cls(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
            H.el("label", H.cls("govuk-label govuk-label--s"), H.attr("for", name), H.text(label)),
            H.el("div", H.cls("govuk-hint"), H.attr("id", "\(name)-hint"), H.text(hint)),
            .unwrap(error) { error in
                H.el("p", H.cls("govuk-error-message"), H.attr("id", "\(name)-error"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message))
            },
            H.void("input", [("class", "govuk-file-upload"), ("id", name), ("name", name), ("type", "file"), ("accept", accept),
                             ("aria-describedby", error == nil ? "\(name)-hint" : "\(name)-hint \(name)-error")]))
    }

    static func button(_ text: String, style: String? = nil) -> BodyNode {
        H.el("button", H.cls(style.map { "govuk-button govuk-button--\($0)" } ?? "govuk-button"),
             H.attr("type", "submit"), H.attr("data-module", "govuk-button"), H.text(text))
    }

    static func successBanner(title: String, heading: String) -> BodyNode {
        H.el("div", H.cls("govuk-notification-banner govuk-notification-banner--success"), H.attr("role", "alert"),
             H.attr("aria-labelledby", "notification-banner-title"),
            H.el("div", H.cls("govuk-notification-banner__header"),
                 H.el("h2", H.cls("govuk-notification-banner__title"), H.attr("id", "notification-banner-title"), H.text(title))),
            H.el("div", H.cls("govuk-notification-banner__content"),
                 H.el("p", H.cls("govuk-notification-banner__heading"), H.text(heading)))
        )
    }

    /// A summary list of key and value rows.
    static func summaryList(_ rows: [(key: String, value: BodyNode)]) -> BodyNode {
        H.el("dl", H.cls("govuk-summary-list"), .group(rows.map { row in
            H.el("div", H.cls("govuk-summary-list__row"),
                 H.el("dt", H.cls("govuk-summary-list__key"), H.text(row.key)),
                 H.el("dd", H.cls("govuk-summary-list__value"), row.value))
        }))
    }

    /// A table with a caption (screen readers announce it) and column headers.
    static func table(caption: String, headers: [String], rows: [[BodyNode]], numeric: Set<Int> = []) -> BodyNode {
        H.el("table", H.cls("govuk-table"),
            H.el("caption", H.cls("govuk-table__caption govuk-table__caption--m"), H.text(caption)),
            H.el("thead", H.cls("govuk-table__head"), H.el("tr", H.cls("govuk-table__row"), .group(headers.enumerated().map { index, header in
                H.el("th", H.cls(numeric.contains(index) ? "govuk-table__header govuk-table__header--numeric" : "govuk-table__header"),
                     H.attr("scope", "col"), H.text(header))
            }))),
            H.el("tbody", H.cls("govuk-table__body"), .group(rows.map { cells in
                H.el("tr", H.cls("govuk-table__row"), .group(cells.enumerated().map { index, cell in
                    H.el("td", H.cls(numeric.contains(index) ? "govuk-table__cell govuk-table__cell--numeric" : "govuk-table__cell"), cell)
                }))
            }))
        )
    }

    /// A status tag. The words carry the meaning; the colour only repeats it.
    static func tag(_ text: String, colour: String? = nil) -> BodyNode {
        H.el("strong", H.cls(colour.map { "govuk-tag govuk-tag--\($0)" } ?? "govuk-tag"), H.text(text))
    }

    static func heading(_ text: String, caption: String? = nil) -> BodyNode {
        .group(
            .unwrap(caption) { caption in H.el("span", H.cls("govuk-caption-l"), H.text(caption)) },
            H.el("h1", H.cls("govuk-heading-l"), H.text(text))
        )
    }

    static func paragraph(_ text: String) -> BodyNode { H.el("p", H.cls("govuk-body"), H.text(text)) }
}

extension Components {
    struct Choice {
        var value: String
        var label: String
        var hint: String? = nil
        var checked: Bool
    }

    /// A fieldset of checkboxes sharing one name; the error summary links to the first box.
    /// `singleField` names the inputs `name` rather than `name[]`, for a lone yes/no box.
    static func checkboxes(name: String, legend: String, hint: String? = nil, choices: [Choice], errors: [FieldError],
                           singleField: Bool = false) -> BodyNode {
        let error = errors.first { $0.field == name }
        return H.el("div", H.cls(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
            H.el("fieldset", H.cls("govuk-fieldset"), H.attr("aria-describedby", [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ").nilIfEmpty),
                H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--s"), H.text(legend)),
                .unwrap(hint) { H.el("div", H.cls("govuk-hint"), H.attr("id", "\(name)-hint"), H.text($0)) },
                .unwrap(error) { error in
                    H.el("p", H.cls("govuk-error-message"), H.attr("id", "\(name)-error"),
                         H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message))
                },
                H.el("div", H.cls("govuk-checkboxes"), .group(choices.enumerated().map { index, choice in
                    let id = index == 0 ? name : "\(name)-\(index + 1)"
                    return H.el("div", H.cls("govuk-checkboxes__item"),
                        H.void("input", [("class", "govuk-checkboxes__input"), ("id", id), ("name", singleField ? name : "\(name)[]"), ("type", "checkbox"),
                                         ("value", choice.value), ("checked", choice.checked ? "checked" : nil),
                                         ("aria-describedby", choice.hint.map { _ in "\(id)-hint" })]),
                        H.el("label", H.cls("govuk-label govuk-checkboxes__label"), H.attr("for", id), H.text(choice.label)),
                        .unwrap(choice.hint) { H.el("div", H.cls("govuk-hint govuk-checkboxes__hint"), H.attr("id", "\(id)-hint"), H.text($0)) })
                }))
            )
        )
    }
}

extension Components {
    /// Previous and next links; `url` gives the address of a page number.
    static func pagination(page: Int, hasNext: Bool, url: (Int) -> String) -> BodyNode {
        guard page > 1 || hasNext else { return .empty }
        func link(_ number: Int, _ label: String, _ side: String) -> BodyNode {
            H.el("div", H.cls("govuk-pagination__\(side)"),
                 H.el("a", H.cls("govuk-link govuk-pagination__link"), H.attr("href", url(number)), H.attr("rel", side),
                      H.text(label), H.el("span", H.cls("govuk-visually-hidden"), H.text(": page \(number)"))))
        }
        return H.el("nav", H.cls("govuk-pagination"), H.attr("aria-label", "Pages of results"),
            page > 1 ? link(page - 1, "Previous page", "prev") : .empty,
            hasNext ? link(page + 1, "Next page", "next") : .empty)
    }
}

/// Query strings for links.
enum Query {
    /// Encodes the non-nil, non-empty values, in key order.
    static func encode(_ items: [String: String?]) -> String {
        var components = URLComponents()
        components.queryItems = items.sorted { $0.key < $1.key }.compactMap { key, value in
            guard let value, !value.isEmpty else { return nil }
            return URLQueryItem(name: key, value: value)
        }
        return components.percentEncodedQuery ?? ""
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension Components {
    /// A labelled select with optional hint and inline error; `options` are (value, text).
    static func select(name: String, label: String, options: [(String, String)], selected: String,
                       hint: String? = nil, errors: [FieldError] = []) -> BodyNode {
        let error = errors.first { $0.field == name }
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        return H.el("div", H.cls(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
            H.el("label", H.cls("govuk-label"), H.attr("for", name), H.text(label)),
            .unwrap(hint) { H.el("div", H.cls("govuk-hint"), H.attr("id", "\(name)-hint"), H.text($0)) },
            .unwrap(error) { error in
                H.el("p", H.cls("govuk-error-message"), H.attr("id", "\(name)-error"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message))
            },
            H.el("select", H.cls("govuk-select"), H.attr("id", name), H.attr("name", name), H.attr("aria-describedby", describedBy.nilIfEmpty),
                 .group(options.map { value, text in
                H.el("option", H.attr("value", value), H.flag("selected", value == selected), H.text(text))
            })))
    }
}

extension Components {
    /// A labelled textarea with its hint and inline error.
    static func textarea(name: String, label: String, hint: String? = nil, value: String, rows: Int = 4, errors: [FieldError] = []) -> BodyNode {
        let error = errors.first { $0.field == name }
        let describedBy = [hint.map { _ in "\(name)-hint" }, error.map { _ in "\(name)-error" }].compactMap { $0 }.joined(separator: " ")
        return H.el("div", H.cls(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
            H.el("label", H.cls("govuk-label govuk-label--s"), H.attr("for", name), H.text(label)),
            .unwrap(hint) { H.el("div", H.cls("govuk-hint"), H.attr("id", "\(name)-hint"), H.text($0)) },
            .unwrap(error) { error in
                H.el("p", H.cls("govuk-error-message"), H.attr("id", "\(name)-error"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message))
            },
            H.el("textarea", H.cls(error == nil ? "govuk-textarea" : "govuk-textarea govuk-textarea--error"), H.attr("id", name), H.attr("name", name),
                 H.attr("rows", String(rows)), H.attr("aria-describedby", describedBy.nilIfEmpty), H.attr("aria-invalid", error == nil ? nil : "true"),
                 H.text(value)))
    }
}

extension Components {
    /// A fieldset of radios; the error summary links to the first.
    static func radios(name: String, legend: String, choices: [(String, String)], selected: String, errors: [FieldError]) -> BodyNode {
        let error = errors.first { $0.field == name }
        return H.el("div", H.cls(error == nil ? "govuk-form-group" : "govuk-form-group govuk-form-group--error"),
            H.el("fieldset", H.cls("govuk-fieldset"),
                H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--s"), H.text(legend)),
                .unwrap(error) { H.el("p", H.cls("govuk-error-message"), H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text($0.message)) },
                H.el("div", H.cls("govuk-radios"), .group(choices.enumerated().map { index, choice in
                    let id = index == 0 ? name : "\(name)-\(index + 1)"
                    return H.el("div", H.cls("govuk-radios__item"),
                        H.void("input", [("class", "govuk-radios__input"), ("id", id), ("name", name), ("type", "radio"), ("value", choice.0),
                                         ("checked", choice.0 == selected ? "checked" : nil)]),
                        H.el("label", H.cls("govuk-label govuk-radios__label"), H.attr("for", id), H.text(choice.1)))
                }))))
    }
}

extension Components {
    struct Task {
        var name: String
        /// Where the step is done; nil when there is nothing for this viewer to open.
        var href: String?
        var hint: String?
        var status: String
        /// Nil for a completed step, shown as plain text as the pattern does.
        var colour: String?
    }

    /// The GOV.UK task list: each step's name (a link when it can be opened), a hint, and its
    /// status in words, tied to the link by `aria-describedby`.
    static func taskList(id: String, _ tasks: [Task]) -> BodyNode {
        H.el("ul", H.cls("govuk-task-list"), H.attr("id", id), .group(tasks.enumerated().map { index, task in
            let statusID = "\(id)-\(index + 1)-status", hintID = "\(id)-\(index + 1)-hint"
            let describedBy = task.hint == nil ? statusID : "\(hintID) \(statusID)"
            return H.el("li", H.cls(task.href == nil ? "govuk-task-list__item" : "govuk-task-list__item govuk-task-list__item--with-link"),
                H.el("div", H.cls("govuk-task-list__name-and-hint"),
                     task.href.map { href in
                         H.el("a", H.cls("govuk-link govuk-task-list__link"), H.attr("href", href), H.attr("aria-describedby", describedBy), H.text(task.name))
                     } ?? H.el("div", H.text(task.name)),
                     .unwrap(task.hint) { H.el("div", H.cls("govuk-task-list__hint"), H.attr("id", hintID), H.text($0)) }),
                H.el("div", H.cls(task.colour == nil ? "govuk-task-list__status govuk-task-list__status--completed" : "govuk-task-list__status"),
                     H.attr("id", statusID), task.colour.map { tag(task.status, colour: $0) } ?? H.text(task.status)))
        }))
    }
}

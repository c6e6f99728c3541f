import CapableCore
import Foundation
import Plot

/// A workshop's board: a form to add a post-it, each group's post-its not yet themed, and the
/// themes with their post-its and votes. Every change is a small form; `board.js` adds drag and
/// drop, keyboard moves announced to screen readers, and other people's new post-its.
enum BoardPage {
    struct Model: Encodable {
        var id: UUID
        var title: String
        var heldOn: String
        var canFacilitate: Bool
        var board: BoardQueries.Model
        var errors: [FieldError] = []
        var postItForm = BoardController.PostItForm()
        var themeName: String?
    }

    /// Stands in for a post-it's id in the template the script copies.
    static let templateID = UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))

    static func anchor(_ postIt: UUID) -> String { "postit-\(postIt.uuidString.lowercased())" }
    static func anchor(theme: UUID) -> String { "theme-\(theme.uuidString.lowercased())" }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let csrf = context.csrfToken
        // Errors from forms repeated on every post-it or theme point at the section they are in.
        let errors = model.errors.map { e in ["theme", "into", "elements", "risks"].contains(e.field) ? FieldError(field: "themes", message: e.message) : e }
        return Layout.page(PageFrame(title: "Board: \(model.title)", area: .workshops,
                                     breadcrumbs: [("Home", .home), ("Workshops", .workshops(.home)), (model.title, .workshops(.workshop(model.id)))],
                                     hasErrors: !errors.isEmpty), context: context,
            Components.errorSummary(errors),
            Components.heading("Board", caption: "\(model.title), \(DisplayFormat.calendarDate(model.heldOn))"),
            H.el("p", H.cls("govuk-body"), H.attr("id", "vote"), H.attr("role", "status"), H.attr("data-votes-left", ""),
                 H.text(votesText(model.board))),
            H.el("div", H.cls("govuk-visually-hidden"), H.attr("id", "board-announcer"), H.attr("aria-live", "polite"), H.attr("aria-atomic", "true")),
            H.el("div", H.attr("id", "board"), H.cls("app-board"), H.attr("data-board", SiteURL.apiWorkshopBoard(model.id).path),
                 H.attr("data-csrf", csrf), H.attr("data-facilitator", model.canFacilitate ? "" : nil),
                addForm(model, errors: errors, csrf: csrf),
                H.el("p", H.cls("govuk-body app-board-help"), H.attr("id", "board-help"), H.attr("hidden", ""),
                     H.text("To move a post-it with the keyboard: go to it, press Space to pick it up, use the arrow keys to choose a theme, and press Space again to put it there. Escape puts it back.")),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Not yet in a theme")),
                model.board.groups.isEmpty ? Components.paragraph("This session has no breakout groups yet: a facilitator adds them on the workshop's page.") : .empty,
                .group(model.board.groups.map { group in
                    H.el("section", H.cls("app-board-group"), H.attr("aria-labelledby", "group-\(group.id.uuidString.lowercased())"),
                        H.el("h3", H.cls("govuk-heading-s"), H.attr("id", "group-\(group.id.uuidString.lowercased())"), H.text(group.name)),
                        H.el("p", H.cls("govuk-body-s"), H.text(group.question)),
                        list(model.board.postIts.filter { $0.groupId == group.id && $0.themeId == nil }, label: "Post-its from \(group.name) not yet in a theme",
                             theme: nil, group: group.id, model: model, csrf: csrf))
                }),
                H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "themes"), H.attr("tabindex", "-1"), H.text("Themes")),
                .group(model.board.themes.map { theme(model, $0, csrf: csrf) }),
                Components.form(action: .workshops(.themes(model.id)), csrf: csrf,
                    Components.input(.init(name: "name", label: "New theme", hint: "A few words for what several post-its have in common", value: model.themeName), errors: errors),
                    Components.button("Add the theme", style: "secondary"))
            ),
            // What board.js copies for a post-it someone else has just added.
            H.el("template", H.attr("id", "postit-template"),
                 postIt(model, .init(id: templateID, groupId: templateID, themeId: nil, text: "", author: "", anonymous: false, mine: true), csrf: csrf)),
            H.el("script", H.attr("src", SiteURL.boardScript.path), H.flag("defer"))
        )
    }

    static func votesText(_ board: BoardQueries.Model) -> String {
        "You have \(board.votesLeft) of your \(board.votesPerParticipant) votes left."
    }

    private static func addForm(_ model: Model, errors: [FieldError], csrf: String?) -> BodyNode {
        guard !model.board.groups.isEmpty else { return .empty }
        let selected = model.postItForm.group ?? (model.board.myGroupId ?? model.board.groups[0].id).uuidString.lowercased()
        return Components.form(action: .workshops(.postIts(model.id)), csrf: csrf,
            H.el("h2", H.cls("govuk-heading-m"), H.text("Add a post-it")),
            model.board.groups.count == 1
                ? H.void("input", [("type", "hidden"), ("name", "group"), ("value", model.board.groups[0].id.uuidString.lowercased())])
                : Components.select(name: "group", label: "Group", options: model.board.groups.map { ($0.id.uuidString.lowercased(), $0.name) },
                                    selected: selected, errors: errors),
            model.canFacilitate && !model.board.guests.isEmpty
                ? Components.select(name: "guest", label: "From", options: [("", "You")] + model.board.guests.map { ($0.id.uuidString.lowercased(), $0.name) },
                                    selected: model.postItForm.guest ?? "", hint: "Guests have no account: post their ideas for them", errors: errors)
                : .empty,
            Components.textarea(name: "text", label: "Your idea", hint: "Up to \(PostIt.maxLength) characters", value: model.postItForm.text ?? "", rows: 3, errors: errors),
            model.board.allowAnonymous
                ? Components.checkboxes(name: "anonymous", legend: "Your name", choices: [.init(value: "yes", label: "Post without my name", checked: model.postItForm.anonymous == "yes")],
                                        errors: errors, singleField: true) : .empty,
            Components.button("Add the post-it"))
    }

    private static func theme(_ model: Model, _ theme: BoardQueries.Theme, csrf: String?) -> BodyNode {
        let id = theme.id.uuidString.lowercased()
        let notes = model.board.postIts.filter { $0.themeId == theme.id }
        return H.el("section", H.cls("app-theme"), H.attr("id", anchor(theme: theme.id)), H.attr("aria-labelledby", "theme-name-\(id)"),
            H.el("h3", H.cls("govuk-heading-s"), H.attr("id", "theme-name-\(id)"), H.text(theme.name)),
            H.el("p", H.cls("govuk-body-s"), H.attr("data-theme-votes", id),
                 H.text("\(theme.votes) \(theme.votes == 1 ? "vote" : "votes")" + (theme.myVotes > 0 ? " (\(theme.myVotes) yours)" : ""))),
            H.el("div", H.cls("app-actions"),
                voteButton(model, theme, add: true, csrf: csrf),
                theme.myVotes > 0 ? voteButton(model, theme, add: false, csrf: csrf) : .empty),
            theme.links.isEmpty ? .empty : H.el("ul", H.cls("govuk-list app-theme-links"), .group(theme.links.map { link in
                H.el("li", link.kind == .element
                    ? H.link("\(link.code) \(link.title)", to: .frameworkElement(link.id, version: nil))
                    : H.link("Risk \(link.code): \(link.title)", to: .risk(.risk(link.id))))
            })),
            list(notes, label: "Post-its in \(theme.name)", theme: theme.id, group: nil, model: model, csrf: csrf),
            H.el("details", H.cls("govuk-details"),
                H.el("summary", H.cls("govuk-details__summary"), H.el("span", H.cls("govuk-details__summary-text"), H.text("Rename or merge"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text(" \(theme.name)")))),
                H.el("div", H.cls("govuk-details__text"),
                    Components.form(action: .workshops(.theme(model.id, theme.id)), csrf: csrf,
                        field("rename-\(id)", name: "name", label: "New name", value: theme.name),
                        Components.button("Rename", style: "secondary")),
                    model.board.themes.count < 2 ? .empty : Components.form(action: .workshops(.theme(model.id, theme.id)), csrf: csrf,
                        H.void("input", [("type", "hidden"), ("name", "change"), ("value", "merge")]),
                        select("merge-\(id)", name: "into", label: "Merge into", options: model.board.themes.filter { $0.id != theme.id }.map { ($0.id.uuidString.lowercased(), $0.name) }, selected: ""),
                        Components.button("Merge", style: "secondary")))),
            model.canFacilitate ? H.el("details", H.cls("govuk-details"),
                H.el("summary", H.cls("govuk-details__summary"), H.el("span", H.cls("govuk-details__summary-text"), H.text("Link to the framework or risks"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text(": \(theme.name)")))),
                H.el("div", H.cls("govuk-details__text"),
                    Components.form(action: .workshops(.themeLinks(model.id, theme.id)), csrf: csrf,
                        field("elements-\(id)", name: "elements", label: "Framework element codes", hint: "Separated by commas, for example TR.1, TR.2",
                              value: theme.links.filter { $0.kind == .element }.map(\.code).joined(separator: ", ")),
                        field("risks-\(id)", name: "risks", label: "Risk references", hint: "Separated by commas",
                              value: theme.links.filter { $0.kind == .risk }.map(\.code).joined(separator: ", ")),
                        Components.button("Save the links", style: "secondary")))) : .empty
        )
    }

    private static func voteButton(_ model: Model, _ theme: BoardQueries.Theme, add: Bool, csrf: String?) -> BodyNode {
        Components.form(action: .workshops(.vote(model.id, theme.id)), csrf: csrf,
            H.void("input", [("type", "hidden"), ("name", "change"), ("value", add ? "add" : "remove")]),
            H.el("button", H.cls(add ? "govuk-button govuk-button--secondary app-button-small" : "app-link-button"), H.attr("type", "submit"),
                 H.attr("data-vote", add ? "add" : "remove"),
                 H.text(add ? "Vote" : "Take back a vote"), H.el("span", H.cls("govuk-visually-hidden"), H.text(" for \(theme.name)"))))
    }

    private static func list(_ notes: [BoardQueries.Note], label: String, theme: UUID?, group: UUID?, model: Model, csrf: String?) -> BodyNode {
        H.el("ul", H.cls("app-postits"), H.attr("aria-label", label),
             H.attr("data-theme", theme?.uuidString.lowercased() ?? ""), H.attr("data-group", group?.uuidString.lowercased()),
             .group(notes.map { postIt(model, $0, csrf: csrf) }))
    }

    static func postIt(_ model: Model, _ note: BoardQueries.Note, csrf: String?) -> BodyNode {
        let id = note.id.uuidString.lowercased()
        let group = model.board.groups.first { $0.id == note.groupId }?.name ?? ""
        let options = [("", "Not in a theme")] + model.board.themes.map { ($0.id.uuidString.lowercased(), $0.name) }
        return H.el("li", H.cls("app-postit"), H.attr("id", anchor(note.id)), H.attr("data-postit", id), H.attr("data-group", note.groupId.uuidString.lowercased()),
            H.el("p", H.cls("app-postit__text"), H.text(note.text)),
            H.el("p", H.cls("app-postit__author"), H.text(note.mine && note.anonymous ? "You (anonymous to others)" : note.author),
                 note.themeId == nil ? .empty : H.text(", \(group)")),
            Components.form(action: .workshops(.movePostIt(model.id, note.id)), csrf: csrf,
                select("move-\(id)", name: "theme", label: "Theme", options: options, selected: note.themeId?.uuidString.lowercased() ?? ""),
                H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Move"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text(" this post-it")))),
            note.mine || model.canFacilitate ? Components.form(action: .workshops(.deletePostIt(model.id, note.id)), csrf: csrf,
                H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Remove"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text(" this post-it")))) : .empty)
    }

    /// A small labelled field with its own id, for forms repeated on every post-it and theme.
    private static func field(_ id: String, name: String, label: String, hint: String? = nil, value: String) -> BodyNode {
        H.el("div", H.cls("govuk-form-group"),
            H.el("label", H.cls("govuk-label"), H.attr("for", id), H.text(label)),
            .unwrap(hint) { H.el("div", H.cls("govuk-hint"), H.attr("id", "\(id)-hint"), H.text($0)) },
            H.void("input", [("class", "govuk-input"), ("id", id), ("name", name), ("type", "text"), ("value", value),
                             ("aria-describedby", hint.map { _ in "\(id)-hint" })]))
    }

    private static func select(_ id: String, name: String, label: String, options: [(String, String)], selected: String) -> BodyNode {
        H.el("div", H.cls("app-inline-field"),
            H.el("label", H.cls("govuk-label govuk-label--s"), H.attr("for", id), H.text(label)),
            H.el("select", H.cls("govuk-select"), H.attr("id", id), H.attr("name", name), .group(options.map { value, text in
                H.el("option", H.attr("value", value), H.flag("selected", value == selected), H.text(text))
            })))
    }
}

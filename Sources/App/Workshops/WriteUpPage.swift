import CapableCore
import Fluent
import Foundation
import Plot

/// A session's write-up: the facilitator's text (Markdown, rendered safely), then the themes in
/// order of votes with their post-its quoted, and the actions agreed. Facilitators edit and
/// publish it here; it prints cleanly with `?print=1`.
enum WriteUpPage {
    struct Model: Encodable {
        var id: UUID
        var title: String
        var heldOn: String
        var format: String
        var questions: [String]
        var text: String
        var published: Bool
        var publishedAt: Date?
        var audience: Workshop.Audience?
        /// Who can read it, in words: "the people who took part and everyone in Unit X".
        var readers: String
        var canFacilitate: Bool
        var board: BoardQueries.Model
        var actions: [WorkshopActions.Row]
        var followThrough: String
        var form = WriteUpController.Form()
        var errors: [FieldError] = []
        /// Job roles, for choosing an audience.
        var roles: [Role] = []

        struct Role: Encodable { var id: UUID; var title: String }

        enum CodingKeys: CodingKey { case id, title, heldOn, format, questions, text, published, publishedAt, audience, readers, canFacilitate, board, actions, followThrough, form, errors }
    }

    static func query(_ workshop: Workshop, access: WorkshopAccess, today: CalendarDate, on db: any Database) async throws -> Model {
        let id = try workshop.requireID()
        let log = try await WorkshopActions.log(workshops: [id], principal: access.principal, today: today, on: db)
        var form = WriteUpController.Form()
        form.write_up = workshop.writeUp
        form.audience = workshop.writeUpAudience ?? Workshop.Audience.participants.rawValue
        form.rule = "allStaff"
        let audience = workshop.writeUpAudience.flatMap(Workshop.Audience.init)
        var readers = (audience ?? .participants).label.lowercased()
        if audience == .chosen, let chosen = workshop.writeUpReaders {
            readers = "the people who took part and " + chosen.description(using: try await Audiences.names(on: db)).lowercasingFirstLetter
        }
        return Model(id: id, title: workshop.title, heldOn: workshop.heldOn, format: workshop.formatValue.label, questions: workshop.questionList,
                     text: workshop.writeUp ?? "", published: workshop.isPublished, publishedAt: workshop.writeUpPublishedAt,
                     audience: audience, readers: readers, canFacilitate: access.canFacilitate,
                     board: try await BoardQueries.board(workshop, access: access, on: db), actions: log.rows,
                     followThrough: log.followThrough.summary, form: form)
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Write-up: \(model.title)", area: .workshops,
                              breadcrumbs: [("Home", .home), ("Workshops", .workshops(.home))] + (model.canFacilitate || model.published ? [(model.title, .workshops(.workshop(model.id)))] : []),
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Write-up", caption: "\(model.title), \(DisplayFormat.calendarDate(model.heldOn))"),
            status(model),
            model.canFacilitate ? editor(model, csrf: context.csrfToken) : .empty,
            model.published || model.canFacilitate
                ? H.el("div", H.cls("app-write-up"), H.attr("id", "write-up"),
                       model.published ? .empty : H.el("h2", H.cls("govuk-heading-m"), H.text("Preview")),
                       content(model))
                : Components.paragraph("The facilitator has not published the write-up yet.")
        )
    }

    static func printView(_ model: Model) -> HTML {
        Layout.printPage(title: "Write-up: \(model.title)", back: .workshops(.writeUp(model.id)),
            Components.heading(model.title, caption: "\(model.format), \(DisplayFormat.calendarDate(model.heldOn))"),
            content(model))
    }

    private static func status(_ model: Model) -> BodyNode {
        guard model.published, let at = model.publishedAt else {
            return model.canFacilitate ? H.el("p", H.cls("govuk-body"), Components.tag("Draft", colour: "grey"), H.text(" Only facilitators can see it until it is published.")) : .empty
        }
        return H.el("p", H.cls("govuk-body"), Components.tag("Published", colour: "green"),
                    H.text(" \(DisplayFormat.dateTime(at)), for \(model.readers). "),
                    H.link("Print the write-up", to: .workshops(.writeUp(model.id, print: true))))
    }

    private static func editor(_ model: Model, csrf: String?) -> BodyNode {
        Components.form(action: .workshops(.writeUp(model.id)), csrf: csrf,
            Components.textarea(name: "write_up", label: "The write-up",
                                hint: "Markdown: # for a heading, * or - for a list, **bold**, *italics*, [words](https://…) for a link. The themes, their post-its and the actions are added below it.",
                                value: model.form.write_up ?? "", rows: 12, errors: model.errors),
            Components.radios(name: "audience", legend: "Who can read it once published",
                              choices: Workshop.Audience.allCases.map { ($0.rawValue, $0.label) }, selected: model.form.audience ?? "", errors: model.errors),
            H.el("details", H.cls("govuk-details"), H.flag("open", model.form.audience == Workshop.Audience.chosen.rawValue),
                H.el("summary", H.cls("govuk-details__summary"), H.el("span", H.cls("govuk-details__summary-text"), H.text("Choose the audience"))),
                H.el("div", H.cls("govuk-details__text"),
                     AudiencePage.ruleFields(model.form.audienceQuery, roles: model.roles.map { ($0.id, $0.title) }, errors: model.errors))),
            H.el("div", H.cls("govuk-button-group"),
                H.el("button", H.cls("govuk-button"), H.attr("type", "submit"), H.attr("name", "publish"), H.attr("value", "yes"),
                     H.text(model.published ? "Publish the changes" : "Publish")),
                H.el("button", H.cls("govuk-button govuk-button--secondary"), H.attr("type", "submit"), H.attr("name", "publish"), H.attr("value", "no"),
                     H.text("Save as a draft"))))
    }

    /// The write-up itself, the themes with their post-its, and the actions.
    static func content(_ model: Model) -> BodyNode {
        let themes = model.board.themes.sorted { ($0.votes, -index(of: $0, in: model)) > ($1.votes, -index(of: $1, in: model)) }
        return .group(
            model.text.isEmpty ? Components.paragraph("Nothing written yet.") : MarkdownView.render(model.text),
            H.el("h2", H.cls("govuk-heading-m"), H.text(model.questions.count == 1 ? "The question" : "The questions")),
            H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(model.questions.map { H.el("li", H.text($0)) })),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Themes")),
            themes.isEmpty ? Components.paragraph("No themes were drawn from the post-its.") : .group(themes.map { theme in
                H.el("section", H.cls("app-write-up-theme"),
                    H.el("h3", H.cls("govuk-heading-s"), H.text(theme.name)),
                    H.el("p", H.cls("govuk-body-s"), H.text("\(theme.votes) \(theme.votes == 1 ? "vote" : "votes")"),
                         theme.links.isEmpty ? .empty : H.text(". About: " + theme.links.map { "\($0.code) \($0.title)" }.joined(separator: "; "))),
                    .group(model.board.postIts.filter { $0.themeId == theme.id }.map { note in
                        H.el("blockquote", H.cls("app-quote"), H.el("p", H.cls("govuk-body"), H.text(note.text)),
                             H.el("p", H.cls("govuk-body-s"), H.text("— \(note.author)")))
                    }))
            }),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Actions agreed")),
            Components.paragraph(model.followThrough),
            model.actions.isEmpty ? Components.paragraph("No actions were recorded.")
                : Components.table(caption: "Actions agreed", headers: ["Action", "Owner", "Due", "Status"], rows: model.actions.map { row in
                    [H.text(row.description), H.text(row.owner), H.text(row.dueOn.map(DisplayFormat.calendarDate) ?? "No date"),
                     H.text(row.status == .open ? (row.overdue ? "Overdue" : "Due") : (row.status == .done ? "Done" : "Dropped"))]
                })
        )
    }

    private static func index(of theme: BoardQueries.Theme, in model: Model) -> Int {
        model.board.themes.firstIndex { $0.id == theme.id } ?? 0
    }
}

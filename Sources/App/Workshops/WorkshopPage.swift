import CapableCore
import Fluent
import Foundation
import Plot

/// One workshop: its details and questions, breakout groups and the people taking part, with
/// the ways into its board, actions and write-up. Facilitators set it up from here.
enum WorkshopPage {
    struct Person: Encodable {
        var id: UUID
        var name: String
        var role: WorkshopParticipant.Role
        var guest: Bool
        var groupID: UUID?
    }

    struct Model: Encodable {
        var id: UUID
        var title: String
        var purpose: String
        var questions: [String]
        var heldOn: String
        var format: String
        var votes: Int
        var allowAnonymous: Bool
        var series: (id: UUID, title: String)?
        var published: Bool
        var canFacilitate: Bool
        var groups: [BoardQueries.Group]
        var people: [Person]
        var errors: [FieldError] = []
        var groupForm = WorkshopsController.GroupForm()
        var peopleForm = WorkshopsController.PeopleForm()

        enum CodingKeys: CodingKey { case id, title, purpose, questions, heldOn, format, votes, allowAnonymous, published, canFacilitate, groups, people, errors }
    }

    static func query(_ workshop: Workshop, access: WorkshopAccess, on db: any Database) async throws -> Model {
        let id = try workshop.requireID()
        let groups = try await WorkshopGroup.query(on: db).filter(\.$workshop.$id == id).sort(\.$position).all()
        let people = try await WorkshopParticipant.query(on: db).filter(\.$workshop.$id == id).with(\.$person).all()
        let series = try await workshop.$series.get(on: db)
        return Model(
            id: id, title: workshop.title, purpose: workshop.purpose, questions: workshop.questionList, heldOn: workshop.heldOn,
            format: workshop.formatValue.label, votes: workshop.votesPerParticipant, allowAnonymous: workshop.allowAnonymous,
            series: try series.map { (try $0.requireID(), $0.title) }, published: workshop.isPublished, canFacilitate: access.canFacilitate,
            groups: try groups.map { .init(id: try $0.requireID(), name: $0.name, question: $0.question) },
            people: try people.map { p in
                Person(id: try p.requireID(), name: p.person?.displayName ?? p.guestLabel,
                       role: p.roleValue, guest: p.person == nil, groupID: p.$group.id)
            }.sorted { ($0.role == .facilitator ? 0 : 1, $0.name) < ($1.role == .facilitator ? 0 : 1, $1.name) })
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let csrf = context.csrfToken
        return Layout.page(PageFrame(title: model.title, area: .workshops, breadcrumbs: crumbs(model), hasErrors: !model.errors.isEmpty),
                           context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.title, caption: "\(model.format), \(DisplayFormat.calendarDate(model.heldOn))"),
            model.purpose.isEmpty ? .empty : Components.paragraph(model.purpose),
            H.el("h2", H.cls("govuk-heading-m"), H.text(model.questions.count == 1 ? "Question" : "Questions")),
            H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(model.questions.map { H.el("li", H.text($0)) })),
            H.el("ul", H.cls("govuk-list app-actions"),
                 H.el("li", H.link("Open the board", to: .workshops(.board(model.id)), class: "govuk-button")),
                 H.el("li", H.link("Actions and follow-through", to: .workshops(.actions(model.id)), class: "govuk-button govuk-button--secondary")),
                 H.el("li", H.link(model.published ? "Read the write-up" : (model.canFacilitate ? "Write it up" : "Write-up (not published yet)"),
                                   to: .workshops(.writeUp(model.id)), class: "govuk-button govuk-button--secondary")),
                 model.canFacilitate ? H.el("li", H.link("Change the details", to: .workshops(.edit(model.id)), class: "govuk-button govuk-button--secondary")) : .empty),
            Components.summaryList([
                ("Votes for each participant", H.text(String(model.votes))),
                ("Anonymous post-its", H.text(model.allowAnonymous ? "Allowed" : "Not allowed")),
            ] + (model.series.map { [("Series", H.link($0.title, to: .workshops(.series($0.id))))] } ?? [])),
            groups(model, csrf: csrf),
            people(model, csrf: csrf)
        )
    }

    static func crumbs(_ model: Model) -> [(String, SiteURL)] {
        var trail: [(String, SiteURL)] = [("Home", .home), ("Workshops", .workshops(.home))]
        if let series = model.series { trail.append((series.title, .workshops(.series(series.id)))) }
        return trail
    }

    private static func groups(_ model: Model, csrf: String?) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "groups"), H.text("Breakout groups")),
            model.groups.isEmpty ? Components.paragraph("No breakout groups yet. The board needs at least one.")
                : Components.table(caption: "Breakout groups", headers: ["Group", "Question", "People"], rows: model.groups.map { g in
                    [H.text(g.name), H.text(g.question), H.text(String(model.people.filter { $0.groupID == g.id }.count))]
                }, numeric: [2]),
            model.canFacilitate ? H.el("details", H.cls("govuk-details"), H.flag("open", model.groups.count < 2 || !model.errors.filter { $0.field.hasPrefix("group_") }.isEmpty),
                H.el("summary", H.cls("govuk-details__summary"), H.el("span", H.cls("govuk-details__summary-text"), H.text("Add a breakout group"))),
                H.el("div", H.cls("govuk-details__text"),
                    Components.form(action: .workshops(.groups(model.id)), csrf: csrf,
                        Components.input(.init(name: "group_name", label: "Group name", value: model.groupForm.group_name), errors: model.errors),
                        Components.textarea(name: "group_question", label: "The group's question", value: model.groupForm.group_question ?? "", rows: 2, errors: model.errors),
                        Components.button("Add the group", style: "secondary")))) : .empty
        )
    }

    private static func people(_ model: Model, csrf: String?) -> BodyNode {
        let groupOptions = [("", "No group")] + model.groups.map { ($0.id.uuidString.lowercased(), $0.name) }
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "participants"), H.text("People taking part")),
            model.people.isEmpty ? Components.paragraph("Nobody has been added yet.")
                : Components.table(caption: "People taking part", headers: model.canFacilitate ? ["Name", "Role", "Group", "Change"] : ["Name", "Role", "Group"],
                                   rows: model.people.map { p in
                    let group = model.groups.first { $0.id == p.groupID }?.name ?? "No group"
                    var cells: [BodyNode] = [H.text(p.name), H.text(p.guest ? "Guest" : (p.role == .facilitator ? "Facilitator" : "Participant")), H.text(group)]
                    if model.canFacilitate {
                        let selectID = "group-\(p.id.uuidString.lowercased())"
                        cells.append(H.el("div", H.cls("app-actions"),
                            Components.form(action: .workshops(.participant(model.id, p.id)), csrf: csrf,
                                H.el("label", H.cls("govuk-visually-hidden"), H.attr("for", selectID), H.text("Group for \(p.name)")),
                                H.el("select", H.cls("govuk-select"), H.attr("id", selectID), H.attr("name", "group"), .group(groupOptions.map { value, text in
                                    H.el("option", H.attr("value", value), H.flag("selected", value == (p.groupID?.uuidString.lowercased() ?? "")), H.text(text))
                                })),
                                H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Move"),
                                     H.el("span", H.cls("govuk-visually-hidden"), H.text(" \(p.name)")))),
                            Components.form(action: .workshops(.participant(model.id, p.id)), csrf: csrf,
                                H.void("input", [("type", "hidden"), ("name", "change"), ("value", "remove")]),
                                H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Remove"),
                                     H.el("span", H.cls("govuk-visually-hidden"), H.text(" \(p.name)"))))))
                    }
                    return cells
                }),
            model.canFacilitate ? H.el("details", H.cls("govuk-details"), H.flag("open", model.people.count < 2 || !model.errors.isEmpty),
                H.el("summary", H.cls("govuk-details__summary"), H.el("span", H.cls("govuk-details__summary-text"), H.text("Add people"))),
                H.el("div", H.cls("govuk-details__text"),
                    Components.form(action: .workshops(.participants(model.id)), csrf: csrf,
                        Components.input(.init(name: "staff_numbers", label: "Employee numbers", hint: "Separated by commas, for example 100234, 100871",
                                               value: model.peopleForm.staff_numbers), errors: model.errors),
                        Components.radios(name: "role", legend: "They are", choices: [("participant", "Participants"), ("facilitator", "Facilitators")],
                                          selected: model.peopleForm.role ?? "participant", errors: model.errors),
                        Components.input(.init(name: "guest_name", label: "Or a guest without an account (optional)", hint: "Their name, for example a partner or a councillor",
                                               value: model.peopleForm.guest_name), errors: model.errors),
                        Components.input(.init(name: "guest_organisation", label: "The guest's organisation (optional)", value: model.peopleForm.guest_organisation), errors: model.errors),
                        Components.button("Add", style: "secondary")))) : .empty
        )
    }
}

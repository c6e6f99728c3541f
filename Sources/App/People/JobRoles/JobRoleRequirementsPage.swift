import Foundation
import Plot

/// The job role's framework requirements form: one fieldset per value or principle, a row per
/// element with "needed" and "level" choices.
enum JobRoleRequirementsPage {
    struct Level: Encodable { var value: Int; var label: String }
    struct Option: Encodable {
        var id: UUID
        var code: String
        var title: String
        var audience: String
        var depth: Int
        /// "", "essential" or "desirable".
        var need: String
        /// "" (any level) or a level number.
        var level: String
    }
    struct Group: Encodable { var code: String; var title: String; var kind: String; var options: [Option] }
    struct Framework: Encodable { var title: String; var levels: [Level]; var groups: [Group] }
    struct Model: Encodable {
        var roleID: UUID
        var roleTitle: String
        var frameworks: [Framework]
        /// Chosen elements no current published version lists.
        var others: [Option]
        /// Element ids in the order the page lists them.
        var order: [UUID]
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let title = "Framework requirements"
        return Layout.page(PageFrame(title: "\(title): \(model.roleTitle)", area: .people,
                                     breadcrumbs: [("Home", .home), ("People", .area(.people)), ("Job roles", .jobRoles),
                                                   (model.roleTitle, .jobRole(model.roleID))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(title, caption: model.roleTitle),
            Components.paragraph("Choose what the role needs from each framework: essential or desirable, and the level expected on the framework's rating scale. Person specifications are generated from these."),
            Components.form(action: .jobRoleRequirements(model.roleID), csrf: context.csrfToken,
                .group(model.frameworks.map { framework in
                    .group(H.el("h2", H.cls("govuk-heading-m"), H.text(framework.title)),
                           .group(framework.groups.map { group(framework: framework, $0, errors: model.errors) }))
                }),
                model.others.isEmpty ? .empty : group(framework: Framework(title: "", levels: [], groups: []),
                    Group(code: "", title: "Not in a current framework version", kind: "", options: model.others), errors: model.errors),
                Components.button("Save requirements"))
        )
    }

    private static func group(framework: Framework, _ group: Group, errors: [FieldError]) -> BodyNode {
        let legend = group.code.isEmpty ? group.title : "\(group.code) \(group.title)"
        return H.el("fieldset", H.cls("govuk-fieldset app-requirements"),
            H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--s"), H.text(legend)),
            H.el("table", H.cls("govuk-table"),
                H.el("caption", H.cls("govuk-table__caption govuk-visually-hidden"), H.text("Elements under \(legend)")),
                H.el("thead", H.cls("govuk-table__head"), H.el("tr", H.cls("govuk-table__row"),
                    H.el("th", H.cls("govuk-table__header"), H.attr("scope", "col"), H.text("Framework element")),
                    H.el("th", H.cls("govuk-table__header"), H.attr("scope", "col"), H.text("Needed")),
                    H.el("th", H.cls("govuk-table__header"), H.attr("scope", "col"), H.text("Level")))),
                H.el("tbody", H.cls("govuk-table__body"), .group(group.options.map { row(framework: framework, $0, errors: errors) }))))
    }

    private static func row(framework: Framework, _ option: Option, errors: [FieldError]) -> BodyNode {
        let key = option.id.uuidString.lowercased()
        let needID = JobRoleRequirementsForm.fieldID("need", option.id), levelID = JobRoleRequirementsForm.fieldID("level", option.id)
        let needs = [("", "Not needed"), ("essential", "Essential"), ("desirable", "Desirable")]
        let levels = [("", "Any level")] + framework.levels.map { (String($0.value), "\($0.value) – \($0.label)") }
        return H.el("tr", H.cls("govuk-table__row"),
            H.el("th", H.cls("govuk-table__header app-depth-\(min(option.depth, 3))"), H.attr("scope", "row"),
                 H.text("\(option.code) \(option.title)"),
                 option.audience.isEmpty ? .empty : H.el("span", H.cls("govuk-hint govuk-body-s"), H.text(" (\(option.audience))"))),
            H.el("td", H.cls("govuk-table__cell"), select(id: needID, name: "need[\(key)]", label: "Needed for \(option.code)",
                                                          options: needs, selected: option.need, errors: errors)),
            H.el("td", H.cls("govuk-table__cell"), levels.count == 1 && option.level.isEmpty ? H.text("–")
                 : select(id: levelID, name: "level[\(key)]", label: "Level for \(option.code)",
                          options: levels.count == 1 ? [("", "Any level"), (option.level, option.level)] : levels,
                          selected: option.level, errors: errors)))
    }

    /// A select with its error; the label is visually hidden in tables, where the row header says what it is about.
    static func select(id: String, name: String, label: String, options: [(String, String)], selected: String, errors: [FieldError],
                       visibleLabel: Bool = false) -> BodyNode {
        let error = errors.first { $0.field == id }
        return H.el("div", H.cls(error == nil ? "govuk-form-group app-form-group--tight" : "govuk-form-group govuk-form-group--error app-form-group--tight"),
            H.el("label", H.cls(visibleLabel ? "govuk-label" : "govuk-label govuk-visually-hidden"), H.attr("for", id), H.text(label)),
            .unwrap(error) { error in
                H.el("p", H.cls("govuk-error-message"), H.attr("id", "\(id)-error"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message))
            },
            H.el("select", H.cls("govuk-select"), H.attr("id", id), H.attr("name", name),
                 H.attr("aria-describedby", error == nil ? nil : "\(id)-error"),
                 .group(options.map { value, text in
                     H.el("option", H.attr("value", value), H.flag("selected", value == selected), H.text(text))
                 })))
    }
}

import CapableCore
import Foundation
import Plot

/// Changing a draft person specification: each criterion's text, essential or desirable, and
/// where it is assessed; experience-and-knowledge criteria can be removed and added.
enum PersonSpecificationEditPage {
    struct NewCriterion: Encodable {
        var text: String
        var need: String
        var assessedAt: [String]
    }

    struct Model: Encodable {
        var roleID: UUID
        var roleTitle: String
        var groups: [CriterionGroups.Group]
        var experience: [CriterionGroups.Criterion]
        var remove: Set<UUID>
        var errors: [FieldError]
        var newCriterion: NewCriterion

        var allCriteria: [CriterionGroups.Criterion] { groups.flatMap(\.criteria) + experience }

        /// Shows what was sent rather than what is stored, so a refused form keeps its edits.
        mutating func fill(from form: PersonSpecificationController.EditForm, remove: Set<UUID>) {
            func patch(_ criterion: inout CriterionGroups.Criterion) {
                let input = form.input(criterion.id)
                criterion.text = input.text ?? ""
                if let need = input.need { criterion.essential = need == "essential" }
                criterion.assessedAt = input.assessedAt.compactMap(AssessmentMethod.init(rawValue:))
            }
            for group in groups.indices { for index in groups[group].criteria.indices { patch(&groups[group].criteria[index]) } }
            for index in experience.indices { patch(&experience[index]) }
            self.remove = remove
        }
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Change the person specification: \(model.roleTitle)", area: .people,
                              breadcrumbs: [("Home", .home), ("People", .area(.people)), ("Job roles", .jobRoles),
                                            (model.roleTitle, .jobRole(model.roleID)),
                                            ("Person specification", .personSpecification(model.roleID, print: false))],
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("Change the person specification", caption: model.roleTitle),
            Components.paragraph("Framework criteria come from the role's requirements: to add or take one out, change the requirements and generate again. Experience and knowledge criteria are yours to write."),
            Components.form(action: .personSpecification(model.roleID, print: false), csrf: context.csrfToken,
                .group(model.groups.map { group in
                    .group(H.el("h2", H.cls("govuk-heading-m"), H.text(group.heading)),
                           .group(group.criteria.map { criterion($0, removable: false, model: model) }))
                }),
                H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "criteria"), H.text("Experience and knowledge")),
                model.experience.isEmpty ? Components.paragraph("None yet: add one below.") : .empty,
                .group(model.experience.map { criterion($0, removable: true, model: model) }),
                H.el("div", H.cls("govuk-button-group"),
                     Components.button("Save draft"),
                     H.el("button", H.cls("govuk-button govuk-button--secondary"), H.attr("type", "submit"), H.attr("name", "publish"),
                          H.attr("value", "1"), H.attr("data-module", "govuk-button"), H.text("Save and publish")))),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Add an experience or knowledge criterion")),
            Components.form(action: .personSpecificationCriteria(model.roleID), csrf: context.csrfToken,
                textarea(id: "new_text", name: "new_text", label: "Criterion", value: model.newCriterion.text, errors: model.errors),
                needRadios(id: "new_need", name: "new_need", legend: "Essential or desirable", selected: model.newCriterion.need, errors: model.errors),
                assessedCheckboxes(id: "new_assessed", name: "new_assessed[]", legend: "Assessed at",
                                   selected: Set(model.newCriterion.assessedAt), errors: model.errors),
                Components.button("Add criterion", style: "secondary"))
        )
    }

    private static func criterion(_ criterion: CriterionGroups.Criterion, removable: Bool, model: Model) -> BodyNode {
        let key = criterion.id.uuidString.lowercased()
        let title = criterion.code.map { "\($0) \(criterion.elementTitle ?? "")" } ?? "Experience criterion \((model.experience.firstIndex { $0.id == criterion.id } ?? 0) + 1)"
        func id(_ control: String) -> String { PersonSpecificationController.fieldID(control, criterion.id) }
        return H.el("div", H.cls("app-criterion"),
            H.el("h3", H.cls("govuk-heading-s"), H.text(title)),
            textarea(id: id("text"), name: "text[\(key)]", label: "Criterion text for \(criterion.name)", value: criterion.text,
                     errors: model.errors),
            needRadios(id: id("need"), name: "need[\(key)]", legend: "Is \(criterion.name) essential or desirable?",
                       selected: criterion.essential ? "essential" : "desirable", errors: model.errors),
            assessedCheckboxes(id: id("assessed"), name: "assessed[\(key)][]", legend: "Where is \(criterion.name) assessed?",
                               selected: Set(criterion.assessedAt.map(\.rawValue)), errors: model.errors),
            removable ? H.el("div", H.cls("govuk-checkboxes__item"),
                H.void("input", [("class", "govuk-checkboxes__input"), ("id", id("remove")), ("name", "remove[]"), ("type", "checkbox"),
                                 ("value", key), ("checked", model.remove.contains(criterion.id) ? "checked" : nil)]),
                H.el("label", H.cls("govuk-label govuk-checkboxes__label"), H.attr("for", id("remove")), H.text("Remove \(criterion.name)")))
                : .empty)
    }

    private static func errorMessage(_ id: String, errors: [FieldError]) -> (BodyNode, Bool) {
        guard let error = errors.first(where: { $0.field == id }) else { return (.empty, false) }
        return (H.el("p", H.cls("govuk-error-message"), H.attr("id", "\(id)-error"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text("Error: ")), H.text(error.message)), true)
    }

    static func textarea(id: String, name: String, label: String, value: String, errors: [FieldError]) -> BodyNode {
        let (message, failed) = errorMessage(id, errors: errors)
        return H.el("div", H.cls(failed ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"),
            H.el("label", H.cls("govuk-label"), H.attr("for", id), H.text(label)),
            message,
            H.el("textarea", H.cls(failed ? "govuk-textarea govuk-textarea--error" : "govuk-textarea"), H.attr("id", id), H.attr("name", name),
                 H.attr("rows", "2"), H.attr("aria-describedby", failed ? "\(id)-error" : nil), H.text(value)))
    }

    static func needRadios(id: String, name: String, legend: String, selected: String, errors: [FieldError]) -> BodyNode {
        let (message, failed) = errorMessage(id, errors: errors)
        return H.el("div", H.cls(failed ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"),
            H.el("fieldset", H.cls("govuk-fieldset"), H.attr("aria-describedby", failed ? "\(id)-error" : nil),
                H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--s"), H.text(legend)),
                message,
                H.el("div", H.cls("govuk-radios govuk-radios--inline"), .group([("essential", "Essential"), ("desirable", "Desirable")].enumerated().map { index, choice in
                    let inputID = index == 0 ? id : "\(id)-\(index + 1)"
                    return H.el("div", H.cls("govuk-radios__item"),
                        H.void("input", [("class", "govuk-radios__input"), ("id", inputID), ("name", name), ("type", "radio"),
                                         ("value", choice.0), ("checked", choice.0 == selected ? "checked" : nil)]),
                        H.el("label", H.cls("govuk-label govuk-radios__label"), H.attr("for", inputID), H.text(choice.1)))
                }))))
    }

    static func assessedCheckboxes(id: String, name: String, legend: String, selected: Set<String>, errors: [FieldError]) -> BodyNode {
        let (message, failed) = errorMessage(id, errors: errors)
        return H.el("div", H.cls(failed ? "govuk-form-group govuk-form-group--error" : "govuk-form-group"),
            H.el("fieldset", H.cls("govuk-fieldset"), H.attr("aria-describedby", failed ? "\(id)-error" : nil),
                H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--s"), H.text(legend)),
                message,
                H.el("div", H.cls("govuk-checkboxes govuk-checkboxes--inline"), .group(AssessmentMethod.allCases.enumerated().map { index, method in
                    let inputID = index == 0 ? id : "\(id)-\(index + 1)"
                    return H.el("div", H.cls("govuk-checkboxes__item"),
                        H.void("input", [("class", "govuk-checkboxes__input"), ("id", inputID), ("name", name), ("type", "checkbox"),
                                         ("value", method.rawValue), ("checked", selected.contains(method.rawValue) ? "checked" : nil)]),
                        H.el("label", H.cls("govuk-label govuk-checkboxes__label"), H.attr("for", inputID), H.text(method.label)))
                }))))
    }
}

import CapableCore
import Foundation
import Plot

/// Risk appetite by category: the level in words and the highest current score accepted, which
/// decides when a risk is outside appetite; who sees registers; and a new category.
enum AppetitePage {
    struct Category { var code: String; var name: String; var summary: String; var appetite: RiskAppetite; var ceiling: Int }

    struct Model {
        var categories: [Category]
        var visibility: RiskSettings.Visibility
        var matrix: RiskMatrix
        var canEdit: Bool
        var values: [String: String]
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Risk appetite", area: .risk, breadcrumbs: [("Home", .home), ("Risk", .risk(.home))], hasErrors: !model.errors.isEmpty),
                    context: context,
            Components.errorSummary(model.errors),
            Components.heading("Risk appetite"),
            Components.paragraph("On the scale from risk averse to risk aggressive the council aims to be risk aware. Each category has an appetite: a risk whose current score is above it is outside appetite and is proposed for escalation to the register above."),
            Components.table(caption: "Appetite by category", headers: ["Category", "What it covers", "Appetite", "Current scores accepted"],
                             rows: model.categories.map { [H.text($0.name), H.text($0.summary), H.text($0.appetite.label), H.text("Up to \($0.ceiling)")] }),
            Components.paragraph("Levels: " + RiskAppetite.allCases.map { "\($0.label) (up to \($0.defaultCeiling) by default)" }.joined(separator: ", ") + "."),
            model.canEdit ? form(model, csrf: context.csrfToken) : Components.paragraph(model.visibility.label + "."))
    }

    private static func form(_ model: Model, csrf: String?) -> BodyNode {
        let v = model.values, e = model.errors
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Change the appetite")),
            Components.form(action: .risk(.appetite), csrf: csrf,
                .group(model.categories.map { category in
                    H.el("fieldset", H.cls("govuk-fieldset"),
                        H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--s"), H.text(category.name)),
                        Components.select(name: "appetite_\(category.code)", label: "\(category.name) appetite",
                                          options: RiskAppetite.allCases.map { ($0.rawValue, $0.label) },
                                          selected: v["appetite_\(category.code)"] ?? category.appetite.rawValue, errors: e),
                        Components.input(.init(name: "ceiling_\(category.code)", label: "\(category.name): highest current score accepted",
                                               hint: "From 1 to \(model.matrix.maxScore); empty for the level's default",
                                               value: v["ceiling_\(category.code)"] ?? String(category.ceiling), width: "4"), errors: e))
                }),
                Components.radios(name: "visibility", legend: "Who sees the registers of units",
                                  choices: RiskSettings.Visibility.allCases.map { ($0.rawValue, $0.label) },
                                  selected: v["visibility"] ?? model.visibility.rawValue, errors: e),
                H.el("h2", H.cls("govuk-heading-m"), H.text("Add a category (optional)")),
                Components.input(.init(name: "new_name", label: "Name", value: v["new_name"]), errors: e),
                Components.input(.init(name: "new_summary", label: "What it covers", value: v["new_summary"]), errors: e),
                Components.select(name: "new_appetite", label: "Appetite", options: RiskAppetite.allCases.map { ($0.rawValue, $0.label) },
                                  selected: v["new_appetite"] ?? RiskAppetite.cautious.rawValue, errors: e),
                Components.button("Save the appetite")))
    }
}

import CapableCore
import Foundation
import Plot

/// A new framework's details, or a draft's.
enum DetailsFormPage {
    struct Model: Encodable {
        /// Nil when creating a framework.
        var frameworkID: UUID?
        var form: FrameworkAuthoringController.DetailsForm
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let title = model.frameworkID == nil ? "Create a framework" : "Change the draft’s details"
        let form = model.form
        var crumbs: [(String, SiteURL)] = [("Home", .home), ("Framework", .frameworks)]
        if let id = model.frameworkID { crumbs.append(("Draft", .frameworkDraft(id))) }
        return Layout.page(PageFrame(title: title, area: .framework, breadcrumbs: crumbs, hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(title),
            Components.form(action: model.frameworkID.map { .frameworkDraftDetails($0) } ?? .frameworks, csrf: context.csrfToken,
                Components.input(.init(name: "title", label: "Title", value: form.title), errors: model.errors),
                Components.textarea(name: "description", label: "Description", hint: "What the framework is for and who uses it",
                                    value: form.description ?? "", errors: model.errors),
                Components.input(.init(name: "owner", label: "Owner", hint: "The organisation that owns the framework", value: form.owner), errors: model.errors),
                Components.radios(name: "kind", legend: "Kind of framework",
                                  choices: FrameworkDocument.Kind.allCases.map { ($0.rawValue, FrameworkDisplay.kind($0)) },
                                  selected: form.kind ?? "", errors: model.errors),
                model.frameworkID == nil ? .empty : .group(
                    Components.input(.init(name: "implemented_on", label: "Date implemented (optional)", hint: "For example, 26/05/2006",
                                           value: form.implemented_on.map(DisplayFormat.ukDate), width: "10"), errors: model.errors),
                    Components.input(.init(name: "amended_on", label: "Date amended (optional)", hint: "Left as it is, publishing sets it to the day of publishing",
                                           value: form.amended_on.map(DisplayFormat.ukDate), width: "10"), errors: model.errors),
                    Components.textarea(name: "scale", label: "Rating scale",
                                        hint: "One level per line, lowest first, as “Name: what it means”. From 2 to 10 levels.",
                                        value: form.scale ?? "", rows: 5, errors: model.errors)),
                Components.button(model.frameworkID == nil ? "Create the framework" : "Save the details"))
        )
    }
}

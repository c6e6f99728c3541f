import CapableCore
import Foundation
import Plot

/// A person's assessments, and one assessment: the rating form while it is the assessor's draft,
/// the ratings with their evidence once submitted.
enum AssessmentsPage {
    struct Row: Encodable { var id: UUID; var kind: Assessment.Kind; var assessor: String; var framework: String; var submittedOn: String? }
    struct Choice: Encodable { var id: UUID; var title: String }
    struct Observation: Encodable { var id: UUID; var elementID: UUID; var heldOn: String; var example: String }

    struct ListModel: Encodable {
        var personID: UUID
        var personName: String
        var rows: [Row]
        /// What the viewer may start, if anything.
        var canStart: Assessment.Kind?
        var frameworks: [Choice]
    }

    struct ShowModel: Encodable {
        var personID: UUID
        var personName: String
        var assessmentID: UUID
        var kind: Assessment.Kind
        var assessor: String
        var submittedOn: String?
        var editable: Bool
        var document: FrameworkDocument
        var elements: [FrameworkDocument.Element]
        var ratings: [UUID: AssessmentsController.RatingValue]
        var observations: [Observation]
        var errors: [FieldError]
    }

    private static func crumbs(_ personID: UUID, _ name: String) -> [(String, SiteURL)] {
        [("Home", .home), ("People", .area(.people)), (name, .person(personID))]
    }

    static func list(_ model: ListModel, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Assessments: \(model.personName)", area: .reviews, breadcrumbs: crumbs(model.personID, model.personName)),
                    context: context,
            Components.heading("Assessments", caption: model.personName),
            Components.paragraph("Ratings against the framework, element by element, on its behaviour-anchored scale, with the evidence for each."),
            .unwrap(model.canStart) { kind in
                Components.form(action: .assessments(model.personID), csrf: context.csrfToken,
                    Components.select(name: "framework", label: "Framework to assess against",
                                      options: model.frameworks.map { ($0.id.uuidString.lowercased(), $0.title) },
                                      selected: model.frameworks.first { $0.title.hasPrefix("Core Values") }?.id.uuidString.lowercased() ?? ""),
                    Components.button("Start a \(kind.label.lowercased())"))
            },
            model.rows.isEmpty ? Components.paragraph("No assessments you can see yet.")
                : Components.table(caption: "Assessments", headers: ["Assessment", "By", "Framework", "Status"], rows: model.rows.map { row in
                    [H.link(row.kind.label, to: .assessment(model.personID, row.id)), H.text(row.assessor), H.text(row.framework),
                     row.submittedOn.map { Components.tag("Submitted \(DisplayFormat.calendarDate($0))", colour: "green") } ?? Components.tag("Draft", colour: "grey")]
                })
        )
    }

    static func show(_ model: ShowModel, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "\(model.kind.label): \(model.personName)", area: .reviews,
                              breadcrumbs: crumbs(model.personID, model.personName) + [("Assessments", .assessments(model.personID))],
                              hasErrors: !model.errors.isEmpty),
                    context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.kind.label, caption: "\(model.personName), by \(model.assessor)"),
            H.el("p", H.cls("govuk-body"), H.text("Against \(model.document.title), version \(model.document.version). "),
                 model.submittedOn.map { Components.tag("Submitted \(DisplayFormat.calendarDate($0))", colour: "green") } ?? Components.tag("Draft", colour: "grey")),
            model.editable ? form(model, csrf: context.csrfToken) : ratings(model)
        )
    }

    private static func form(_ model: ShowModel, csrf: String?) -> BodyNode {
        Components.form(action: .assessment(model.personID, model.assessmentID), csrf: csrf,
            Components.paragraph("Read each element’s examples, then choose the level that matches what has been seen. Save as you go; submit when every element is rated."),
            .group(model.elements.map { element in
                let value = model.ratings[element.id]
                let cited = model.observations.filter { $0.elementID == element.id }
                return H.el("div", H.cls("app-criterion"),
                    RatingForm.fieldset(element, in: model.document, scale: model.document.ratingScale, name: "rating-\(element.code)",
                                        selected: value?.level, errors: model.errors),
                    Components.textarea(name: "evidence-\(element.code)", label: "Evidence for \(element.code) (optional)",
                                        value: value?.evidence ?? "", rows: 2, errors: model.errors),
                    cited.isEmpty ? .empty : Components.checkboxes(
                        name: "obs-\(element.code)", legend: "Check-in observations to cite for \(element.code)",
                        choices: cited.map { .init(value: $0.id.uuidString, label: "\(DisplayFormat.calendarDate($0.heldOn)): \($0.example)",
                                                   checked: value?.observations.contains($0.id) ?? false) },
                        errors: model.errors))
            }),
            H.el("div", H.cls("govuk-button-group"),
                H.el("button", H.cls("govuk-button govuk-button--secondary"), H.attr("type", "submit"), H.attr("name", "action"), H.attr("value", "save"),
                     H.text("Save draft")),
                H.el("button", H.cls("govuk-button"), H.attr("type", "submit"), H.attr("name", "action"), H.attr("value", "submit"),
                     H.text("Submit"))))
    }

    private static func ratings(_ model: ShowModel) -> BodyNode {
        let scale = Dictionary(model.document.ratingScale.map { ($0.value, $0.label) }, uniquingKeysWith: { first, _ in first })
        return Components.table(caption: "Ratings", headers: ["Element", "Level", "Evidence"], rows: model.elements.map { element in
            let value = model.ratings[element.id]
            let cited = model.observations.filter { value?.observations.contains($0.id) ?? false }
            return [H.link("\(element.code) \(element.title)", to: .frameworkElement(element.id, version: model.document.version)),
                    H.text(value?.level.map { "\($0). \(scale[$0] ?? "")" } ?? "Not rated"),
                    .group(H.text(value?.evidence ?? ""),
                           cited.isEmpty ? .empty : H.el("ul", H.cls("govuk-list govuk-body-s"), .group(cited.map { observation in
                               H.el("li", H.text("Check-in \(DisplayFormat.calendarDate(observation.heldOn)): \(observation.example)"))
                           })))]
        })
    }
}

import Foundation
import Plot

/// The job-role pages: the list, one role, and the form.
enum JobRolesPage {
    struct Summary: Encodable {
        var id: UUID
        var title: String
        var grades: String
        var units: String
        var requirements: Int

        init(_ role: JobRole) {
            id = role.id ?? UUID()
            title = role.title
            grades = JobRolesPage.grades(role)
            units = role.units.map(\.name).sorted().joined(separator: ", ")
            requirements = role.requirements.count
        }
    }

    struct Detail: Encodable {
        struct Requirement: Encodable {
            var elementID: UUID
            /// The element's code and title in the newest published version; nil when none has it.
            var code: String?
            var title: String?
            var framework: String?
            /// The element's place in its framework, so requirements list in framework order.
            var outline: Int?
            var level: Int?
            var essential: Bool
        }
        var summary: Summary
        var purpose: String
        var requirements: [Requirement]
        /// "draft", "published", or nil when the role has no person specification.
        var specificationStatus: String?

        init(_ role: JobRole, elements: [UUID: ElementInfo] = [:], specificationStatus: String? = nil) {
            summary = Summary(role)
            purpose = role.purpose
            self.specificationStatus = specificationStatus
            requirements = role.requirements.map { requirement in
                let element = elements[requirement.elementID]
                return Requirement(elementID: requirement.elementID, code: element?.code, title: element?.title,
                                   framework: element?.frameworkTitle, outline: element?.order.outline, level: requirement.level,
                                   essential: requirement.essential)
            }
            .sorted { ($0.essential ? 0 : 1, $0.framework ?? "~", $0.outline ?? 0, $0.elementID.uuidString)
                < ($1.essential ? 0 : 1, $1.framework ?? "~", $1.outline ?? 0, $1.elementID.uuidString) }
        }
    }

    struct FormModel {
        var id: UUID?
        var form: JobRolesController.Form
        var errors: [FieldError]
    }

    static func grades(_ role: JobRole) -> String {
        switch (role.gradeLow, role.gradeHigh) {
        case let (low?, high?): low == high ? low : "\(low) to \(high)"
        default: "Not set"
        }
    }

    private static let crumbs: [(String, SiteURL)] = [("Home", .home), ("People", .area(.people)), ("Job roles", .jobRoles)]

    static func list(_ roles: [Summary], context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Job roles", area: .people, breadcrumbs: Array(crumbs.prefix(2))), context: context,
            Components.heading("Job roles"),
            context.roles.isDisjoint(with: [.hr, .admin]) ? .empty
                : H.el("p", H.cls("govuk-body"), H.link("Add a job role", to: .newJobRole, class: "govuk-button")),
            roles.isEmpty ? Components.paragraph("No job roles yet.")
                : Components.table(caption: "\(roles.count) job roles", headers: ["Title", "Grades", "Units", "Framework requirements"],
                                   rows: roles.map { role in
                    [H.link(role.title, to: .jobRole(role.id)), H.text(role.grades), H.text(role.units.isEmpty ? "Any" : role.units),
                     H.text(String(role.requirements))]
                }, numeric: [3])
        )
    }

    static func show(_ role: Detail, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: role.summary.title, area: .people, breadcrumbs: crumbs), context: context,
            Components.heading(role.summary.title, caption: "Job role"),
            Components.summaryList([
                ("Purpose", H.text(role.purpose.isEmpty ? "Not recorded" : role.purpose)),
                ("Grades", H.text(role.summary.grades)),
                ("Units", H.text(role.summary.units.isEmpty ? "Any" : role.summary.units)),
            ]),
            context.roles.isDisjoint(with: [.hr, .admin]) ? .empty
                : H.el("p", H.cls("govuk-body"), H.el("a", H.cls("govuk-link"), H.attr("href", SiteURL.jobRole(role.summary.id).path + "/edit"),
                                                     H.text("Change this job role"))),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Framework requirements")),
            context.roles.isDisjoint(with: [.hr, .admin]) ? .empty
                : H.el("p", H.cls("govuk-body"), H.link("Choose framework requirements", to: .jobRoleRequirements(role.summary.id))),
            role.requirements.isEmpty ? Components.paragraph("None recorded yet.")
                : Components.table(caption: "What this role needs", headers: ["Framework element", "Framework", "Level", "Essential or desirable"],
                                   rows: role.requirements.map { requirement in
                    [requirement.code.map { code in
                        H.link("\(code) \(requirement.title ?? "")", to: .frameworkElement(requirement.elementID, version: nil))
                     } ?? H.text("\(requirement.elementID.uuidString.lowercased()) (not in a published framework)"),
                     H.text(requirement.framework ?? "None"),
                     H.text(requirement.level.map(String.init) ?? "Any"),
                     requirement.essential ? Components.tag("Essential", colour: "blue") : Components.tag("Desirable", colour: "grey")]
                }),
            recruitment(role, context: context)
        )
    }

    /// Links to the role's person specification and interviews: staff see a published
    /// specification; HR and administrators see drafts and the interviews.
    private static func recruitment(_ role: Detail, context: PageContext) -> BodyNode {
        let manages = !context.roles.isDisjoint(with: [.hr, .admin])
        let spec: BodyNode = switch role.specificationStatus {
        case "published": H.el("li", H.link("Person specification", to: .personSpecification(role.summary.id, print: false)), H.text(" (published)"))
        case "draft" where manages: H.el("li", H.link("Person specification", to: .personSpecification(role.summary.id, print: false)), H.text(" (draft)"))
        case nil where manages: H.el("li", H.link("Generate a person specification", to: .personSpecification(role.summary.id, print: false)))
        default: .empty
        }
        guard manages || role.specificationStatus == "published" else { return .empty }
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Recruitment")),
            H.el("ul", H.cls("govuk-list"), spec,
                 manages ? H.el("li", H.link("Interviews and score sheets", to: .interviewRounds(role.summary.id))) : .empty))
    }

    static func form(_ model: FormModel, context: PageContext) -> HTML {
        let title = model.id == nil ? "Add a job role" : "Change job role"
        let action: SiteURL = model.id.map { .jobRole($0) } ?? .jobRoles
        let form = model.form
        return Layout.page(PageFrame(title: title, area: .people, breadcrumbs: crumbs, hasErrors: !model.errors.isEmpty), context: context,
            H.el("div", H.cls("govuk-grid-row"), H.el("div", H.cls("govuk-grid-column-two-thirds"),
                Components.errorSummary(model.errors),
                Components.heading(title),
                Components.form(action: action, csrf: context.csrfToken,
                    Components.input(.init(name: "title", label: "Title", value: form.title), errors: model.errors),
                    Components.input(.init(name: "grade_low", label: "Lowest grade", hint: "For example G6", value: form.grade_low, width: "10"), errors: model.errors),
                    Components.input(.init(name: "grade_high", label: "Highest grade", hint: "For example G8", value: form.grade_high, width: "10"), errors: model.errors),
                    Components.input(.init(name: "units", label: "Units", hint: "Organisation unit codes, separated by commas; leave empty for any unit",
                                           value: form.units, spellcheck: false), errors: model.errors),
                    Components.textarea(name: "purpose", label: "Purpose", hint: "What the role is for, in a sentence or two", value: form.purpose ?? ""),
                    Components.button(model.id == nil ? "Add job role" : "Save changes"))
            ))
        )
    }
}

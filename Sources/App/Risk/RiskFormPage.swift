import CapableCore
import Foundation
import Plot

/// Every form about a risk, one page each (identify, change details, assess, respond, add a
/// control or an action, review, escalate, key risk indicator), sharing one model: the values
/// to show, the errors by field, and the choices the form offers.
enum RiskFormPage {
    enum Kind: Equatable {
        case identify(register: UUID)
        case risk(UUID, RiskURL.Form)
    }

    struct Model {
        var kind: Kind
        var heading: String
        var caption: String
        var values: [String: String]
        var errors: [FieldError]
        var matrix: RiskMatrix
        var categories: [(code: String, name: String)] = []
        var registersAbove: [(id: UUID, name: String)] = []
        var escalatedTo: String?
        var requirements: [(id: UUID, title: String)] = []
        var back: SiteURL
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let action: SiteURL
        switch model.kind {
        case .identify(let register): action = .risk(.createRisk(register))
        case .risk(let id, let form): action = .risk(.form(id, form))
        }
        return Layout.page(PageFrame(title: model.heading, area: .risk, breadcrumbs: [("Home", .home), ("Risk", .risk(.home)), (model.caption, model.back)],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.heading, caption: model.caption),
            Components.form(action: action, csrf: context.csrfToken, fields(model), Components.button(button(model.kind))),
            deEscalation(model, csrf: context.csrfToken),
            H.el("p", H.cls("govuk-body"), H.link("Cancel", to: model.back)))
    }

    private static func button(_ kind: Kind) -> String {
        switch kind {
        case .identify: "Add the risk"
        case .risk(_, let form):
            switch form {
            case .edit: "Save the details"
            case .assess: "Save the assessment"
            case .response: "Save the response"
            case .control: "Add the control"
            case .action: "Add the action"
            case .review: "Record the review"
            case .escalate: "Escalate the risk"
            case .indicator: "Save the indicator"
            }
        }
    }

    private static func fields(_ model: Model) -> BodyNode {
        let v = model.values, e = model.errors
        func input(_ name: String, _ label: String, hint: String? = nil, width: String? = nil) -> BodyNode {
            Components.input(.init(name: name, label: label, hint: hint, value: v[name], width: width), errors: e)
        }
        func text(_ name: String, _ label: String, hint: String? = nil) -> BodyNode {
            Components.textarea(name: name, label: label, hint: hint, value: v[name] ?? "", rows: 3, errors: e)
        }
        func scale(_ name: String, _ label: String, _ descriptors: [String]) -> BodyNode {
            Components.select(name: name, label: label, options: [("", "Not assessed")] + descriptors.enumerated().map { (String($0 + 1), "\($0 + 1): \($1)") },
                              selected: v[name] ?? "", errors: e)
        }
        let form: RiskURL.Form
        switch model.kind {
        case .identify: form = .edit
        case .risk(_, let kind): form = kind
        }
        switch form {
        case .edit:
            return .group(
                input("title", "Title", hint: "A few words, for example: Failure to meet health and safety duties"),
                text("cause", "Cause", hint: "What could make it happen"),
                text("event", "Event", hint: "What could happen"),
                text("consequence", "Consequence", hint: "What the effect would be on people, services, money or reputation"),
                Components.select(name: "category", label: "Category", options: [("", "Choose a category")] + model.categories.map { ($0.code, $0.name) },
                                  selected: v["category"] ?? "", errors: e),
                input("owner", "Owner's employee number", hint: "The person accountable for managing the risk", width: "10"),
                input("elements", "Framework capabilities that manage it (optional)", hint: "Element codes separated by commas, for example TR.3"),
                input("review_months", "Review every (months)", hint: "From 1 to 24; 3 if left empty", width: "4"))
        case .assess:
            return .group(
                Components.paragraph("Rate likelihood and impact from 1 to \(model.matrix.likelihood.count). Score is likelihood times impact: \(model.matrix.bands.map { "\($0.name) from \($0.from)" }.joined(separator: ", "))."),
                .group(RiskAssessment.Kind.allCases.map { kind in
                    H.el("fieldset", H.cls("govuk-fieldset"),
                        H.el("legend", H.cls("govuk-fieldset__legend govuk-fieldset__legend--m"), H.text(kind.label)),
                        scale("\(kind.rawValue)_likelihood", "\(kind.shortLabel) likelihood", model.matrix.likelihood),
                        scale("\(kind.rawValue)_impact", "\(kind.shortLabel) impact", model.matrix.impact))
                }),
                text("reason", "Why (needed when a rating changes)", hint: "For example: new controls in place since the audit"),
                text("target_reason", "Why the target is above the inherent score (only if it is)"))
        case .response:
            return .group(
                Components.radios(name: "response", legend: "How will the council respond?",
                                  choices: Risk.Response.allCases.map { ($0.rawValue, "\($0.label): \($0.hint.lowercased())") },
                                  selected: v["response"] ?? "", errors: e),
                H.el("h2", H.cls("govuk-heading-s"), H.text("When tolerating the risk")),
                input("approver", "Approver's employee number", hint: "The person who accepts the risk as it is", width: "10"),
                text("acceptance_reason", "Why it is accepted"),
                input("acceptance_expires_on", "Acceptance runs out on", hint: "After this date the risk must be reviewed, for example 31/3/2027", width: "10"))
        case .control:
            return .group(
                text("description", "Control", hint: "What is in place, for example: quarterly inspections by the site manager"),
                input("owner", "Owner's employee number", width: "10"),
                Components.radios(name: "effectiveness", legend: "How effective is it?",
                                  choices: RiskControl.Effectiveness.allCases.map { ($0.rawValue, $0.label) }, selected: v["effectiveness"] ?? "", errors: e))
        case .action:
            return .group(
                text("description", "Action", hint: "What will be done to bring the risk to its target"),
                input("owner", "Owner's employee number", hint: "It goes into their list of actions", width: "10"),
                input("due_on", "Due date", hint: "For example, 31/3/2027", width: "10"))
        case .review:
            return .group(
                input("reviewed_on", "Date of the review", hint: "Today if left empty", width: "10"),
                scale("likelihood", "Current likelihood", model.matrix.likelihood),
                scale("impact", "Current impact", model.matrix.impact),
                text("note", "What the review found"),
                input("next_review_on", "Next review (optional)", hint: "By default, the review frequency from this review", width: "10"))
        case .escalate:
            return .group(
                model.escalatedTo.map { Components.paragraph("The risk is escalated to \($0).") } ?? .empty,
                model.registersAbove.isEmpty ? Components.paragraph("There is no register above this one.") :
                    Components.radios(name: "register", legend: "Escalate to", choices: model.registersAbove.map { ($0.id.uuidString.lowercased(), $0.name) },
                                      selected: v["register"] ?? "", errors: e),
                text("reason", "Why"))
        case .indicator:
            return .group(
                Components.radios(name: "kri_kind", legend: "Key risk indicator",
                                  choices: [("", "None")] + RiskIndicators.Kind.allCases.map { ($0.rawValue, $0.label) }, selected: v["kri_kind"] ?? "", errors: e),
                Components.select(name: "kri_requirement", label: "Mandatory requirement (for training compliance)",
                                  options: [("", "Choose a requirement")] + model.requirements.map { ($0.id.uuidString.lowercased(), $0.title) },
                                  selected: v["kri_requirement"] ?? "", errors: e),
                input("kri_threshold", "Lowest acceptable percentage", hint: "Below this the risk's page warns, for example 90", width: "4"))
        }
    }

    /// On the escalation page of an escalated risk, a second form to bring it back to its home register.
    private static func deEscalation(_ model: Model, csrf: String?) -> BodyNode {
        guard case .risk(let id, .escalate) = model.kind, model.escalatedTo != nil else { return .empty }
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("De-escalate")),
            Components.paragraph("Bring the risk back to its home register when it is within appetite again."),
            Components.form(action: .risk(.deEscalate(id)), csrf: csrf,
                Components.textarea(name: "de_reason", label: "Why it can come back down", value: model.values["de_reason"] ?? "", rows: 3, errors: model.errors),
                Components.button("De-escalate the risk", style: "secondary")))
    }
}

import CapableCore
import Foundation
import Plot

/// The risk area's front page: the registers the viewer may see, with open risks, those outside
/// appetite and reviews overdue on each, and the viewer's own risks.
enum RiskHomePage {
    struct Register {
        var id: UUID
        var name: String
        var unit: String?
        var totals: RiskQueries.Totals
    }

    struct Mine {
        var id: UUID
        var reference: String
        var title: String
        var current: RiskMatrix.Rating?
        var outside: Bool
        var overdue: Bool
    }

    struct Model {
        var registers: [Register]
        var mine: [Mine]
        var matrix: RiskMatrix
        var canConfigure: Bool
        var topTeam: Bool
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Risk", area: .risk, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("Risk"),
            Components.paragraph("Identify, assess, respond to, monitor and report risks. The council aims to be risk aware: neither risk averse nor reckless."),
            H.el("ul", H.cls("govuk-list"),
                 H.el("li", H.link("Risk appetite by category", to: .risk(.appetite))),
                 model.canConfigure || model.topTeam ? H.el("li", H.link("Corporate register report for the top team (printable)", to: .risk(.corporateReport))) : .empty,
                 model.canConfigure ? H.el("li", H.link("Every register as a spreadsheet (CSV)", to: .risk(.exportAll))) : .empty,
                 model.canConfigure ? H.el("li", H.link("Add a register for a unit", to: .risk(.newRegister))) : .empty),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Risks you own")),
            model.mine.isEmpty ? Components.paragraph("You do not own any open risks.") :
                Components.table(caption: "Your open risks", headers: ["Reference", "Risk", "Current", "Status"], rows: model.mine.map { risk in
                    [H.link(risk.reference, to: .risk(.risk(risk.id))), H.text(risk.title), RiskViews.rating(risk.current, matrix: model.matrix),
                     .group(risk.outside ? Components.tag("Outside appetite", colour: "red") : .empty, H.text(" "),
                            risk.overdue ? Components.tag("Review overdue", colour: "orange") : .empty,
                            !risk.outside && !risk.overdue ? H.text("Within appetite, review on time") : .empty)]
                }),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Registers")),
            model.registers.isEmpty ? Components.paragraph("There are no registers you can see yet.") :
                Components.table(caption: "Registers you can see", headers: ["Register", "Unit", "Open risks", "Outside appetite", "Reviews overdue"],
                                 rows: model.registers.map { register in
                    [H.link(register.name, to: .risk(.register(register.id))), H.text(register.unit ?? "Whole council"),
                     H.text(String(register.totals.open)), H.text(String(register.totals.outside)), H.text(String(register.totals.overdue))]
                }, numeric: [2, 3, 4]))
    }
}

import Foundation
import Plot

/// One person's record.
enum PersonPage {
    struct Model: Encodable {
        struct Report: Encodable { var id: UUID; var name: String; var jobTitle: String? }

        var id: UUID
        var name: String
        var fields: [Field]
        var active: Bool
        var unit: (id: UUID, name: String)?
        var manager: String?
        var managerLink: UUID?
        var reports: [Report]

        struct Field: Encodable { var label: String; var value: String }

        enum CodingKeys: String, CodingKey { case id, name, fields, active, manager, managerLink, reports }

        init(_ person: Person, managerLink: UUID?, reports: [Person]) {
            id = person.id ?? UUID()
            name = person.displayName
            active = person.active
            unit = person.orgUnit.flatMap { unit in unit.id.map { ($0, unit.name) } }
            manager = person.lineManager?.displayName
            self.managerLink = managerLink
            self.reports = reports.compactMap { report in report.id.map { Report(id: $0, name: report.displayName, jobTitle: report.jobTitle) } }
            let rows: [(String, String?)] = [
                ("Employee reference", person.assignmentNo == "1" ? person.employeeRef : "\(person.employeeRef), assignment \(person.assignmentNo)"),
                ("Full name", "\(person.givenName) \(person.familyName)"),
                ("Work email", person.workEmail), ("Job title", person.jobTitle), ("Grade", person.grade),
                ("FTE", person.fte.map { String(format: "%.2f", $0) }), ("Contract", person.contractType),
                ("Location", person.location), ("Start date", person.startDate.map(DisplayFormat.calendarDate)),
                ("Probation ends", person.probationEndDate.map(DisplayFormat.calendarDate)),
                ("Leaving date", person.leavingDate.map(DisplayFormat.calendarDate)),
            ]
            fields = rows.compactMap { label, value in value.map { Field(label: label, value: $0) } }
        }
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: model.name, area: .people, breadcrumbs: [("Home", .home), ("People", .area(.people))]), context: context,
            Components.heading(model.name, caption: model.active ? nil : "Left the organisation"),
            Components.summaryList(model.fields.map { ($0.label, H.text($0.value)) } + [
                ("Unit", model.unit.map { H.link($0.name, to: .orgUnit($0.id)) } ?? H.text("None")),
                ("Line manager", model.managerLink.map { H.link(model.manager ?? "", to: .person($0)) } ?? H.text(model.manager ?? "None")),
                ("Status", model.active ? Components.tag("Active", colour: "green") : Components.tag("Left", colour: "grey")),
            ]),
            H.el("ul", H.cls("govuk-list"),
                 H.el("li", H.link("Objectives", to: .objectives(model.id))),
                 H.el("li", H.link("Check-ins", to: .checkIns(model.id))),
                 H.el("li", H.link("Assessments", to: .assessments(model.id))),
                 H.el("li", H.link("Development plan", to: .developmentPlan(model.id))),
                 H.el("li", H.link("Probation", to: .probation(model.id)))),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Direct reports")),
            model.reports.isEmpty ? Components.paragraph("None.")
                : H.el("ul", H.cls("govuk-list govuk-list--bullet"), .group(model.reports.map { report in
                    H.el("li", H.link(report.name, to: .person(report.id)), H.text(report.jobTitle.map { ", \($0)" } ?? ""))
                }))
        )
    }
}

import Plot

/// An area's landing page.
enum AreaPage {
    struct Model: Encodable {
        var area: SiteURL.Area
    }

    static func purpose(_ area: SiteURL.Area) -> String {
        switch area {
        case .framework: "The capability framework: principles and values, capabilities, and the behaviours that show them."
        case .people: "Organisation units, staff and line management, job roles and imports from the HR system."
        case .reviews: "Objectives, check-ins, assessments, feedback, probation and the annual review."
        case .learning: "Courses, booking, mandatory training and who is up to date."
        case .risk: "Risk registers, assessment, appetite, escalation and key risk indicators."
        case .workshops: "Open-space sessions and workshops: post-its, themes and agreed actions."
        case .reports: "Heat maps, compliance and progress across the organisation."
        case .admin: "Accounts and roles, the audit log and settings."
        }
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: model.area.title, area: model.area, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading(model.area.title),
            Components.paragraph(purpose(model.area)),
            H.el("div", H.cls("govuk-inset-text"), H.text("This area is not available yet in this version of Capable."))
        )
    }

    static func adminView(context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Admin", area: .admin, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("Admin"),
            Components.paragraph(purpose(.admin)),
            H.el("ul", H.cls("govuk-list"),
                 H.el("li", H.link("Accounts and roles", to: .adminAccounts)),
                 H.el("li", H.link("Audit log", to: .adminAudit)))
        )
    }
}

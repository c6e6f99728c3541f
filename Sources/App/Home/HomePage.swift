import Plot

/// The start page: where each area is and what it is for.
enum HomePage {
    struct Model: Encodable {
        var displayName: String
        /// Unread notifications; nil for an account without a staff record.
        var unread: Int?
        /// Open pulse surveys the person is asked and has not answered.
        var surveys: Int = 0
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Home"), context: context,
            Components.heading("Welcome, \(model.displayName)"),
            Components.paragraph("Capable runs people development on one capability framework: the same behaviours are used in check-ins, reviews, learning, risk and workshops."),
            .unwrap(model.unread) { unread in
                H.el("p", H.cls("govuk-body"), H.link(unread == 0 ? "Notifications: nothing new" : "Notifications: \(unread) new", to: .notifications))
            },
            model.surveys == 0 ? .empty : H.el("p", H.cls("govuk-body"),
                H.link(model.surveys == 1 ? "A pulse survey is waiting for your answers" : "\(model.surveys) pulse surveys are waiting for your answers", to: .surveys(.home))),
            H.el("ul", H.cls("govuk-list"), .group(SiteURL.Area.allCases.filter { $0 != .admin || context.roles.contains(.admin) }.map { area in
                H.el("li",
                     H.el("h2", H.cls("govuk-heading-s"), H.link(area.title, to: .area(area))),
                     H.el("p", H.cls("govuk-body"), H.text(AreaPage.purpose(area))))
            }))
        )
    }
}

import Foundation
import Plot

/// The catalogue.
enum CoursesPage {
    struct Row: Encodable {
        var id: UUID
        var code: String
        var title: String
        var mode: String
        var duration: String
        var validity: String
        var mandatory: Bool
        var upcomingSessions: Int
    }

    struct Model: Encodable {
        var courses: [Row]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Courses", area: .learning, breadcrumbs: [("Home", .home), ("Learning", .learning(.myLearning))]), context: context,
            Components.heading("Courses"),
            Components.paragraph("Online learning and face-to-face courses, with the framework capabilities each develops. Mandatory courses say who must do them and why."),
            context.roles.contains(.hr) || context.roles.contains(.admin)
                ? H.el("p", H.cls("govuk-body"), H.link("Add a course", to: .learning(.newCourse), class: "govuk-button govuk-button--secondary")) : .empty,
            model.courses.isEmpty ? Components.paragraph("There are no courses yet.") :
            Components.table(caption: "\(model.courses.count) courses", headers: ["Course", "Code", "Mode", "Duration", "Completion counts for", "Upcoming sessions"],
                rows: model.courses.map { course in
                    [H.el("span", H.link(course.title, to: .learning(.course(course.id))), course.mandatory ? H.el("span", H.text(" "), Components.tag("Mandatory", colour: "blue")) : .empty),
                     H.text(course.code), H.text(course.mode), H.text(course.duration), H.text(course.validity), H.text(String(course.upcomingSessions))]
                }, numeric: [5]))
    }
}

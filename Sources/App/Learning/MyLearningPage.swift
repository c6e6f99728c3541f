import CapableCore
import Foundation
import Plot

/// A person's own learning: mandatory training with the reason for each, bookings and record.
enum MyLearningPage {
    struct Required {
        var courseID: UUID
        var title: String
        var reason: String
        var status: Compliance.Status
        var lastCompleted: String?
    }

    struct BookingRow {
        var sessionID: UUID
        var course: String
        var when: String
        var location: String
        var status: String
        var id: UUID
    }

    struct RecordRow {
        var course: String
        var completedOn: String
        var expiresOn: String?
        var source: String
        var confirmed: Bool
    }

    struct Model {
        var required: [Required]
        var bookings: [BookingRow]
        var record: [RecordRow]
        var courses: [(String, String)]
        var form: Completions.Declaration
        var errors: [FieldError]
        var isManager: Bool
        var isHR: Bool
    }

    /// The tag for a status: its words carry the meaning, the colour repeats it.
    static func tag(_ status: Compliance.Status) -> BodyNode {
        let colour: String = switch status {
        case .compliant: "green"
        case .dueSoon: "yellow"
        case .overdue: "red"
        case .notStarted, .notRequired: "grey"
        }
        return H.el("span", Components.tag(status.label, colour: colour),
                    .unwrap(detail(status)) { H.el("span", H.cls("app-tag-detail"), H.text(" " + $0)) })
    }

    /// The date that matters, as people read dates.
    static func detail(_ status: Compliance.Status) -> String? {
        status.detail { DisplayFormat.calendarDate($0.description) }
    }

    static func links(isManager: Bool, isHR: Bool) -> BodyNode {
        H.el("ul", H.cls("govuk-list"),
            H.el("li", H.link("Course catalogue", to: .learning(.courses))),
            isManager ? H.el("li", H.link("Your team's training", to: .learning(.team(all: false)))) : .empty,
            isHR ? .group(
                H.el("li", H.link("Organisation compliance", to: .learning(.compliance(unit: nil, requirement: nil)))),
                H.el("li", H.link("Mandatory training requirements", to: .learning(.requirements))),
                H.el("li", H.link("Import completions from the learning system", to: .learning(.completionsImport)))) : .empty)
    }

    static func unlinked(isHR: Bool, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Learning", area: .learning, breadcrumbs: [("Home", .home)]), context: context,
            Components.heading("Learning"),
            Components.paragraph("Your account is not linked to a staff record, so you have no learning record of your own."),
            links(isManager: false, isHR: isHR))
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "My learning", area: .learning, breadcrumbs: [("Home", .home)], hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading("My learning"),
            links(isManager: model.isManager, isHR: model.isHR),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Mandatory training")),
            model.required.isEmpty ? Components.paragraph("No mandatory training applies to you at the moment.") :
                Components.table(caption: "What you must do, and why", headers: ["Course", "Why", "Status", "Last completed"],
                    rows: model.required.map { row in
                        [H.link(row.title, to: .learning(.course(row.courseID))), H.text(row.reason), tag(row.status),
                         H.text(row.lastCompleted.map(DisplayFormat.calendarDate) ?? "Never")]
                    }),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Bookings")),
            model.bookings.isEmpty ? Components.paragraph("You have no bookings. Book face-to-face sessions from the course catalogue.") :
                Components.table(caption: "Your sessions", headers: ["Course", "When", "Where", "Status"], rows: model.bookings.map { booking in
                    [H.text(booking.course), H.link(booking.when, to: .learning(.session(booking.sessionID))), H.text(booking.location), Components.tag(booking.status)]
                }),
            H.el("p", H.cls("govuk-body"), H.link("Download your training calendar (.ics)", to: .learning(.myCalendar))),
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "record"), H.text("Your learning record")),
            model.record.isEmpty ? Components.paragraph("Nothing is recorded yet.") :
                Components.table(caption: "Courses you have completed", headers: ["Course", "Completed", "Counts until", "How it was recorded"],
                    rows: model.record.map { row in
                        [H.text(row.course), H.text(DisplayFormat.calendarDate(row.completedOn)),
                         H.text(row.expiresOn.map(DisplayFormat.calendarDate) ?? "Does not expire"),
                         H.el("span", H.text(row.source), row.confirmed ? .empty : H.el("span", H.text(" "), Components.tag("Waiting for your manager to confirm", colour: "yellow")))]
                    }),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Record learning you have done")),
            Components.paragraph("For a course done outside Capable, such as e-learning or training with a previous employer. It counts once your line manager confirms it."),
            Components.form(action: .learning(.declareCompletion), csrf: context.csrfToken,
                Components.select(name: "course", label: "Course", options: [("", "Choose a course")] + model.courses, selected: model.form.course ?? "", errors: model.errors),
                Components.input(.init(name: "completed_on", label: "Date completed", hint: "For example, 14/10/2026", value: model.form.completed_on, width: "10"), errors: model.errors),
                Components.textarea(name: "evidence", label: "Evidence", hint: "A certificate number, or where the record is kept", value: model.form.evidence ?? "", rows: 3, errors: model.errors),
                Components.button("Record it", style: "secondary")))
    }
}

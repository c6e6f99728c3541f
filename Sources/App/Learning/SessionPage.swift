import Foundation
import Plot

/// A session: where and when, places left, your booking, booking your team, approvals, and the
/// trainer's attendance register.
enum SessionPage {
    struct BookingRow: Encodable {
        var id: UUID
        var personID: UUID
        var name: String
        var status: String
        var statusLabel: String
        /// Place on the waiting list, from 1.
        var position: Int?
        var canDecide: Bool

        init(_ booking: Booking, position: Int?, canDecide: Bool = false) throws {
            id = try booking.requireID()
            personID = booking.$person.id
            name = booking.$person.value?.displayName ?? ""
            status = booking.status
            statusLabel = booking.statusValue.label + (position.map { " (number \($0))" } ?? "")
            self.position = position
            self.canDecide = canDecide
        }
    }

    struct Model {
        var id: UUID
        var courseID: UUID
        var courseTitle: String
        var when: String
        var location: String
        var trainer: String?
        var capacity: Int
        var placesLeft: Int
        var waiting: Int
        var needsApproval: Bool
        var cancelled: Bool
        var myBooking: BookingRow?
        var canBook: Bool
        /// Direct reports a manager can book.
        var reports: [(UUID, String)]
        var bookings: [BookingRow]
        var seesRegister: Bool
        var canMarkAttendance: Bool
        /// HR and administrators may cancel a session that has not happened.
        var canCancel: Bool
        var errors: [FieldError]

    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "\(model.courseTitle), \(model.when)", area: .learning,
                              breadcrumbs: [("Home", .home), ("Courses", .learning(.courses)), (model.courseTitle, .learning(.course(model.courseID)))],
                              hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.when, caption: model.courseTitle),
            model.cancelled ? H.el("div", H.cls("govuk-warning-text"), H.el("strong", H.cls("govuk-warning-text__text"), H.text("This session has been cancelled."))) : .empty,
            Components.summaryList([
                ("Where", H.text(model.location)),
                ("Trainer", H.text(model.trainer ?? "To be confirmed")),
                ("Places", H.text(model.placesLeft == 0 ? "Full (\(model.capacity) places); \(model.waiting) on the waiting list" : "\(model.placesLeft) of \(model.capacity) left")),
                ("Approval", H.text(model.needsApproval ? "Bookings need the line manager's approval" : "Not needed")),
            ]),
            mine(model, context: context),
            team(model, context: context),
            register(model, context: context),
            model.canCancel ? .group(
                H.el("h2", H.cls("govuk-heading-m"), H.text("Cancel the session")),
                Components.paragraph("Everyone booked or waiting is told, and their calendar copy becomes a cancellation."),
                Components.form(action: .learning(.cancelSession(model.id)), csrf: context.csrfToken, confirm: "Cancel this session for everyone?",
                                Components.button("Cancel this session", style: "warning"))) : .empty)
    }

    private static func mine(_ model: Model, context: PageContext) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "book"), H.text("Your place")),
            model.myBooking.map { booking in
                .group(
                    H.el("p", H.cls("govuk-body"), H.text("Your booking: "), Components.tag(booking.statusLabel, colour: booking.status == "booked" || booking.status == "attended" ? "green" : "grey")),
                    H.el("p", H.cls("govuk-body"), H.link("Add to your calendar (.ics)", to: .learning(.sessionCalendar(model.id)))),
                    ["booked", "waiting", "awaiting-approval"].contains(booking.status)
                        ? Components.form(action: .learning(.cancelBooking(booking.id)), csrf: context.csrfToken, confirm: "Cancel your place?",
                                          Components.button(booking.status == "waiting" ? "Leave the waiting list" : "Cancel my place", style: "warning"))
                        : .empty)
            } ?? .empty,
            model.canBook
                ? Components.form(action: .learning(.book(model.id)), csrf: context.csrfToken,
                                  Components.button(model.placesLeft == 0 ? "Join the waiting list" : (model.needsApproval ? "Ask to book a place" : "Book a place")))
                : (model.myBooking == nil ? Components.paragraph("This session cannot be booked.") : .empty))
    }

    private static func team(_ model: Model, context: PageContext) -> BodyNode {
        guard !model.reports.isEmpty else { return .empty }
        return .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Book someone in your team")),
            Components.form(action: .learning(.book(model.id)), csrf: context.csrfToken,
                Components.select(name: "person", label: "Person", options: model.reports.map { ($0.0.uuidString.lowercased(), $0.1) }, selected: ""),
                Components.button(model.placesLeft == 0 ? "Add to the waiting list" : "Book them", style: "secondary")))
    }

    private static func register(_ model: Model, context: PageContext) -> BodyNode {
        guard !model.bookings.isEmpty else { return model.seesRegister ? Components.paragraph("Nobody has booked yet.") : .empty }
        let table = Components.table(caption: model.seesRegister ? "Bookings" : "Your team's bookings", headers: ["Name", "Status", "Decision"],
            rows: model.bookings.map { booking in
                [H.text(booking.name), Components.tag(booking.statusLabel),
                 booking.canDecide ? H.el("div", H.cls("app-actions"),
                     Components.form(action: .learning(.decideBooking(booking.id)), csrf: context.csrfToken,
                                     H.void("input", [("type", "hidden"), ("name", "decision"), ("value", "approve")]),
                                     Components.button("Approve \(booking.name)", style: "secondary")),
                     Components.form(action: .learning(.decideBooking(booking.id)), csrf: context.csrfToken,
                                     H.void("input", [("type", "hidden"), ("name", "decision"), ("value", "decline")]),
                                     Components.button("Decline \(booking.name)", style: "warning"))) : .empty]
            })
        let marked = model.bookings.filter { ["booked", "attended", "no-show"].contains($0.status) }
        guard model.canMarkAttendance, !marked.isEmpty else { return table }
        return .group(table,
            H.el("h2", H.cls("govuk-heading-m"), H.attr("id", "attendance"), H.text("Attendance")),
            Components.form(action: .learning(.attendance(model.id)), csrf: context.csrfToken,
                .group(marked.map { booking in
                    Components.radios(name: "mark-\(booking.personID.uuidString.lowercased())", legend: booking.name,
                                      choices: [("attended", "Attended"), ("no-show", "Did not attend")],
                                      selected: booking.status == "booked" ? "" : booking.status, errors: [])
                }),
                Components.button("Save attendance")))
    }
}

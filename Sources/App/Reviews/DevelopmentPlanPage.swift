import CapableCore
import Foundation
import Plot

/// A person's development plan: gaps from their latest assessment against their role, and the
/// items they have agreed.
enum DevelopmentPlanPage {
    struct Item: Encodable {
        var id: UUID
        var element: String?
        var elementID: UUID?
        var description: String
        var method: DevelopmentPlanItem.Method
        var dueOn: String?
        var status: DevelopmentPlanItem.Status
        var gap: String?
        var course: CourseRef?
        var booking: BookingRef?
    }

    struct Choice: Encodable { var value: String; var label: String }
    struct CourseRef: Encodable { var id: UUID; var title: String }
    struct BookingRef: Encodable { var sessionID: UUID; var when: String; var status: String }

    struct Model: Encodable {
        var personID: UUID
        var personName: String
        var hasRole: Bool
        var canWrite: Bool
        var gaps: [DevelopmentPlans.GapRow]
        var items: [Item]
        /// The catalogue, as (id, title), for the item form.
        var courses: [Choice]
        var form: DevelopmentPlanController.ItemForm
        var errors: [FieldError]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Development plan: \(model.personName)", area: .reviews,
                              breadcrumbs: [("Home", .home), ("People", .area(.people)), (model.personName, .person(model.personID))],
                              hasErrors: !model.errors.isEmpty),
                    context: context,
            Components.errorSummary(model.errors),
            Components.heading("Development plan", caption: model.personName),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Gaps")),
            gaps(model, csrf: context.csrfToken),
            H.el("h2", H.cls("govuk-heading-m"), H.text("Plan")),
            model.items.isEmpty ? Components.paragraph("Nothing in the plan yet.")
                : Components.table(caption: "\(model.items.count) items", headers: ["Develops", "What", "How", "Learning", "Due", "Status"], rows: model.items.map { item in
                    [item.elementID.map { H.link(item.element ?? "", to: .frameworkElement($0, version: nil)) } ?? H.text("—"),
                     .group(H.text(item.description), .unwrap(item.gap) { H.el("p", H.cls("govuk-body-s"), H.text($0)) }),
                     H.text(item.method.label), learning(item),
                     H.text(item.dueOn.map(DisplayFormat.calendarDate) ?? "No date"),
                     model.canWrite ? statusForm(model.personID, item, csrf: context.csrfToken) : H.text(item.status.label)]
                }),
            model.canWrite ? addForm(model, csrf: context.csrfToken) : .empty
        )
    }

    /// The item's course, and its booking: where the plan meets the catalogue.
    private static func learning(_ item: Item) -> BodyNode {
        guard let course = item.course else { return H.text("—") }
        return .group(H.link(course.title, to: .learning(.course(course.id))),
                      item.booking.map { booking in
                          H.el("p", H.cls("govuk-body-s"), H.text("\(booking.status): "), H.link(booking.when, to: .learning(.session(booking.sessionID))))
                      } ?? H.el("p", H.cls("govuk-body-s"), H.text("Not booked yet")))
    }

    private static func gaps(_ model: Model, csrf: String?) -> BodyNode {
        guard model.hasRole else { return Components.paragraph("No job role is recorded, so there is no expected level to compare with.") }
        guard !model.gaps.isEmpty else { return Components.paragraph("No gaps: every required element rated in the latest assessment meets the level the role expects, or is already in the plan.") }
        return Components.table(caption: "Rated below what the role expects", headers: ["Element", "Rated", "Expected", "Add to the plan"], rows: model.gaps.map { gap in
            [H.link("\(gap.code) \(gap.title)", to: .frameworkElement(gap.elementID, version: nil)), H.text(String(gap.rated)), H.text(String(gap.expected)),
             model.canWrite ? Components.form(action: .developmentPlan(model.personID), csrf: csrf,
                H.void("input", [("type", "hidden"), ("name", "element_id"), ("value", gap.elementID.uuidString)]),
                H.void("input", [("type", "hidden"), ("name", "gap"), ("value", gap.description)]),
                H.void("input", [("type", "hidden"), ("name", "description"), ("value", "Develop \(gap.code) \(gap.title)")]),
                H.void("input", [("type", "hidden"), ("name", "method"), ("value", "coaching")]),
                H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Add"),
                     H.el("span", H.cls("govuk-visually-hidden"), H.text(" \(gap.code) to the plan")))) : H.text("")]
        }, numeric: [1, 2])
    }

    private static func statusForm(_ personID: UUID, _ item: Item, csrf: String?) -> BodyNode {
        Components.form(action: .developmentPlanItemStatus(personID, item.id), csrf: csrf,
            H.el("label", H.cls("govuk-visually-hidden"), H.attr("for", "status-\(item.id)"), H.text("Status of \(item.description)")),
            H.el("select", H.cls("govuk-select"), H.attr("id", "status-\(item.id)"), H.attr("name", "status"),
                 .group(DevelopmentPlanItem.Status.allCases.map { status in
                     H.el("option", H.attr("value", status.rawValue), H.flag("selected", status == item.status), H.text(status.label))
                 })),
            H.el("button", H.cls("app-link-button"), H.attr("type", "submit"), H.text("Update"),
                 H.el("span", H.cls("govuk-visually-hidden"), H.text(" the status of \(item.description)"))))
    }

    private static func addForm(_ model: Model, csrf: String?) -> BodyNode {
        .group(
            H.el("h2", H.cls("govuk-heading-m"), H.text("Add an item")),
            Components.form(action: .developmentPlan(model.personID), csrf: csrf,
                Components.input(.init(name: "description", label: "What will be done", value: model.form.description), errors: model.errors),
                Components.select(name: "method", label: "How", options: DevelopmentPlanItem.Method.allCases.map { ($0.rawValue, $0.label) },
                                  selected: model.form.method ?? "course", errors: model.errors),
                Components.select(name: "course_id", label: "Course (optional)", options: [("", "No course")] + model.courses.map { ($0.value, $0.label) },
                                  selected: model.form.course_id ?? "", errors: model.errors),
                Components.input(.init(name: "due_on", label: "Due date (optional)", hint: "For example, 31/03/2027", value: model.form.due_on, width: "10"),
                                 errors: model.errors),
                Components.button("Add to the plan", style: "secondary")))
    }
}

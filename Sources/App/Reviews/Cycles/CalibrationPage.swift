import CapableCore
import Foundation
import Plot

/// Calibration pages: distributions per manager and per unit as tables (counts and shares at
/// each level, the average, and a flag in words), and one review's ratings with the adjust form.
enum CalibrationPage {
    struct GroupRow {
        var group: Calibration.Group
        /// The manager's person id, to list the reviews they rated; nil for units.
        var id: UUID?
        var name: String
    }

    struct ReviewRow: Encodable { var id: UUID; var person: String; var shared: Bool }

    struct Model {
        var cycleID: UUID
        var title: String
        var calibratedOn: String?
        /// Submitted manager assessments of the viewer's people not yet shown to them.
        var waiting: Int
        var levels: [String]
        var managers: [GroupRow]
        var units: [GroupRow]
        var filteredManager: String?
        var reviews: [ReviewRow]
    }

    private static func crumbs(_ id: UUID, _ title: String) -> [(String, SiteURL)] {
        [("Home", .home), ("Reviews", .area(.reviews)), ("Review cycles", .reviewCycles), (title, .reviewCycle(id))]
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        let flagged = model.managers.filter(\.group.isOutlier).count
        return Layout.page(PageFrame(title: "Calibration: \(model.title)", area: .reviews, breadcrumbs: crumbs(model.cycleID, model.title)), context: context,
            Components.heading("Calibration", caption: model.title),
            Components.paragraph("Submitted manager ratings, level by level. A manager whose average sits \(String(format: "%.2g", Calibration.threshold)) of a level or more from the cycle average (with at least \(Calibration.minimumRatings) ratings) is flagged for discussion."),
            H.el("p", H.cls("govuk-body"), H.attr("role", "status"),
                 H.text(model.managers.isEmpty ? "No manager assessments submitted yet." : "\(model.managers.count) managers, \(flagged) flagged as far from the cycle average.")),
            distribution("Ratings by manager", first: "Manager", model.managers, levels: model.levels, cycleID: model.cycleID),
            distribution("Ratings by unit", first: "Unit", model.units, levels: model.levels, cycleID: nil),
            .unwrap(model.filteredManager) { manager in
                model.reviews.isEmpty ? Components.paragraph("No reviews rated by \(manager) that you look after.")
                    : Components.table(caption: "Reviews rated by \(manager)", headers: ["Person", "Shown to the person"], rows: model.reviews.map { row in
                        [H.link(row.person, to: .calibrationReview(model.cycleID, row.id)), H.text(row.shared ? "Yes: ratings are final" : "Not yet")]
                    })
            },
            finishSection(model, csrf: context.csrfToken))
    }

    static func finishSection(_ model: Model, csrf: String?) -> BodyNode {
        if let finished = model.calibratedOn {
            return Components.paragraph("Calibration finished on \(DisplayFormat.calendarDate(finished)); manager assessments are shown to the people rated.")
        }
        guard model.waiting > 0 else {
            return Components.paragraph("No submitted manager assessment of the people you look after is waiting to be shown.")
        }
        let count = model.waiting == 1 ? "1 submitted manager assessment is" : "\(model.waiting) submitted manager assessments are"
        return Components.form(action: .calibrationFinish(model.cycleID), csrf: csrf,
                               confirm: "Finish calibration? \(count) then shown to the people rated, and their ratings no longer change.",
            H.el("h2", H.cls("govuk-heading-m"), H.text("Finish calibration")),
            Components.paragraph("\(count) waiting for the people you look after. Finishing shows each to the person rated, and its ratings no longer change."),
            Components.button("Finish calibration for the people you look after", style: "warning"))
    }

    static func distribution(_ caption: String, first: String, _ rows: [GroupRow], levels: [String], cycleID: UUID?) -> BodyNode {
        guard !rows.isEmpty else { return .empty }
        let headers = [first] + levels.enumerated().map { "\($0.offset + 1) \($0.element)" } + ["Ratings", "Compared with the cycle"]
        return Components.table(caption: caption, headers: headers, rows: rows.map { row in
            let total = row.group.total
            let name: BodyNode = row.id.flatMap { id in cycleID.map { H.link(row.name, to: .calibration($0, manager: id)) } } ?? H.text(row.name)
            return [name] + row.group.counts.map { count in
                H.text(total == 0 ? "0" : "\(count) (\(Int((Double(count) * 100 / Double(total)).rounded()))%)")
            } + [H.text(String(total)),
                 .group(row.group.isOutlier ? Components.tag("Far from the cycle average", colour: "orange") : .empty,
                        H.el("span", H.cls("govuk-body-s"), H.text(" " + row.group.summary)))]
        }, numeric: Set(1...(levels.count + 1)))
    }

    struct RatingRow: Encodable { var elementID: UUID; var element: String; var level: Int; var evidence: String }

    struct ReviewModel {
        var cycleID: UUID
        var reviewID: UUID
        var cycleTitle: String
        var person: String
        var manager: String
        var editable: Bool
        var scale: [ScaleLevel]
        var ratings: [RatingRow]
        var adjustments: [ReviewPage.Adjustment]
        var form: CalibrationAdjust.Form
        var errors: [FieldError]
    }

    static func review(_ model: ReviewModel, context: PageContext) -> HTML {
        let label = { (level: Int) in model.scale.first { $0.value == level }.map { "\(level) \($0.label)" } ?? String(level) }
        return Layout.page(PageFrame(title: "Calibrate: \(model.person)", area: .reviews,
                                     breadcrumbs: crumbs(model.cycleID, model.cycleTitle) + [("Calibration", .calibration(model.cycleID))],
                                     hasErrors: !model.errors.isEmpty), context: context,
            Components.errorSummary(model.errors),
            Components.heading(model.person, caption: "Manager assessment by \(model.manager)"),
            Components.table(caption: "Ratings", headers: ["Element", "Rating", "Evidence"], rows: model.ratings.map { row in
                [H.text(row.element), H.text(label(row.level)), H.text(row.evidence)]
            }),
            model.adjustments.isEmpty ? .empty : Components.table(caption: "Adjusted in calibration", headers: ["Element", "From", "To", "Reason"],
                rows: model.adjustments.map { [H.text($0.element), H.text(label($0.from)), H.text(label($0.to)), H.text($0.reason)] }),
            model.editable
                ? Components.form(action: .calibrationReview(model.cycleID, model.reviewID), csrf: context.csrfToken,
                    H.el("h2", H.cls("govuk-heading-m"), H.text("Adjust a rating")),
                    Components.select(name: "element", label: "Element", options: [("", "Choose an element")]
                                      + model.ratings.map { ($0.elementID.uuidString.lowercased(), "\($0.element) (now \($0.level))") },
                                      selected: model.form.element?.lowercased() ?? "", errors: model.errors),
                    Components.radios(name: "level", legend: "New rating", choices: model.scale.map { (String($0.value), "\($0.value) \($0.label)") },
                                      selected: model.form.level ?? "", errors: model.errors),
                    Components.textarea(name: "reason", label: "Reason for the change", hint: "Recorded with the change and shown with the assessment",
                                        value: model.form.reason ?? "", errors: model.errors),
                    Components.button("Adjust the rating"))
                : Components.paragraph("\(model.person) can see this assessment or the review is signed off, so its ratings are final."))
    }
}

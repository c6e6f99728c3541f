import CapableCore
import Foundation
import Plot

/// A risk's score over time: a step line per rating (current solid, target dashed, inherent
/// dotted, each with its own marker shape, so colour is never the only difference), the
/// appetite ceiling as a labelled line, a sentence saying what happened, and the figures as a
/// table for anyone who cannot see the chart.
enum RiskChart {
    struct Point: Sendable {
        var day: CalendarDate
        var kind: RiskAssessment.Kind
        var score: Int
    }

    static let width = 640.0, height = 260.0, left = 48.0, right = 16.0, top = 16.0, bottom = 40.0

    static func view(_ points: [Point], maxScore: Int, ceiling: Int, today: CalendarDate, title: String) -> BodyNode {
        guard let first = points.map(\.day).min() else { return Components.paragraph("This risk has not been assessed yet, so there is no chart.") }
        let start = first, end = max(today, points.map(\.day).max() ?? today)
        let span = Double(max(1, daysBetween(start, end)))
        func x(_ day: CalendarDate) -> Double { left + (width - left - right) * Double(daysBetween(start, day)) / span }
        func y(_ score: Int) -> Double { top + (height - top - bottom) * (1 - Double(score) / Double(max(1, maxScore))) }
        let styles: [(RiskAssessment.Kind, String, String)] = [(.current, "", "circle"), (.target, "6 4", "square"), (.inherent, "2 3", "diamond")]
        var series: [BodyNode] = []
        for (kind, dash, shape) in styles {
            let mine = points.filter { $0.kind == kind }.sorted { $0.day < $1.day }
            guard !mine.isEmpty else { continue }
            var d = "", last: Point?
            for point in mine {
                if let last { d += " L\(fmt(x(point.day))),\(fmt(y(last.score)))" }
                d += (last == nil ? "M" : " L") + "\(fmt(x(point.day))),\(fmt(y(point.score)))"
                last = point
            }
            if let last { d += " L\(fmt(x(end))),\(fmt(y(last.score)))" }
            series.append(H.el("path", H.attr("d", d), H.cls("app-chart__line app-chart__line--\(kind.rawValue)"), H.attr("fill", "none"),
                               H.attr("stroke-dasharray", dash.isEmpty ? nil : dash)))
            series += mine.map { marker(shape: shape, x: x($0.day), y: y($0.score), kind: kind) }
        }
        let axis: [BodyNode] = stride(from: 0, through: maxScore, by: max(1, maxScore / 5)).map { score in
            .group(H.el("line", H.attr("x1", fmt(left)), H.attr("x2", fmt(width - right)), H.attr("y1", fmt(y(score))), H.attr("y2", fmt(y(score))), H.cls("app-chart__grid")),
                   H.el("text", H.attr("x", fmt(left - 6)), H.attr("y", fmt(y(score) + 4)), H.attr("text-anchor", "end"), H.cls("app-chart__label"), H.text(String(score))))
        }
        let summaryText = summary(points, ceiling: ceiling)
        return H.el("figure", H.cls("app-chart"),
            H.el("svg", H.attr("viewBox", "0 0 \(Int(width)) \(Int(height))"), H.attr("role", "img"), H.attr("aria-labelledby", "risk-chart-title risk-chart-desc"),
                 H.attr("xmlns", "http://www.w3.org/2000/svg"), H.cls("app-chart__svg"),
                H.el("title", H.attr("id", "risk-chart-title"), H.text(title)),
                H.el("desc", H.attr("id", "risk-chart-desc"), H.text(summaryText)),
                .group(axis),
                H.el("line", H.attr("x1", fmt(left)), H.attr("x2", fmt(width - right)), H.attr("y1", fmt(y(ceiling))), H.attr("y2", fmt(y(ceiling))), H.cls("app-chart__ceiling")),
                H.el("text", H.attr("x", fmt(width - right)), H.attr("y", fmt(y(ceiling) - 4)), H.attr("text-anchor", "end"), H.cls("app-chart__label"), H.text("Appetite: up to \(ceiling)")),
                .group(series),
                H.el("text", H.attr("x", fmt(left)), H.attr("y", fmt(height - 12)), H.cls("app-chart__label"), H.text(DisplayFormat.calendarDate(start.description))),
                H.el("text", H.attr("x", fmt(width - right)), H.attr("y", fmt(height - 12)), H.attr("text-anchor", "end"), H.cls("app-chart__label"), H.text(DisplayFormat.calendarDate(end.description)))),
            H.el("figcaption", H.cls("govuk-body"), H.text(summaryText + " Key: current is the solid line with circles, target the dashed line with squares, inherent the dotted line with diamonds.")))
    }

    /// "The current score went from 20 on 3 March 2026 to 9 on 26 November 2026, within the appetite of up to 9; the target is 6."
    static func summary(_ points: [Point], ceiling: Int) -> String {
        let current = points.filter { $0.kind == .current }.sorted { $0.day < $1.day }
        guard let first = current.first, let last = current.last else { return "The current score has not been assessed yet." }
        var text = current.count == 1
            ? "The current score is \(last.score), assessed on \(DisplayFormat.calendarDate(last.day.description))"
            : "The current score went from \(first.score) on \(DisplayFormat.calendarDate(first.day.description)) to \(last.score) on \(DisplayFormat.calendarDate(last.day.description)) over \(current.count) assessments"
        text += last.score > ceiling ? ", above the appetite of up to \(ceiling)" : ", within the appetite of up to \(ceiling)"
        if let target = points.filter({ $0.kind == .target }).max(by: { $0.day < $1.day }) { text += "; the target is \(target.score)" }
        return text + "."
    }

    private static func marker(shape: String, x: Double, y: Double, kind: RiskAssessment.Kind) -> BodyNode {
        let cls = H.cls("app-chart__marker app-chart__marker--\(kind.rawValue)")
        switch shape {
        case "square": return H.el("rect", H.attr("x", fmt(x - 4)), H.attr("y", fmt(y - 4)), H.attr("width", "8"), H.attr("height", "8"), cls)
        case "diamond": return H.el("path", H.attr("d", "M\(fmt(x)),\(fmt(y - 5)) L\(fmt(x + 5)),\(fmt(y)) L\(fmt(x)),\(fmt(y + 5)) L\(fmt(x - 5)),\(fmt(y)) Z"), cls)
        default: return H.el("circle", H.attr("cx", fmt(x)), H.attr("cy", fmt(y)), H.attr("r", "4"), cls)
        }
    }

    private static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }

    private static func daysBetween(_ a: CalendarDate, _ b: CalendarDate) -> Int {
        Int((DisplayFormat.start(of: b).timeIntervalSince(DisplayFormat.start(of: a)) / 86_400).rounded())
    }
}

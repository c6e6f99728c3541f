import CapableCore
import Foundation
import Plot

/// Pieces the risk pages share: a rating in words with its band as a tag, the heat map as a
/// table with the count as text in every cell, and a risk's score over time as an SVG chart with
/// a text summary and the figures as a table.
enum RiskViews {
    /// Band colours from low to very high; the band's name is always written beside it.
    static func colour(of band: String?, matrix: RiskMatrix) -> String {
        let index = matrix.bands.firstIndex { $0.name == band } ?? 0
        let colours = ["green", "yellow", "orange", "red"]
        return colours[min(colours.count - 1, max(0, index * colours.count / max(1, matrix.bands.count)))]
    }

    /// "High 12" as a tag, with the descriptors in words beside it; "Not assessed" when nil.
    static func rating(_ rating: RiskMatrix.Rating?, matrix: RiskMatrix, detail: Bool = true) -> BodyNode {
        guard let rating else { return H.text("Not assessed") }
        let band = matrix.band(for: rating.score)?.name
        return .group(Components.tag("\(band ?? "") \(rating.score)", colour: colour(of: band, matrix: matrix)),
                      detail ? H.el("span", H.cls("app-rating-detail"), H.text(" \(matrix.likelihood[safe: rating.likelihood - 1] ?? "?") x \(matrix.impact[safe: rating.impact - 1] ?? "?")")) : .empty)
    }

    /// The heat map: likelihood down the side (highest first), impact across, a count in each
    /// cell linking to its risks, and the cell's band in words.
    static func heatMap(_ map: RiskHeatMap, matrix: RiskMatrix, caption: String, link: ((Int, Int) -> SiteURL)?) -> BodyNode {
        H.el("div", H.cls("app-table-scroll"),
            H.el("table", H.cls("govuk-table app-heatmap"),
                H.el("caption", H.cls("govuk-table__caption govuk-table__caption--s"), H.text(caption)),
                H.el("thead", H.cls("govuk-table__head"), H.el("tr", H.cls("govuk-table__row"),
                    H.el("td", H.cls("govuk-table__header"), H.el("span", H.cls("govuk-visually-hidden"), H.text("Likelihood by impact"))),
                    .group(matrix.impact.enumerated().map { index, name in
                        H.el("th", H.cls("govuk-table__header"), H.attr("scope", "col"), H.text("Impact \(index + 1): \(name)"))
                    }))),
                H.el("tbody", H.cls("govuk-table__body"), .group((1...matrix.likelihood.count).reversed().map { l in
                    H.el("tr", H.cls("govuk-table__row"),
                        H.el("th", H.cls("govuk-table__header"), H.attr("scope", "row"), H.text("Likelihood \(l): \(matrix.likelihood[l - 1])")),
                        .group((1...matrix.impact.count).map { i in
                            let count = map.counts[l - 1][i - 1], score = l * i
                            let band = matrix.band(for: score)?.name ?? ""
                            let label = count == 1 ? "1 risk" : "\(count) risks"
                            return H.el("td", H.cls("govuk-table__cell app-heat app-heat--\(colour(of: band, matrix: matrix))"),
                                count > 0 && link != nil
                                    ? H.el("a", H.cls("govuk-link app-heat__count"), H.attr("href", link!(l, i).path), H.text(label),
                                           H.el("span", H.cls("govuk-visually-hidden"), H.text(" at likelihood \(l), impact \(i)")))
                                    : H.el("span", H.cls("app-heat__count"), H.text(label)),
                                H.el("span", H.cls("app-heat__band"), H.text("\(band) (\(score))")))
                        }))
                }))))
    }

    /// "Very high: 2, High: 3, Medium: 4, Low: 1".
    static func bandSummary(_ map: RiskHeatMap, matrix: RiskMatrix) -> String {
        map.byBand(matrix).reversed().map { "\($0.band): \($0.count)" }.joined(separator: ", ")
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

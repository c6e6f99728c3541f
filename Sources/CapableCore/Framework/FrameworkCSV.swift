import Foundation

/// A framework's elements as a spreadsheet: one row per element, depth-first, each parent before
/// its children, so people can review or draft a framework in Excel and bring it back.
///
/// Indicators sit one per line inside their cell, links one per line as `supports organisational:Name`
/// or `relatedTo <element id>`. Reading gives back exactly what was written, with two limits: the
/// "looks like" indicators come back before the "doesn't look like" ones (there is a column for each),
/// and an indicator cannot itself hold a line break.
///
/// Cells are neutralised against spreadsheet formulas by ``CSV/write(header:rows:neutralise:)``.
/// To keep that reversible, a cell that already starts with apostrophes followed by a formula
/// character gets one more apostrophe, and reading removes exactly one apostrophe from any cell
/// that starts with apostrophes followed by a formula character.
public enum FrameworkCSV {
    /// The columns, in the order they are written.
    public static let header = ["element_id", "code", "parent_code", "kind", "title", "statement", "audience",
                                "why_it_matters", "what_it_means_for_me", "looks_like", "does_not_look_like", "links"]

    /// Columns a file must have; the others may be left out (empty element_id or a missing column
    /// means a new id, an empty audience means all staff, an empty parent_code means the top level).
    public static let requiredColumns = ["code", "kind", "title", "statement"]

    /// The framework's elements as CSV text.
    public static func write(_ document: FrameworkDocument) -> String {
        write(document.elements)
    }

    /// Elements (with everything under them) as CSV text.
    public static func write(_ elements: [FrameworkDocument.Element]) -> String {
        var rows: [[String]] = []
        func walk(_ element: FrameworkDocument.Element, parent: String) {
            let indicators = { (kind: FrameworkDocument.Indicator.Kind) in
                element.indicators.filter { $0.kind == kind }.map(\.text).joined(separator: "\n")
            }
            rows.append([
                element.id.uuidString.lowercased(), element.code, parent, element.kind.rawValue, element.title,
                element.statement, element.audience.rawValue, element.whyItMatters ?? "", element.whatItMeansForMe ?? "",
                indicators(.looksLike), indicators(.doesNotLookLike),
                element.links.map { "\($0.type.rawValue) \($0.target)" }.joined(separator: "\n"),
            ])
            for child in element.children { walk(child, parent: element.code) }
        }
        for element in elements { walk(element, parent: "") }
        return CSV.write(header: header, rows: rows.map { $0.map(protect) })
    }

    /// Adds the apostrophe that makes neutralising reversible (see ``FrameworkCSV``); cells starting
    /// with a formula character are left for ``CSV/neutraliseFormula(_:)`` itself.
    static func protect(_ cell: String) -> String {
        let rest = cell.drop { $0 == "'" }
        return rest.count < cell.count && isFormula(rest) ? "'" + cell : cell
    }

    /// Removes one apostrophe that ``protect(_:)`` or neutralising added.
    static func unprotect(_ cell: String) -> String {
        guard cell.hasPrefix("'") else { return cell }
        let after = cell.dropFirst()
        return isFormula(after.drop { $0 == "'" }) ? String(after) : cell
    }

    /// Whether neutralising would prefix this text: the test is the writer's own, so the two cannot drift.
    private static func isFormula(_ text: Substring) -> Bool {
        let text = String(text)
        return CSV.neutraliseFormula(text) != text
    }
}

/// Why a framework CSV could not be read: every problem, each naming its line.
public struct FrameworkCSVError: Error, Equatable, Sendable {
    /// Problems with rows (and the header, line 1), by line.
    public var lines: [ImportError]
    /// Problems with the framework as a whole, found once the rows were read.
    public var framework: [String]

    /// Creates an error.
    public init(lines: [ImportError], framework: [String] = []) {
        self.lines = lines; self.framework = framework
    }

    /// Every problem as the text to show.
    public var messages: [String] { lines.map(\.description) + framework }
}

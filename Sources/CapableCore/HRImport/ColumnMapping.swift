import Foundation

/// Which column of an HR export holds each canonical ``HRColumn``: the answer to the
/// column-mapping page, kept as JSON between the upload and the import.
public struct ColumnMapping: Sendable, Equatable, Codable {
    /// The header index (0-based) of each mapped column; a column not in here is not in the file.
    public var columns: [HRColumn: Int]

    public init(columns: [HRColumn: Int] = [:]) {
        self.columns = columns
    }

    /// A guess from the headings: each column takes the first heading that is its canonical name
    /// or a common synonym ("Payroll ID", "Surname", "Manager Employee Number" ...), compared
    /// without case, spaces, underscores, hyphens or other punctuation. A heading serves one column.
    public static func automatic(header: [String]) -> ColumnMapping {
        var indexByName: [String: Int] = [:]
        for (index, heading) in header.enumerated() where indexByName[normalise(heading)] == nil {
            indexByName[normalise(heading)] = index
        }
        var used = Set<Int>()
        var columns: [HRColumn: Int] = [:]
        // Canonical names first, so a file that has "employee_ref" and also "Employee ID" maps the canonical one.
        for pass in [false, true] {
            for column in HRColumn.allCases where columns[column] == nil {
                let names = pass ? column.synonyms : [normalise(column.rawValue)]
                if let index = names.lazy.compactMap({ indexByName[$0] }).first(where: { !used.contains($0) }) {
                    columns[column] = index
                    used.insert(index)
                }
            }
        }
        return ColumnMapping(columns: columns)
    }

    /// The mapping someone chose: the heading picked for each column. An empty choice, or a
    /// heading the file does not have, leaves the column unmapped (and ``missingRequired`` says so
    /// when it mattered). Headings match exactly first, then as ``automatic(header:)`` compares them.
    public init(header: [String], choices: [HRColumn: String]) {
        var exact: [String: Int] = [:]
        var loose: [String: Int] = [:]
        for (index, heading) in header.enumerated() {
            let trimmed = heading.trimmingCharacters(in: .whitespaces)
            if exact[trimmed] == nil { exact[trimmed] = index }
            if loose[Self.normalise(heading)] == nil { loose[Self.normalise(heading)] = index }
        }
        var columns: [HRColumn: Int] = [:]
        for (column, choice) in choices {
            let trimmed = choice.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, let index = exact[trimmed] ?? loose[Self.normalise(trimmed)] else { continue }
            columns[column] = index
        }
        self.columns = columns
    }

    /// The required columns with no heading mapped to them, in canonical order.
    public var missingRequired: [HRColumn] {
        HRColumn.allCases.filter { $0.isRequired && columns[$0] == nil }
    }

    /// Lower case, letters and digits only: "Payroll ID", "payroll_id" and "PAYROLL-ID" are one name.
    static func normalise(_ heading: String) -> String {
        String(heading.lowercased().unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil })
    }
}

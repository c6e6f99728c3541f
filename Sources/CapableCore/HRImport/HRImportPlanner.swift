import Foundation

/// Plans an import of staff from an HR system's CSV export (iTrent, Oracle, SAP, Unit4, CoreHR):
/// joiners are created, movers updated, leavers deactivated, and every problem is reported with its
/// line and column before anything is written. Pure: the caller reads the database and applies the plan.
public enum HRImportPlanner {
    /// Works out the plan.
    ///
    /// - People are keyed on `employee_ref` and `assignment_no`; a file row replaces the existing
    ///   person's fields for every mapped column and leaves unmapped ones as they are.
    /// - A row whose `leaving_date` is on or before `today` is a leaver: deactivated, never deleted.
    /// - `line_manager_ref` names a person, but records are per assignment, so the manager is that
    ///   person's lowest-numbered assignment that is active after the import, or their
    ///   lowest-numbered assignment if none is (see ``PersonKey/assignmentPrecedes(_:_:)``).
    /// - Existing active people missing from the file are deactivated only when `deactivateMissing`.
    /// - Runs in time linear in rows plus existing people: dictionaries throughout, and each
    ///   line-manager or unit-parent chain is walked once.
    public static func plan(table: CSVTable, mapping: ColumnMapping, existingPeople: [ExistingPerson],
                            existingUnits: [ExistingUnit], deactivateMissing: Bool, today: CalendarDate) -> HRImportPlan {
        var planning = ImportPlanning(header: table.header, mapping: mapping, existingPeople: existingPeople,
                                      existingUnits: existingUnits, today: today)
        // Without the required columns every row would fail the same way; one error per column says it better.
        guard planning.checkMapping() else { return planning.finish(rows: [], units: [], deactivations: []) }
        if table.rows.isEmpty {
            // Also stops "deactivate missing" from emptying the organisation because of a header-only file.
            planning.fail(1, nil, "the file has a header but no rows of staff")
        }
        let parsed = table.rows.map { planning.read($0) }
        let managers = planning.checkLineManagement(parsed, deactivateMissing: deactivateMissing)
        let units = planning.planUnits(parsed)
        let keysInFile = Set(parsed.compactMap(\.key))
        let deactivations = deactivateMissing
            ? existingPeople.filter { $0.active && !keysInFile.contains($0.record.key) }.map(\.record.key).sorted()
            : []
        let errorLines = Set(planning.errors.map(\.line))
        let rows = parsed.map { row in
            planning.plannedRow(row, manager: row.key.flatMap { managers[$0] }, failed: errorLines.contains(row.line))
        }
        return planning.finish(rows: rows, units: units, deactivations: deactivations)
    }
}

/// A data row as read, before its action is decided.
struct ParsedRow {
    var line: Int
    /// Nil when the row has no employee reference or a wrong number of cells.
    var key: PersonKey?
    /// Whether an earlier row has the same key; only the first counts as that person.
    var isDuplicate = false
    var existing: ExistingPerson?
    /// Nil when a required field is empty.
    var record: HRRecord?
    /// The manager after the import: the cell, or the existing value when the column is not mapped.
    var managerRef: String?
    var isLeaver = false
    var unitCode: String?
    var unitName: String?
    var parentCode: String?

    init(line: Int) {
        self.line = line
    }
}

/// The state of one planning run: what exists, the mapping checked against the header, and the errors so far.
struct ImportPlanning {
    let header: [String]
    /// Only mappings that point inside the header: a mapping saved for another file counts as unmapped.
    let columns: [HRColumn: Int]
    let existingPeople: [ExistingPerson]
    let existingByKey: [PersonKey: ExistingPerson]
    let existingUnitByCode: [String: ExistingUnit]
    let existingUnits: [ExistingUnit]
    let today: CalendarDate
    var errors: [ImportError] = []
    var firstLineByKey: [PersonKey: Int] = [:]

    init(header: [String], mapping: ColumnMapping, existingPeople: [ExistingPerson], existingUnits: [ExistingUnit],
         today: CalendarDate) {
        self.header = header
        columns = mapping.columns.filter { header.indices.contains($0.value) }
        self.existingPeople = existingPeople
        existingByKey = Dictionary(existingPeople.map { ($0.record.key, $0) }, uniquingKeysWith: { first, _ in first })
        self.existingUnits = existingUnits
        existingUnitByCode = Dictionary(existingUnits.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.today = today
    }

    mutating func fail(_ line: Int, _ column: HRColumn?, _ message: String) {
        let heading = column.flatMap { columns[$0] }.map { header[$0] }.flatMap { $0.isEmpty ? nil : $0 }
        errors.append(ImportError(line: line, column: column, header: heading, message: message))
    }

    func isMapped(_ column: HRColumn) -> Bool { columns[column] != nil }

    /// The trimmed cell for a column; nil when the column is not mapped or the cell is blank.
    func value(_ column: HRColumn, _ cells: [String]) -> String? {
        guard let index = columns[column], cells.indices.contains(index) else { return nil }
        let text = Self.trimmed(cells[index])
        return text.isEmpty ? nil : text
    }

    /// Foundation's `trimmingCharacters(in:)` goes through UTF-16 on Linux and was a fifth of the
    /// time for 30,000 rows; most cells need no trimming, and then the String is returned as is.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }), let last = scalars.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == text.startIndex, scalars.index(after: last) == text.endIndex { return text }
        return String(text[first...last])
    }

    /// Unicode whitespace, answering plain ASCII without the Unicode property tables.
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value) : scalar.properties.isWhitespace
    }

    mutating func checkMapping() -> Bool {
        let missing = HRColumn.allCases.filter { $0.isRequired && !isMapped($0) }
        for column in missing {
            fail(1, column, "no column in the file is chosen for \(column.label), which every row needs")
        }
        return missing.isEmpty
    }

    func plannedRow(_ row: ParsedRow, manager: PersonKey?, failed: Bool) -> PlannedRow {
        guard !failed, let record = row.record else {
            return PlannedRow(line: row.line, key: row.key, record: nil, existingID: row.existing?.id, active: false,
                              lineManagerKey: nil, action: .error)
        }
        let active = !row.isLeaver
        let action: PlannedRow.Action
        if let existing = row.existing, existing.record == record, existing.active == active {
            // Most rows of a regular import are unchanged; skip building and diffing snapshots for them.
            action = .unchanged
        } else if let existing = row.existing {
            var changes = FieldChange.diff(before: existing.record.snapshot(), after: record.snapshot())
            if existing.active != active {
                changes.append(FieldChange(field: "active", old: String(existing.active), new: String(active)))
                changes.sort { $0.field < $1.field }
            }
            if existing.active, row.isLeaver {
                action = .deactivate(reason: "leaving date \(record.leavingDate?.description ?? "") has been reached", changes: changes)
            } else {
                action = changes.isEmpty ? .unchanged : .update(changes: changes)
            }
        } else {
            action = .create
        }
        return PlannedRow(line: row.line, key: row.key, record: record, existingID: row.existing?.id, active: active,
                          lineManagerKey: manager, action: action)
    }

    func finish(rows: [PlannedRow], units: [PlannedUnit], deactivations: [PersonKey]) -> HRImportPlan {
        // Errors are found in several passes; sort so the report reads top to bottom and is the same every run.
        let sorted = errors.enumerated().sorted {
            ($0.element.line, $0.element.column?.order ?? -1, $0.offset) < ($1.element.line, $1.element.column?.order ?? -1, $1.offset)
        }.map(\.element)
        return HRImportPlan(rows: rows, units: units, deactivations: deactivations, errors: sorted)
    }
}

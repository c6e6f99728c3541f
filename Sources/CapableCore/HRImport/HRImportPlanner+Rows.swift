import Foundation

extension ImportPlanning {
    /// Reads one data row into typed values, reporting each bad cell.
    mutating func read(_ row: CSVRow) -> ParsedRow {
        var parsed = ParsedRow(line: row.line)
        let line = row.line, cells = row.cells
        if cells == [""] {
            fail(line, nil, "the line is blank; remove it")
            return parsed
        }
        guard cells.count == header.count else {
            // Misaligned cells would make every other message about this row wrong, so stop here.
            fail(line, nil, "has \(cells.count) cells but the header has \(header.count); a value that contains a comma must be in double quotes")
            return parsed
        }
        let ref = value(.employeeRef, cells), given = value(.givenName, cells), family = value(.familyName, cells)
        let unitCode = value(.orgUnitCode, cells)
        for (column, text) in [(HRColumn.employeeRef, ref), (.givenName, given), (.familyName, family), (.orgUnitCode, unitCode)]
        where text == nil {
            fail(line, column, "must not be empty")
        }
        parsed.unitCode = unitCode
        parsed.unitName = value(.orgUnitName, cells)
        parsed.parentCode = value(.parentOrgUnitCode, cells)
        let email = readEmail(cells, line)
        let fte = readFTE(cells, line)
        let start = readDate(.startDate, cells, line)
        let probation = readDate(.probationEndDate, cells, line)
        let leaving = readDate(.leavingDate, cells, line)
        let managerCell = value(.lineManagerRef, cells)

        guard let ref else { return parsed }
        let key = PersonKey(employeeRef: ref, assignmentNo: value(.assignmentNo, cells) ?? "1")
        parsed.key = key
        if let first = firstLineByKey[key] {
            fail(line, .employeeRef, "\"\(ref)\" with assignment_no \"\(key.assignmentNo)\" is already on line \(first)")
            parsed.isDuplicate = true
        } else {
            firstLineByKey[key] = line
        }
        if managerCell == ref {
            fail(line, .lineManagerRef, "\"\(ref)\" is this person's own employee_ref; nobody can be their own line manager")
        }
        let old = existingByKey[key]
        parsed.existing = old
        parsed.managerRef = isMapped(.lineManagerRef) ? managerCell : old?.record.lineManagerRef

        guard let given, let family, let unitCode else { return parsed }
        // An unmapped column keeps what Capable has; a mapped one is the HR system's word, blanks included.
        func pick<Value>(_ column: HRColumn, _ new: Value?, _ current: Value?) -> Value? {
            isMapped(column) ? new : current
        }
        let current = old?.record
        let record = HRRecord(
            employeeRef: ref, assignmentNo: key.assignmentNo, givenName: given, familyName: family,
            preferredName: pick(.preferredName, value(.preferredName, cells), current?.preferredName),
            workEmail: pick(.workEmail, email, current?.workEmail),
            jobTitle: pick(.jobTitle, value(.jobTitle, cells), current?.jobTitle),
            orgUnitCode: unitCode, lineManagerRef: parsed.managerRef,
            grade: pick(.grade, value(.grade, cells), current?.grade),
            fte: pick(.fte, fte, current?.fte),
            contractType: pick(.contractType, value(.contractType, cells), current?.contractType),
            startDate: pick(.startDate, start, current?.startDate),
            probationEndDate: pick(.probationEndDate, probation, current?.probationEndDate),
            leavingDate: pick(.leavingDate, leaving, current?.leavingDate),
            location: pick(.location, value(.location, cells), current?.location))
        parsed.record = record
        parsed.isLeaver = record.leavingDate.map { $0 <= today } ?? false
        return parsed
    }

    private mutating func readDate(_ column: HRColumn, _ cells: [String], _ line: Int) -> CalendarDate? {
        guard let text = value(column, cells) else { return nil }
        guard let date = CalendarDate(text) else {
            fail(line, column, "\"\(text)\" is not a real date (use dd/mm/yyyy or yyyy-mm-dd)")
            return nil
        }
        return date
    }

    /// FTE is a fraction of full time. The ceiling is 1.5, not 1.0: some assignments are contracted
    /// above the standard week (or measured against a shorter one, e.g. 37 hours against 35), which
    /// gives values such as 1.06, while hours (37) or percentages (100) typed by mistake are still
    /// caught. Zero is allowed because casual and zero-hours contracts carry an FTE of 0.
    private mutating func readFTE(_ cells: [String], _ line: Int) -> Double? {
        guard let text = value(.fte, cells) else { return nil }
        // Double("nan") and Double("inf") succeed, so finiteness is part of "a number".
        guard let fte = Double(text), fte.isFinite else {
            fail(line, .fte, "\"\(text)\" is not a number; FTE is a fraction of full time, such as 0.6")
            return nil
        }
        guard (0...1.5).contains(fte) else {
            fail(line, .fte, "\"\(text)\" is outside 0 to 1.5; FTE is a fraction of full time, such as 0.6, not hours or a percentage")
            return nil
        }
        return fte
    }

    private mutating func readEmail(_ cells: [String], _ line: Int) -> String? {
        guard let text = value(.workEmail, cells) else { return nil }
        guard Self.looksLikeEmail(text) else {
            fail(line, .workEmail, "\"\(text)\" is not an email address")
            return nil
        }
        return text
    }

    /// Only catches what is clearly wrong (no @, two of them, no dot in the domain, spaces, a list
    /// of addresses); whether the address works is for the mail server to say.
    static func looksLikeEmail(_ text: String) -> Bool {
        let scalars = text.unicodeScalars
        guard !scalars.contains(where: { ImportPlanning.isSpace($0) || notInAddress($0) }),
              let at = scalars.firstIndex(of: "@"), at != scalars.startIndex else { return false }
        let domain = scalars[scalars.index(after: at)...]
        guard !domain.contains("@") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Characters that show a list of addresses or a display name ("Jo <jo@x.org>") rather than one
    /// address. A switch, not a Set: hashing every character was a measurable part of a large import.
    private static func notInAddress(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ";", "<", ">", "(", ")", "[", "]", "\\", "\"": true
        default: false
        }
    }
}

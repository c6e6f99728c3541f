/// A unit as the file describes it, gathered from every row that names it.
struct UnitDraft {
    var code: String
    var line: Int
    var name: String?
    var nameLine: Int
    var parent: String?
    var parentLine: Int

    init(code: String, line: Int) {
        self.code = code
        self.line = line
        nameLine = line
        parentLine = line
    }
}

extension ImportPlanning {
    /// Gathers the units named by `org_unit_code`, with their names and parents, checks that rows
    /// agree, that parents exist and that no unit ends up inside itself, and plans each unit.
    /// A blank name or parent cell states nothing, so it never conflicts and never clears a value.
    mutating func planUnits(_ rows: [ParsedRow]) -> [PlannedUnit] {
        var drafts: [String: UnitDraft] = [:]
        var order: [String] = []
        for row in rows {
            guard let code = row.unitCode else { continue }
            var draft = drafts[code] ?? UnitDraft(code: code, line: row.line)
            if drafts[code] == nil { order.append(code) }
            if let name = row.unitName {
                if let known = draft.name, known != name {
                    fail(row.line, .orgUnitName, "\"\(name)\" differs from \"\(known)\", given for unit \(code) on line \(draft.nameLine)")
                } else if draft.name == nil {
                    draft.name = name
                    draft.nameLine = row.line
                }
            }
            if let parent = row.parentCode {
                if parent == code {
                    fail(row.line, .parentOrgUnitCode, "\"\(parent)\" is this unit's own code; a unit cannot be its own parent")
                } else if let known = draft.parent, known != parent {
                    fail(row.line, .parentOrgUnitCode, "\"\(parent)\" differs from \"\(known)\", given for unit \(code) on line \(draft.parentLine)")
                } else if draft.parent == nil {
                    draft.parent = parent
                    draft.parentLine = row.line
                }
            }
            drafts[code] = draft
        }
        for code in order {
            guard let draft = drafts[code], let parent = draft.parent, drafts[parent] == nil, existingUnitByCode[parent] == nil else { continue }
            fail(draft.parentLine, .parentOrgUnitCode, "\"\(parent)\" is not an org_unit_code in this file or in Capable")
        }
        checkUnitLoops(drafts, order)
        return parentsFirst(drafts, order).map(plannedUnit)
    }

    /// Loops in the units as they will be: a parent from the file replaces the existing one.
    private mutating func checkUnitLoops(_ drafts: [String: UnitDraft], _ order: [String]) {
        let codes = order + existingUnits.map(\.code).filter { drafts[$0] == nil }
        var index: [String: Int] = [:]
        for (position, code) in codes.enumerated() where index[code] == nil {
            index[code] = position
        }
        let next = codes.map { code in (drafts[code]?.parent ?? existingUnitByCode[code]?.parentCode).flatMap { index[$0] } }
        for loop in LoopFinder.loops(next: next) {
            let names = loop.map { codes[$0] }
            for (position, member) in loop.enumerated() {
                // Only links this file states are its doing; a loop among existing units alone is old data.
                guard let draft = drafts[codes[member]], let parent = draft.parent else { continue }
                fail(draft.parentLine, .parentOrgUnitCode, "\"\(parent)\" makes a loop of units: \(LoopFinder.describe(names, startingAt: position))")
            }
        }
    }

    /// File order, except that a new unit's parent from the file comes before it, so that creating
    /// them in this order always finds the parent already there.
    private func parentsFirst(_ drafts: [String: UnitDraft], _ order: [String]) -> [UnitDraft] {
        var placed = Set<String>()
        var result: [UnitDraft] = []
        for code in order {
            var chain: [UnitDraft] = []
            var current: String? = code
            while let unit = current, let draft = drafts[unit], !placed.contains(unit) {
                placed.insert(unit)
                chain.append(draft)
                current = draft.parent
            }
            result.append(contentsOf: chain.reversed())
        }
        return result
    }

    private func plannedUnit(_ draft: UnitDraft) -> PlannedUnit {
        let existing = existingUnitByCode[draft.code]
        let name = draft.name ?? existing?.name ?? draft.code
        let parent = draft.parent ?? existing?.parentCode
        let action: PlannedUnit.Action
        if let existing {
            let changes = FieldChange.diff(before: ["name": existing.name, "parent_code": existing.parentCode],
                                           after: ["name": name, "parent_code": parent])
            action = changes.isEmpty ? .unchanged : .update(changes: changes)
        } else {
            action = .create
        }
        return PlannedUnit(code: draft.code, name: name, parentCode: parent, existingID: existing?.id, line: draft.line, action: action)
    }
}

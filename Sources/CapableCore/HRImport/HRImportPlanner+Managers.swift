extension ImportPlanning {
    /// Resolves line managers across the people as they will be after the import (file rows over
    /// existing people), reports unknown managers and loops, and returns each person's manager.
    mutating func checkLineManagement(_ rows: [ParsedRow], deactivateMissing: Bool) -> [PersonKey: PersonKey] {
        var people: [PersonKey] = [], managerRefs: [String?] = [], active: [Bool] = [], lines: [Int?] = []
        var index: [PersonKey: Int] = [:]
        func add(_ key: PersonKey, _ managerRef: String?, _ isActive: Bool, _ line: Int?) {
            index[key] = people.count
            people.append(key)
            managerRefs.append(managerRef)
            active.append(isActive)
            lines.append(line)
        }
        for row in rows {
            guard let key = row.key, !row.isDuplicate else { continue }
            add(key, row.managerRef, !row.isLeaver, row.line)
        }
        for person in existingPeople where index[person.record.key] == nil {
            add(person.record.key, person.record.lineManagerRef, person.active && !deactivateMissing, nil)
        }

        // Which assignment a reference means: active ones first, then the lowest number.
        var assignmentForRef: [String: Int] = [:]
        for candidate in people.indices {
            let ref = people[candidate].employeeRef
            guard let chosen = assignmentForRef[ref] else {
                assignmentForRef[ref] = candidate
                continue
            }
            if active[candidate] != active[chosen] ? active[candidate]
                : PersonKey.assignmentPrecedes(people[candidate].assignmentNo, people[chosen].assignmentNo) {
                assignmentForRef[ref] = candidate
            }
        }

        var next: [Int?] = Array(repeating: nil, count: people.count)
        for person in people.indices {
            // Managing yourself was reported when the row was read; leaving the link out keeps it from also being a loop.
            if let ref = managerRefs[person], ref != people[person].employeeRef {
                next[person] = assignmentForRef[ref]
            }
        }
        if isMapped(.lineManagerRef) {
            for row in rows {
                guard let key = row.key, let ref = row.managerRef, ref != key.employeeRef, assignmentForRef[ref] == nil else { continue }
                fail(row.line, .lineManagerRef, "\"\(ref)\" is not the employee_ref of anyone in this file or in Capable")
            }
        }
        for loop in LoopFinder.loops(next: next) {
            let names = loop.map { people[$0].employeeRef }
            // A loop only among existing people is old data, not this file's doing.
            for (position, member) in loop.enumerated() {
                guard let line = lines[member], let ref = managerRefs[member] else { continue }
                fail(line, .lineManagerRef, "\"\(ref)\" makes a loop in line management: \(LoopFinder.describe(names, startingAt: position))")
            }
        }

        var managers: [PersonKey: PersonKey] = [:]
        for person in people.indices where lines[person] != nil {
            if let manager = next[person] { managers[people[person]] = people[manager] }
        }
        return managers
    }
}

extension SyntheticOrganisation {
    /// The employee reference of the manager whose reporting line (everyone below them, all
    /// levels) is closest to `size`, with that size: the benchmark signs in as them to time
    /// "My team" for a large line.
    public func manager(withReportingLineNear size: Int) -> (employeeRef: String, reports: Int)? {
        let active = people.filter { $0.assignmentNo == "1" }
        var children: [String: [String]] = [:]
        for person in active {
            if let manager = person.lineManagerRef { children[manager, default: []].append(person.employeeRef) }
        }
        var below: [String: Int] = [:]
        // Iterative post-order walk: the tree can be tens of thousands deep in bad data.
        func count(_ root: String) -> Int {
            var stack: [(String, Bool)] = [(root, false)]
            while let (ref, done) = stack.popLast() {
                if done {
                    below[ref] = (children[ref] ?? []).reduce(0) { $0 + 1 + (below[$1] ?? 0) }
                } else if below[ref] == nil {
                    stack.append((ref, true))
                    for child in children[ref] ?? [] where below[child] == nil { stack.append((child, false)) }
                }
            }
            return below[root] ?? 0
        }
        for person in active where person.lineManagerRef == nil { _ = count(person.employeeRef) }
        return below.min { abs($0.value - size) < abs($1.value - size) }.map { ($0.key, $0.value) }
    }
}

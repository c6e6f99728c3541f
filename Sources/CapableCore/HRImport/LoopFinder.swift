/// Finds loops in a graph where each node points to at most one other (a line manager, a parent unit).
enum LoopFinder {
    /// Every loop, each as its nodes in the order the links run, starting where the walk entered it.
    /// Linear time: each node is walked once, because a walk stops at any node already walked.
    static func loops(next: [Int?]) -> [[Int]] {
        // 0: not seen, 1: on the current walk, 2: finished.
        var state = [UInt8](repeating: 0, count: next.count)
        var loops: [[Int]] = []
        for start in next.indices where state[start] == 0 {
            var path: [Int] = []
            var node: Int? = start
            while let current = node, state[current] == 0 {
                state[current] = 1
                path.append(current)
                node = next[current].flatMap { next.indices.contains($0) ? $0 : nil }
            }
            if let current = node, state[current] == 1, let from = path.firstIndex(of: current) {
                loops.append(Array(path[from...]))
            }
            for visited in path {
                state[visited] = 2
            }
        }
        return loops
    }

    /// "A → B → C → A", starting at `start` (an index into `names`). A long loop is cut short after
    /// ten names, because the message is repeated on each of its rows.
    static func describe(_ names: [String], startingAt start: Int) -> String {
        let limit = 10
        var shown: [String] = []
        for offset in 0..<min(names.count, limit) {
            shown.append(names[(start + offset) % names.count])
        }
        let end = names.count > limit ? "… (\(names.count) in all)" : names[start]
        return (shown + [end]).joined(separator: " → ")
    }
}

import Foundation

/// Placing the rows in a tree by their parent codes.
extension FrameworkCSVReader {
    /// Each row's parent row, after checking that parents exist, do not loop, and may hold the child.
    mutating func resolveParents(_ codes: [String: Int]) -> [Int?] {
        var parents = [Int?](repeating: nil, count: rows.count)
        for (index, row) in rows.enumerated() where !row.parentCode.isEmpty {
            if let parent = codes[row.parentCode.lowercased()] {
                parents[index] = parent
            } else {
                problems.append(ImportError(line: row.line, column: nil, header: "parent_code",
                                            message: "no row has the code \(row.parentCode)"))
            }
        }
        var looping: Set<Int> = []
        for loop in LoopFinder.loops(next: parents) {
            looping.formUnion(loop)
            guard let first = loop.indices.min(by: { rows[loop[$0]].line < rows[loop[$1]].line }) else { continue }
            let names = loop.map { rows[$0].code }
            problems.append(ImportError(line: rows[loop[first]].line, column: nil, header: "parent_code",
                                        message: "the parent codes go round in a loop: \(LoopFinder.describe(names, startingAt: first))"))
        }
        for (index, row) in rows.enumerated() where !looping.contains(index) {
            guard let kind = row.kind else { continue }
            if let parent = parents[index] {
                if let parentKind = rows[parent].kind, !parentKind.allowedChildren.contains(kind) {
                    problems.append(ImportError(line: row.line, column: nil, header: "parent_code", message:
                        "the \(kind.rawValue) \(row.code) cannot sit under the \(parentKind.rawValue) \(rows[parent].code) (line \(rows[parent].line))"))
                }
            } else if row.parentCode.isEmpty, !kind.allowedAtTopLevel {
                problems.append(ImportError(line: row.line, column: nil, header: "parent_code", message:
                    "the \(kind.rawValue) \(row.code) cannot sit at the top level; give it a parent_code"))
            }
        }
        return parents
    }

    /// The top-level elements, children in row order under their parents. Called only when every
    /// row was read without a problem, so every element is there and the parents form a forest.
    func build(_ parents: [Int?]) -> [FrameworkDocument.Element] {
        var children: [Int: [Int]] = [:]
        var top: [Int] = []
        for (index, parent) in parents.enumerated() {
            if let parent { children[parent, default: []].append(index) } else { top.append(index) }
        }
        func element(_ index: Int) -> FrameworkDocument.Element? {
            guard var node = rows[index].element else { return nil }
            node.children = (children[index] ?? []).compactMap(element)
            return node
        }
        return top.compactMap(element)
    }
}

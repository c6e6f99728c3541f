import Foundation

/// Calibration of manager ratings across a review cycle: how each group (a manager, a unit)
/// spread its ratings over the scale, and which groups sit far from the cycle as a whole.
public enum Calibration {
    /// A manager's ratings are compared only when there are enough of them to mean something.
    public static let minimumRatings = 5
    /// How far (in scale levels) a group's average may sit from the cycle average before it is flagged.
    public static let threshold = 0.75

    public struct Group: Sendable, Equatable {
        public var key: String
        /// Ratings at each level of the scale, lowest first.
        public var counts: [Int]
        public var total: Int { counts.reduce(0, +) }
        public var sum: Int
        public var mean: Double? { total == 0 ? nil : Double(sum) / Double(total) }
        /// The average of every rating in the cycle, and this group's distance from it, when the
        /// group and the rest each have enough ratings. (Against the whole cycle rather than the
        /// rest, so one generous manager does not make every other manager look harsh.)
        public var others: Double?
        public var difference: Double?
        public var isOutlier: Bool { (difference.map { abs($0) >= Calibration.threshold }) ?? false }

        /// "Average 3.6, 0.9 above the cycle average (2.7)": the flag in words.
        public var summary: String {
            guard let mean else { return "No ratings" }
            let average = "Average " + format(mean)
            guard let others, let difference else { return average + "; too few ratings to compare" }
            let direction = difference >= 0 ? "above" : "below"
            return "\(average), \(format(abs(difference))) \(direction) the cycle average (\(format(others)))"
        }
    }

    /// Groups `ratings` (group key and level), counting levels `1...levels`; levels outside the
    /// scale are not counted. Groups come back in key order.
    public static func groups(_ ratings: [(group: String, level: Int)], levels: Int) -> [Group] {
        groups(counted: ratings.map { ($0.group, $0.level, 1) }, levels: levels)
    }

    /// The same from counts already added up by the database (group, level, how many).
    public static func groups(counted: [(group: String, level: Int, count: Int)], levels: Int) -> [Group] {
        let valid = counted.filter { (1...max(levels, 1)).contains($0.level) && $0.count > 0 }
        let totalSum = valid.reduce(0) { $0 + $1.level * $1.count }
        let totalCount = valid.reduce(0) { $0 + $1.count }
        return Dictionary(grouping: valid, by: \.group).map { key, rows in
            var counts = Array(repeating: 0, count: levels)
            for row in rows { counts[row.level - 1] += row.count }
            let sum = rows.reduce(0) { $0 + $1.level * $1.count }
            var group = Group(key: key, counts: counts, sum: sum)
            let size = counts.reduce(0, +)
            if size >= minimumRatings, totalCount - size >= minimumRatings {
                let others = Double(totalSum) / Double(totalCount)
                group.others = others
                group.difference = Double(sum) / Double(size) - others
            }
            return group
        }.sorted { $0.key < $1.key }
    }
}

private func format(_ value: Double) -> String { String(format: "%.1f", value) }

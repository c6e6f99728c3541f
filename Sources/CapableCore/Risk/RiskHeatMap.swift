/// A register's heat map: how many risks sit in each likelihood x impact cell, for a table with
/// the count as text in every cell (never colour alone), and a risk's direction of travel in words.
public struct RiskHeatMap: Sendable, Equatable {
    /// `counts[likelihood - 1][impact - 1]`.
    public private(set) var counts: [[Int]]
    /// Ratings that are not on the matrix (an old matrix, bad data), counted so none vanish.
    public private(set) var offMatrix: Int = 0

    public init(matrix: RiskMatrix, ratings: [RiskMatrix.Rating]) {
        counts = Array(repeating: Array(repeating: 0, count: matrix.impact.count), count: matrix.likelihood.count)
        for rating in ratings {
            guard matrix.problems(rating).isEmpty else {
                offMatrix += 1
                continue
            }
            counts[rating.likelihood - 1][rating.impact - 1] += 1
        }
    }

    public var total: Int { counts.joined().reduce(0, +) + offMatrix }

    /// How many risks fall in each band, in the matrix's band order.
    public func byBand(_ matrix: RiskMatrix) -> [(band: String, count: Int)] {
        var totals = Dictionary(uniqueKeysWithValues: matrix.bands.map { ($0.name, 0) })
        for (l, row) in counts.enumerated() {
            for (i, count) in row.enumerated() where count > 0 {
                if let band = matrix.band(for: (l + 1) * (i + 1)) { totals[band.name, default: 0] += count }
            }
        }
        return matrix.bands.map { ($0.name, totals[$0.name] ?? 0) }
    }
}

/// Which way a risk's score moved between two assessments, in words.
public enum RiskDirection: String, Sendable, Equatable {
    case up = "Increased", down = "Reduced", same = "No change", new = "New"

    public static func between(_ before: RiskMatrix.Rating?, _ after: RiskMatrix.Rating) -> RiskDirection {
        guard let before else { return .new }
        if after.score > before.score { return .up }
        if after.score < before.score { return .down }
        return .same
    }
}

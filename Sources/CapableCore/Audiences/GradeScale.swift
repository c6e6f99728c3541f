import Foundation

/// The organisation's grades from lowest to highest, so that "G5 to G8" means something.
/// Grades are compared ignoring case and surrounding spaces, because HR exports are not
/// consistent about either.
public struct GradeScale: Sendable, Hashable {
    /// Grade codes, lowest first, as the organisation writes them.
    public let grades: [String]
    private let ranks: [String: Int]

    /// A typical council scale: G1 to G12, then M1 to M3 for managers, D1 for directors and CE
    /// for the chief executive.
    public static let `default` = GradeScale((1...12).map { "G\($0)" } + ["M1", "M2", "M3", "D1", "CE"])

    /// - Parameter grades: lowest first. A code listed twice keeps its first position.
    public init(_ grades: [String]) {
        self.grades = grades
        var ranks: [String: Int] = [:]
        for (index, grade) in grades.enumerated() where ranks[Self.key(grade)] == nil {
            ranks[Self.key(grade)] = index
        }
        self.ranks = ranks
    }

    /// The position of `grade` on the scale, 0 for the lowest; nil when it is not on the scale.
    public func rank(of grade: String) -> Int? {
        ranks[Self.key(grade)]
    }

    /// The ranks a range covers, or nil when it has a `problem` (and so matches nobody).
    public func ranks(lowest: String, highest: String) -> ClosedRange<Int>? {
        guard let low = rank(of: lowest), let high = rank(of: highest), low <= high else { return nil }
        return low...high
    }

    /// Why a grade range cannot be used, in words for the page, or nil when it is fine.
    public func problem(lowest: String, highest: String) -> String? {
        let low = rank(of: lowest), high = rank(of: highest)
        switch (low, high) {
        case (nil, nil):
            return "Neither \(Self.shown(lowest)) nor \(Self.shown(highest)) is on the grade scale"
        case (nil, _):
            return "The lowest grade, \(Self.shown(lowest)), is not on the grade scale"
        case (_, nil):
            return "The highest grade, \(Self.shown(highest)), is not on the grade scale"
        case let (low?, high?) where low > high:
            return "The lowest grade, \(lowest), is above the highest grade, \(highest); swap them"
        default:
            return nil
        }
    }

    private static func key(_ grade: String) -> String {
        grade.trimmingCharacters(in: .whitespaces).uppercased()
    }

    private static func shown(_ grade: String) -> String {
        grade.trimmingCharacters(in: .whitespaces).isEmpty ? "(blank)" : "“\(grade)”"
    }
}

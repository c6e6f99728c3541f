import Foundation

/// One level of a framework's rating scale. People are rated against an element's own
/// "looks like" and "doesn't look like" indicators, so each level says what it means in behaviour.
public struct ScaleLevel: Codable, Sendable, Equatable {
    /// The number stored for a rating: 1 for the lowest level, counting up.
    public var value: Int
    public var label: String
    public var description: String

    /// Creates a level.
    public init(value: Int, label: String, description: String) {
        self.value = value; self.label = label; self.description = description
    }

    /// The default four-level scale.
    public static let standard: [ScaleLevel] = [
        ScaleLevel(value: 1, label: "Not yet shown",
                   description: "The behaviour is not seen yet, or what is seen matches the “doesn’t look like” examples."),
        ScaleLevel(value: 2, label: "Developing",
                   description: "Some of the “looks like” examples are seen, but not yet consistently."),
        ScaleLevel(value: 3, label: "Consistently shown",
                   description: "The “looks like” examples are seen consistently, in everyday work."),
        ScaleLevel(value: 4, label: "Role model",
                   description: "Shown consistently and others learn from it: the person helps colleagues show it too."),
    ]

    /// Problems with a scale: it needs 2 to 10 levels numbered 1, 2, 3… with distinct, non-empty labels.
    public static func problems(_ levels: [ScaleLevel]) -> [String] {
        var problems: [String] = []
        if !(2...10).contains(levels.count) { problems.append("The rating scale needs from 2 to 10 levels.") }
        if !levels.isEmpty && levels.map(\.value) != Array(1...levels.count) {
            problems.append("The rating scale's levels must be numbered 1, 2, 3… in order.")
        }
        for level in levels where level.label.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.append("Level \(level.value) of the rating scale has no label.")
        }
        if Set(levels.map { $0.label.lowercased() }).count != levels.count {
            problems.append("Each level of the rating scale needs a different label.")
        }
        return problems
    }
}

import Foundation

/// Where a person's ratings fall short of what their job role expects: the development plan's
/// starting point.
public enum DevelopmentGaps {
    /// One element rated below the level the role expects.
    public struct Gap: Sendable, Equatable {
        public var element: UUID
        public var expected: Int
        public var rated: Int

        /// Creates a gap.
        public init(element: UUID, expected: Int, rated: Int) {
            self.element = element; self.expected = expected; self.rated = rated
        }
    }

    /// The level a role expects when its requirement gives none: "consistently shown" on the
    /// standard scale.
    public static let defaultExpected = 3

    /// Gaps for the role's requirements (element → expected level, nil for the default), given
    /// the ratings (element → level). An element the role needs but nobody has rated is not a gap:
    /// there is no evidence either way. Ordered by the size of the gap, largest first.
    public static func gaps(required: [UUID: Int?], ratings: [UUID: Int], order: [UUID] = []) -> [Gap] {
        let position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return required.compactMap { element, level -> Gap? in
            let expected = level ?? defaultExpected
            guard let rated = ratings[element], rated < expected else { return nil }
            return Gap(element: element, expected: expected, rated: rated)
        }
        .sorted { a, b in
            let (gapA, gapB) = (a.expected - a.rated, b.expected - b.rated)
            if gapA != gapB { return gapA > gapB }
            return (position[a.element] ?? .max, a.element.uuidString) < (position[b.element] ?? .max, b.element.uuidString)
        }
    }
}

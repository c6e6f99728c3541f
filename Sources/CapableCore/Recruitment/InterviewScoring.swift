import Foundation

/// Interview scores: each panel member scores each interview criterion for each candidate from
/// 0 to 4, and the panel's view is the average per criterion and per candidate.
public enum InterviewScoring {
    /// The score range and what each score means. Panels score the evidence the candidate gave,
    /// not an impression of the person, so the anchors are about evidence.
    public static let anchors: [(score: Int, label: String, meaning: String)] = [
        (0, "No evidence", "No evidence given, or the evidence shows the opposite of the criterion."),
        (1, "Limited evidence", "Some evidence, but vague, second-hand or mostly about what others did."),
        (2, "Some evidence", "Relevant examples of the candidate's own actions, meeting the criterion in part."),
        (3, "Good evidence", "Clear, specific examples that meet the criterion fully."),
        (4, "Strong evidence", "Clear, specific examples that go beyond the criterion, with results and reflection."),
    ]

    public static let range = 0...4

    /// The label for a score ("3 – Good evidence").
    public static func label(_ score: Int) -> String {
        anchors.first { $0.score == score }.map { "\($0.score) – \($0.label)" } ?? String(score)
    }

    /// One candidate's scores on one criterion, by panel member (nil: not scored).
    public struct CriterionScores: Sendable, Equatable {
        public var criterion: UUID
        public var scores: [UUID: Int?]

        public init(criterion: UUID, scores: [UUID: Int?]) {
            self.criterion = criterion; self.scores = scores
        }

        /// The mean of the scores given; nil when nobody scored it.
        public var average: Double? { InterviewScoring.mean(scores.values.compactMap { $0 }.map(Double.init)) }
    }

    /// A candidate's overall average: the mean of the criterion averages, so every criterion
    /// weighs the same however many panel members scored it. Criteria nobody scored are left out;
    /// nil when nothing was scored.
    public static func overall(_ criteria: [CriterionScores]) -> Double? {
        mean(criteria.compactMap(\.average))
    }

    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// An average to one decimal place, halves rounded up ("2.5", "3.0"), or "–" when there is none.
    /// The tiny nudge stops a value such as 2.25, held as 2.2499999…, from rounding down.
    public static func format(_ value: Double?) -> String {
        guard let value else { return "–" }
        let tenths = (value * 10 + 1e-9).rounded(.toNearestOrAwayFromZero)
        return String(format: "%.1f", tenths / 10)
    }
}

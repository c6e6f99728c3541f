import Foundation

/// How a risk is scored: likelihood and impact each on a numbered scale with a descriptor per
/// level, score = likelihood x impact, and bands of scores with names. The default is the common
/// 5x5 matrix (bands low 1-4, medium 5-9, high 10-15, very high 16-25); a council may configure
/// its own, and every check reads the matrix in force rather than fixed numbers.
public struct RiskMatrix: Sendable, Equatable, Codable {
    public struct Band: Sendable, Equatable, Codable {
        public var name: String
        /// The lowest score in the band; a band runs up to the next band's lowest score.
        public var from: Int

        public init(name: String, from: Int) {
            self.name = name
            self.from = from
        }
    }

    /// Descriptors, lowest level first: level n is `likelihood[n - 1]`.
    public var likelihood: [String]
    public var impact: [String]
    /// In ascending order of `from`; the first starts at 1.
    public var bands: [Band]

    public init(likelihood: [String], impact: [String], bands: [Band]) {
        self.likelihood = likelihood
        self.impact = impact
        self.bands = bands
    }

    public static let standard = RiskMatrix(
        likelihood: ["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
        impact: ["Insignificant", "Minor", "Moderate", "Major", "Severe"],
        bands: [.init(name: "Low", from: 1), .init(name: "Medium", from: 5), .init(name: "High", from: 10), .init(name: "Very high", from: 16)])

    public var maxScore: Int { likelihood.count * impact.count }

    /// A likelihood and an impact, checked against this matrix.
    public struct Rating: Sendable, Equatable, Hashable, Codable {
        public var likelihood: Int
        public var impact: Int
        public var score: Int { likelihood * impact }

        public init(likelihood: Int, impact: Int) {
            self.likelihood = likelihood
            self.impact = impact
        }
    }

    /// The problems with a rating, each naming its field; empty when it is on the matrix.
    public func problems(_ rating: Rating) -> [(field: String, message: String)] {
        var found: [(String, String)] = []
        if !(1...likelihood.count).contains(rating.likelihood) {
            found.append(("likelihood", "Choose a likelihood from 1 (\(likelihood.first ?? "")) to \(likelihood.count) (\(likelihood.last ?? ""))"))
        }
        if !(1...impact.count).contains(rating.impact) {
            found.append(("impact", "Choose an impact from 1 (\(impact.first ?? "")) to \(impact.count) (\(impact.last ?? ""))"))
        }
        return found
    }

    /// The band a score falls in.
    public func band(for score: Int) -> Band? {
        bands.last { score >= $0.from }
    }

    /// "High (12: Likely x Moderate)": the score in words, never colour alone.
    public func describe(_ rating: Rating) -> String {
        guard problems(rating).isEmpty else { return "Not on the matrix" }
        let name = band(for: rating.score)?.name ?? ""
        return "\(name) (\(rating.score): \(likelihood[rating.likelihood - 1]) x \(impact[rating.impact - 1]))"
    }
}

/// How much risk the council will accept in a category, from averse to eager, as the maximum
/// current score it tolerates there. The council's stance is "risk aware" on the scale from risk
/// averse to risk aggressive (source 000), so compliance defaults to cautious and operational
/// to open; every level's ceiling and every category's level can be changed.
public enum RiskAppetite: String, Sendable, CaseIterable, Codable {
    case averse, minimal, cautious, open, eager

    public var label: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

    /// The highest current score accepted on the standard 5x5 matrix: averse accepts only low
    /// risks, eager all but the very highest.
    public var defaultCeiling: Int {
        switch self {
        case .averse: 4
        case .minimal: 6
        case .cautious: 9
        case .open: 12
        case .eager: 15
        }
    }

    /// The four categories of the council's policy framework (source 000) and their defaults.
    public static let defaults: [(category: String, appetite: RiskAppetite)] = [
        ("compliance", .cautious), ("operational", .open), ("financial", .cautious), ("reputational", .cautious),
    ]
}

/// The rules that decide what happens to a risk as it is assessed: whether its current score is
/// outside its category's appetite (and so proposed for escalation), whether a target may exceed
/// the inherent score, and where it may be escalated.
public enum RiskRules {
    /// Outside appetite when the current score is above the category's ceiling.
    public static func outsideAppetite(current: RiskMatrix.Rating, ceiling: Int) -> Bool {
        current.score > ceiling
    }

    /// An open risk whose next review date (an ISO date) has passed.
    public static func reviewOverdue(open: Bool, nextReviewOn: String?, today: CalendarDate) -> Bool {
        open && (nextReviewOn.flatMap(CalendarDate.init).map { $0 < today } ?? false)
    }

    /// A tolerated risk whose acceptance has run out: it needs a review.
    public static func acceptanceExpired(tolerated: Bool, expiresOn: String?, today: CalendarDate) -> Bool {
        tolerated && (expiresOn.flatMap(CalendarDate.init).map { $0 < today } ?? false)
    }

    /// A target above the inherent score needs a reason (the planned actions make it worse?), so
    /// it is refused without one.
    public static func targetProblem(inherent: RiskMatrix.Rating, target: RiskMatrix.Rating, reason: String?) -> String? {
        guard target.score > inherent.score else { return nil }
        let given = (reason ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        return given.isEmpty ? "The target score (\(target.score)) is above the inherent score (\(inherent.score)): give the reason" : nil
    }

    /// A risk may be escalated only up its register's line: to a register whose unit is an
    /// ancestor of its own (the corporate register is above every unit).
    public static func canEscalate(fromUnit: UUID?, toUnit: UUID?, ancestorsOfFrom: [UUID]) -> Bool {
        guard let fromUnit else { return false }          // already on the corporate register
        guard let toUnit else { return true }              // to the corporate register
        return toUnit != fromUnit && ancestorsOfFrom.contains(toUnit)
    }
}

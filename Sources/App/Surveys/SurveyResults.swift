import CapableCore
import Fluent
import SQLKit
import Vapor

/// A survey's results as anyone may see them: only groups of at least `PulseResults.minimumGroup`
/// respondents, small units folded into their parents, the whole survey when that gives nobody
/// away, comments only with the whole, and the trend of the built-in questions across surveys.
enum SurveyResults {
    struct Question: Codable, Sendable {
        var key: String
        var text: String
    }

    struct Score: Codable, Sendable {
        var key: String
        var average: Double?
        var agreePercent: Int?
        /// How many chose 1 to 5.
        var counts: [Int]
    }

    struct Group: Codable, Sendable {
        var unitId: UUID
        var unit: String
        var respondents: Int
        /// Units whose answers are counted here because they had too few of their own.
        var includes: [String]
        var scores: [Score]
    }

    struct Folded: Codable, Sendable {
        var unitId: UUID
        var unit: String
        /// The shown group its answers are in; nil when in none.
        var countedIn: String?
    }

    struct TrendPoint: Codable, Sendable {
        var surveyId: UUID
        var title: String
        var opensOn: String
        var respondents: Int
        /// Averages of the built-in questions this survey shares with the others; nil where withheld.
        var averages: [String: Double]
    }

    struct Model: Codable, Sendable {
        var surveyId: UUID
        var title: String
        var minimumGroup: Int
        var asked: Int
        var respondents: Int
        var questions: [Question]
        /// Nil when too few answered, or showing it would reveal a small group.
        var overall: [Score]?
        var groups: [Group]
        var folded: [Folded]
        var unshown: Int
        var comments: [String]
        var trend: [TrendPoint]
        /// True when narrowed to a unit head's own units.
        var unitsOnly = false
    }

    /// How much of a survey's results someone may see.
    enum Reach: Sendable {
        /// HR and administrators: everything.
        case all
        /// The head of a unit: the groups in their units (the unit and those below it), without
        /// the whole-survey figures, comments or trend.
        case units(Set<UUID>)
    }

    /// What the caller may see of results; nil for nothing.
    static func reach(of principal: Principal, on db: any Database) async throws -> Reach? {
        if SurveysController.isOrganiser(principal) { return .all }
        guard let me = principal.personID else { return nil }
        let headed = try await OrgUnit.query(on: db).filter(\.$head.$id == me).all().compactMap(\.id)
        guard !headed.isEmpty else { return nil }
        var units: Set<UUID> = []
        for unit in headed { units.formUnion(try await OrganisationCompliance.subtreeIDs(unit, on: db)) }
        return .units(units)
    }

    /// The results narrowed to the groups and folded units within `units`.
    static func narrowed(_ model: Model, to units: Set<UUID>) -> Model {
        var narrow = model
        narrow.groups = model.groups.filter { units.contains($0.unitId) }
        narrow.folded = model.folded.filter { units.contains($0.unitId) }
        narrow.overall = nil
        narrow.comments = []
        narrow.trend = []
        narrow.unitsOnly = true
        return narrow
    }

    struct Row: Decodable {
        var response_id: UUID
        var unit_id: UUID?
        var key: String
        var score: Int?
        var text: String?
    }

    static func rows(_ survey: UUID, on db: any Database) async throws -> [Row] {
        try await db.sql.raw("""
            SELECT r.id AS response_id, r.unit_id, q.key, a.score, a.text FROM survey_responses r
            JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id
            WHERE r.survey_id = \(bind: survey)
            """).all(decoding: Row.self)
    }

    /// Responses with their scores by question key, and the comments.
    static func responses(_ rows: [Row]) -> (responses: [PulseResults.Response], comments: [String]) {
        var byResponse: [UUID: PulseResults.Response] = [:]
        var comments: [String] = []
        for row in rows {
            byResponse[row.response_id, default: .init(unitID: row.unit_id, scores: [:])].scores[row.key] = row.score
            if let text = row.text { comments.append(text) }
        }
        return (Array(byResponse.values), comments)
    }

    static func query(_ survey: Survey, on db: any Database) async throws -> Model {
        let id = try survey.requireID()
        let questions = try await SurveyQuestion.query(on: db).filter(\.$survey.$id == id).sort(\.$position).all()
            .filter { $0.kindValue == .scale }.map { Question(key: $0.key, text: $0.text) }
        let (responses, comments) = responses(try await rows(id, on: db))
        let asked = try await SurveyInvitation.query(on: db).filter(\.$surveyID == id).count()
        let units = try await OrgUnit.query(on: db).all()
        let names = Dictionary(units.compactMap { u in u.id.map { ($0, u.name) } }, uniquingKeysWith: { a, _ in a })
        let tree = units.compactMap { u in u.id.map { AudienceUnit(id: $0, parentID: u.$parent.id) } }
        let outcome = PulseResults.group(responses, units: tree)
        func scores(_ summary: [String: PulseResults.QuestionSummary]) -> [Score] {
            questions.map { q in
                let s = summary[q.key] ?? .init()
                return Score(key: q.key, average: s.average, agreePercent: s.agreePercent, counts: s.counts)
            }
        }
        return Model(
            surveyId: id, title: survey.title, minimumGroup: PulseResults.minimumGroup, asked: asked, respondents: outcome.respondents,
            questions: questions, overall: outcome.overall.map(scores),
            groups: outcome.groups.map { g in
                Group(unitId: g.unitID, unit: names[g.unitID] ?? "Unknown unit", respondents: g.respondents,
                      includes: g.foldedIn.map { names[$0] ?? "Unknown unit" }, scores: scores(g.summary))
            },
            folded: outcome.foldedInto.map { unit, into in
                Folded(unitId: unit, unit: names[unit] ?? "Unknown unit", countedIn: into.flatMap { names[$0] })
            }.sorted { $0.unit < $1.unit },
            unshown: outcome.unshown,
            // Comments only go with the whole, and in alphabetical order, so neither a unit nor the
            // order of answering points to who wrote one.
            comments: outcome.overall == nil ? [] : comments.sorted(),
            trend: try await trend(keys: Swift.Set(questions.map(\.key).filter { !$0.hasPrefix("own.") }), units: tree, on: db))
    }

    /// The whole-survey averages of the built-in questions in every survey that asked any of them,
    /// withheld by the same rule as each survey's own results.
    static func trend(keys: Swift.Set<String>, units: [AudienceUnit], on db: any Database) async throws -> [TrendPoint] {
        guard !keys.isEmpty else { return [] }
        struct Asked: Decodable { var survey_id: UUID }
        let ids = try await db.sql.raw("""
            SELECT DISTINCT survey_id FROM survey_questions WHERE key IN (\(binds: Array(keys)))
            """).all(decoding: Asked.self).map(\.survey_id)
        let surveys = try await Survey.query(on: db).filter(\.$id ~~ ids).sort(\.$opensOn).sort(\.$createdAt).all()
        var points: [TrendPoint] = []
        for other in surveys {
            let (responses, _) = responses(try await rows(try other.requireID(), on: db))
            var averages: [String: Double] = [:]
            for (key, summary) in PulseResults.group(responses, units: units).overall ?? [:] where keys.contains(key) {
                averages[key] = summary.average
            }
            points.append(TrendPoint(surveyId: try other.requireID(), title: other.title, opensOn: other.opensOn, respondents: responses.count, averages: averages))
        }
        return points
    }
}

import CapableCore
import Fluent
import Foundation
import Plot

/// Pulse surveys: those the viewer is asked to answer, and for HR and administrators every
/// survey with its response count.
enum SurveysHomePage {
    struct Row: Encodable {
        var id: UUID
        var title: String
        var opensOn: String
        var open: Bool
        var answered: Bool
        var respondents: Int
    }

    struct Model: Encodable {
        var organiser: Bool
        var forMe: [Row]
        var all: [Row]
    }

    static func query(_ principal: Principal, on db: any Database) async throws -> Model {
        let today = CalendarDate.today
        let surveys = try await Survey.query(on: db).sort(\.$opensOn, .descending).sort(\.$createdAt, .descending).all()
        struct Count: Decodable { var survey_id: UUID; var n: Int }
        let counts = try await db.sql.raw("SELECT survey_id, CAST(COUNT(*) AS BIGINT) AS n FROM survey_responses GROUP BY survey_id")
            .all(decoding: Count.self)
        let respondents = Dictionary(counts.map { ($0.survey_id, $0.n) }, uniquingKeysWith: { a, _ in a })
        var forMe: [Row] = []
        if let me = principal.personID {
            let invitations = try await SurveyInvitation.query(on: db).filter(\.$personID == me).all()
            let asked = Set(invitations.map(\.surveyID))
            let answered = Set(invitations.filter(\.answered).map(\.surveyID))
            for survey in surveys {
                let id = try survey.requireID()
                guard asked.contains(id) else { continue }
                guard survey.isOpen(today: today) || answered.contains(id) else { continue }
                forMe.append(Row(id: id, title: survey.title, opensOn: survey.opensOn, open: survey.isOpen(today: today), answered: answered.contains(id),
                                 respondents: respondents[id] ?? 0))
            }
        }
        let organiser = SurveysController.isOrganiser(principal)
        return Model(organiser: organiser, forMe: forMe, all: organiser ? try surveys.map { s in
            Row(id: try s.requireID(), title: s.title, opensOn: s.opensOn, open: s.isOpen(today: today), answered: false, respondents: respondents[try s.requireID()] ?? 0)
        } : [])
    }

    static func view(_ model: Model, context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Pulse surveys", area: .workshops, breadcrumbs: [("Home", .home), ("Workshops", .workshops(.home))]), context: context,
            Components.heading("Pulse surveys"),
            Components.paragraph("Short, anonymous surveys on trust, taking responsibility and psychological safety. Results are shown only for groups of at least \(PulseResults.minimumGroup) people."),
            model.organiser ? H.el("p", H.cls("govuk-body"), H.link("Start a survey", to: .surveys(.new), class: "govuk-button")) : .empty,
            H.el("h2", H.cls("govuk-heading-m"), H.text("Surveys for you")),
            model.forMe.isEmpty ? Components.paragraph("There are no surveys for you to answer.")
                : Components.table(caption: "Surveys for you", headers: ["Survey", "Status"], rows: model.forMe.map { row in
                    [H.link(row.title, to: .surveys(.survey(row.id))),
                     row.answered ? Components.tag("Answered", colour: "green") : Components.tag("To answer", colour: "blue")]
                }),
            model.organiser ? .group(
                H.el("h2", H.cls("govuk-heading-m"), H.text("All surveys")),
                model.all.isEmpty ? Components.paragraph("No surveys yet.")
                    : Components.table(caption: "All surveys", headers: ["Survey", "Opened", "Status", "Responses", "Results"], rows: model.all.map { row in
                        [H.link(row.title, to: .surveys(.survey(row.id))), H.text(DisplayFormat.calendarDate(row.opensOn)),
                         row.open ? Components.tag("Open", colour: "blue") : Components.tag("Closed", colour: "grey"), H.text(String(row.respondents)),
                         H.el("a", H.cls("govuk-link"), H.attr("href", SiteURL.surveys(.results(row.id)).path), H.text("Results"),
                              H.el("span", H.cls("govuk-visually-hidden"), H.text(" of \(row.title)")))]
                    }, numeric: [3])) : .empty
        )
    }
}

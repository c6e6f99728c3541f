import CapableCore
import Foundation
import Plot

/// Every address Capable links or redirects to. Views and controllers take their hrefs from
/// here, so a renamed route is one change and a typo is a compile error.
enum SiteURL: Sendable, Equatable, URLRepresentable {
    case home
    case health
    case login
    case logout
    case setup(token: String)
    case account
    case accountPassword
    case accountTokens
    case revokeToken(UUID)
    case area(Area)
    case adminAudit
    case adminAccounts
    case adminNewAccount
    case adminAccount(UUID)
    case adminResetPassword(UUID)
    case person(UUID)
    case myTeam(indirect: Bool)
    case myTeamExport(indirect: Bool)
    /// My team in an order other than the default, or a later page.
    case myTeamPage(indirect: Bool, sort: String, page: Int)
    case orgTree
    case peopleImport
    case peopleImportFile(UUID)
    case peopleImportMapping(UUID)
    case peopleImportApply(UUID)
    case peopleExport
    case jobRoles
    case audiences
    case newJobRole
    case jobRole(UUID)
    // recruitment
    case jobRoleRequirements(UUID)
    case personSpecification(UUID, print: Bool)
    case personSpecificationEdit(UUID)
    case personSpecificationGenerate(UUID)
    case personSpecificationCriteria(UUID)
    case personSpecificationPublish(UUID)
    case personSpecificationReopen(UUID)
    case interviewRounds(UUID)
    case recruitment
    case interviewRound(UUID)
    case interviewCandidates(UUID)
    case interviewPanel(UUID)
    case interviewBlankSheet(UUID)
    case interviewSheet(UUID, candidate: UUID, member: UUID)
    case interviewResults(UUID, print: Bool)
    case unitsExport
    case orgUnit(UUID)
    case frameworkSearch(query: String?)
    case framework(UUID)
    case frameworkVersions(UUID)
    case frameworkVersion(UUID, Int)
    case frameworkCompare(UUID, from: Int?, to: Int?)
    case frameworkPrint(UUID, version: Int?)
    case frameworkRatingForm(UUID, version: Int?)
    case frameworkElement(UUID, version: Int?)
    case frameworkCASE(UUID, version: Int?)
    case frameworkCSV(UUID, version: Int?)
    case newFramework
    case frameworks
    case frameworkImport
    case frameworkDrafts(UUID)
    case frameworkDraft(UUID)
    case frameworkDraftDetails(UUID)
    case frameworkDraftNewElement(UUID, parent: UUID?)
    case frameworkDraftElements(UUID)
    case frameworkDraftElement(UUID, UUID)
    case frameworkDraftElementMove(UUID, UUID)
    case frameworkDraftElementDelete(UUID, UUID)
    case frameworkPublish(UUID)
    case frameworkDiscard(UUID)
    case frameworkRetire(UUID)
    case myActions
    case objectives(UUID)
    case newObjective(UUID)
    case objective(UUID, UUID)
    case objectiveEdit(UUID, UUID)
    case objectiveProgress(UUID, UUID)
    case objectiveAgree(UUID, UUID)
    case checkIns(UUID)
    case probation(UUID)
    case probationDue
    case developmentPlan(UUID)
    case developmentPlanItemStatus(UUID, UUID)
    case feedback
    case feedbackRequests
    case newFeedbackRequest(person: UUID?)
    case feedbackRequest(UUID)
    case feedbackAnswer(UUID)
    case assessments(UUID)
    case assessment(UUID, UUID)
    case newCheckIn(UUID)
    case checkIn(UUID, UUID)
    case actionStatus(UUID)
    case peerAssessment(UUID)
    case reviewCycles
    case newReviewCycle
    case reviewCycle(UUID)
    /// A cycle's calibration; with a manager, the reviews they rated listed too.
    case calibration(UUID, manager: UUID? = nil)
    case calibrationReview(UUID, UUID)
    case calibrationFinish(UUID)
    case review(UUID, UUID)
    case reviewStep(UUID, UUID, PDRTasks.Step)
    case notifications
    case notificationsRead
    case learning(LearningURL)
    case risk(RiskURL)
    case workshops(WorkshopURL)
    case surveys(SurveyURL)
    case stylesheet
    case script
    case boardScript

    case apiMe
    case apiOpenAPI
    case apiWorkshopBoard(UUID)
    case apiPassword
    case apiTokens
    case apiToken(UUID)
    case apiFrameworks
    case apiFramework(UUID)
    case apiFrameworkVersions(UUID)
    case apiFrameworkCASE(UUID)
    case apiElement(UUID)
    case apiPersonSpecification(UUID, draft: Bool)

    /// The areas in the header, in the order people meet them.
    enum Area: String, CaseIterable, Sendable, Codable {
        case framework, people, reviews, learning, risk, workshops, reports, admin

        var title: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }
    }

    var path: String {
        switch self {
        case .home: "/"
        case .health: "/health"
        case .login: "/login"
        case .logout: "/logout"
        case .setup(let token): "/setup/\(token)"
        case .account: "/account"
        case .accountPassword: "/account/password"
        case .accountTokens: "/account/tokens"
        case .revokeToken(let id): "/account/tokens/\(id.uuidString.lowercased())/revoke"
        case .area(let area): "/\(area.rawValue)"
        case .adminAudit: "/admin/audit"
        case .adminAccounts: "/admin/accounts"
        case .adminNewAccount: "/admin/accounts/new"
        case .adminAccount(let id): "/admin/accounts/\(id.uuidString.lowercased())"
        case .adminResetPassword(let id): "/admin/accounts/\(id.uuidString.lowercased())/reset-password"
        case .person(let id): "/people/\(id.uuidString.lowercased())"
        case .myTeam(let indirect): indirect ? "/people/team?all=1" : "/people/team"
        case .myTeamExport(let indirect): indirect ? "/people/team.csv?all=1" : "/people/team.csv"
        case .myTeamPage(let indirect, let sort, let page):
            "/people/team" + Self.query(["all": indirect ? "1" : nil, "sort": sort == "name" ? nil : sort, "page": page > 1 ? String(page) : nil])
        case .orgTree: "/org"
        case .peopleImport: "/people/import"
        case .peopleImportFile(let id): "/people/import/\(id.uuidString.lowercased())"
        case .peopleImportMapping(let id): "/people/import/\(id.uuidString.lowercased())/mapping"
        case .peopleImportApply(let id): "/people/import/\(id.uuidString.lowercased())/apply"
        case .peopleExport: "/people/export.csv"
        case .jobRoles: "/people/roles"
        case .audiences: "/people/audiences"
        case .newJobRole: "/people/roles/new"
        case .jobRole(let id): "/people/roles/\(id.uuidString.lowercased())"
        case .jobRoleRequirements(let id): "/people/roles/\(id.uuidString.lowercased())/requirements"
        case .personSpecification(let id, let print):
            "/people/roles/\(id.uuidString.lowercased())/person-specification" + (print ? "?print=1" : "")
        case .personSpecificationEdit(let id): "/people/roles/\(id.uuidString.lowercased())/person-specification/edit"
        case .personSpecificationGenerate(let id): "/people/roles/\(id.uuidString.lowercased())/person-specification/generate"
        case .personSpecificationCriteria(let id): "/people/roles/\(id.uuidString.lowercased())/person-specification/criteria"
        case .personSpecificationPublish(let id): "/people/roles/\(id.uuidString.lowercased())/person-specification/publish"
        case .personSpecificationReopen(let id): "/people/roles/\(id.uuidString.lowercased())/person-specification/reopen"
        case .interviewRounds(let id): "/people/roles/\(id.uuidString.lowercased())/interviews"
        case .recruitment: "/recruitment"
        case .interviewRound(let id): "/recruitment/interviews/\(id.uuidString.lowercased())"
        case .interviewCandidates(let id): "/recruitment/interviews/\(id.uuidString.lowercased())/candidates"
        case .interviewPanel(let id): "/recruitment/interviews/\(id.uuidString.lowercased())/panel"
        case .interviewBlankSheet(let id): "/recruitment/interviews/\(id.uuidString.lowercased())/score-sheet"
        case .interviewSheet(let id, let candidate, let member):
            "/recruitment/interviews/\(id.uuidString.lowercased())/sheets/\(candidate.uuidString.lowercased())/\(member.uuidString.lowercased())"
        case .interviewResults(let id, let print): "/recruitment/interviews/\(id.uuidString.lowercased())/results" + (print ? "?print=1" : "")
        case .unitsExport: "/org/export.csv"
        case .orgUnit(let id): "/org/\(id.uuidString.lowercased())"
        case .frameworkSearch(let query): query.map { "/framework/search?" + Query.encode(["q": $0]) } ?? "/framework/search"
        case .framework(let id): "/framework/\(id.uuidString.lowercased())"
        case .frameworkVersions(let id): "/framework/\(id.uuidString.lowercased())/versions"
        case .frameworkVersion(let id, let number): "/framework/\(id.uuidString.lowercased())/versions/\(number)"
        case .frameworkCompare(let id, let from, let to):
            "/framework/\(id.uuidString.lowercased())/compare" + Self.query(["from": from.map(String.init), "to": to.map(String.init)])
        case .frameworkPrint(let id, let version): "/framework/\(id.uuidString.lowercased())/print" + Self.versionQuery(version)
        case .frameworkRatingForm(let id, let version): "/framework/\(id.uuidString.lowercased())/rating-form" + Self.versionQuery(version)
        case .frameworkElement(let id, let version): "/framework/elements/\(id.uuidString.lowercased())" + Self.versionQuery(version)
        case .frameworkCASE(let id, let version): "/framework/\(id.uuidString.lowercased())/case.json" + Self.versionQuery(version)
        case .frameworkCSV(let id, let version): "/framework/\(id.uuidString.lowercased())/elements.csv" + Self.versionQuery(version)
        case .newFramework: "/framework/new"
        case .frameworks: "/framework"
        case .frameworkImport: "/framework/import"
        case .frameworkDrafts(let id): "/framework/\(id.uuidString.lowercased())/drafts"
        case .frameworkDraft(let id): "/framework/\(id.uuidString.lowercased())/draft"
        case .frameworkDraftDetails(let id): "/framework/\(id.uuidString.lowercased())/draft/details"
        case .frameworkDraftNewElement(let id, let parent):
            "/framework/\(id.uuidString.lowercased())/draft/elements/new" + Self.query(["parent": parent?.uuidString.lowercased()])
        case .frameworkDraftElements(let id): "/framework/\(id.uuidString.lowercased())/draft/elements"
        case .frameworkDraftElement(let id, let element): "/framework/\(id.uuidString.lowercased())/draft/elements/\(element.uuidString.lowercased())"
        case .frameworkDraftElementMove(let id, let element):
            "/framework/\(id.uuidString.lowercased())/draft/elements/\(element.uuidString.lowercased())/move"
        case .frameworkDraftElementDelete(let id, let element):
            "/framework/\(id.uuidString.lowercased())/draft/elements/\(element.uuidString.lowercased())/delete"
        case .frameworkPublish(let id): "/framework/\(id.uuidString.lowercased())/draft/publish"
        case .frameworkDiscard(let id): "/framework/\(id.uuidString.lowercased())/draft/discard"
        case .frameworkRetire(let id): "/framework/\(id.uuidString.lowercased())/retire"
        case .myActions: "/actions"
        case .checkIns(let person): "/people/\(person.uuidString.lowercased())/check-ins"
        case .probation(let person): "/people/\(person.uuidString.lowercased())/probation"
        case .probationDue: "/reviews/probation"
        case .developmentPlan(let person): "/people/\(person.uuidString.lowercased())/development-plan"
        case .developmentPlanItemStatus(let person, let item):
            "/people/\(person.uuidString.lowercased())/development-plan/\(item.uuidString.lowercased())/status"
        case .feedback: "/feedback"
        case .feedbackRequests: "/feedback/requests"
        case .newFeedbackRequest(let person): "/feedback/requests/new" + Self.query(["person": person?.uuidString.lowercased()])
        case .feedbackRequest(let id): "/feedback/requests/\(id.uuidString.lowercased())"
        case .feedbackAnswer(let id): "/feedback/requests/\(id.uuidString.lowercased())/answer"
        case .assessments(let person): "/people/\(person.uuidString.lowercased())/assessments"
        case .assessment(let person, let id): "/people/\(person.uuidString.lowercased())/assessments/\(id.uuidString.lowercased())"
        case .newCheckIn(let person): "/people/\(person.uuidString.lowercased())/check-ins/new"
        case .checkIn(let person, let id): "/people/\(person.uuidString.lowercased())/check-ins/\(id.uuidString.lowercased())"
        case .objectives(let person): "/people/\(person.uuidString.lowercased())/objectives"
        case .newObjective(let person): "/people/\(person.uuidString.lowercased())/objectives/new"
        case .objective(let person, let id): "/people/\(person.uuidString.lowercased())/objectives/\(id.uuidString.lowercased())"
        case .objectiveEdit(let person, let id): "/people/\(person.uuidString.lowercased())/objectives/\(id.uuidString.lowercased())/edit"
        case .objectiveProgress(let person, let id): "/people/\(person.uuidString.lowercased())/objectives/\(id.uuidString.lowercased())/progress"
        case .objectiveAgree(let person, let id): "/people/\(person.uuidString.lowercased())/objectives/\(id.uuidString.lowercased())/agree"
        case .actionStatus(let id): "/actions/\(id.uuidString.lowercased())/status"
        case .peerAssessment(let id): "/feedback/requests/\(id.uuidString.lowercased())/peer-assessment"
        case .reviewCycles: "/reviews/cycles"
        case .newReviewCycle: "/reviews/cycles/new"
        case .reviewCycle(let id): "/reviews/cycles/\(id.uuidString.lowercased())"
        case .calibration(let id, let manager):
            "/reviews/cycles/\(id.uuidString.lowercased())/calibration" + Self.query(["manager": manager?.uuidString.lowercased()])
        case .calibrationReview(let id, let review): "/reviews/cycles/\(id.uuidString.lowercased())/calibration/\(review.uuidString.lowercased())"
        case .calibrationFinish(let id): "/reviews/cycles/\(id.uuidString.lowercased())/calibration/finish"
        case .review(let person, let id): "/people/\(person.uuidString.lowercased())/reviews/\(id.uuidString.lowercased())"
        case .reviewStep(let person, let id, let step): "/people/\(person.uuidString.lowercased())/reviews/\(id.uuidString.lowercased())/\(step.rawValue)"
        case .notifications: "/notifications"
        case .notificationsRead: "/notifications/read"
        case .learning(let url): url.path
        case .risk(let url): url.path
        case .workshops(let url): url.path
        case .surveys(let url): url.path
        case .stylesheet: "/app.css"
        case .script: "/app.js"
        case .boardScript: "/board.js"
        case .apiMe: "/api/v1/me"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .apiWorkshopBoard(let id): "/api/v1/workshops/\(id.uuidString.lowercased())/board"
        case .apiPassword: "/api/v1/account/password"
        case .apiTokens: "/api/v1/account/tokens"
        case .apiToken(let id): "/api/v1/account/tokens/\(id.uuidString.lowercased())"
        case .apiFrameworks: "/api/v1/frameworks"
        case .apiFramework(let id): "/api/v1/frameworks/\(id.uuidString.lowercased())"
        case .apiFrameworkVersions(let id): "/api/v1/frameworks/\(id.uuidString.lowercased())/versions"
        case .apiFrameworkCASE(let id): "/api/v1/frameworks/\(id.uuidString.lowercased())/case"
        case .apiElement(let id): "/api/v1/elements/\(id.uuidString.lowercased())"
        case .apiPersonSpecification(let id, let draft):
            "/api/v1/job-roles/\(id.uuidString.lowercased())/person-specification" + (draft ? "?draft=1" : "")
        }
    }

    private static func query(_ items: [String: String?]) -> String {
        let encoded = Query.encode(items)
        return encoded.isEmpty ? "" : "?" + encoded
    }

    private static func versionQuery(_ version: Int?) -> String { query(["version": version.map(String.init)]) }

    var string: String { path }
    var description: String { path }

    /// Only local paths are followed after sign-in, so `?next=` cannot send anyone off-site.
    static func safeRedirect(_ candidate: String?) -> String? {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
              candidate.count < 512, !candidate.contains(where: { $0.isNewline })
        else { return nil }
        return candidate
    }
}

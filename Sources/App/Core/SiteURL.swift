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
    case unitsExport
    case orgUnit(UUID)
    case stylesheet
    case script

    case apiMe
    case apiOpenAPI
    case apiPassword
    case apiTokens
    case apiToken(UUID)

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
        case .unitsExport: "/org/export.csv"
        case .orgUnit(let id): "/org/\(id.uuidString.lowercased())"
        case .stylesheet: "/app.css"
        case .script: "/app.js"
        case .apiMe: "/api/v1/me"
        case .apiOpenAPI: "/api/v1/openapi.json"
        case .apiPassword: "/api/v1/account/password"
        case .apiTokens: "/api/v1/account/tokens"
        case .apiToken(let id): "/api/v1/account/tokens/\(id.uuidString.lowercased())"
        }
    }

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

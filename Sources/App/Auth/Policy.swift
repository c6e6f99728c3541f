import CapableCore
import Fluent
import Vapor

/// Who may use a route. Every route declares one; a route without one is refused (see
/// `PolicyMiddleware`), so forgetting to think about access fails closed.
enum Policy: Sendable, Equatable {
    /// Anyone, signed in or not: sign-in, health, first-time setup.
    case anyone
    /// Any signed-in account. Handlers under this policy only ever touch the caller's own records.
    case signedIn
    /// A signed-in account holding at least one of these roles.
    case anyRole(Set<Role>)
    /// Records about the person named by the path parameter: that person, anyone above them in
    /// the line-management chain, HR for that person's units, or an administrator.
    case person(parameter: String)
    /// Changing the record of the person named by the path parameter: HR for that person's
    /// units, or an administrator. (Managers see their people's records but do not edit HR data.)
    case managePerson(parameter: String)
    /// An interview round named by the path parameter: HR, administrators, or an account on that
    /// round's panel. Which score sheets a panel member may open or change is checked by the handler
    /// (their own; the chair reads everyone's).
    case interviewPanel(parameter: String)

    /// Writing the working record of the person named by the path parameter (objectives,
    /// check-ins): that person, anyone above them in the line-management chain, or an
    /// administrator. HR read these records under `.person` but do not write them.
    case selfOrManager(parameter: String)

    static func role(_ role: Role) -> Policy { .anyRole([role]) }
}

extension Route {
    private static let policyKey = "capable.policy"

    var policy: Policy? { userInfo[AnySendableHashable(Self.policyKey)] as? Policy }

    private static let bodyLimitKey = "capable.bodyLimit"

    /// A larger request body than the default, for uploads. The CSRF check reads the body
    /// before the route does, so it honours this too.
    var bodyLimit: ByteCount? { userInfo[AnySendableHashable(Self.bodyLimitKey)] as? ByteCount }

    @discardableResult
    func bodyLimit(_ limit: ByteCount) -> Route {
        userInfo[AnySendableHashable(Self.bodyLimitKey)] = limit
        return self
    }

    /// Declares the route's access policy.
    @discardableResult
    func policy(_ policy: Policy) -> Route {
        userInfo[AnySendableHashable(Self.policyKey)] = policy
        return self
    }
}

/// Checks the matched route's policy before any handler runs.
struct PolicyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let route = request.route else { return try await next.respond(to: request) }
        guard let policy = route.policy else {
            request.logger.error("route has no policy", metadata: ["route": "\(route.description)"])
            throw AppError.forbidden
        }
        try await Self.check(policy, for: request)
        return try await next.respond(to: request)
    }

    static func check(_ policy: Policy, for request: Request) async throws {
        switch policy {
        case .anyone:
            return
        case .signedIn:
            _ = try request.requirePrincipal()
        case .anyRole(let roles):
            let principal = try request.requirePrincipal()
            guard !principal.roles.isDisjoint(with: roles) else { throw AppError.forbidden }
        case .person(let parameter):
            let principal = try request.requirePrincipal()
            guard let target = request.parameters.get(parameter, as: UUID.self) else { throw AppError.notFound }
            guard try await Person.find(target, on: request.db) != nil else { throw AppError.notFound }
            guard try await LineManagement.allows(principal.viewer, target: target, on: request.db) else { throw AppError.forbidden }
        case .managePerson(let parameter):
            let principal = try request.requirePrincipal()
            guard let target = request.parameters.get(parameter, as: UUID.self) else { throw AppError.notFound }
            guard try await Person.find(target, on: request.db) != nil else { throw AppError.notFound }
            // Only the HR and admin parts of the rule apply: being someone's manager is not enough.
            let viewer = Viewer(personID: nil, roles: principal.roles.intersection([.hr, .admin]), hrUnits: principal.hrUnits)
            guard try await LineManagement.allows(viewer, target: target, on: request.db) else { throw AppError.forbidden }
        case .selfOrManager(let parameter):
            let principal = try request.requirePrincipal()
            guard let target = request.parameters.get(parameter, as: UUID.self) else { throw AppError.notFound }
            guard try await Person.find(target, on: request.db) != nil else { throw AppError.notFound }
            let viewer = Viewer(personID: principal.personID, roles: principal.roles.intersection([.admin]))
            guard try await LineManagement.allows(viewer, target: target, on: request.db) else { throw AppError.forbidden }
        case .interviewPanel(let parameter):
            let principal = try request.requirePrincipal()
            guard let round = request.parameters.get(parameter, as: UUID.self),
                  try await InterviewRound.find(round, on: request.db) != nil
            else { throw AppError.notFound }
            guard principal.roles.isDisjoint(with: [.hr, .admin]) else { return }
            guard try await Interviews.membership(principal.accountID, round: round, on: request.db) != nil else { throw AppError.forbidden }
        }
    }
}

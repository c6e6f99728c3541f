import CapableCore
import Fluent
import Vapor

extension FrameworkDocument: Content {}

/// `/api/v1/frameworks` and `/api/v1/elements`: the frameworks as JSON, read by anyone signed in.
/// Drafts are included only for HR and administrators, as on the pages.
enum FrameworkAPI {
    struct VersionSummary: Content {
        var version: Int
        var status: FrameworkDocument.Status
        var title: String
        var implementedOn: String?
        var amendedOn: String?
        var publishedAt: Date?
    }

    struct ElementRef: Content {
        var id: UUID
        var code: String
        var title: String
    }

    struct FrameworkRef: Content {
        var id: UUID
        var title: String
        var version: Int
        var status: FrameworkDocument.Status
    }

    /// An element with where it sits; its children are summarised, not nested in full.
    struct ElementDetail: Content {
        var id: UUID
        var code: String
        var kind: FrameworkDocument.Element.Kind
        var title: String
        var statement: String
        var audience: FrameworkDocument.Element.Audience
        var whyItMatters: String?
        var whatItMeansForMe: String?
        var indicators: [FrameworkDocument.Indicator]
        var links: [FrameworkDocument.Link]
        var children: [ElementRef]
        /// From the top level down to the element's parent.
        var ancestors: [ElementRef]
        var framework: FrameworkRef
        /// Every version of the framework that has this element.
        var versions: [Int]
    }

    @Sendable static func list(req: Request) async throws -> [Frameworks.Summary] {
        try await Frameworks.summaries(includeDrafts: FrameworkController.isAuthor(req), on: req.database)
    }

    /// The current version with all its elements (or `?version=`), in the same JSON shape as the
    /// built-in framework files.
    @Sendable static func show(req: Request) async throws -> FrameworkDocument {
        try await FrameworkStore.document(try await FrameworkController.resolve(req), on: req.database)
    }

    @Sendable static func versions(req: Request) async throws -> [VersionSummary] {
        guard let id = req.parameters.get("frameworkID", as: UUID.self) else { throw AppError.notFound }
        let versions = try await Frameworks.versions(of: id, on: req.database).filter { !$0.isDraft || FrameworkController.isAuthor(req) }
        guard !versions.isEmpty else { throw AppError.notFound }
        return versions.map {
            VersionSummary(version: $0.version, status: $0.statusValue, title: $0.title, implementedOn: $0.implementedOn,
                           amendedOn: $0.amendedOn, publishedAt: $0.publishedAt)
        }
    }

    /// An element by its stable id, from the current version that has it (or `?version=`).
    @Sendable static func element(req: Request) async throws -> ElementDetail {
        guard let elementID = req.parameters.get("elementID", as: UUID.self) else { throw AppError.notFound }
        let wanted = try? req.query.get(Int.self, at: "version")
        let appearances = try await Frameworks.appearances(of: elementID, on: req.database)
            .filter { !$0.version.isDraft || FrameworkController.isAuthor(req) }
        guard let version = wanted.map({ number in appearances.first { $0.version.version == number }?.version })
                ?? appearances.first(where: { !$0.version.isDraft })?.version ?? appearances.first?.version
        else { throw AppError.notFound }
        let document = try await FrameworkStore.document(version, on: req.database)
        let path = document.path(to: elementID)
        guard let element = path.last else { throw AppError.notFound }
        let ref = { (element: FrameworkDocument.Element) in ElementRef(id: element.id, code: element.code, title: element.title) }
        return ElementDetail(
            id: element.id, code: element.code, kind: element.kind, title: element.title, statement: element.statement,
            audience: element.audience, whyItMatters: element.whyItMatters, whatItMeansForMe: element.whatItMeansForMe,
            indicators: element.indicators, links: element.links, children: element.children.map(ref),
            ancestors: path.dropLast().map(ref),
            framework: FrameworkRef(id: document.id, title: document.title, version: document.version, status: document.status),
            versions: appearances.map(\.version.version).sorted())
    }
}

import CapableCore
import Fluent
import Plot
import Vapor

extension FrameworkController {
    /// Where CASE node URIs point: `<public URL>/ims/case/v1p1/CFItems/<id>` and so on.
    static func caseBaseURI(_ app: Application) -> String { app.config.publicURL + "/ims/case/v1p1" }

    @Sendable static func caseFile(req: Request) async throws -> Response {
        try await download(req, format: .caseJSON)
    }

    @Sendable static func csvFile(req: Request) async throws -> Response {
        try await download(req, format: .csv)
    }

    /// The CASE package for the API (the same bytes, without the download header).
    @Sendable static func apiCASE(req: Request) async throws -> Response {
        let file = try await FrameworkExchange.export(try await resolve(req), as: .caseJSON, baseURI: caseBaseURI(req.application), on: req.database)
        return Response(status: .ok, headers: ["Content-Type": FrameworkExchange.Format.caseJSON.contentType], body: .init(data: file.data))
    }

    private static func download(_ req: Request, format: FrameworkExchange.Format) async throws -> Response {
        let file = try await FrameworkExchange.export(try await resolve(req), as: format, baseURI: caseBaseURI(req.application), on: req.database)
        return Response(status: .ok, headers: ["Content-Type": format.contentType,
                                               "Content-Disposition": "attachment; filename=\"\(file.filename)\""],
                        body: .init(data: file.data))
    }
}

/// Importing a framework file from the browser (HR and administrators).
enum FrameworkImportController {
    struct Upload: Content {
        var file: File?
        /// "new" or an existing framework's id, for CSV files.
        var target: String?
        var title: String?
        var kind: String?
        var owner: String?
    }

    @Sendable static func form(req: Request) async throws -> HTML {
        ImportFrameworkPage.view(try await model(req, upload: nil, problems: []), context: PageContext(req))
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let upload = try req.content.decode(Upload.self)
        let refuse = { (problems: [FieldError]) async throws -> Response in
            ImportFrameworkPage.view(try await model(req, upload: upload, problems: problems), context: PageContext(req)).response(status: .badRequest)
        }
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return try await refuse([.init(field: "file", message: "Choose a CASE JSON or CSV file to import")])
        }
        let data = Data(file.data.readableBytesView)
        var target: FrameworkExchange.Target?
        if FrameworkExchange.format(of: data, filename: file.filename) == .csv {
            if let id = UUID(uuidString: upload.target ?? "") {
                target = .existing(id)
            } else {
                var errors: [FieldError] = []
                let title = (upload.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                let owner = (upload.owner ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                if title.isEmpty { errors.append(.init(field: "title", message: "Enter the new framework’s title, or choose an existing framework")) }
                if owner.isEmpty { errors.append(.init(field: "owner", message: "Enter the organisation that owns the new framework")) }
                let kind = FrameworkDocument.Kind(rawValue: upload.kind ?? "") ?? .custom
                guard errors.isEmpty else { return try await refuse(errors) }
                target = .new(title: title, kind: kind, owner: owner)
            }
        }
        do {
            let version = try await FrameworkExchange.importFile(data, filename: file.filename, target: target, context: req.auditContext, on: req.database)
            let id = version.lineage
            return req.redirect(to: version.isDraft ? SiteURL.frameworkDraft(id).path : SiteURL.framework(id).path, redirectType: .normal)
        } catch let rejected as FrameworkExchange.Rejected {
            return try await refuse(rejected.problems.map { .init(field: "file", message: $0) })
        }
    }

    private static func model(_ req: Request, upload: Upload?, problems: [FieldError]) async throws -> ImportFrameworkPage.Model {
        let frameworks = try await Frameworks.library(includeDrafts: true, on: req.database)
            .map { ImportFrameworkPage.Choice(id: $0.current.lineage, title: $0.current.title) }
        return .init(frameworks: frameworks, target: upload?.target ?? "new", title: upload?.title ?? "", kind: upload?.kind ?? "custom",
                     owner: upload?.owner ?? "", problems: problems)
    }
}

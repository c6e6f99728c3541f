import CapableCore
import Fluent
import Plot
import Vapor

/// HR imports completions from the learning system's export: upload, check the dry run with an
/// error for each bad row, then apply, all or nothing.
enum CompletionImportController {
    struct Upload: Content { var file: File? }

    @Sendable static func form(req: Request) async throws -> HTML {
        CompletionImportPage.upload(errors: [], context: PageContext(req))
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        let principal = try req.requirePrincipal()
        func refuse(_ message: String) -> Response {
            CompletionImportPage.upload(errors: [FieldError(field: "file", message: message)], context: PageContext(req)).response(status: .badRequest)
        }
        guard let file = try req.content.decode(Upload.self).file, file.data.readableBytes > 0 else { return refuse("Choose a CSV file exported from the learning system") }
        let table: CSVTable
        do { table = try PeopleImport.read(Data(file.data.readableBytesView)) } catch let error as CSVError { return refuse(error.description) }
        let record = CompletionImportFile(accountID: principal.accountID, filename: String(file.filename.prefix(200)),
                                          content: CSV.write(header: table.header, rows: table.rows.map(\.cells), neutralise: false))
        try await req.create(record)
        return req.redirect(to: SiteURL.learning(.completionsImportFile(try record.requireID())).path, redirectType: .normal)
    }

    static func load(_ req: Request) async throws -> (CompletionImportFile, CSVTable) {
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("importID", as: UUID.self), let record = try await CompletionImportFile.find(id, on: req.database),
              record.$account.id == principal.accountID || principal.has(.admin)
        else { throw AppError.notFound }
        return (record, try CSV.parse(Data(record.content.utf8)))
    }

    @Sendable static func review(req: Request) async throws -> HTML {
        let (record, table) = try await load(req)
        if record.status == "applied" { return CompletionImportPage.applied(record, context: PageContext(req)) }
        let plan = try await Completions.plan(table, on: req.database)
        return CompletionImportPage.review(.init(id: try record.requireID(), filename: record.filename, rows: table.rows.count, plan: plan), context: PageContext(req))
    }

    @Sendable static func apply(req: Request) async throws -> Response {
        let (record, table) = try await load(req)
        guard record.status != "applied" else { throw AppError.conflict("This file has already been imported") }
        let plan = try await Completions.plan(table, on: req.database)
        guard plan.canApply else {
            return CompletionImportPage.review(.init(id: try record.requireID(), filename: record.filename, rows: table.rows.count, plan: plan), context: PageContext(req))
                .response(status: .badRequest)
        }
        let outcome = try await Completions.apply(plan, context: req.auditContext, on: req.database)
        try await req.update(record) { record in
            record.status = "applied"
            record.outcome = outcome.summary
            record.appliedAt = Date()
        }
        return req.redirect(to: SiteURL.learning(.completionsImportFile(try record.requireID())).path, redirectType: .normal)
    }
}

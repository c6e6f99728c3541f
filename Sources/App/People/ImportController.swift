import CapableCore
import Fluent
import Plot
import Vapor

/// HR imports staff from the HR system's export: upload, check the dry run (fixing the column
/// mapping if the headers differ), then apply, all or nothing.
enum ImportController {
    struct Upload: Content {
        var file: File?
        var deactivate_missing: String?
    }

    /// Imports change the whole organisation, so they are for administrators and for HR who look
    /// after a top-level unit (the whole council), not HR for one service.
    static func requireOrganisationWide(_ req: Request) async throws {
        let principal = try req.requirePrincipal()
        if principal.has(.admin) { return }
        let roots = try await OrgUnit.query(on: req.database).filter(\.$parent.$id == nil).all().compactMap(\.id)
        guard principal.has(.hr), roots.contains(where: principal.hrUnits.contains) else { throw AppError.forbidden }
    }

    @Sendable static func form(req: Request) async throws -> HTML {
        try await requireOrganisationWide(req)
        return ImportUploadPage.view(.init(errors: [], deactivateMissing: false), context: PageContext(req))
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        try await requireOrganisationWide(req)
        let principal = try req.requirePrincipal()
        let upload = try req.content.decode(Upload.self)
        let deactivate = upload.deactivate_missing == "yes"
        func refuse(_ message: String) -> Response {
            ImportUploadPage.view(.init(errors: [FieldError(field: "file", message: message)], deactivateMissing: deactivate),
                                  context: PageContext(req)).response(status: .badRequest)
        }
        guard let file = upload.file, file.data.readableBytes > 0 else { return refuse("Choose a CSV file exported from the HR system") }
        let table: CSVTable
        do { table = try PeopleImport.read(Data(file.data.readableBytesView)) } catch let error as CSVError { return refuse(error.description) }
        // Stored as UTF-8 CSV whatever the upload's encoding, so later steps read it the same way.
        let text = CSV.write(header: table.header, rows: table.rows.map(\.cells), neutralise: false)
        let record = PeopleImportFile(accountID: principal.accountID, filename: String(file.filename.prefix(200)), content: text,
                                      deactivateMissing: deactivate)
        try await record.create(on: req.database)
        try await req.audit("upload", entity: "people_import", id: record.id?.uuidString,
                            changes: [FieldChange(field: "rows", old: nil, new: String(table.rows.count))])
        return req.redirect(to: SiteURL.peopleImportFile(try record.requireID()).path, redirectType: .normal)
    }

    static func load(_ req: Request) async throws -> (PeopleImportFile, CSVTable, ColumnMapping) {
        try await requireOrganisationWide(req)
        let principal = try req.requirePrincipal()
        guard let id = req.parameters.get("importID", as: UUID.self), let record = try await PeopleImportFile.find(id, on: req.database),
              record.$account.id == principal.accountID || principal.has(.admin)
        else { throw AppError.notFound }
        let table = try CSV.parse(Data(record.content.utf8))
        let mapping = try record.mapping.map { try JSONDecoder().decode(ColumnMapping.self, from: Data($0.utf8)) }
            ?? ColumnMapping.automatic(header: table.header)
        return (record, table, mapping)
    }

    @Sendable static func review(req: Request) async throws -> HTML {
        let (record, table, mapping) = try await load(req)
        if let outcome = record.outcome.flatMap({ try? JSONDecoder().decode(PeopleImport.Outcome.self, from: Data($0.utf8)) }) {
            return ImportReviewPage.applied(record: record, outcome: outcome, context: PageContext(req))
        }
        if record.isApplying() {
            return ImportReviewPage.applying(record: record, step: try req.application.importProgress.step(record.requireID()),
                                             rows: table.rows.count, context: PageContext(req))
        }
        let plan = try await PeopleImport.plan(table, mapping: mapping, deactivateMissing: record.deactivateMissing, today: .today, on: req.database)
        return ImportReviewPage.view(.init(record: record, table: table, mapping: mapping, plan: plan), context: PageContext(req))
    }

    @Sendable static func saveMapping(req: Request) async throws -> Response {
        let (record, table, _) = try await load(req)
        guard record.outcome == nil, !record.isApplying() else { throw AppError.conflict("This file has already been imported, or is being imported now") }
        let fields = try req.content.decode([String: String].self)
        var choices: [HRColumn: String] = [:]
        for column in HRColumn.allCases { if let header = fields[column.rawValue], !header.isEmpty { choices[column] = header } }
        let mapping = ColumnMapping(header: table.header, choices: choices)
        try await req.update(record) { $0.mapping = String(decoding: (try? JSONEncoder().encode(mapping)) ?? Data(), as: UTF8.self) }
        return req.redirect(to: SiteURL.peopleImportFile(try record.requireID()).path, redirectType: .normal)
    }

    @Sendable static func apply(req: Request) async throws -> Response {
        let (record, table, mapping) = try await load(req)
        guard record.outcome == nil, !record.isApplying() else { throw AppError.conflict("This file has already been imported, or is being imported now") }
        let id = try record.requireID()
        if table.rows.count < req.application.importBackgroundThreshold {
            do {
                let outcome = try await PeopleImport.apply(table, mapping: mapping, deactivateMissing: record.deactivateMissing, today: .today,
                                                           context: req.auditContext, on: req.database)
                try await req.update(record) { record in
                    record.outcome = encode(outcome)
                    record.appliedAt = Date()
                    record.status = "applied"
                }
                return req.redirect(to: SiteURL.peopleImportFile(id).path, redirectType: .normal)
            } catch let rejected as PeopleImport.Rejected {
                // Something changed since the dry run: show the new problems; nothing was written.
                return ImportReviewPage.view(.init(record: record, table: table, mapping: mapping, plan: rejected.plan), context: PageContext(req))
                    .response(status: .badRequest)
            }
        }
        // A large file: check it now (quickly, no writes), then apply it in the background and
        // show its progress. The apply is still one transaction: all of it or nothing.
        let plan = try await PeopleImport.plan(table, mapping: mapping, deactivateMissing: record.deactivateMissing, today: .today, on: req.database)
        guard plan.canApply else {
            return ImportReviewPage.view(.init(record: record, table: table, mapping: mapping, plan: plan), context: PageContext(req))
                .response(status: .badRequest)
        }
        try await req.update(record) { record in
            record.status = "applying"
            record.startedAt = Date()
            record.failure = nil
        }
        startBackground(id: id, table: table, mapping: mapping, deactivateMissing: record.deactivateMissing,
                        context: req.auditContext, app: req.application)
        return req.redirect(to: SiteURL.peopleImportFile(id).path, redirectType: .normal)
    }

    /// Runs a large import after the request that started it has committed "applying". The
    /// outcome is recorded only once the import's own transaction has committed.
    private static func startBackground(id: UUID, table: CSVTable, mapping: ColumnMapping, deactivateMissing: Bool,
                                        context: AuditContext, app: Application) {
        let progress = app.importProgress
        let db = app.jobsDatabase
        progress.update(id, done: 0, total: table.rows.count)
        Task.detached {
            var status = "failed", failure: String?, outcome: PeopleImport.Outcome?
            do {
                outcome = try await PeopleImport.apply(table, mapping: mapping, deactivateMissing: deactivateMissing, today: .today,
                                                       context: context, on: db) { done, total in progress.update(id, done: done, total: total) }
                status = "applied"
            } catch let rejected as PeopleImport.Rejected {
                failure = "\(rejected.plan.errors.count) problems appeared after the check, so nothing was imported. Check the file again."
            } catch {
                app.logger.error("background import failed: \(String(reflecting: error))")
                failure = "The import did not finish, so nothing was imported. Try again; if it fails again, tell your administrator."
            }
            let (finalStatus, finalFailure, finalOutcome) = (status, failure, outcome)
            do {
                try await db.writeTransaction { tx in
                    guard let record = try await PeopleImportFile.find(id, on: tx) else { return }
                    let (status, failure, outcome) = (finalStatus, finalFailure, finalOutcome)
                    record.status = status
                    record.failure = failure
                    record.outcome = outcome.map(encode)
                    record.appliedAt = outcome == nil ? nil : Date()
                    try await record.save(on: tx)
                }
            } catch {
                app.logger.error("could not record a background import's end: \(String(reflecting: error))")
            }
            progress.finish(id)
        }
    }

    struct Status: Content {
        var status: String
        var done: Int?
        var total: Int?
    }

    /// For the progress page's script: where a background import has got.
    @Sendable static func status(req: Request) async throws -> Status {
        let (record, _, _) = try await load(req)
        let step = try req.application.importProgress.step(record.requireID())
        let status = record.status == "applying" && !record.isApplying() ? "failed" : record.status
        return Status(status: status, done: step?.done, total: step?.total)
    }

    static func encode(_ outcome: PeopleImport.Outcome) -> String {
        String(decoding: (try? JSONEncoder().encode(outcome)) ?? Data(), as: UTF8.self)
    }
}

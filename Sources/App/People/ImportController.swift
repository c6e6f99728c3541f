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
        let plan = try await PeopleImport.plan(table, mapping: mapping, deactivateMissing: record.deactivateMissing, today: .today, on: req.database)
        return ImportReviewPage.view(.init(record: record, table: table, mapping: mapping, plan: plan), context: PageContext(req))
    }

    @Sendable static func saveMapping(req: Request) async throws -> Response {
        let (record, table, _) = try await load(req)
        guard record.outcome == nil else { throw AppError.conflict("This file has already been imported") }
        let fields = try req.content.decode([String: String].self)
        var choices: [HRColumn: String] = [:]
        for column in HRColumn.allCases { if let header = fields[column.rawValue], !header.isEmpty { choices[column] = header } }
        let mapping = ColumnMapping(header: table.header, choices: choices)
        try await req.update(record) { $0.mapping = String(decoding: (try? JSONEncoder().encode(mapping)) ?? Data(), as: UTF8.self) }
        return req.redirect(to: SiteURL.peopleImportFile(try record.requireID()).path, redirectType: .normal)
    }

    @Sendable static func apply(req: Request) async throws -> Response {
        let (record, table, mapping) = try await load(req)
        guard record.outcome == nil else { throw AppError.conflict("This file has already been imported") }
        do {
            let outcome = try await PeopleImport.apply(table, mapping: mapping, deactivateMissing: record.deactivateMissing, today: .today,
                                                       context: req.auditContext, on: req.database)
            try await req.update(record) { record in
                record.outcome = String(decoding: (try? JSONEncoder().encode(outcome)) ?? Data(), as: UTF8.self)
                record.appliedAt = Date()
            }
            return req.redirect(to: SiteURL.peopleImportFile(try record.requireID()).path, redirectType: .normal)
        } catch let rejected as PeopleImport.Rejected {
            // Something changed since the dry run: show the new problems; nothing was written.
            return ImportReviewPage.view(.init(record: record, table: table, mapping: mapping, plan: rejected.plan), context: PageContext(req))
                .response(status: .badRequest)
        }
    }
}

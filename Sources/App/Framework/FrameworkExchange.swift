import CapableCore
import Fluent
import Foundation

/// Framework files in and out: 1EdTech CASE v1.1 JSON and CSV, shared by the pages, the API and
/// `capable export framework` / `capable import framework`.
enum FrameworkExchange {
    enum Format: String, CaseIterable, Sendable {
        case caseJSON = "case"
        case csv

        var contentType: String { self == .csv ? "text/csv; charset=utf-8" : "application/json; charset=utf-8" }
        var fileExtension: String { self == .csv ? "csv" : "json" }
    }

    /// A version as a file, with a file name made from its title and version.
    static func export(_ version: FrameworkVersion, as format: Format, baseURI: String, on db: any Database) async throws -> (data: Data, filename: String) {
        let document = try await FrameworkStore.document(version, on: db)
        let data: Data
        switch format {
        case .caseJSON:
            data = try CASE.encode(CASE.export(document, baseURI: baseURI, lastChange: version.updatedAt ?? version.createdAt ?? Date()))
        case .csv:
            data = Data(FrameworkCSV.write(document).utf8)
        }
        let slug = document.title.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" }
            .reduce(into: "") { name, character in if !(character == "-" && name.hasSuffix("-")) { name.append(character) } }
            .trimmingCharacters(in: CharacterSet(charactersIn: "-"))
        return (data, "\(slug.prefix(60))-v\(document.version).\(format.fileExtension)")
    }

    /// Where a CSV file's elements go: CSV has no framework details, so they come from here.
    enum Target: Sendable {
        /// A new draft version of an existing framework, keeping its details.
        case existing(UUID)
        /// A new framework, version 1, as a draft.
        case new(title: String, kind: FrameworkDocument.Kind, owner: String)
    }

    /// Why an import was refused: every problem found, each naming the line, item or element.
    struct Rejected: Error, Sendable {
        var problems: [String]
    }

    /// Whether the file is CASE JSON (else CSV), by its name or its first character.
    static func format(of data: Data, filename: String) -> Format {
        if filename.lowercased().hasSuffix(".json") { return .caseJSON }
        if filename.lowercased().hasSuffix(".csv") { return .csv }
        let first = data.first { !(Character(UnicodeScalar($0)).isWhitespace) }
        return first == UInt8(ascii: "{") ? .caseJSON : .csv
    }

    /// Reads and checks a file, then writes it as a draft (a new version when the framework exists;
    /// a CASE file of a framework not here yet arrives exactly as exported). All or nothing.
    static func importFile(_ data: Data, filename: String, target: Target?, context: AuditContext, on db: any Database) async throws -> FrameworkVersion {
        let format = format(of: data, filename: filename)
        var document: FrameworkDocument
        var existingID: UUID?
        switch format {
        case .caseJSON:
            do { document = try CASE.import(data) } catch { throw Rejected(problems: error.problems) }
            existingID = document.id
        case .csv:
            guard let target else { throw Rejected(problems: ["A CSV file has no framework details: choose an existing framework, or give the new framework's title."]) }
            let base: FrameworkDocument
            switch target {
            case .existing(let id):
                guard let current = try await Frameworks.current(id, includeDraft: true, on: db) else { throw Rejected(problems: ["There is no framework \(id)."]) }
                base = try await FrameworkStore.document(current, on: db)
                existingID = id
            case .new(let title, let kind, let owner):
                base = FrameworkDocument(id: UUID(), title: title, description: "", owner: owner, kind: kind, status: .draft,
                                         version: 1, source: filename, elements: [])
            }
            do { document = try FrameworkCSV.document(fromCSV: data, framework: base) } catch { throw Rejected(problems: error.messages) }
        }
        let (parsed, lineage) = (document, existingID)
        return try await db.writeTransaction { tx in
            var document = parsed
            var versions: [FrameworkVersion] = []
            if let lineage { versions = try await Frameworks.versions(of: lineage, on: tx) }
            if let draft = versions.first(where: \.isDraft) {
                throw Rejected(problems: ["\(draft.title) already has a draft (version \(draft.version)): publish or discard it before importing."])
            }
            if let newest = versions.last {
                if newest.statusValue == .retired { throw Rejected(problems: ["\(newest.title) is retired, so it cannot take a new version."]) }
                document.version = newest.version + 1
                document.status = .draft
            } else if format == .csv {
                document.status = .draft
            }
            try await checkIDsAreFree(document, on: tx)
            let version = try await FrameworkStore.create(document, status: document.status, on: tx)
            try await Audit.append("import", entity: FrameworkVersion.auditEntity, id: document.id.uuidString,
                                   changes: [.init(field: "file", old: nil, new: filename), .init(field: "version", old: nil, new: String(document.version)),
                                             .init(field: "elements", old: nil, new: String(document.allElements().count))],
                                   context: context, on: tx)
            return version
        }
    }

    /// An element id belongs to one framework: a file that reuses another framework's ids would
    /// make every reference to those elements ambiguous.
    private static func checkIDsAreFree(_ document: FrameworkDocument, on db: any Database) async throws {
        let ids = document.allElements().map(\.id)
        var problems: [String] = []
        for chunk in ids.chunks(of: 200) {
            let rows = try await FrameworkElementRow.query(on: db).filter(\.$elementID ~~ chunk)
                .with(\.$version).all()
            for row in rows where row.version.lineage != document.id {
                let code = document.element(row.elementID)?.code ?? row.code
                problems.append("The element \(code) has the id \(row.elementID.uuidString.lowercased()), which belongs to \(row.code) in \(row.version.title). Leave its element_id empty to give it a new one.")
            }
        }
        if !problems.isEmpty { throw Rejected(problems: problems) }
    }
}

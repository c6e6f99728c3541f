import CapableCore
import Fluent
import Foundation
import NIOConcurrencyHelpers
import SQLKit
import Vapor

/// The risk area's settings, kept in `settings`: the matrix in force (descriptors and bands) and
/// who besides risk managers sees a unit's register.
enum RiskSettings {
    static let matrixKey = "risk.matrix"
    static let visibilityKey = "risk.visibility"

    /// Who sees the registers of units: everyone those of their own unit and the units above
    /// it (the default), only their own unit's, or nobody but risk managers, the register's
    /// managers and risk owners.
    enum Visibility: String, CaseIterable, Codable, Sendable {
        case unitAndAbove = "unit-and-above", unitOnly = "unit-only", managersOnly = "managers-only"

        var label: String {
            switch self {
            case .unitAndAbove: "Everyone sees the registers of their own unit and of the units above it"
            case .unitOnly: "Everyone sees their own unit's register"
            case .managersOnly: "Only risk managers, the heads of units and risk owners see registers"
            }
        }
    }

    static func matrix(on db: any Database) async throws -> RiskMatrix {
        struct Row: Decodable { var value: String }
        return matrix(json: try await db.sql.raw("SELECT value FROM settings WHERE \(ident: "key") = \(bind: matrixKey)")
            .first(decoding: Row.self)?.value)
    }

    /// The matrix a stored setting describes; the standard one when there is none (or it is damaged).
    static func matrix(json: String?) -> RiskMatrix {
        guard let json else { return .standard }
        if let known = decoded.withLockedValue({ $0[json] }) { return known }
        let matrix = (try? JSONDecoder().decode(RiskMatrix.self, from: Data(json.utf8))) ?? .standard
        decoded.withLockedValue { known in
            if known.count >= 64 { known.removeAll() }
            known[json] = matrix
        }
        return matrix
    }

    /// Matrices by the JSON they were decoded from. The same text always decodes to the same
    /// matrix, so this never needs emptying when the setting changes, and is safe to share
    /// between the applications of one process.
    private static let decoded = NIOLockedValueBox<[String: RiskMatrix]>([:])

    static func visibility(on db: any Database) async throws -> Visibility {
        try await Setting.find(visibilityKey, on: db).flatMap { Visibility(rawValue: $0.value) } ?? .unitAndAbove
    }

    /// Stores a setting, audited as a change of the named setting.
    static func store(_ key: String, _ value: String, on req: Request) async throws {
        let existing = try await Setting.find(key, on: req.database)
        guard existing?.value != value else { return }
        if let existing {
            existing.value = value
            try await existing.update(on: req.database)
        } else {
            try await Setting(key: key, value: value).create(on: req.database)
        }
        try await req.audit("update", entity: Setting.auditEntity, id: key, changes: [FieldChange(field: "value", old: existing?.value, new: value)])
    }
}

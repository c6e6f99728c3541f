import CapableCore
import Fluent
import Foundation

/// Score sheets: one per panel member per candidate, a score from 0 to 4 and a note per criterion.
enum InterviewSheets {
    /// A score and note as the form sends them.
    struct Entry: Sendable {
        var score: String
        var note: String
    }

    static let maxNoteLength = 2000

    /// Problems with what was sent, naming the criterion and linking to its score or note
    /// (`score-<criterion id>`, `note-<criterion id>`). `names` gives each criterion's name.
    static func problems(_ entries: [UUID: Entry], names: [(id: UUID, name: String)], submitting: Bool) -> [FieldError] {
        var errors: [FieldError] = []
        var missing: [(id: UUID, name: String)] = []
        for (id, name) in names {
            let entry = entries[id] ?? Entry(score: "", note: "")
            let text = entry.score.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                missing.append((id, name))
            } else if let score = Int(text), InterviewScoring.range.contains(score) {
                // a good score
            } else {
                errors.append(.init(field: field("score", id), message: "The score for \(name) must be a whole number from 0 to 4"))
            }
            if entry.note.count > maxNoteLength {
                errors.append(.init(field: field("note", id), message: "The note on \(name) must be \(maxNoteLength) characters or fewer"))
            }
        }
        if submitting, let first = missing.first {
            errors.append(.init(field: field("score", first.id),
                                message: "Score every criterion before submitting: \(missing.map(\.name).joined(separator: ", ")) not scored yet"))
        }
        return errors
    }

    static func field(_ control: String, _ criterion: UUID) -> String { "\(control)-\(criterion.uuidString.lowercased())" }

    static func find(candidate: UUID, member: UUID, on db: any Database) async throws -> InterviewSheet? {
        try await InterviewSheet.query(on: db).filter(\.$candidate.$id == candidate).filter(\.$panelMember.$id == member)
            .with(\.$scores).first()
    }

    /// Saves a sheet's scores and notes (creating the sheet the first time), submitting it when
    /// asked; audited. The caller has checked `problems` and that the sheet is not yet submitted.
    static func save(_ entries: [UUID: Entry], criteria: [UUID], candidate: UUID, member: UUID, submit: Bool,
                     on db: any Database, context: AuditContext) async throws {
        let sheet: InterviewSheet
        if let existing = try await find(candidate: candidate, member: member, on: db) {
            sheet = existing
        } else {
            sheet = InterviewSheet(candidateID: candidate, panelMemberID: member)
            try await sheet.create(on: db)
            try await Audit.append("create", entity: InterviewSheet.auditEntity, id: sheet.id?.uuidString,
                                   changes: FieldChange.diff(before: [:], after: sheet.auditSnapshot), context: context, on: db)
            sheet.$scores.value = []
        }
        let sheetID = try sheet.requireID()
        let stored = Dictionary((sheet.$scores.value ?? []).map { ($0.$criterion.id, $0) }, uniquingKeysWith: { first, _ in first })
        var changes: [FieldChange] = []
        for criterion in criteria {
            let entry = entries[criterion] ?? Entry(score: "", note: "")
            let score = Int(entry.score.trimmingCharacters(in: .whitespaces))
            let note = entry.note.trimmingCharacters(in: .whitespacesAndNewlines)
            let key = criterion.uuidString.lowercased()
            if let row = stored[criterion] {
                guard row.score != score || row.note != note else { continue }
                if row.score != score { changes.append(.init(field: "score.\(key)", old: row.score.map(String.init), new: score.map(String.init))) }
                // Notes are about a candidate: the log records that one changed, never what it says.
                if row.note != note { changes.append(.init(field: "note.\(key)", old: nil, new: "changed")) }
                row.score = score
                row.note = note
                try await row.save(on: db)
            } else if score != nil || !note.isEmpty {
                try await InterviewScore(sheetID: sheetID, criterionID: criterion, score: score, note: note).create(on: db)
                changes.append(.init(field: "score.\(key)", old: nil, new: score.map(String.init)))
                if !note.isEmpty { changes.append(.init(field: "note.\(key)", old: nil, new: "changed")) }
            }
        }
        if submit {
            sheet.submittedAt = Date()
            try await sheet.save(on: db)
            changes.append(.init(field: "submitted_at", old: nil, new: sheet.submittedAt.map { AuditFormat.timestamp($0) }))
        }
        if !changes.isEmpty {
            try await Audit.append(submit ? "submit" : "update", entity: InterviewSheet.auditEntity, id: sheetID.uuidString,
                                   changes: changes, context: context, on: db)
        }
    }
}

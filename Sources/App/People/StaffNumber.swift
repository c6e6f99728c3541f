import Fluent
import Foundation
import SQLKit

/// A form field that names a member of staff by employee number (a trainer, a risk owner, an
/// approver): one lookup and one message everywhere.
enum StaffNumber {
    /// The id of the current member of staff with that employee number; nil (and, when
    /// `required`, an error on the field) when the field is empty or no current member of staff
    /// has it. Only the id is read: this runs in busy writes such as raising a risk.
    static func resolve(_ raw: String?, field: String, who: String, required: Bool, errors: inout [FieldError],
                        on db: any Database) async throws -> UUID? {
        guard let ref = reference(raw, field: field, who: who, required: required, errors: &errors) else { return nil }
        struct Row: Decodable { var id: UUID }
        guard let person = try await db.sql.raw("""
            SELECT id FROM people WHERE employee_ref = \(bind: ref) AND active = \(bind: true)
            """).first(decoding: Row.self) else {
            errors.append(unknown(ref, field: field))
            return nil
        }
        return person.id
    }

    /// The employee number given, trimmed; nil (and, when `required`, an error) when empty. For
    /// callers that look the person up in a query of their own (see `Risks.validate`).
    static func reference(_ raw: String?, field: String, who: String, required: Bool, errors: inout [FieldError]) -> String? {
        let ref = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !ref.isEmpty else {
            if required { errors.append(.init(field: field, message: "Enter the employee number of \(who)")) }
            return nil
        }
        return ref
    }

    /// The message when no current member of staff has the number.
    static func unknown(_ ref: String, field: String) -> FieldError {
        .init(field: field, message: "No current member of staff has the employee number \(ref)")
    }
}

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
        let ref = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !ref.isEmpty else {
            if required { errors.append(.init(field: field, message: "Enter the employee number of \(who)")) }
            return nil
        }
        struct Row: Decodable { var id: UUID }
        guard let person = try await db.sql.raw("""
            SELECT id FROM people WHERE employee_ref = \(bind: ref) AND active = \(bind: true)
            """).first(decoding: Row.self) else {
            errors.append(.init(field: field, message: "No current member of staff has the employee number \(ref)"))
            return nil
        }
        return person.id
    }
}

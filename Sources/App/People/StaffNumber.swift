import Fluent
import Foundation

/// A form field that names a member of staff by employee number (a trainer, a risk owner, an
/// approver): one lookup and one message everywhere.
enum StaffNumber {
    /// The current member of staff with that employee number; nil (and, when `required`, an
    /// error on the field) when the field is empty or no current member of staff has it.
    static func resolve(_ raw: String?, field: String, who: String, required: Bool, errors: inout [FieldError],
                        on db: any Database) async throws -> Person? {
        let ref = (raw ?? "").trimmingCharacters(in: .whitespaces)
        guard !ref.isEmpty else {
            if required { errors.append(.init(field: field, message: "Enter the employee number of \(who)")) }
            return nil
        }
        guard let person = try await Person.query(on: db).filter(\.$employeeRef == ref).filter(\.$active == true).first() else {
            errors.append(.init(field: field, message: "No current member of staff has the employee number \(ref)"))
            return nil
        }
        return person
    }
}

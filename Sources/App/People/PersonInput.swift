import CapableCore
import Fluent
import Vapor

/// The fields of a person that HR may set through the API, checked as a whole: every problem is
/// reported at once, named by its JSON field, and nothing is written unless all are fine.
struct PersonInput: Content, Sendable {
    var employeeRef: String?
    var assignmentNo: String?
    var givenName: String?
    var familyName: String?
    var preferredName: String?
    var workEmail: String?
    var jobTitle: String?
    var grade: String?
    var fte: Double?
    var contractType: String?
    var orgUnitId: UUID?
    var lineManagerId: UUID?
    var startDate: String?
    var probationEndDate: String?
    var leavingDate: String?
    var location: String?
    var active: Bool?

    /// Problems with this input for `person` (nil when creating).
    func problems(for person: Person?, on db: any Database) async throws -> [FieldError] {
        var errors: [FieldError] = []
        func required(_ value: String?, _ field: String, _ label: String) {
            if (value ?? "").trimmingCharacters(in: .whitespaces).isEmpty { errors.append(.init(field: field, message: "Enter the \(label)")) }
        }
        required(employeeRef, "employeeRef", "employee reference")
        required(givenName, "givenName", "given name")
        required(familyName, "familyName", "family name")
        for (value, field) in [(startDate, "startDate"), (probationEndDate, "probationEndDate"), (leavingDate, "leavingDate")] {
            if let value, !value.isEmpty, CalendarDate(value) == nil {
                errors.append(.init(field: field, message: "\"\(value)\" is not a real date; use yyyy-mm-dd"))
            }
        }
        if let fte, !(fte > 0 && fte <= 1.5) { errors.append(.init(field: "fte", message: "FTE must be more than 0 and at most 1.5")) }
        if let email = workEmail, !email.isEmpty, !EmailAddress.isPlausible(email) {
            errors.append(.init(field: "workEmail", message: "Enter an email address in the correct format"))
        }
        if let unit = orgUnitId, try await OrgUnit.find(unit, on: db) == nil {
            errors.append(.init(field: "orgUnitId", message: "No organisation unit has this id"))
        }
        if let manager = lineManagerId {
            if manager == person?.id {
                errors.append(.init(field: "lineManagerId", message: "A person cannot be their own line manager"))
            } else if try await Person.find(manager, on: db) == nil {
                errors.append(.init(field: "lineManagerId", message: "No person has this id"))
            } else if let id = person?.id, try await LineManagement.chain(above: manager, on: db).contains(id) {
                errors.append(.init(field: "lineManagerId", message: "This would make a loop in line management"))
            }
        }
        if let ref = employeeRef, !ref.isEmpty {
            let assignment = assignmentNo ?? person?.assignmentNo ?? "1"
            let clash = try await Person.query(on: db).filter(\.$employeeRef == ref).filter(\.$assignmentNo == assignment).first()
            if let clash, clash.id != person?.id {
                errors.append(.init(field: "employeeRef", message: "Employee reference \(ref) assignment \(assignment) is already used"))
            }
        }
        return errors
    }

    /// Copies the input onto a person record.
    func apply(to person: Person) {
        person.employeeRef = employeeRef ?? person.employeeRef
        person.assignmentNo = assignmentNo ?? (person.id == nil ? "1" : person.assignmentNo)
        person.givenName = givenName ?? person.givenName
        person.familyName = familyName ?? person.familyName
        person.preferredName = preferredName?.nilIfEmpty
        person.workEmail = workEmail?.nilIfEmpty
        person.jobTitle = jobTitle?.nilIfEmpty
        person.grade = grade?.nilIfEmpty
        person.fte = fte
        person.contractType = contractType?.nilIfEmpty
        person.$orgUnit.id = orgUnitId
        person.$lineManager.id = lineManagerId
        person.startDate = startDate.flatMap(CalendarDate.init)?.description
        person.probationEndDate = probationEndDate.flatMap(CalendarDate.init)?.description
        person.leavingDate = leavingDate.flatMap(CalendarDate.init)?.description
        person.location = location?.nilIfEmpty
        person.active = active ?? (person.id == nil ? true : person.active)
    }
}

/// What happens to people's accounts as their records change.
enum PeopleWrites {
    /// A leaver is deactivated, never deleted: their accounts stop working and every session ends.
    static func endAccess(forPerson personID: UUID, on req: Request) async throws {
        let accounts = try await Account.query(on: req.database).filter(\.$person.$id == personID).filter(\.$active == true).all()
        for account in accounts {
            try await req.update(account) { $0.active = false }
            try await Sessions.endAll(accountID: try account.requireID(), on: req.database)
        }
    }
}

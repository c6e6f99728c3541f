import Fluent
import Foundation

/// A member of staff, as the HR system knows them. One record per assignment: a person with two
/// posts appears twice, keyed on employee reference and assignment number together.
final class Person: Model, @unchecked Sendable {
    static let schema = "people"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?
    @Timestamp(key: "updated_at", on: .update) var updatedAt: Date?

    // data fields
    @Field(key: "employee_ref") var employeeRef: String
    @Field(key: "assignment_no") var assignmentNo: String
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    @OptionalField(key: "preferred_name") var preferredName: String?
    @OptionalField(key: "work_email") var workEmail: String?
    @OptionalField(key: "job_title") var jobTitle: String?
    @OptionalField(key: "grade") var grade: String?
    @OptionalField(key: "fte") var fte: Double?
    @OptionalField(key: "contract_type") var contractType: String?
    /// Calendar dates as `yyyy-mm-dd`: no time zone can shift a start date by a day.
    @OptionalField(key: "start_date") var startDate: String?
    @OptionalField(key: "probation_end_date") var probationEndDate: String?
    @OptionalField(key: "leaving_date") var leavingDate: String?
    @OptionalField(key: "location") var location: String?
    @Field(key: "active") var active: Bool

    // relationships
    @OptionalParent(key: "org_unit_id") var orgUnit: OrgUnit?
    @OptionalParent(key: "line_manager_id") var lineManager: Person?
    @OptionalParent(key: "job_role_id") var jobRole: JobRole?

    init() {}

    init(id: UUID? = nil, employeeRef: String, assignmentNo: String = "1", givenName: String, familyName: String,
         workEmail: String?, jobTitle: String?, grade: String?, orgUnitID: UUID?, lineManagerID: UUID?, startDate: String?) {
        self.id = id
        self.employeeRef = employeeRef
        self.assignmentNo = assignmentNo
        self.givenName = givenName
        self.familyName = familyName
        self.workEmail = workEmail
        self.jobTitle = jobTitle
        self.grade = grade
        self.$orgUnit.id = orgUnitID
        self.$lineManager.id = lineManagerID
        self.startDate = startDate
        self.active = true
    }

    var displayName: String { "\(preferredName ?? givenName) \(familyName)" }
}

extension Person: Auditable {
    static let auditEntity = "person"
    var auditSnapshot: [String: String?] {
        [
            "employee_ref": employeeRef, "assignment_no": assignmentNo, "given_name": givenName,
            "family_name": familyName, "preferred_name": preferredName, "work_email": workEmail,
            "job_title": jobTitle, "grade": grade, "fte": fte.map { String($0) }, "contract_type": contractType,
            "start_date": startDate, "probation_end_date": probationEndDate, "leaving_date": leavingDate,
            "location": location, "active": String(active), "org_unit_id": $orgUnit.id?.uuidString,
            "line_manager_id": $lineManager.id?.uuidString,
        ]
    }
}

/// A part of the organisation: council, directorate, service, team, to any depth.
final class OrgUnit: Model, @unchecked Sendable {
    static let schema = "org_units"

    // managed fields
    @ID(key: .id) var id: UUID?

    // data fields
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String

    // relationships
    @OptionalParent(key: "parent_id") var parent: OrgUnit?
    @OptionalParent(key: "head_person_id") var head: Person?

    init() {}

    init(id: UUID? = nil, code: String, name: String, parentID: UUID?) {
        self.id = id
        self.code = code
        self.name = name
        self.$parent.id = parentID
    }
}

extension OrgUnit: Auditable {
    static let auditEntity = "org_unit"
    var auditSnapshot: [String: String?] {
        ["code": code, "name": name, "parent_id": $parent.id?.uuidString, "head_person_id": $head.id?.uuidString]
    }
}

import Foundation

/// What identifies a person in HR data: one person can hold several posts, and each post
/// (assignment) is its own record, so the employee reference alone is not enough.
public struct PersonKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public var employeeRef: String
    public var assignmentNo: String

    public init(employeeRef: String, assignmentNo: String) {
        self.employeeRef = employeeRef
        self.assignmentNo = assignmentNo
    }

    public var description: String { "\(employeeRef) (assignment \(assignmentNo))" }

    /// By employee reference, then by assignment number as ``assignmentPrecedes(_:_:)`` orders them.
    public static func < (lhs: PersonKey, rhs: PersonKey) -> Bool {
        lhs.employeeRef == rhs.employeeRef
            ? assignmentPrecedes(lhs.assignmentNo, rhs.assignmentNo)
            : lhs.employeeRef < rhs.employeeRef
    }

    /// Assignment numbers compare as numbers when both are whole numbers (so "2" comes before
    /// "10"), numbers come before other text, and other text compares as text.
    public static func assignmentPrecedes(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs), Int(rhs)) {
        case let (left?, right?) where left != right: left < right
        case (.some, nil): true
        case (nil, .some): false
        default: lhs < rhs
        }
    }
}

/// One person's assignment as an HR export describes it, every field typed and trimmed; an absent
/// optional value is nil, never an empty string.
public struct HRRecord: Sendable, Equatable {
    public var employeeRef: String
    public var assignmentNo: String
    public var givenName: String
    public var familyName: String
    public var preferredName: String?
    public var workEmail: String?
    public var jobTitle: String?
    public var orgUnitCode: String
    /// The `employee_ref` of the line manager; ``HRImportPlanner`` says which of their assignments that means.
    public var lineManagerRef: String?
    public var grade: String?
    public var fte: Double?
    public var contractType: String?
    public var startDate: CalendarDate?
    public var probationEndDate: CalendarDate?
    public var leavingDate: CalendarDate?
    public var location: String?

    public init(employeeRef: String, assignmentNo: String = "1", givenName: String, familyName: String,
                preferredName: String? = nil, workEmail: String? = nil, jobTitle: String? = nil, orgUnitCode: String,
                lineManagerRef: String? = nil, grade: String? = nil, fte: Double? = nil, contractType: String? = nil,
                startDate: CalendarDate? = nil, probationEndDate: CalendarDate? = nil, leavingDate: CalendarDate? = nil,
                location: String? = nil) {
        self.employeeRef = employeeRef
        self.assignmentNo = assignmentNo
        self.givenName = givenName
        self.familyName = familyName
        self.preferredName = preferredName
        self.workEmail = workEmail
        self.jobTitle = jobTitle
        self.orgUnitCode = orgUnitCode
        self.lineManagerRef = lineManagerRef
        self.grade = grade
        self.fte = fte
        self.contractType = contractType
        self.startDate = startDate
        self.probationEndDate = probationEndDate
        self.leavingDate = leavingDate
        self.location = location
    }

    public var key: PersonKey { PersonKey(employeeRef: employeeRef, assignmentNo: assignmentNo) }

    /// The fields by their canonical column names, dates as yyyy-mm-dd and FTE as Swift prints a
    /// Double (as the `people` audit snapshot does), for ``FieldChange/diff(before:after:)``.
    public func snapshot() -> [String: String?] {
        [
            HRColumn.employeeRef.rawValue: employeeRef, HRColumn.assignmentNo.rawValue: assignmentNo,
            HRColumn.givenName.rawValue: givenName, HRColumn.familyName.rawValue: familyName,
            HRColumn.preferredName.rawValue: preferredName, HRColumn.workEmail.rawValue: workEmail,
            HRColumn.jobTitle.rawValue: jobTitle, HRColumn.orgUnitCode.rawValue: orgUnitCode,
            HRColumn.lineManagerRef.rawValue: lineManagerRef, HRColumn.grade.rawValue: grade,
            HRColumn.fte.rawValue: fte.map { String($0) }, HRColumn.contractType.rawValue: contractType,
            HRColumn.startDate.rawValue: startDate?.description,
            HRColumn.probationEndDate.rawValue: probationEndDate?.description,
            HRColumn.leavingDate.rawValue: leavingDate?.description, HRColumn.location.rawValue: location,
        ]
    }
}

/// A person already in Capable, as the planner needs to see them.
public struct ExistingPerson: Sendable, Equatable {
    public var id: UUID
    /// Their current data; `lineManagerRef` is their manager's employee reference, `orgUnitCode` their unit's code.
    public var record: HRRecord
    public var active: Bool

    public init(id: UUID, record: HRRecord, active: Bool) {
        self.id = id
        self.record = record
        self.active = active
    }
}

/// An organisation unit already in Capable.
public struct ExistingUnit: Sendable, Equatable {
    public var id: UUID
    public var code: String
    public var name: String
    public var parentCode: String?

    public init(id: UUID, code: String, name: String, parentCode: String?) {
        self.id = id
        self.code = code
        self.name = name
        self.parentCode = parentCode
    }
}

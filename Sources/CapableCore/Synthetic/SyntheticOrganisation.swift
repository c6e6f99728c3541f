/// A generated organisation unit: the council, a directorate, a service or a team.
public struct SyntheticUnit: Sendable, Hashable, Codable {
    public var code: String
    public var name: String
    /// Nil only for the council at the top.
    public var parentCode: String?

    public init(code: String, name: String, parentCode: String?) {
        self.code = code
        self.name = name
        self.parentCode = parentCode
    }
}

/// One generated assignment, shaped like a row of an HR system export. A person with two posts
/// has two of these with the same employee reference, names and email.
public struct SyntheticPerson: Sendable, Hashable {
    public var employeeRef: String
    /// "1" for a person's main post, "2" for a second one.
    public var assignmentNo: String
    public var givenName: String
    public var familyName: String
    public var preferredName: String?
    public var workEmail: String
    public var jobTitle: String
    public var orgUnitCode: String
    /// The manager's employee reference; nil only for the chief executive.
    public var lineManagerRef: String?
    public var grade: String
    /// Full-time equivalent, in tenths: 1.0, 0.8, 0.6, 0.5 and the like.
    public var fte: Double
    /// "permanent", "fixed term" or "casual".
    public var contractType: String
    public var startDate: CalendarDate
    /// Six months after the start, for people who started within the last year.
    public var probationEndDate: CalendarDate?
    public var leavingDate: CalendarDate?
    public var location: String

    public init(employeeRef: String, assignmentNo: String, givenName: String, familyName: String, preferredName: String?,
                workEmail: String, jobTitle: String, orgUnitCode: String, lineManagerRef: String?, grade: String, fte: Double,
                contractType: String, startDate: CalendarDate, probationEndDate: CalendarDate?, leavingDate: CalendarDate?, location: String) {
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
}

/// A generated council: its units, top first, and its people's assignments, managers before the
/// people they manage.
public struct SyntheticOrganisation: Sendable, Hashable {
    public var units: [SyntheticUnit]
    public var people: [SyntheticPerson]

    public init(units: [SyntheticUnit], people: [SyntheticPerson]) {
        self.units = units
        self.people = people
    }

    /// The canonical HR export columns, in order: the HR import reads files with these headings.
    public static let hrHeader = [
        "employee_ref", "assignment_no", "given_name", "family_name", "preferred_name", "work_email", "job_title",
        "org_unit_code", "org_unit_name", "parent_org_unit_code", "line_manager_ref", "grade", "fte", "contract_type",
        "start_date", "probation_end_date", "leaving_date", "location",
    ]

    /// One row per assignment in `hrHeader` order, without the header. Dates are yyyy-mm-dd,
    /// FTE has one decimal place ("0.8", "1.0") and an empty value is an empty string.
    public func hrRows() -> [[String]] {
        var unitsByCode: [String: SyntheticUnit] = [:]
        for unit in units { unitsByCode[unit.code] = unit }
        return people.map { person in
            let unit = unitsByCode[person.orgUnitCode]
            return [
                person.employeeRef, person.assignmentNo, person.givenName, person.familyName, person.preferredName ?? "",
                person.workEmail, person.jobTitle, person.orgUnitCode, unit?.name ?? "", unit?.parentCode ?? "",
                person.lineManagerRef ?? "", person.grade, Self.fteText(person.fte), person.contractType,
                person.startDate.description, person.probationEndDate?.description ?? "", person.leavingDate?.description ?? "",
                person.location,
            ]
        }
    }

    /// Tenths as text without Foundation's locale-dependent formatting: 0.8 is "0.8", 1 is "1.0".
    static func fteText(_ fte: Double) -> String {
        let tenths = Int((fte * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}

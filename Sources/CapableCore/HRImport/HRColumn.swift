/// The columns of Capable's canonical HR import file, in file order. An HR system's own export is
/// matched to them by a ``ColumnMapping``.
public enum HRColumn: String, CaseIterable, Sendable, Codable, CodingKeyRepresentable {
    case employeeRef = "employee_ref"
    case assignmentNo = "assignment_no"
    case givenName = "given_name"
    case familyName = "family_name"
    case preferredName = "preferred_name"
    case workEmail = "work_email"
    case jobTitle = "job_title"
    case orgUnitCode = "org_unit_code"
    case orgUnitName = "org_unit_name"
    case parentOrgUnitCode = "parent_org_unit_code"
    case lineManagerRef = "line_manager_ref"
    case grade
    case fte
    case contractType = "contract_type"
    case startDate = "start_date"
    case probationEndDate = "probation_end_date"
    case leavingDate = "leaving_date"
    case location

    /// Whether every row must give a value. `assignment_no` is not required: when the column or
    /// the cell is empty the assignment is "1", since most people hold one post.
    public var isRequired: Bool {
        switch self {
        case .employeeRef, .givenName, .familyName, .orgUnitCode: true
        default: false
        }
    }

    /// The name to show on the column-mapping page.
    public var label: String {
        switch self {
        case .employeeRef: "Employee reference"
        case .assignmentNo: "Assignment number"
        case .givenName: "Given name"
        case .familyName: "Family name"
        case .preferredName: "Preferred name"
        case .workEmail: "Work email"
        case .jobTitle: "Job title"
        case .orgUnitCode: "Organisation unit code"
        case .orgUnitName: "Organisation unit name"
        case .parentOrgUnitCode: "Parent organisation unit code"
        case .lineManagerRef: "Line manager's employee reference"
        case .grade: "Grade"
        case .fte: "FTE (full-time equivalent)"
        case .contractType: "Contract type"
        case .startDate: "Start date"
        case .probationEndDate: "Probation end date"
        case .leavingDate: "Leaving date"
        case .location: "Location"
        }
    }

    /// Position in the canonical order, for sorting errors within a line.
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// Headings that iTrent, Oracle HCM, SAP, Unit4 and CoreHR exports commonly use, normalised
    /// like ``ColumnMapping/normalise(_:)``. Ambiguous headings are left out on purpose: "Title"
    /// is usually Mr/Ms, "End Date" is often a fixed-term contract's end, and "Cost Centre" is
    /// not an organisation unit; the mapping page lets people choose those themselves.
    var synonyms: [String] {
        switch self {
        case .employeeRef:
            ["employeereference", "employeenumber", "employeeno", "employeeid", "payrollid", "payrollnumber", "payrollno",
             "personnumber", "personnelnumber", "persno", "staffnumber", "staffno", "staffid", "empno", "resourceid"]
        case .assignmentNo:
            ["assignmentnumber", "assignmentid", "assignment", "assignmentref"]
        case .givenName:
            ["forename", "forenames", "firstname", "firstnames"]
        case .familyName:
            ["surname", "lastname"]
        case .preferredName:
            ["knownas", "preferredforename", "preferredfirstname"]
        case .workEmail:
            ["email", "emailaddress", "workemailaddress", "businessemail", "businessemailaddress"]
        case .jobTitle:
            ["positiontitle", "posttitle", "positionname", "jobname"]
        case .orgUnitCode:
            ["departmentcode", "deptcode", "organisationcode", "organizationcode", "orgcode", "orgunit", "unitcode", "teamcode"]
        case .orgUnitName:
            ["department", "departmentname", "deptname", "organisation", "organization", "organisationname",
             "organizationname", "unitname", "teamname", "team"]
        case .parentOrgUnitCode:
            ["parentcode", "parentunitcode", "parentdepartmentcode", "parentdeptcode", "parentorganisationcode",
             "parentorganizationcode", "parentorgcode"]
        case .lineManagerRef:
            ["manageremployeenumber", "linemanageremployeenumber", "manageremployeeref", "linemanageremployeeref",
             "managerpayrollid", "linemanagerpayrollid", "managerpersonnumber", "managerref", "managerid",
             "linemanagerid", "managernumber", "linemanagernumber", "managerstaffnumber", "supervisorid"]
        case .grade:
            ["paygrade", "gradecode", "salarygrade", "payband", "band"]
        case .fte:
            ["fulltimeequivalent", "ftevalue", "fteratio"]
        case .contractType:
            ["employmenttype", "contract", "assignmentcategory", "employmentcategory"]
        case .startDate:
            ["hiredate", "dateofjoining", "joiningdate", "datejoined", "employmentstartdate", "assignmentstartdate"]
        case .probationEndDate:
            ["probationend", "probationdate", "probationperiodenddate"]
        case .leavingDate:
            ["leavedate", "leaverdate", "dateleft", "dateofleaving", "terminationdate", "actualterminationdate"]
        case .location:
            ["worklocation", "workplace", "worksite", "site", "officelocation"]
        }
    }
}

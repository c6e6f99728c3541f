import CapableCore
import Fluent
import Foundation

/// A fictional council for trying Capable out: "Elmbridge Vale Council", four directorates,
/// nine services and about 160 people in a line-management tree with realistic job titles and grades.
enum DemoCouncil {
    struct Unit {
        var code: String
        var name: String
        var parent: String?
    }

    static let units: [Unit] = [
        Unit(code: "EVC", name: "Elmbridge Vale Council", parent: nil),
        Unit(code: "EVC-RES", name: "Resources Directorate", parent: "EVC"),
        Unit(code: "EVC-ADU", name: "Adults and Health Directorate", parent: "EVC"),
        Unit(code: "EVC-CHI", name: "Children and Families Directorate", parent: "EVC"),
        Unit(code: "EVC-PLA", name: "Place Directorate", parent: "EVC"),
        Unit(code: "EVC-RES-HR", name: "HR and Organisational Development", parent: "EVC-RES"),
        Unit(code: "EVC-RES-FIN", name: "Finance and Risk", parent: "EVC-RES"),
        Unit(code: "EVC-RES-CUS", name: "Customer Services", parent: "EVC-RES"),
        Unit(code: "EVC-ADU-ASC", name: "Adult Social Care", parent: "EVC-ADU"),
        Unit(code: "EVC-ADU-PH", name: "Public Health", parent: "EVC-ADU"),
        Unit(code: "EVC-CHI-CSC", name: "Children's Social Care", parent: "EVC-CHI"),
        Unit(code: "EVC-CHI-EH", name: "Early Help", parent: "EVC-CHI"),
        Unit(code: "EVC-PLA-HWY", name: "Highways", parent: "EVC-PLA"),
        Unit(code: "EVC-PLA-WST", name: "Waste and Environment", parent: "EVC-PLA"),
    ]

    /// The named people: the top team, heads of service and team managers.
    /// ref, given, family, job title, grade, unit, manager ref.
    static let leaders: [(String, String, String, String, String, String, String?)] = [
        ("D0001", "Alex", "Morgan", "Chief Executive", "CE", "EVC", nil),
        ("D0002", "Priya", "Shah", "Director of Resources", "D1", "EVC-RES", "D0001"),
        ("D0003", "Tom", "Hughes", "Director of Adults and Health", "D1", "EVC-ADU", "D0001"),
        ("D0004", "Grace", "Okafor", "Director of Place", "D1", "EVC-PLA", "D0001"),
        ("D0016", "Nadia", "Ali", "Director of Children and Families", "D1", "EVC-CHI", "D0001"),
        ("D0005", "Helen", "Price", "Head of HR and Organisational Development", "M2", "EVC-RES-HR", "D0002"),
        ("D0006", "Sam", "Lewis", "HR Business Partner", "G9", "EVC-RES-HR", "D0005"),
        ("D0007", "Ruth", "Evans", "Learning and Development Manager", "G9", "EVC-RES-HR", "D0005"),
        ("D0008", "Mark", "Daniels", "Head of Finance and Risk", "M2", "EVC-RES-FIN", "D0002"),
        ("D0009", "Fatima", "Begum", "Risk and Insurance Manager", "G10", "EVC-RES-FIN", "D0008"),
        ("D0010", "Owen", "Jones", "Finance Manager", "G10", "EVC-RES-FIN", "D0008"),
        ("D0025", "Mike", "Foster", "Customer Services Manager", "M1", "EVC-RES-CUS", "D0002"),
        ("D0029", "Leon", "Grant", "Team Leader, Contact Centre", "G8", "EVC-RES-CUS", "D0025"),
        ("D0011", "Claire", "Watson", "Head of Adult Social Care", "M2", "EVC-ADU-ASC", "D0003"),
        ("D0012", "Daniel", "Reid", "Team Manager, Reablement", "G11", "EVC-ADU-ASC", "D0011"),
        ("D0031", "Joanna", "Kaur", "Team Manager, Assessment", "G11", "EVC-ADU-ASC", "D0011"),
        ("D0032", "Martin", "Webb", "Consultant in Public Health", "M2", "EVC-ADU-PH", "D0003"),
        ("D0017", "James", "Wright", "Head of Children's Social Care", "M2", "EVC-CHI-CSC", "D0016"),
        ("D0033", "Sophie", "Turner", "Team Manager, Safeguarding", "G11", "EVC-CHI-CSC", "D0017"),
        ("D0034", "Adebayo", "Okonkwo", "Early Help Manager", "G10", "EVC-CHI-EH", "D0016"),
        ("D0021", "Paul", "Turner", "Head of Highways", "M2", "EVC-PLA-HWY", "D0004"),
        ("D0022", "Sian", "Roberts", "Highways Engineering Manager", "G10", "EVC-PLA-HWY", "D0021"),
        ("D0035", "Gareth", "Davies", "Head of Waste and Environment", "M2", "EVC-PLA-WST", "D0004"),
        ("D0036", "Kerry", "Marsh", "Waste Operations Manager", "G9", "EVC-PLA-WST", "D0035"),
    ]

    /// The staff under each team manager: how many, and the job titles and grades they hold.
    static let teams: [(manager: String, unit: String, size: Int, roles: [(String, String)])] = [
        ("D0006", "EVC-RES-HR", 8, [("HR Adviser", "G7"), ("HR Officer", "G5"), ("Recruitment Officer", "G5")]),
        ("D0007", "EVC-RES-HR", 5, [("Learning and Development Officer", "G6"), ("Apprenticeships Coordinator", "G5")]),
        ("D0010", "EVC-RES-FIN", 12, [("Accountant", "G8"), ("Finance Officer", "G5"), ("Payroll Officer", "G4")]),
        ("D0009", "EVC-RES-FIN", 4, [("Insurance Officer", "G6"), ("Risk Officer", "G7")]),
        ("D0029", "EVC-RES-CUS", 22, [("Customer Services Adviser", "G3"), ("Senior Customer Services Adviser", "G5"), ("Complaints Officer", "G6")]),
        ("D0012", "EVC-ADU-ASC", 18, [("Reablement Support Worker", "G4"), ("Occupational Therapist", "G8"), ("Social Worker", "G8")]),
        ("D0031", "EVC-ADU-ASC", 18, [("Social Worker", "G8"), ("Social Care Assessor", "G6"), ("Senior Social Worker", "G9")]),
        ("D0032", "EVC-ADU-PH", 10, [("Public Health Practitioner", "G7"), ("Health Improvement Officer", "G6"), ("Public Health Analyst", "G8")]),
        ("D0033", "EVC-CHI-CSC", 20, [("Social Worker", "G8"), ("Senior Social Worker", "G9"), ("Family Support Worker", "G5")]),
        ("D0034", "EVC-CHI-EH", 15, [("Family Support Worker", "G5"), ("Early Help Practitioner", "G6"), ("Youth Worker", "G5")]),
        ("D0022", "EVC-PLA-HWY", 18, [("Highways Inspector", "G6"), ("Highways Engineer", "G8"), ("Street Works Coordinator", "G6")]),
        ("D0036", "EVC-PLA-WST", 22, [("Refuse Collection Operative", "G2"), ("Driver", "G3"), ("Environmental Enforcement Officer", "G5")]),
    ]

    static let givenNames = ["Aisha", "Ben", "Lucy", "Chloe", "Ryan", "Emma", "Kevin", "Zara", "Hannah", "Joe", "Amy", "Ella",
                             "Mohammed", "Olivia", "Jack", "Isla", "Harry", "Amelia", "Oliver", "Ava", "Tariq", "Mei", "Dylan",
                             "Sian", "Rhys", "Grace", "Kofi", "Ewa", "Liam", "Niamh", "Arjun", "Freya", "Callum", "Anita"]
    static let familyNames = ["Khan", "Carter", "Brown", "Green", "Hall", "Clarke", "Walsh", "Ahmed", "Bell", "Murphy", "Fisher",
                              "Stone", "Patel", "Jones", "Williams", "Taylor", "Davies", "Wilson", "Evans", "Thomas", "Johnson",
                              "Roberts", "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards", "Green",
                              "Nowak", "Mensah", "Chen", "O'Brien"]

    /// Everyone: the leaders, then each team's staff, named and graded deterministically.
    static var people: [(String, String, String, String, String, String, String?)] {
        var all = leaders
        var number = 100
        for team in teams {
            for index in 0..<team.size {
                number += 1
                let role = team.roles[index % team.roles.count]
                let given = givenNames[(number * 7) % givenNames.count]
                let family = familyNames[(number * 11) % familyNames.count]
                all.append((String(format: "D%04d", number), given, family, role.0, role.1, team.unit, team.manager))
            }
        }
        return all
    }

    /// Demo sign-ins: person ref and the roles the account gets. Managers need no role. The
    /// Resources Directorate has enough sign-ins to answer a pulse survey: six in HR (a group
    /// shown on its own), four in Customer Services and the director (folded together).
    static let accounts: [(ref: String, roles: [Role])] = [
        ("D0001", [.topTeam]), ("D0005", [.hr, .admin]), ("D0006", [.hr]), ("D0009", [.risk]),
        ("D0011", []), ("D0012", []), ("D0101", []), ("D0025", []),
        ("D0002", []), ("D0102", []), ("D0103", []), ("D0104", []), ("D0105", []), ("D0106", []),
        ("D0130", []), ("D0131", []), ("D0132", []),
    ]

    /// Names repeat in a council of this size, so the employee number keeps addresses unique.
    static func email(for given: String, _ family: String, ref: String) -> String {
        let base = "\(given).\(family)".lowercased().replacingOccurrences(of: "'", with: "")
        return ref.hasPrefix("D00") && Int(ref.dropFirst()) ?? 0 < 100 ? "\(base)@elmbridgevale.example" : "\(base).\(ref.lowercased())@elmbridgevale.example"
    }

    /// Start dates spread over twenty years; every fifteenth person started recently and is on
    /// probation (six months), so probation and new-starter features have someone to show.
    static func dates(for ref: String) -> (start: String, probation: String?) {
        let number = Int(ref.dropFirst()) ?? 0
        if number > 100, number % 15 == 0 {
            let start = CalendarDate.today.adding(days: -(number % 120))
            return (start.description, start.adding(months: 6).description)
        }
        let year = 2005 + (number * 3) % 20, month = number % 12 + 1, day = number % 28 + 1
        return (CalendarDate(year: year, month: month, day: day)?.description ?? "2020-04-01", nil)
    }

    /// Loads the demo council; returns each demo account's email and password, or throws when
    /// it is already there.
    static func load(on db: any Database, hash: @escaping @Sendable (String) async throws -> String) async throws -> [(email: String, password: String, roles: [Role])] {
        let credentials = accounts.map { ($0.ref, Secret.make().prefix(16).description) }
        // Hashed side by side: Bcrypt is slow on purpose, and there are a dozen and more sign-ins.
        let hashes = try await withThrowingTaskGroup(of: (String, String).self) { group in
            for (ref, password) in credentials { group.addTask { (ref, try await hash(password)) } }
            var all: [String: String] = [:]
            for try await (ref, value) in group { all[ref] = value }
            return all
        }
        let passwordHashes = hashes
        // The demo's job role and person specification are built on the built-in Core Values.
        try await BuiltInFrameworks.load(on: db)
        return try await db.writeTransaction { tx in
            if try await OrgUnit.query(on: tx).filter(\.$code == "EVC").count() > 0 {
                throw CommandFailure("The demo council is already loaded")
            }
            var unitIDs: [String: UUID] = [:]
            for unit in units {
                let record = OrgUnit(code: unit.code, name: unit.name, parentID: unit.parent.flatMap { unitIDs[$0] })
                try await record.create(on: tx)
                unitIDs[unit.code] = record.id
            }
            var personIDs: [String: UUID] = [:]
            var result: [(String, String, [Role])] = []
            let everyone = people
            for (ref, given, family, title, grade, unit, manager) in everyone {
                let (start, probation) = dates(for: ref)
                let person = Person(employeeRef: ref, givenName: given, familyName: family, workEmail: email(for: given, family, ref: ref),
                                    jobTitle: title, grade: grade, orgUnitID: unitIDs[unit], lineManagerID: manager.flatMap { personIDs[$0] },
                                    startDate: start)
                person.probationEndDate = probation
                person.fte = (Int(ref.dropFirst()) ?? 0) % 7 == 0 ? 0.6 : 1.0
                person.contractType = "permanent"
                person.location = unit.hasPrefix("EVC-PLA") ? "Riverside Depot" : "Civic Centre"
                try await person.create(on: tx)
                personIDs[ref] = person.id
                if let account = accounts.first(where: { $0.ref == ref }), let passwordHash = passwordHashes[ref],
                   let password = credentials.first(where: { $0.0 == ref })?.1 {
                    let record = Account(email: email(for: given, family, ref: ref), displayName: "\(given) \(family)", passwordHash: passwordHash)
                    record.$person.id = person.id
                    try await record.create(on: tx)
                    for role in account.roles { try await AccountRole(accountID: try record.requireID(), role: role.rawValue).create(on: tx) }
                    if account.roles.contains(.hr), let council = unitIDs["EVC"] {
                        try await HRScope(accountID: try record.requireID(), orgUnitID: council).create(on: tx)
                    }
                    result.append((record.email, password, account.roles))
                }
            }
            try await DemoRecruitment.load(unitIDs: unitIDs, personIDs: personIDs, on: tx)
            try await DemoLearning.load(personIDs: personIDs, on: tx)
            try await DemoRisk.load(unitIDs: unitIDs, personIDs: personIDs, on: tx)
            let names = Dictionary(everyone.map { ($0.0, "\($0.1) \($0.2)") }, uniquingKeysWith: { first, _ in first })
            try await DemoWorkshops.load(personIDs: personIDs, names: names, on: tx)
            try await Audit.append("seed", entity: "demo_council", id: "EVC",
                                   changes: [.init(field: "people", old: nil, new: String(everyone.count))], context: .system, on: tx)
            return result
        }
    }
}

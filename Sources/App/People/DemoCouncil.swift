import CapableCore
import Fluent
import Foundation

/// A small fictional council for trying Capable out: "Elmbridge Vale Council", three
/// directorates, a handful of teams and 30 people in a line-management tree.
enum DemoCouncil {
    struct Unit {
        var code: String
        var name: String
        var parent: String?
    }

    static let units: [Unit] = [
        Unit(code: "EVC", name: "Elmbridge Vale Council", parent: nil),
        Unit(code: "EVC-RES", name: "Resources Directorate", parent: "EVC"),
        Unit(code: "EVC-PEO", name: "People Directorate", parent: "EVC"),
        Unit(code: "EVC-PLA", name: "Place Directorate", parent: "EVC"),
        Unit(code: "EVC-RES-HR", name: "HR and Organisational Development", parent: "EVC-RES"),
        Unit(code: "EVC-RES-FIN", name: "Finance and Risk", parent: "EVC-RES"),
        Unit(code: "EVC-PEO-ASC", name: "Adult Social Care", parent: "EVC-PEO"),
        Unit(code: "EVC-PEO-CS", name: "Children's Services", parent: "EVC-PEO"),
        Unit(code: "EVC-PLA-HWY", name: "Highways", parent: "EVC-PLA"),
        Unit(code: "EVC-PLA-CUS", name: "Customer Services", parent: "EVC-PLA"),
    ]

    /// ref, given, family, job title, grade, unit, manager ref.
    static let people: [(String, String, String, String, String, String, String?)] = [
        ("D0001", "Alex", "Morgan", "Chief Executive", "CE", "EVC", nil),
        ("D0002", "Priya", "Shah", "Director of Resources", "D1", "EVC-RES", "D0001"),
        ("D0003", "Tom", "Hughes", "Director of People", "D1", "EVC-PEO", "D0001"),
        ("D0004", "Grace", "Okafor", "Director of Place", "D1", "EVC-PLA", "D0001"),
        ("D0005", "Helen", "Price", "Head of HR and OD", "M2", "EVC-RES-HR", "D0002"),
        ("D0006", "Sam", "Lewis", "HR Business Partner", "G8", "EVC-RES-HR", "D0005"),
        ("D0007", "Ruth", "Evans", "Learning and Development Officer", "G6", "EVC-RES-HR", "D0005"),
        ("D0008", "Mark", "Daniels", "Head of Finance and Risk", "M2", "EVC-RES-FIN", "D0002"),
        ("D0009", "Fatima", "Begum", "Risk and Insurance Manager", "G9", "EVC-RES-FIN", "D0008"),
        ("D0010", "Owen", "Jones", "Accountant", "G7", "EVC-RES-FIN", "D0008"),
        ("D0011", "Claire", "Watson", "Head of Adult Social Care", "M2", "EVC-PEO-ASC", "D0003"),
        ("D0012", "Daniel", "Reid", "Team Manager, Reablement", "G9", "EVC-PEO-ASC", "D0011"),
        ("D0013", "Aisha", "Khan", "Social Worker", "G7", "EVC-PEO-ASC", "D0012"),
        ("D0014", "Ben", "Carter", "Social Worker", "G7", "EVC-PEO-ASC", "D0012"),
        ("D0015", "Lucy", "Brown", "Occupational Therapist", "G7", "EVC-PEO-ASC", "D0012"),
        ("D0016", "Nadia", "Ali", "Head of Children's Services", "M2", "EVC-PEO-CS", "D0003"),
        ("D0017", "James", "Wright", "Team Manager, Early Help", "G9", "EVC-PEO-CS", "D0016"),
        ("D0018", "Chloe", "Green", "Family Support Worker", "G5", "EVC-PEO-CS", "D0017"),
        ("D0019", "Ryan", "Hall", "Family Support Worker", "G5", "EVC-PEO-CS", "D0017"),
        ("D0020", "Emma", "Clarke", "Social Worker", "G7", "EVC-PEO-CS", "D0017"),
        ("D0021", "Paul", "Turner", "Head of Highways", "M2", "EVC-PLA-HWY", "D0004"),
        ("D0022", "Sian", "Roberts", "Highways Engineer", "G8", "EVC-PLA-HWY", "D0021"),
        ("D0023", "Kevin", "Walsh", "Highways Inspector", "G6", "EVC-PLA-HWY", "D0021"),
        ("D0024", "Zara", "Ahmed", "Highways Inspector", "G6", "EVC-PLA-HWY", "D0021"),
        ("D0025", "Mike", "Foster", "Customer Services Manager", "G9", "EVC-PLA-CUS", "D0004"),
        ("D0026", "Hannah", "Bell", "Customer Services Adviser", "G4", "EVC-PLA-CUS", "D0025"),
        ("D0027", "Joe", "Murphy", "Customer Services Adviser", "G4", "EVC-PLA-CUS", "D0025"),
        ("D0028", "Amy", "Fisher", "Customer Services Adviser", "G4", "EVC-PLA-CUS", "D0025"),
        ("D0029", "Leon", "Grant", "Team Leader, Contact Centre", "G6", "EVC-PLA-CUS", "D0025"),
        ("D0030", "Ella", "Stone", "Apprentice Customer Adviser", "G2", "EVC-PLA-CUS", "D0029"),
    ]

    /// Demo sign-ins: person ref and the roles the account gets. Managers need no role.
    static let accounts: [(ref: String, roles: [Role])] = [
        ("D0001", [.topTeam]), ("D0005", [.hr, .admin]), ("D0006", [.hr]), ("D0009", [.risk]),
        ("D0012", []), ("D0013", []), ("D0025", []),
    ]

    static func email(for given: String, _ family: String) -> String {
        "\(given).\(family)@elmbridgevale.example".lowercased()
    }

    /// Loads the demo council; returns each demo account's email and password, or throws when
    /// it is already there.
    static func load(on db: any Database, hash: @escaping @Sendable (String) async throws -> String) async throws -> [(email: String, password: String, roles: [Role])] {
        let credentials = accounts.map { ($0.ref, Secret.make().prefix(16).description) }
        var hashes: [String: String] = [:]
        for (ref, password) in credentials { hashes[ref] = try await hash(password) }
        let passwordHashes = hashes
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
            for (ref, given, family, title, grade, unit, manager) in people {
                let person = Person(employeeRef: ref, givenName: given, familyName: family, workEmail: email(for: given, family),
                                    jobTitle: title, grade: grade, orgUnitID: unitIDs[unit], lineManagerID: manager.flatMap { personIDs[$0] },
                                    startDate: "2020-04-01")
                try await person.create(on: tx)
                personIDs[ref] = person.id
                if let account = accounts.first(where: { $0.ref == ref }), let passwordHash = passwordHashes[ref],
                   let password = credentials.first(where: { $0.0 == ref })?.1 {
                    let record = Account(email: email(for: given, family), displayName: "\(given) \(family)", passwordHash: passwordHash)
                    record.$person.id = person.id
                    try await record.create(on: tx)
                    for role in account.roles { try await AccountRole(accountID: try record.requireID(), role: role.rawValue).create(on: tx) }
                    if account.roles.contains(.hr), let council = unitIDs["EVC"] {
                        try await HRScope(accountID: try record.requireID(), orgUnitID: council).create(on: tx)
                    }
                    result.append((record.email, password, account.roles))
                }
            }
            try await Audit.append("seed", entity: "demo_council", id: "EVC",
                                   changes: [.init(field: "people", old: nil, new: String(people.count))], context: .system, on: tx)
            return result
        }
    }
}

/// The shape of a typical English unitary council: its directorates, their services, the teams
/// and jobs in each, and where people work. Fictional, but with the titles and grades an HR
/// export from a real council would show, so imports and reports meet realistic data.
enum SyntheticCatalogue {
    /// A job done by staff in a team, with the G grades it is paid on.
    struct Job: Sendable {
        var title: String
        var grades: ClosedRange<Int>
        init(_ title: String, _ grades: ClosedRange<Int>) {
            self.title = title
            self.grades = grades
        }
    }

    struct Service: Sendable {
        var code: String
        var name: String
        /// Its share of the council's staff, relative to other services.
        var weight: Int
        var teams: [String]
        /// Most common first: staff are more often given earlier jobs.
        var jobs: [Job]
        /// Outdoor and trades services work from depots rather than offices.
        var depot: Bool = false
    }

    struct Directorate: Sendable {
        var code: String
        var name: String
        var directorTitle: String
        /// Most important first: a small council has only the first few.
        var services: [Service]
        var weight: Int { services.reduce(0) { $0 + $1.weight } }
    }

    static let councilCode = "FBC"
    static let councilName = "Fernbrook Borough Council"
    static let emailDomain = "fernbrook.example"
    static let offices = ["Civic Centre", "Town Hall", "Market Street Offices", "Eastfield Hub", "Riverside House"]
    static let depots = ["Northgate Depot", "Canal Road Depot", "Westmoor Depot"]

    /// In the order they appear as a council grows from 4 to 6 directorates.
    static let directorates: [Directorate] = [
        Directorate(code: "RES", name: "Resources", directorTitle: "Director of Resources", services: [
            Service(code: "CUS", name: "Customer Services", weight: 5, teams: ["Contact Centre", "Face to Face", "Complaints"],
                    jobs: [Job("Customer Services Adviser", 3...4), Job("Senior Customer Services Adviser", 5...5), Job("Complaints Officer", 5...6)]),
            Service(code: "FIN", name: "Finance", weight: 3, teams: ["Corporate Finance", "Payroll", "Accounts Payable", "Exchequer"],
                    jobs: [Job("Finance Officer", 5...6), Job("Accountant", 7...9), Job("Payroll Officer", 4...5), Job("Finance Assistant", 3...4)]),
            Service(code: "REV", name: "Revenues and Benefits", weight: 4, teams: ["Council Tax", "Benefits", "Business Rates"],
                    jobs: [Job("Benefits Assessor", 5...6), Job("Council Tax Officer", 4...5), Job("Revenues Officer", 4...6)]),
            Service(code: "HRD", name: "HR and Organisational Development", weight: 2, teams: ["HR Advisory", "Recruitment", "Learning and Development"],
                    jobs: [Job("HR Adviser", 6...7), Job("HR Officer", 5...6), Job("Recruitment Officer", 4...5), Job("Learning and Development Officer", 6...7)]),
            Service(code: "ICT", name: "Digital and ICT", weight: 2, teams: ["Service Desk", "Infrastructure", "Applications"],
                    jobs: [Job("Service Desk Analyst", 4...5), Job("Systems Administrator", 6...8), Job("Software Developer", 7...9), Job("Business Analyst", 7...8)]),
            Service(code: "LEG", name: "Legal and Democratic Services", weight: 1, teams: ["Legal", "Democratic Services", "Elections"],
                    jobs: [Job("Solicitor", 9...11), Job("Paralegal", 5...6), Job("Democratic Services Officer", 5...7)]),
        ]),
        Directorate(code: "ADU", name: "Adults and Health", directorTitle: "Director of Adult Social Care", services: [
            Service(code: "ASC", name: "Adult Social Care", weight: 8, teams: ["Locality North", "Locality South", "Hospital Discharge", "Learning Disabilities", "Mental Health"],
                    jobs: [Job("Social Worker", 7...9), Job("Social Care Assessor", 5...6), Job("Occupational Therapist", 7...8), Job("Senior Social Worker", 9...10)]),
            Service(code: "REA", name: "Reablement", weight: 6, teams: ["Reablement", "Home Care", "Day Opportunities"],
                    jobs: [Job("Reablement Worker", 3...4), Job("Care Worker", 3...4), Job("Reablement Coordinator", 5...6)]),
            Service(code: "SAF", name: "Safeguarding Adults", weight: 2, teams: ["Safeguarding Hub", "Deprivation of Liberty"],
                    jobs: [Job("Safeguarding Officer", 7...8), Job("Best Interests Assessor", 8...9)]),
            Service(code: "COM", name: "Commissioning", weight: 1, teams: ["Commissioning", "Contracts and Quality"],
                    jobs: [Job("Commissioning Officer", 7...8), Job("Contracts Officer", 6...7)]),
        ]),
        Directorate(code: "CHI", name: "Children and Families", directorTitle: "Director of Children's Services", services: [
            Service(code: "CSC", name: "Children's Social Care", weight: 7, teams: ["Assessment", "Child in Need", "Child Protection", "Children in Care", "Leaving Care"],
                    jobs: [Job("Social Worker", 7...9), Job("Family Support Worker", 5...6), Job("Senior Social Worker", 9...10), Job("Personal Adviser", 5...6)]),
            Service(code: "EHP", name: "Early Help", weight: 4, teams: ["Early Help", "Family Hubs", "Youth Service"],
                    jobs: [Job("Family Support Worker", 5...6), Job("Early Help Practitioner", 6...7), Job("Youth Worker", 4...6)]),
            Service(code: "EDU", name: "Education and SEND", weight: 3, teams: ["SEND Casework", "Education Welfare", "School Admissions"],
                    jobs: [Job("SEND Caseworker", 6...7), Job("Education Welfare Officer", 6...7), Job("Admissions Officer", 4...5), Job("Educational Psychologist", 10...11)]),
            Service(code: "FOS", name: "Fostering and Adoption", weight: 2, teams: ["Fostering", "Adoption", "Kinship Care"],
                    jobs: [Job("Fostering Social Worker", 7...9), Job("Adoption Social Worker", 7...9), Job("Family Finding Officer", 6...7)]),
        ]),
        Directorate(code: "PLA", name: "Place", directorTitle: "Director of Place", services: [
            Service(code: "WST", name: "Waste and Recycling", weight: 6, teams: ["Refuse Collection", "Recycling", "Street Cleansing"],
                    jobs: [Job("Refuse Collection Operative", 2...3), Job("HGV Driver", 4...4), Job("Street Cleansing Operative", 2...3), Job("Waste Supervisor", 5...6)], depot: true),
            Service(code: "HWY", name: "Highways", weight: 4, teams: ["Highways Maintenance", "Street Works", "Traffic Management"],
                    jobs: [Job("Highways Operative", 3...4), Job("Highways Inspector", 6...7), Job("Highways Engineer", 8...9), Job("Street Works Coordinator", 6...7)], depot: true),
            Service(code: "PLN", name: "Planning", weight: 2, teams: ["Development Management", "Planning Policy", "Building Control"],
                    jobs: [Job("Planning Officer", 7...8), Job("Senior Planning Officer", 9...9), Job("Building Control Surveyor", 7...9), Job("Planning Enforcement Officer", 6...7)]),
            Service(code: "PKS", name: "Parks and Open Spaces", weight: 3, teams: ["Grounds Maintenance", "Parks", "Bereavement Services"],
                    jobs: [Job("Grounds Maintenance Operative", 2...3), Job("Gardener", 3...4), Job("Park Ranger", 4...5)], depot: true),
            Service(code: "REG", name: "Regulatory Services", weight: 2, teams: ["Environmental Health", "Trading Standards", "Licensing"],
                    jobs: [Job("Environmental Health Officer", 7...9), Job("Trading Standards Officer", 7...8), Job("Licensing Officer", 5...6)]),
        ]),
        Directorate(code: "HOU", name: "Housing", directorTitle: "Director of Housing", services: [
            Service(code: "REP", name: "Repairs and Maintenance", weight: 4, teams: ["Responsive Repairs", "Voids", "Gas Servicing"],
                    jobs: [Job("Repairs Operative", 4...5), Job("Electrician", 5...6), Job("Plumber", 5...6), Job("Repairs Surveyor", 6...8)], depot: true),
            Service(code: "TEN", name: "Tenancy Management", weight: 3, teams: ["Neighbourhood Housing", "Income Recovery", "Tenancy Sustainment"],
                    jobs: [Job("Housing Officer", 5...6), Job("Income Officer", 5...5), Job("Tenancy Sustainment Officer", 5...6)]),
            Service(code: "HOP", name: "Housing Options", weight: 2, teams: ["Housing Options", "Homelessness Prevention", "Temporary Accommodation"],
                    jobs: [Job("Housing Options Officer", 6...7), Job("Homelessness Caseworker", 6...7), Job("Lettings Officer", 4...5)]),
        ]),
        Directorate(code: "PHL", name: "Public Health", directorTitle: "Director of Public Health", services: [
            Service(code: "HIM", name: "Health Improvement", weight: 2, teams: ["Healthy Lifestyles", "Substance Misuse", "Sexual Health"],
                    jobs: [Job("Health Improvement Practitioner", 5...7), Job("Public Health Officer", 6...7), Job("Health Trainer", 4...5)]),
            Service(code: "HPR", name: "Health Protection and Intelligence", weight: 1, teams: ["Health Protection", "Public Health Intelligence"],
                    jobs: [Job("Health Protection Officer", 7...8), Job("Public Health Analyst", 7...9), Job("Public Health Specialist", 10...12)]),
        ]),
    ]

    /// Directorates in a council of `people`: bigger councils split people's services more finely.
    static func directorateCount(people: Int) -> Int {
        let bySize = people >= 12_000 ? 6 : people >= 4_000 ? 5 : 4
        return min(bySize, max(1, people / 60))
    }
}

/// The skeleton of a synthetic council before anyone is named: its units, and a seat for each
/// person saying where they sit and who manages them. Seats come managers first, so every
/// manager reference points backwards and no loop can form.
struct SyntheticLayout {
    typealias Service = SyntheticCatalogue.Service

    /// One post. `level` runs from 1 (chief executive) to 6 (staff in a team).
    struct Seat {
        var level: Int
        var unitCode: String
        var manager: Int?
        /// Fixed for managers; nil for staff, who get one of `service`'s jobs.
        var title: String?
        /// Positions on the default grade scale (G1 is 1) for managers; staff use their job's.
        var grades: ClosedRange<Int>
        var service: Service?
        var location: String
        /// The team's index in `teams`, for staff and team managers.
        var team: Int?
    }

    /// A team, for placing second assignments.
    struct Team {
        var unitCode: String
        var manager: Int
        var service: Service
        var location: String
        var size: Int
    }

    var units: [SyntheticUnit] = []
    var seats: [Seat] = []
    var teams: [Team] = []

    /// Grades above G12, by their position on the default scale (G1 is 1).
    static let m1 = 13, m2 = 14, m3 = 15, d1 = 16, ce = 17

    init(people: Int, rng: inout SplitMix64) {
        let council = SyntheticCatalogue.councilCode
        let office = SyntheticCatalogue.offices[0]
        units.append(SyntheticUnit(code: council, name: SyntheticCatalogue.councilName, parentCode: nil))
        seats.append(Seat(level: 1, unitCode: council, manager: nil, title: "Chief Executive", grades: Self.ce...Self.ce, service: nil, location: office))

        let directorates = Array(SyntheticCatalogue.directorates.prefix(SyntheticCatalogue.directorateCount(people: people)))
        // About one service per 375 people keeps every manager's span near six to fourteen.
        let servicesPer = Self.services(of: directorates, target: max(directorates.count, people / 375))
        var services: [(code: String, parentCode: String, service: Service, director: Int)] = []
        for (index, directorate) in directorates.enumerated() {
            let code = "\(council)-\(directorate.code)"
            units.append(SyntheticUnit(code: code, name: "\(directorate.name) Directorate", parentCode: council))
            seats.append(Seat(level: 2, unitCode: code, manager: 0, title: directorate.directorTitle, grades: Self.d1...Self.d1, service: nil, location: office))
            for service in servicesPer[index] {
                services.append(("\(code)-\(service.code)", code, service, seats.count - 1))
            }
        }

        // Teams hold everyone below the service managers: choose how many so the average
        // team is about ten, with a service manager for every six or so teams.
        let remaining = people - seats.count - services.count
        var teamCount = max(services.count, Int((Double(remaining) / 10.2).rounded()))
        var teamsPer: [Int] = [], managersPer: [Int] = [], inTeams = 0
        for _ in 0..<8 {
            teamsPer = Self.split(teamCount, weights: services.map(\.service.weight))
            managersPer = teamsPer.map { max(1, ($0 + 3) / 6) }
            inTeams = remaining - managersPer.reduce(0, +)
            if inTeams > 15 * teamCount { teamCount += 1 } else if inTeams < 5 * teamCount, teamCount > services.count { teamCount -= 1 } else { break }
        }
        let sizes = Self.teamSizes(count: teamCount, total: max(inTeams, 0), rng: &rng)

        var serviceManagers: [[Int]] = []
        for (index, entry) in services.enumerated() {
            units.append(SyntheticUnit(code: entry.code, name: entry.service.name, parentCode: entry.parentCode))
            let location = entry.service.depot ? rng.element(of: SyntheticCatalogue.depots) : office
            seats.append(Seat(level: 3, unitCode: entry.code, manager: entry.director, title: "Head of \(entry.service.name)", grades: Self.m2...Self.m3, service: entry.service, location: location))
            let head = seats.count - 1
            serviceManagers.append([])
            for _ in 0..<managersPer[index] {
                serviceManagers[index].append(seats.count)
                seats.append(Seat(level: 4, unitCode: entry.code, manager: head, title: "Service Manager, \(entry.service.name)", grades: 12...Self.m1, service: entry.service, location: location))
            }
        }

        var teamIndex = 0
        for (index, entry) in services.enumerated() {
            let service = entry.service
            let topJobGrade = service.jobs.map(\.grades.upperBound).max() ?? 6
            for number in 0..<teamsPer[index] {
                let size = sizes[teamIndex]
                let base = service.teams[number % service.teams.count]
                let name = number < service.teams.count ? base : "\(base) \(number / service.teams.count + 1)"
                let code = "\(entry.code)-\(Self.padded(number + 1, to: 3))"
                units.append(SyntheticUnit(code: code, name: name, parentCode: entry.code))
                guard size > 0 else { teamIndex += 1; continue }
                let location = rng.element(of: service.depot ? SyntheticCatalogue.depots : SyntheticCatalogue.offices)
                // Consecutive teams share a service manager, as they would share a building or a specialism.
                let serviceManager = serviceManagers[index][number * managersPer[index] / teamsPer[index]]
                let manager = seats.count
                teams.append(Team(unitCode: code, manager: manager, service: service, location: location, size: size))
                seats.append(Seat(level: 5, unitCode: code, manager: serviceManager, title: "Team Manager, \(name)",
                                  grades: min(12, topJobGrade + 1)...min(12, topJobGrade + 2), service: service, location: location, team: teams.count - 1))
                for _ in 1..<size {
                    seats.append(Seat(level: 6, unitCode: code, manager: manager, title: nil, grades: 1...1, service: service, location: location, team: teams.count - 1))
                }
                teamIndex += 1
            }
        }
        // Only a council too small for the full shape has more seats than people; the seats
        // come managers first, so cutting the tail leaves every reference intact.
        if seats.count > people {
            seats.removeLast(seats.count - max(people, 0))
            teams.removeAll { $0.manager >= seats.count }
        }
    }
}

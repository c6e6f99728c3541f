import CapableCore
import Testing

/// Shared 30,000 person councils: generated once, as several tests read them.
enum SyntheticSamples {
    static let today = CalendarDate(year: 2026, month: 4, day: 1)!
    static let large = SyntheticCouncil.generate(people: 30_000, seed: 42, today: today)

    /// Each row's place in the line-management tree, 1 for the chief executive, or nil when its
    /// manager chain is broken or loops.
    static func levels(_ council: SyntheticOrganisation) -> [Int?] {
        let refs = Set(council.people.map(\.employeeRef))
        var managerOf: [String: String] = [:]
        for row in council.people where row.assignmentNo == "1" { managerOf[row.employeeRef] = row.lineManagerRef }
        return council.people.map { row in
            var level = 1, current = row.lineManagerRef
            while let manager = current {
                guard refs.contains(manager), level <= council.people.count else { return nil }
                level += 1
                current = managerOf[manager]
            }
            return level
        }
    }

    /// Each unit's depth, 1 for the council, or nil when its parent chain is broken or loops.
    static func unitDepths(_ council: SyntheticOrganisation) -> [String: Int?] {
        let parentOf = Dictionary(uniqueKeysWithValues: council.units.map { ($0.code, $0.parentCode) })
        var depths: [String: Int?] = [:]
        for unit in council.units {
            var depth = 1, current = unit.parentCode, valid = true
            while let parent = current, valid {
                valid = parentOf.keys.contains(parent) && depth <= council.units.count
                depth += 1
                current = parentOf[parent] ?? nil
            }
            depths[unit.code] = valid ? depth : nil
        }
        return depths
    }
}

@Suite("Synthetic council")
struct SyntheticCouncilTests {
    let today = SyntheticSamples.today

    @Test("The same seed gives the same council; another seed gives another")
    func determinism() {
        // act
        let first = SyntheticCouncil.generate(people: 2_000, seed: 99, today: today)
        let again = SyntheticCouncil.generate(people: 2_000, seed: 99, today: today)
        let other = SyntheticCouncil.generate(people: 2_000, seed: 100, today: today)
        // check
        #expect(first == again)
        #expect(first.hrRows() == again.hrRows())
        #expect(first != other)
        #expect(first.people.map(\.familyName) != other.people.map(\.familyName))
    }

    @Test("The generator's numbers are pinned, so a seed means the same council on any machine")
    func pinnedGenerator() {
        // setup
        var rng = SplitMix64(seed: 0)
        // act
        let values = (0..<3).map { _ in rng.next() }
        // check: the published SplitMix64 sequence for seed 0
        #expect(values == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test("Exactly the number of people asked for, every reference resolving and no loops",
          arguments: [0, 1, 2, 3, 4, 5, 8, 9, 20, 60, 240, 1_000, 5_000])
    func sizes(people: Int) {
        // act
        let council = SyntheticCouncil.generate(people: people, seed: 3, today: today)
        // check
        #expect(Set(council.people.map(\.employeeRef)).count == people)
        #expect(council.people.filter { $0.assignmentNo == "1" }.count == people)
        #expect(SyntheticSamples.levels(council).allSatisfy { $0 != nil })
        #expect(SyntheticSamples.unitDepths(council).values.allSatisfy { $0 != nil })
        let codes = Set(council.units.map(\.code))
        #expect(council.people.allSatisfy { codes.contains($0.orgUnitCode) })
        #expect(council.units.filter { $0.parentCode == nil }.count == 1)
    }

    @Test("Teams hold 5 to 15 people, counting second assignments", arguments: [60, 240, 1_000, 5_000])
    func teamSizes(people: Int) {
        // setup
        let council = SyntheticCouncil.generate(people: people, seed: 11, today: today)
        // act
        let depths = SyntheticSamples.unitDepths(council)
        let teams = council.units.filter { depths[$0.code] == 4 }.map(\.code)
        var sizes: [String: Int] = [:]
        for row in council.people { sizes[row.orgUnitCode, default: 0] += 1 }
        // check
        #expect(!teams.isEmpty)
        for team in teams { #expect((5...15).contains(sizes[team] ?? 0), "team \(team)") }
    }

    @Test("A 30,000 person council: six directorates, six levels of line management, teams of 5 to 15")
    func largeShape() {
        // setup
        let council = SyntheticSamples.large
        // act
        let levels = SyntheticSamples.levels(council).compactMap { $0 }
        let depths = SyntheticSamples.unitDepths(council)
        var teamSizes: [String: Int] = [:]
        for row in council.people where depths[row.orgUnitCode] == 4 { teamSizes[row.orgUnitCode, default: 0] += 1 }
        // check
        #expect(Set(council.people.map(\.employeeRef)).count == 30_000)
        #expect(levels.count == council.people.count)
        #expect(levels.max() == 6)
        #expect(Set(levels) == Set(1...6))
        #expect(levels.filter { $0 == 1 }.count == 1)
        #expect(council.units.filter { depths[$0.code] == 2 }.count == 6)
        #expect(Set(depths.values.compactMap { $0 }) == [1, 2, 3, 4])
        #expect(teamSizes.values.allSatisfy { (5...15).contains($0) })
        #expect(council.people.first?.jobTitle == "Chief Executive")
        #expect(council.people.first?.grade == "CE")
    }

    @Test("Councils have four to six directorates, by size", arguments: [(1_000, 4), (5_000, 5), (12_000, 6)])
    func directorates(people: Int, expected: Int) {
        // act
        let council = SyntheticCouncil.generate(people: people, seed: 5, today: today)
        // check
        #expect(council.units.filter { $0.parentCode == council.units.first?.code }.count == expected)
    }
}

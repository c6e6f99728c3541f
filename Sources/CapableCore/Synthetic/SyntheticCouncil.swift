import Foundation

/// Generates a realistic, entirely fictional UK council for demos, load tests and HR-import
/// tests: a council, 4 to 6 directorates, their services and teams of 5 to 15, six levels of
/// line management from the chief executive to staff, and an HR-export-shaped row per post.
public enum SyntheticCouncil {
    /// - Parameters:
    ///   - people: distinct employees (employee references). About 2% of them also hold a
    ///     second post, so the result has about 2% more rows than this.
    ///   - seed: the same seed and `today` always give the same council, on any machine.
    ///   - today: start, probation and leaving dates are placed around it.
    /// - Complexity: O(people).
    public static func generate(people: Int, seed: UInt64, today: CalendarDate) -> SyntheticOrganisation {
        var rng = SplitMix64(seed: seed)
        let layout = SyntheticLayout(people: people, rng: &rng)
        var maker = PersonMaker(today: today)
        var rows: [SyntheticPerson] = []
        rows.reserveCapacity(layout.seats.count + layout.seats.count / 40)
        for (index, seat) in layout.seats.enumerated() {
            rows.append(maker.person(at: index, seat: seat, layout: layout, rng: &rng))
        }
        rows += secondAssignments(of: rows, layout: layout, maker: maker, rng: &rng)
        return SyntheticOrganisation(units: layout.units, people: rows)
    }

    /// About 2% of staff also work a few casual or fixed-term hours in another team, under the
    /// same employee reference. Only teams with room take them, so no team passes 15.
    private static func secondAssignments(of rows: [SyntheticPerson], layout: SyntheticLayout, maker: PersonMaker,
                                          rng: inout SplitMix64) -> [SyntheticPerson] {
        let staff = layout.seats.indices.filter { layout.seats[$0].level == 6 && rows[$0].leavingDate == nil }
        let wanted = min(Int((Double(layout.seats.count) * 0.02).rounded()), staff.count)
        guard wanted > 0, layout.teams.count > 1 else { return [] }
        var sizes = layout.teams.map(\.size)
        var chosen: Set<Int> = []
        var extra: [SyntheticPerson] = []
        while chosen.count < wanted {
            var pick = rng.int(below: staff.count)
            while chosen.contains(pick) { pick = (pick + 1) % staff.count }
            chosen.insert(pick)
            let primary = rows[staff[pick]]
            let ownTeam = layout.seats[staff[pick]].team
            var team = rng.int(below: sizes.count)
            var looked = 0
            while looked < sizes.count, team == ownTeam || sizes[team] >= 15 {
                team = (team + 1) % sizes.count
                looked += 1
            }
            guard looked < sizes.count else { break }
            sizes[team] += 1
            extra.append(maker.secondPost(for: primary, in: layout.teams[team], managerRef: rows[layout.teams[team].manager].employeeRef, rng: &rng))
        }
        return extra
    }
}

/// Turns seats into people: names, unique emails, dates and terms of employment.
private struct PersonMaker {
    let today: CalendarDate
    private var emailsTaken: [String: Int] = [:]

    init(today: CalendarDate) {
        self.today = today
    }

    mutating func person(at index: Int, seat: SyntheticLayout.Seat, layout: SyntheticLayout, rng: inout SplitMix64) -> SyntheticPerson {
        let given = rng.element(of: SyntheticNames.given)
        let family = rng.element(of: SyntheticNames.family)
        let preferred = SyntheticNames.shortForms[given].flatMap { rng.chance(0.4) ? $0 : nil }
        let isStaff = seat.level == 6
        let job = seat.service.map { rng.element(of: $0.jobs, favourEarly: true) }
        let title = seat.title ?? job?.title ?? "Officer"
        let grade = Self.grade(rng.int(in: isStaff ? (job?.grades ?? seat.grades) : seat.grades))
        // Staff skew towards recent starters (turnover); senior posts are spread evenly.
        let u = rng.fraction()
        let start = today.adding(days: -Int((isStaff ? u * u.squareRoot() : u) * 9131))
        var leaving: CalendarDate?
        let roll = rng.fraction()
        let served = CalendarDate.days(from: start, to: today)
        if isStaff, roll < 0.011, served > 1 {
            leaving = today.adding(days: -rng.int(in: 1...min(90, served - 1)))
        } else if isStaff, roll < 0.0165 {
            leaving = today.adding(days: rng.int(in: 1...90))
        }
        let fteRoll = rng.fraction()
        let fte = isStaff ? (fteRoll < 0.75 ? 1.0 : rng.element(of: [0.5, 0.6, 0.8])) : (fteRoll < 0.95 ? 1.0 : 0.8)
        let contractRoll = rng.fraction()
        let contract: String
        switch (isStaff, contractRoll) {
        case (true, ..<0.85), (false, ..<0.96): contract = "permanent"
        case (true, 0.95...): contract = "casual"
        default: contract = "fixed term"
        }
        return SyntheticPerson(
            employeeRef: "E" + SyntheticLayout.padded(index + 1, to: 6), assignmentNo: "1", givenName: given, familyName: family,
            preferredName: preferred, workEmail: email(given: preferred ?? given, family: family), jobTitle: title,
            orgUnitCode: seat.unitCode, lineManagerRef: seat.manager.map { "E" + SyntheticLayout.padded($0 + 1, to: 6) },
            grade: grade, fte: fte, contractType: contract, startDate: start, probationEndDate: probationEnd(start),
            leavingDate: leaving, location: seat.location)
    }

    /// A second post for `primary`: the same person and email, different team, job and manager.
    func secondPost(for primary: SyntheticPerson, in team: SyntheticLayout.Team, managerRef: String, rng: inout SplitMix64) -> SyntheticPerson {
        let job = rng.element(of: team.service.jobs)
        let start = primary.startDate.adding(days: rng.int(in: 0...max(0, CalendarDate.days(from: primary.startDate, to: today))))
        var post = primary
        post.assignmentNo = "2"
        post.jobTitle = job.title
        post.orgUnitCode = team.unitCode
        post.lineManagerRef = managerRef
        post.grade = Self.grade(rng.int(in: job.grades))
        post.fte = rng.element(of: [0.2, 0.4, 0.5])
        post.contractType = rng.chance(0.6) ? "casual" : "fixed term"
        post.startDate = start
        post.probationEndDate = probationEnd(start)
        post.leavingDate = nil
        post.location = team.location
        return post
    }

    /// Probation lasts six months and is only recorded for people who started within the last year.
    private func probationEnd(_ start: CalendarDate) -> CalendarDate? {
        start > today.adding(months: -12) ? start.adding(months: 6) : nil
    }

    /// given.family@domain, letters only, with a number from the second person of that name on.
    private mutating func email(given: String, family: String) -> String {
        let base = "\(Self.emailPart(given)).\(Self.emailPart(family))"
        let count = (emailsTaken[base] ?? 0) + 1
        emailsTaken[base] = count
        return "\(base)\(count == 1 ? "" : String(count))@\(SyntheticCatalogue.emailDomain)"
    }

    private static func emailPart(_ name: String) -> String {
        emailParts[name] ?? fold(name)
    }

    /// Folding is slow next to everything else here, and there are only a few hundred names.
    private static let emailParts: [String: String] = {
        let names = SyntheticNames.given + SyntheticNames.family + Array(SyntheticNames.shortForms.values)
        return Dictionary(names.map { ($0, fold($0)) }, uniquingKeysWith: { first, _ in first })
    }()

    /// "Siân" is "sian", "O'Brien" is "obrien": accents dropped, only a to z and hyphens kept.
    private static func fold(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        return String(folded.unicodeScalars.filter { ("a"..."z").contains($0) || $0 == "-" }.map(Character.init))
    }

    /// The code for a position on the default scale, G1 being 1: G1...G12, M1...M3, D1, CE.
    static func grade(_ position: Int) -> String {
        let scale = GradeScale.default.grades
        return scale[min(max(position, 1), scale.count) - 1]
    }
}

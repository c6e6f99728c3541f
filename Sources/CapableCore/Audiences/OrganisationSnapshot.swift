import Foundation

/// What audience rules need to know about one person (or one assignment, for a person with two).
public struct AudienceMember: Sendable, Hashable {
    public var id: UUID
    public var orgUnitID: UUID?
    public var lineManagerID: UUID?
    public var jobRoleID: UUID?
    public var grade: String?
    public var startDate: CalendarDate?
    /// Leavers and suspended records stay in the data but are never in an audience.
    public var active: Bool

    public init(id: UUID, orgUnitID: UUID? = nil, lineManagerID: UUID? = nil, jobRoleID: UUID? = nil,
                grade: String? = nil, startDate: CalendarDate? = nil, active: Bool = true) {
        self.id = id
        self.orgUnitID = orgUnitID
        self.lineManagerID = lineManagerID
        self.jobRoleID = jobRoleID
        self.grade = grade
        self.startDate = startDate
        self.active = active
    }
}

/// One organisation unit and the unit it sits in.
public struct AudienceUnit: Sendable, Hashable {
    public var id: UUID
    public var parentID: UUID?

    public init(id: UUID, parentID: UUID?) {
        self.id = id
        self.parentID = parentID
    }
}

/// The organisation as audience rules see it, built once from plain arrays and then read by
/// every evaluation. Everything a rule needs beyond one person's own fields (sub-units, who
/// manages anyone) is worked out here, once, so evaluating a rule stays linear in people.
public struct OrganisationSnapshot: Sendable {
    /// Every person given, active or not, in the order given, without repeats.
    public let people: [AudienceMember]
    public let gradeScale: GradeScale
    /// Each person's place on the grade scale, worked out once rather than on every evaluation.
    let gradeRanks: [Int?]
    let indexByID: [UUID: Int]
    private let childUnits: [UUID: [UUID]]
    private let activeReports: [UUID: Int]

    /// - Parameters:
    ///   - people: a person listed twice under one id keeps the first entry.
    ///   - units: units whose parent is missing or unknown are simply tops of their own trees.
    public init(people: [AudienceMember], units: [AudienceUnit], gradeScale: GradeScale = .default) {
        var unique: [AudienceMember] = []
        var indexByID: [UUID: Int] = [:]
        unique.reserveCapacity(people.count)
        indexByID.reserveCapacity(people.count)
        for person in people where indexByID[person.id] == nil {
            indexByID[person.id] = unique.count
            unique.append(person)
        }
        self.people = unique
        self.indexByID = indexByID
        self.gradeScale = gradeScale
        self.gradeRanks = unique.map { $0.grade.flatMap(gradeScale.rank(of:)) }
        var childUnits: [UUID: [UUID]] = [:]
        for unit in units {
            if let parent = unit.parentID, parent != unit.id { childUnits[parent, default: []].append(unit.id) }
        }
        self.childUnits = childUnits
        var activeReports: [UUID: Int] = [:]
        // Someone recorded as their own manager manages nobody by that record.
        for person in unique where person.active {
            if let manager = person.lineManagerID, manager != person.id { activeReports[manager, default: 0] += 1 }
        }
        self.activeReports = activeReports
    }

    /// The person with this id, if listed.
    public func member(_ id: UUID) -> AudienceMember? {
        indexByID[id].map { people[$0] }
    }

    /// How many active people name `id` as their line manager.
    public func activeReportCount(of id: UUID) -> Int {
        activeReports[id] ?? 0
    }

    /// `unit` and, when asked, every unit below it. A loop in the unit tree (bad HR data) ends
    /// the walk where it comes back round instead of hanging the request.
    public func units(within unit: UUID, includeSubunits: Bool) -> Set<UUID> {
        var found: Set<UUID> = [unit]
        guard includeSubunits else { return found }
        var pending = [unit]
        while let next = pending.popLast() {
            for child in childUnits[next] ?? [] where found.insert(child).inserted {
                pending.append(child)
            }
        }
        return found
    }
}

import Foundation

/// What an HR import would do, worked out without doing it: the dry run shown before anyone
/// applies the import, and then the instructions for applying it.
public struct HRImportPlan: Sendable, Equatable {
    /// One entry per data row, in file order.
    public var rows: [PlannedRow]
    /// Every unit named in the file, parents before their children so they can be created in this order.
    public var units: [PlannedUnit]
    /// Active people not in the file, to deactivate; only ever filled when the import was asked to
    /// deactivate missing people. Sorted by key.
    public var deactivations: [PersonKey]
    /// Every problem found, by line and then column. Any error stops the whole import.
    public var errors: [ImportError]

    public init(rows: [PlannedRow], units: [PlannedUnit], deactivations: [PersonKey], errors: [ImportError]) {
        self.rows = rows
        self.units = units
        self.deactivations = deactivations
        self.errors = errors
    }

    /// An import is applied whole or not at all, so one error blocks it.
    public var canApply: Bool { errors.isEmpty }

    public var created: Int { rows.count { $0.action == .create } }
    public var updated: Int { rows.count { if case .update = $0.action { true } else { false } } }
    public var unchanged: Int { rows.count { $0.action == .unchanged } }
    /// Leavers in the file plus people deactivated for being missing from it.
    public var deactivated: Int { rows.count { if case .deactivate = $0.action { true } else { false } } + deactivations.count }
    public var unitsCreated: Int { units.count { $0.action == .create } }
    public var unitsUpdated: Int { units.count { if case .update = $0.action { true } else { false } } }
}

/// What the import does with one data row.
public struct PlannedRow: Sendable, Equatable {
    /// What happens to the person the row describes.
    public enum Action: Sendable, Equatable {
        /// A new person: insert ``PlannedRow/record`` with ``PlannedRow/active`` (false for a leaver,
        /// who is recorded so history and line-manager references have someone to point at).
        case create
        /// An existing person whose fields change; `changes` may include `active` ("false" to "true"
        /// for someone back in the file without a past leaving date).
        case update(changes: [FieldChange])
        case unchanged
        /// An active existing person whose leaving date has come: save the record and set them
        /// inactive. Leavers are never deleted. `changes` includes `active` "true" to "false".
        case deactivate(reason: String, changes: [FieldChange])
        /// The row has errors (see ``HRImportPlan/errors`` for its line); nothing is planned for it.
        case error
    }

    /// The line the row starts on in the file.
    public var line: Int
    /// Nil when the row has no employee reference or could not be read at all.
    public var key: PersonKey?
    /// The person as they will be after the import; nil exactly when the action is `.error`. Columns
    /// the mapping leaves out keep the existing person's values; a mapped column's empty cell clears the field.
    public var record: HRRecord?
    /// The existing person this row updates, when there is one.
    public var existingID: UUID?
    /// Whether the person is active after the import (false on an `.error` row, where nothing happens).
    public var active: Bool
    /// The assignment that is their line manager after the import, resolved from `line_manager_ref`.
    public var lineManagerKey: PersonKey?
    public var action: Action

    public init(line: Int, key: PersonKey?, record: HRRecord?, existingID: UUID?, active: Bool,
                lineManagerKey: PersonKey?, action: Action) {
        self.line = line
        self.key = key
        self.record = record
        self.existingID = existingID
        self.active = active
        self.lineManagerKey = lineManagerKey
        self.action = action
    }
}

/// An organisation unit named in the file (by `org_unit_code`), as it will be after the import.
public struct PlannedUnit: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case create
        /// Changed fields are `name` and `parent_code`.
        case update(changes: [FieldChange])
        case unchanged
    }

    public var code: String
    /// The name from the file, else the existing name, else the code (a new unit the file never names).
    public var name: String
    /// The parent from the file, else the existing parent; an empty cell never removes a parent.
    public var parentCode: String?
    public var existingID: UUID?
    /// The first line that names the unit.
    public var line: Int
    public var action: Action

    public init(code: String, name: String, parentCode: String?, existingID: UUID?, line: Int, action: Action) {
        self.code = code
        self.name = name
        self.parentCode = parentCode
        self.existingID = existingID
        self.line = line
        self.action = action
    }
}

/// One problem with the file, to show next to its line. `description` reads like
/// `line 14, start_date: "31/02/2024" is not a real date (use dd/mm/yyyy or yyyy-mm-dd)`.
public struct ImportError: Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    /// The canonical column at fault; nil for a problem with the whole line.
    public var column: HRColumn?
    /// The file's own heading for that column, which is what the person will recognise.
    public var header: String?
    /// The problem, naming the value: without the line and column, which `description` adds.
    public var message: String

    public init(line: Int, column: HRColumn?, header: String? = nil, message: String) {
        self.line = line
        self.column = column
        self.header = header
        self.message = message
    }

    public var description: String {
        guard let name = header ?? column?.rawValue else { return "line \(line): \(message)" }
        return "line \(line), \(name): \(message)"
    }
}

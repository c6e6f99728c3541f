import Foundation

/// Checks a learning-management system's export of completions (`employee_ref, course_code,
/// completed_on`) before anything is written: every row either becomes a completion or has an
/// error naming its line and column, and one error stops the whole file (all or nothing), as the
/// people import does.
public enum CompletionImport {
    public enum Column: String, CaseIterable, Sendable {
        case employeeRef = "employee_ref"
        case courseCode = "course_code"
        case completedOn = "completed_on"
    }

    public struct Row: Sendable, Equatable {
        public var line: Int
        public var personID: UUID
        public var courseID: UUID
        public var completedOn: CalendarDate
    }

    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        /// The column at fault; nil for the whole line or the whole file.
        public var column: Column?
        public var message: String

        public var description: String {
            (line > 0 ? "Line \(line)" : "The file") + (column.map { ", \($0.rawValue)" } ?? "") + ": " + message
        }
    }

    public struct Plan: Sendable, Equatable {
        public var rows: [Row]
        public var errors: [Problem]
        /// Rows repeating an earlier row of the same file; kept once.
        public var repeated: Int

        public var canApply: Bool { errors.isEmpty && !rows.isEmpty }
    }

    /// `people` maps employee numbers to ids, `courses` course codes to ids; both are matched
    /// without regard to case or surrounding spaces, as HR and LMS exports differ in both.
    public static func plan(_ table: CSVTable, people: [String: UUID], courses: [String: UUID], today: CalendarDate) -> Plan {
        let header = table.header.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
        var index: [Column: Int] = [:]
        for column in Column.allCases { index[column] = header.firstIndex(of: column.rawValue) }
        let missing = Column.allCases.filter { index[$0] == nil }
        guard missing.isEmpty else {
            let names = missing.map(\.rawValue).joined(separator: ", ")
            return Plan(rows: [], errors: [Problem(line: 0, column: nil, message: "the heading row has no \(names) \(missing.count == 1 ? "column" : "columns"); it needs employee_ref, course_code and completed_on")],
                        repeated: 0)
        }
        if table.rows.isEmpty {
            return Plan(rows: [], errors: [Problem(line: 0, column: nil, message: "there are no rows under the heading")], repeated: 0)
        }
        let peopleByKey = Dictionary(people.map { (key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        let coursesByKey = Dictionary(courses.map { (key($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        var rows: [Row] = [], errors: [Problem] = [], seen = Set<String>(), repeated = 0
        rows.reserveCapacity(table.rows.count)
        for row in table.rows {
            func cell(_ column: Column) -> String {
                guard let at = index[column], at < row.cells.count else { return "" }
                return row.cells[at].trimmingCharacters(in: .whitespaces)
            }
            let ref = cell(.employeeRef), code = cell(.courseCode), when = cell(.completedOn)
            var problems: [Problem] = []
            let person = peopleByKey[key(ref)]
            if ref.isEmpty { problems.append(Problem(line: row.line, column: .employeeRef, message: "is empty")) }
            else if person == nil { problems.append(Problem(line: row.line, column: .employeeRef, message: "no one has the employee number \(ref)")) }
            let course = coursesByKey[key(code)]
            if code.isEmpty { problems.append(Problem(line: row.line, column: .courseCode, message: "is empty")) }
            else if course == nil { problems.append(Problem(line: row.line, column: .courseCode, message: "there is no course with the code \(code)")) }
            let date = CalendarDate(when)
            if when.isEmpty { problems.append(Problem(line: row.line, column: .completedOn, message: "is empty")) }
            else if date == nil { problems.append(Problem(line: row.line, column: .completedOn, message: "\(when) is not a date; use yyyy-mm-dd or dd/mm/yyyy")) }
            else if let date, date > today { problems.append(Problem(line: row.line, column: .completedOn, message: "\(date) is in the future")) }
            guard problems.isEmpty, let person, let course, let date else {
                errors += problems
                continue
            }
            guard seen.insert("\(person)|\(course)|\(date)").inserted else {
                repeated += 1
                continue
            }
            rows.append(Row(line: row.line, personID: person, courseID: course, completedOn: date))
        }
        return Plan(rows: rows, errors: errors, repeated: repeated)
    }

    private static func key(_ text: String) -> String { text.trimmingCharacters(in: .whitespaces).lowercased() }
}

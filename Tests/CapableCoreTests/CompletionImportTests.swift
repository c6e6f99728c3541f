import Foundation
import Testing
@testable import CapableCore

@Suite struct CompletionImportTests {
    let ann = UUID(), ben = UUID(), fire = UUID()
    let today = CalendarDate("2026-11-26")!

    func plan(_ text: String) throws -> CompletionImport.Plan {
        let table = try CSV.parse(Data(text.utf8))
        return CompletionImport.plan(table, people: ["E001": ann, "e002": ben], courses: ["FIRE": fire], today: today)
    }

    @Test func readsGoodRowsMatchingCodesWithoutCase() throws {
        let result = try plan("Employee_Ref,course_code,completed_on\ne001,fire,2026-01-05\nE002,Fire,05/02/2026\nE001,FIRE,2026-01-05\n")
        #expect(result.errors.isEmpty)
        #expect(result.rows == [
            .init(line: 2, personID: ann, courseID: fire, completedOn: CalendarDate("2026-01-05")!),
            .init(line: 3, personID: ben, courseID: fire, completedOn: CalendarDate("2026-02-05")!),
        ])
        #expect(result.repeated == 1)
        #expect(result.canApply)
    }

    @Test func namesEveryBadRowAndColumn() throws {
        let result = try plan("employee_ref,course_code,completed_on\nE999,FIRE,2026-01-05\nE001,ASBESTOS,2026-01-05\nE001,FIRE,2027-01-01\nE001,FIRE,31/02/2026\n,FIRE,2026-01-01\n")
        #expect(result.rows.isEmpty)
        #expect(!result.canApply)
        #expect(result.errors.map(\.description) == [
            "Line 2, employee_ref: no one has the employee number E999",
            "Line 3, course_code: there is no course with the code ASBESTOS",
            "Line 4, completed_on: 2027-01-01 is in the future",
            "Line 5, completed_on: 31/02/2026 is not a date; use yyyy-mm-dd or dd/mm/yyyy",
            "Line 6, employee_ref: is empty",
        ])
    }

    @Test func refusesAFileWithoutTheColumns() throws {
        let result = try plan("person,course_code\nE001,FIRE\n")
        #expect(result.errors.map(\.description) == ["The file: the heading row has no employee_ref, completed_on columns; it needs employee_ref, course_code and completed_on"])
        #expect(try plan("employee_ref,course_code,completed_on\n").errors.map(\.message) == ["there are no rows under the heading"])
    }
}

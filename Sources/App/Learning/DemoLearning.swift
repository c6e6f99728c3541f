import CapableCore
import Fluent
import Foundation
import SQLKit

/// The demo council's learning record: the built-in mandatory training, in force for a year, and
/// a spread of completions (current, expiring, expired, never done) so that My learning, the team
/// matrix and the organisation view have every status to show. A Fire Safety session is planned
/// for next week. Daniel Reid (D0012) and Claire Watson (D0011) have no Fire Safety record, so a
/// walkthrough can take them through booking and attendance.
enum DemoLearning {
    static func load(personIDs: [String: UUID], on db: any Database) async throws {
        let today = CalendarDate.today
        try await BuiltInLearning.load(today: today, on: db)
        // In force for a year: everyone's dates are worked out again from that day.
        try await db.sql.raw("UPDATE training_requirements SET applies_from = \(bind: today.adding(months: -12).description)").run()
        try await db.sql.raw("DELETE FROM \(ident: ComplianceRecords.table)").run()
        let courses = try await Course.query(on: db).all()
        let byID = Dictionary(courses.compactMap { course in course.id.map { ($0, course) } }, uniquingKeysWith: { first, _ in first })
        var rows: [(UUID, Course, CalendarDate)] = []
        for (ref, person) in personIDs.sorted(by: { $0.key < $1.key }) {
            let number = Int(ref.dropFirst()) ?? 0
            for (index, entry) in BuiltInLearning.entries.enumerated() {
                guard let course = byID[entry.course] else { continue }
                if entry.code == "FIRE-01", ["D0011", "D0012"].contains(ref) { continue }
                let months = course.validityMonths ?? 36
                let ago: Int
                switch (number * 7 + index * 13) % 10 {
                case 0...5: ago = 20 + (number * 11 + index * 17) % max(1, months * 30 - 90)
                case 6: ago = months * 30 - 10          // expires within the month
                case 7: ago = months * 30 + 60          // expired two months ago
                default: continue                        // never done
                }
                rows.append((person, course, today.adding(days: -ago)))
            }
        }
        for chunk in rows.chunks(of: 400) {
            for (person, course, day) in chunk {
                try await Completion(personID: person, course: course, completedOn: day, source: .import, confirmed: true).create(on: db)
            }
        }
        let session = CourseSession()
        session.$course.id = BuiltInLearning.entries[2].course
        session.startsOn = today.adding(days: 7).description
        session.startTime = "10:00"
        session.endTime = "12:00"
        session.location = "Civic Centre, Committee Room 1"
        session.$trainer.id = personIDs["D0007"]
        session.capacity = 12
        session.needsApproval = false
        session.sequence = 0
        session.cancelled = false
        try await session.create(on: db)
        try await ComplianceRecords.refresh(today: today, on: db)
    }
}

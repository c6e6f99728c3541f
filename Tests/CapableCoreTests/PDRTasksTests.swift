import CapableCore
import Foundation
import Testing

@Suite("PDR task list and calibration")
struct PDRTasksTests {
    let deadlines = PDRTasks.Deadlines(selfAssessment: CalendarDate("2027-04-30")!, managerAssessment: CalendarDate("2027-05-31")!,
                                       close: CalendarDate("2027-06-30")!)

    @Test("Each step is not started, in progress, completed or overdue, in words")
    func statuses() throws {
        let before = try #require(CalendarDate("2027-04-01"))
        let afterSelf = try #require(CalendarDate("2027-05-01"))
        let fresh = PDRTasks.tasks(.init(), deadlines: deadlines, today: before)
        #expect(fresh.map(\.status) == [.notStarted, .notStarted, .notStarted, .notStarted, .notStarted])
        #expect(fresh.map(\.due.description) == ["2027-04-30", "2027-05-31", "2027-06-30", "2027-06-30", "2027-06-30"])

        let drafting = PDRTasks.tasks(.init(selfAssessment: .draft, managerAssessment: .draft), deadlines: deadlines, today: before)
        #expect(drafting.prefix(2).map(\.status) == [.inProgress, .inProgress])

        let late = PDRTasks.tasks(.init(selfAssessment: .draft, managerAssessment: .submitted), deadlines: deadlines, today: afterSelf)
        #expect(late.map(\.status) == [.overdue, .completed, .notStarted, .notStarted, .notStarted])
        #expect(PDRTasks.Status.overdue.label == "Overdue")

        let halfSigned = PDRTasks.Progress(selfAssessment: .submitted, managerAssessment: .submitted, meetingHeld: true, planAgreed: true,
                                           personSigned: false, managerSigned: true)
        #expect(PDRTasks.tasks(halfSigned, deadlines: deadlines, today: before).last?.status == .inProgress)
        var signed = halfSigned
        signed.personSigned = true
        #expect(PDRTasks.tasks(signed, deadlines: deadlines, today: try #require(CalendarDate("2027-12-01"))).allSatisfy { $0.status == .completed })
        #expect(PDRTasks.stage(signed) == "Signed off")
        #expect(PDRTasks.stage(halfSigned) == "Sign-off by both")
        #expect(PDRTasks.stage(.init()) == "Self-assessment")
    }

    @Test("Sign-off, the plan and the meeting each wait for the steps before them, named")
    func blockers() {
        let progress = PDRTasks.Progress(selfAssessment: .submitted, managerAssessment: .draft)
        #expect(PDRTasks.blockers(before: .signOff, in: progress)
                == ["Manager assessment is not completed yet", "Review meeting is not completed yet", "Development plan is not completed yet"])
        #expect(PDRTasks.blockers(before: .meeting, in: progress) == ["Manager assessment is not completed yet"])
        #expect(PDRTasks.blockers(before: .selfAssessment, in: progress).isEmpty)
        let ready = PDRTasks.Progress(selfAssessment: .submitted, managerAssessment: .submitted, meetingHeld: true, planAgreed: true)
        #expect(PDRTasks.blockers(before: .signOff, in: ready).isEmpty)
    }

    @Test("Cycle dates must run in order from the opening date, each problem naming its field")
    func dates() throws {
        let opens = try #require(CalendarDate("2027-04-01"))
        #expect(PDRTasks.dateProblems(opens: opens, deadlines: deadlines).isEmpty)
        let backwards = PDRTasks.Deadlines(selfAssessment: try #require(CalendarDate("2027-03-01")), managerAssessment: try #require(CalendarDate("2027-02-01")),
                                           close: try #require(CalendarDate("2027-01-01")))
        #expect(PDRTasks.dateProblems(opens: opens, deadlines: backwards).map(\.field) == ["self_due_on", "manager_due_on", "closes_on"])
    }

    @Test("Distributions count each level; a manager far from the cycle average is flagged, with the figures in words")
    func calibration() throws {
        // Two managers rate generously-but-normally around 2-3; a third rates everyone 4.
        var ratings: [(group: String, level: Int)] = []
        ratings += [2, 3, 3, 2, 3, 2].map { ("Ann", $0) }
        ratings += [3, 2, 3, 3, 2, 3].map { ("Bob", $0) }
        ratings += [4, 4, 4, 4, 4, 4].map { ("Cat", $0) }
        ratings += [(group: "Dee", level: 4), (group: "Dee", level: 9)]  // too few to compare; 9 is off the scale
        let groups = Calibration.groups(ratings, levels: 4)
        #expect(groups.map(\.key) == ["Ann", "Bob", "Cat", "Dee"])
        let cat = try #require(groups.first { $0.key == "Cat" })
        #expect(cat.counts == [0, 0, 0, 6])
        #expect(cat.isOutlier)
        #expect(cat.summary == "Average 4.0, 0.9 above the cycle average (3.1)")
        let ann = try #require(groups.first { $0.key == "Ann" })
        #expect(ann.counts == [0, 3, 3, 0])
        #expect(!ann.isOutlier)
        let dee = try #require(groups.first { $0.key == "Dee" })
        #expect(dee.total == 1)
        #expect(!dee.isOutlier)
        #expect(dee.summary == "Average 4.0; too few ratings to compare")
    }
}

extension PDRTasksTests {
    @Test("Counts added up by the database give the same groups as single ratings")
    func counted() {
        let single = Calibration.groups([("A", 2), ("A", 2), ("A", 3), ("B", 4)], levels: 4)
        let counted = Calibration.groups(counted: [("A", 2, 2), ("A", 3, 1), ("B", 4, 1), ("B", 7, 3)], levels: 4)
        #expect(single == counted)
        #expect(counted.first?.counts == [0, 2, 1, 0])
    }
}

import CapableCore
import Fluent
import Foundation

/// The mandatory training the source council's Corporate Management Team agreed, for all staff
/// and for all managers, each with its reason as the council gives it. Loaded on first start (and
/// by `capable seed`) with fixed ids, so loading again adds nothing and never undoes HR's edits.
/// The refresher periods are starting values for HR to set; the source does not give them.
enum BuiltInLearning {
    struct Entry {
        var course: UUID
        var requirement: UUID
        var code: String
        var title: String
        var summary: String
        var mode: Course.Mode
        var duration: String
        var validityMonths: Int?
        var managersOnly: Bool
        var reason: String
        /// The framework capabilities and behaviours it develops.
        var elements: [UUID]
    }

    enum Element {
        static let complyWithLegislation = UUID(uuidString: "e32d4458-a9b5-544e-84e6-4490c374066d")!
        static let manageRisk = UUID(uuidString: "22e6855a-2489-5232-9372-37cfb5bc3e27")!
        static let commitmentToEqualities = UUID(uuidString: "f2a56a07-5d67-5cae-86d5-77e4140b15da")!
        static let customerPromise = UUID(uuidString: "e92559c3-fb2b-5ec8-91ac-1428becbdb21")!
        static let appliesHRProcesses = UUID(uuidString: "66f6b9c0-6fbd-5833-8645-733c2ffae6d0")!
        static let usingResourcesWell = UUID(uuidString: "b8f0e3d3-ec3d-5c7c-ac3b-ca9d4011178d")!
    }

    static let entries: [Entry] = [
        Entry(course: UUID(uuidString: "35354dca-ab80-5d0a-b04d-e23d61845a89")!, requirement: UUID(uuidString: "420f87b8-5d87-57bb-a1a1-e9f9f3d30c52")!,
              code: "IG-01", title: "Information Governance", summary: "Using council information and data properly: data protection, records, sharing and security.",
              mode: .online, duration: "45 minutes", validityMonths: 24, managersOnly: false,
              reason: "So that all staff understand their responsibility for using council information and data properly as we become a more data-led organisation.",
              elements: [Element.complyWithLegislation, Element.manageRisk]),
        Entry(course: UUID(uuidString: "bbc8454d-d9bb-5b7b-be44-adbbe962c21b")!, requirement: UUID(uuidString: "cbef051d-92cc-51bc-a5ca-87bda5ddd15a")!,
              code: "HS-01", title: "Health and Safety", summary: "Your responsibilities for your own safety and the safety of others at work.",
              mode: .online, duration: "1 hour", validityMonths: 36, managersOnly: false,
              reason: "So all staff are aware of their responsibilities for the safety of themselves and others.",
              elements: [Element.complyWithLegislation, Element.manageRisk]),
        Entry(course: UUID(uuidString: "c9efbe95-f815-51b2-813c-470fd14eca94")!, requirement: UUID(uuidString: "468a4bc0-c517-55bf-81ac-3365ae018f4f")!,
              code: "FIRE-01", title: "Fire Safety", summary: "Fire precautions and emergency arrangements in the workplace, with a walk-through of your building's evacuation.",
              mode: .faceToFace, duration: "2 hours", validityMonths: 24, managersOnly: false,
              reason: "So all staff know the fire precautions and emergency arrangements in the workplace and what they can do to prevent fires happening and spreading.",
              elements: [Element.complyWithLegislation, Element.manageRisk]),
        Entry(course: UUID(uuidString: "25ebdbce-c394-52d8-88ae-76d463fd2dcb")!, requirement: UUID(uuidString: "54dc7f66-d986-5149-81fa-f672c439171d")!,
              code: "FRAUD-01", title: "Fraud, Bribery and Corruption", summary: "Recognising and reporting fraud, bribery and corruption.",
              mode: .online, duration: "30 minutes", validityMonths: 36, managersOnly: false,
              reason: "To protect public assets by raising awareness of the need to be vigilant against fraud, bribery and corruption.",
              elements: [Element.complyWithLegislation, Element.usingResourcesWell]),
        Entry(course: UUID(uuidString: "787460eb-5fc7-514c-93fe-00d8b9cc4422")!, requirement: UUID(uuidString: "2296aa81-6ffa-576b-8408-6851b22df644")!,
              code: "SAFE-01", title: "Child Protection, Adult Protection and Corporate Parenting",
              summary: "Protecting children and vulnerable adults from harm, reporting concerns, and our responsibility for children brought up in council care.",
              mode: .online, duration: "1 hour", validityMonths: 36, managersOnly: false,
              reason: "So staff understand that we all have a responsibility to protect children and vulnerable adults from risk of harm and a duty to report any concerns to the appropriate authority; and to raise awareness of our responsibility for children who have been brought up in council care.",
              elements: [Element.complyWithLegislation, Element.manageRisk]),
        Entry(course: UUID(uuidString: "56111129-9d6b-5b5a-89c4-d17fc1eeee7f")!, requirement: UUID(uuidString: "84a0166c-084b-5899-a45f-0bde204a86e3")!,
              code: "ED-01", title: "Equality and Diversity", summary: "Our duties under the Equality Act 2010 and being inclusive in everyday work.",
              mode: .online, duration: "45 minutes", validityMonths: 36, managersOnly: false,
              reason: "So that we meet our duties under the Equality Act 2010 to eliminate unlawful discrimination, harassment and victimisation, to advance equal opportunity and to be inclusive.",
              elements: [Element.complyWithLegislation, Element.commitmentToEqualities]),
        Entry(course: UUID(uuidString: "7cb92cae-ab52-56e4-a9e4-3daca22094f8")!, requirement: UUID(uuidString: "ed0de50b-2998-5f65-a87c-00413b8d03cf")!,
              code: "CS-01", title: "Customer Service", summary: "Our approach to customer service: the We Care Charter and Commitments.",
              mode: .online, duration: "30 minutes", validityMonths: nil, managersOnly: false,
              reason: "So all staff understand our approach to customer service including our We Care Charter and Commitments.",
              elements: [Element.customerPromise]),
        Entry(course: UUID(uuidString: "2c93fb43-4caa-58a4-81e0-04658d680188")!, requirement: UUID(uuidString: "991e7416-43bf-5578-8202-81195215c958")!,
              code: "HRPOL-01", title: "HR Policy Awareness", summary: "Recruiting and managing staff under the council's HR policies.",
              mode: .faceToFace, duration: "Half a day", validityMonths: 36, managersOnly: true,
              reason: "So that staff are recruited and managed effectively and sensitively with judgement and discretion.",
              elements: [Element.complyWithLegislation, Element.appliesHRProcesses]),
        Entry(course: UUID(uuidString: "5266ba36-6e19-5e2b-b661-1896b8b7aaae")!, requirement: UUID(uuidString: "770f1fa3-ef62-554c-820c-635a5e6789d8")!,
              code: "MHW-01", title: "Mentally Healthy Workplaces", summary: "Managing in a way that reduces risk to mental health, and giving support where it is needed.",
              mode: .blended, duration: "1 day", validityMonths: 36, managersOnly: true,
              reason: "So that staff are managed in a way that reduces risk to mental health and are given the necessary support where required.",
              elements: [Element.manageRisk]),
    ]

    /// Days a new starter (or a new manager) has to complete each built-in requirement.
    static let dueWithinDays = 90

    /// Adds whichever built-in courses and requirements are missing; returns how many courses were added.
    @discardableResult
    static func load(today: CalendarDate = .today, on db: any Database) async throws -> Int {
        try await db.writeTransaction { tx in
            var added = 0
            for entry in entries where try await Course.find(entry.course, on: tx) == nil {
                let course = Course()
                course.id = entry.course
                course.code = entry.code
                course.title = entry.title
                course.summary = entry.summary
                course.mode = entry.mode.rawValue
                course.provider = "Workforce Development"
                course.duration = entry.duration
                course.validityMonths = entry.validityMonths
                try await course.create(on: tx)
                for element in entry.elements { try await CourseElement(courseID: entry.course, elementID: element).create(on: tx) }
                let requirement = TrainingRequirement()
                requirement.id = entry.requirement
                requirement.$course.id = entry.course
                let audience = entry.managersOnly ? Audience(name: "All managers", rules: [.allManagers]) : Audience(name: "All staff", rules: [.allStaff])
                requirement.audienceJSON = String(decoding: try JSONEncoder().encode(audience), as: UTF8.self)
                requirement.reason = entry.reason
                requirement.dueWithinDays = dueWithinDays
                requirement.appliesFrom = today.description
                try await requirement.create(on: tx)
                try await Audit.append("create", entity: Course.auditEntity, id: entry.course.uuidString,
                                       changes: FieldChange.diff(before: [:], after: course.auditSnapshot), context: .system, on: tx)
                try await Audit.append("create", entity: TrainingRequirement.auditEntity, id: entry.requirement.uuidString,
                                       changes: FieldChange.diff(before: [:], after: requirement.auditSnapshot), context: .system, on: tx)
                added += 1
            }
            if added > 0 { try await ComplianceRecords.refresh(today: today, on: tx) }
            return added
        }
    }
}

import CapableCore
import Foundation

/// Criteria as the specification, the score sheets and the API show them: framework criteria
/// under their value or principle (in framework order), then the experience-and-knowledge section.
enum CriterionGroups {
    struct Criterion: Encodable, Sendable {
        var id: UUID
        var section: String
        var elementID: UUID?
        var code: String?
        var elementTitle: String?
        var text: String
        var essential: Bool
        var assessedAt: [AssessmentMethod]

        var assessedWords: String { AssessmentMethod.words(Set(assessedAt)) }
        var essentialWord: String { essential ? "Essential" : "Desirable" }
        /// "CV.1.MB2" or "Experience 1": how messages and labels name the criterion.
        var name: String
    }

    struct Group: Encodable, Sendable {
        var elementID: UUID?
        var code: String
        var title: String
        /// What the top-level element is ("value", "principle", "capability"), for the heading.
        var kind: String
        var framework: String
        var criteria: [Criterion]

        var heading: String { code.isEmpty ? title : "\(code) \(title)" }
    }

    struct Input {
        var id: UUID
        var section: SpecificationCriterion.Section
        var elementID: UUID?
        var text: String
        var essential: Bool
        var methods: Set<AssessmentMethod>
        var position: Int
    }

    static func input(_ criterion: SpecificationCriterion) -> Input? {
        criterion.id.map { Input(id: $0, section: criterion.sectionValue, elementID: criterion.elementID, text: criterion.text,
                                 essential: criterion.essential, methods: criterion.methods, position: criterion.position) }
    }

    static func input(_ criterion: InterviewCriterion) -> Input? {
        criterion.id.map { Input(id: $0, section: SpecificationCriterion.Section(rawValue: criterion.section) ?? .experience,
                                 elementID: criterion.elementID, text: criterion.text, essential: criterion.essential,
                                 methods: [.interview], position: criterion.position) }
    }

    /// Groups criteria (in position order) by their element's top-level value or principle.
    /// Framework criteria whose element no published framework has any more go in a last group.
    static func group(_ inputs: [Input], info: [UUID: ElementInfo]) -> (groups: [Group], experience: [Criterion]) {
        let sorted = inputs.sorted { $0.position < $1.position }
        var groups: [Group] = []
        var orphans: [Criterion] = []
        var experience: [Criterion] = []
        for input in sorted {
            let element = input.elementID.flatMap { info[$0] }
            let name = element?.code ?? (input.section == .experience ? "experience criterion \(experience.count + 1)" : "this criterion")
            let criterion = Criterion(id: input.id, section: input.section.rawValue, elementID: input.elementID, code: element?.code,
                                      elementTitle: element?.title, text: input.text, essential: input.essential,
                                      assessedAt: input.methods.sorted(), name: name)
            if input.section == .experience {
                experience.append(criterion)
            } else if let element {
                if let index = groups.firstIndex(where: { $0.elementID == element.group.id }) {
                    groups[index].criteria.append(criterion)
                } else {
                    groups.append(Group(elementID: element.group.id, code: element.group.code, title: element.group.title,
                                        kind: element.group.kind.rawValue, framework: element.frameworkTitle, criteria: [criterion]))
                }
            } else {
                orphans.append(criterion)
            }
        }
        if !orphans.isEmpty {
            groups.append(Group(elementID: nil, code: "", title: "Framework elements no longer published", kind: "", framework: "", criteria: orphans))
        }
        return (groups, experience)
    }
}

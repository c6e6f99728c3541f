/// Where a person-specification criterion is assessed: on the application form, at the
/// interview, or by a test or exercise. A criterion is assessed in at least one place.
public enum AssessmentMethod: String, CaseIterable, Codable, Sendable, Comparable {
    case application, interview, test

    /// The word shown to people.
    public var label: String {
        switch self {
        case .application: "Application"
        case .interview: "Interview"
        case .test: "Test"
        }
    }

    public static func < (lhs: AssessmentMethod, rhs: AssessmentMethod) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)
    }

    /// Methods as stored: raw values in a fixed order, comma-separated ("application,interview").
    public static func encode(_ methods: Set<AssessmentMethod>) -> String {
        methods.sorted().map(\.rawValue).joined(separator: ",")
    }

    /// The stored form read back; unknown words are ignored.
    public static func decode(_ text: String) -> Set<AssessmentMethod> {
        Set(text.split(separator: ",").compactMap { AssessmentMethod(rawValue: $0.trimmingCharacters(in: .whitespaces)) })
    }

    /// "Application and interview", "Application, interview and test": for tables and print.
    public static func words(_ methods: Set<AssessmentMethod>) -> String {
        let labels = methods.sorted().enumerated().map { $0.offset == 0 ? $0.element.label : $0.element.label.lowercased() }
        switch labels.count {
        case 0: return "Not assessed"
        case 1: return labels[0]
        default: return labels.dropLast().joined(separator: ", ") + " and " + (labels.last ?? "")
        }
    }
}

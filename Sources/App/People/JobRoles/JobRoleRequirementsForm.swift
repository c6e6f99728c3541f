import CapableCore
import Fluent
import Vapor

/// The form HR and administrators use to choose a role's framework requirements: every element
/// of each framework's current version, grouped by framework and value or principle, each with
/// "not needed / essential / desirable" and a level on that framework's rating scale.
enum JobRoleRequirementsForm {
    /// What the browser sends: `need[<element id>]` is "essential" or "desirable" (empty: not
    /// needed) and `level[<element id>]` a level number (empty: any level).
    struct Form: Content {
        var need: [String: String]?
        var level: [String: String]?
    }

    /// The requirements the form asks for, with the form field each one came from (for errors).
    /// Elements are taken in the order the page lists them, then any the page does not list.
    static func requirements(_ form: Form, order: [UUID]) -> (requirements: [JobRoles.Requirement], errors: [FieldError]) {
        var errors: [FieldError] = []
        var wanted: [UUID: JobRoles.Requirement] = [:]
        for (key, need) in (form.need ?? [:]).sorted(by: { $0.key < $1.key }) where !need.isEmpty {
            guard let id = UUID(uuidString: key) else {
                errors.append(.init(field: "need-\(key)", message: "“\(key)” is not a framework element identifier"))
                continue
            }
            guard need == "essential" || need == "desirable" else {
                errors.append(.init(field: fieldID("need", id), message: "Choose essential, desirable or not needed"))
                continue
            }
            let levelText = form.level?[key] ?? ""
            let level = levelText.isEmpty ? nil : Int(levelText)
            if !levelText.isEmpty && level == nil {
                errors.append(.init(field: fieldID("level", id), message: "Choose a level from the list"))
            }
            wanted[id] = .init(elementId: id, level: level, essential: need == "essential")
        }
        let listed = order.compactMap { wanted[$0] }
        let unlisted = wanted.values.filter { !order.contains($0.elementId) }.sorted { $0.elementId.uuidString < $1.elementId.uuidString }
        return (listed + unlisted, errors)
    }

    /// The id of an element's control on the page.
    static func fieldID(_ control: String, _ element: UUID) -> String { "\(control)-\(element.uuidString.lowercased())" }

    /// Maps an API field (`requirements[3].elementId`) to the control on the page.
    static func formField(_ apiField: String, requirements: [JobRoles.Requirement]) -> String {
        guard apiField.hasPrefix("requirements["), let close = apiField.firstIndex(of: "]"),
              let index = Int(apiField[apiField.index(apiField.startIndex, offsetBy: 13)..<close]),
              requirements.indices.contains(index)
        else { return apiField }
        return fieldID(apiField.hasSuffix(".level") ? "level" : "need", requirements[index].elementId)
    }
}

import Foundation

/// Checks a CASE package and builds a framework from it. Every check runs, so one import reports
/// every problem; the tree is then built from what could be understood and validated as a whole.
struct CASEImporter {
    /// What a valid item stands for.
    enum Role: Equatable {
        case element(FrameworkDocument.Element.Kind)
        case indicator(FrameworkDocument.Indicator.Kind?)
    }

    /// Where an item hangs: under the document, under another item, or under something that was
    /// itself refused (then the item is left out rather than reported a second time).
    enum Parent: Hashable {
        case document, item(Int), unresolved
    }

    /// A parent or link with what orders it among its siblings.
    struct Placed<Value> {
        var value: Value
        var sequence: Int?
        var order: Int
    }

    let package: CFPackage
    var problems: [String] = []
    var documentID: UUID?
    /// Valid items (a unique UUID and a known type) by their id, as indexes into `package.items`.
    var index: [UUID: Int] = [:]
    var roles: [Int: Role] = [:]
    /// Every identifier written on an item, lowercased, valid or not: an association to a refused
    /// item is not reported again as dangling.
    var written: Set<String> = []
    var parents: [Int: [Placed<Parent>]] = [:]
    var links: [Int: [Placed<FrameworkDocument.Link>]] = [:]
    var associationIDs: Set<UUID> = []
    /// Ids used by more than one item: associations from them are ambiguous, so they are not followed.
    var duplicated: Set<UUID> = []

    init(package: CFPackage) { self.package = package }

    mutating func run() -> FrameworkDocument? {
        guard let document = package.document else {
            problems.append("The file has no CFDocument, so there is no framework to import.")
            return nil
        }
        documentID = UUID(uuidString: document.identifier)
        if document.identifier.isEmpty {
            problems.append("The CFDocument has no identifier.")
        } else if documentID == nil {
            problems.append("The CFDocument's identifier “\(document.identifier)” is not a UUID.")
        }
        checkItems(document)
        for position in package.associations.indices {
            checkAssociation(position, document)
        }
        checkParents()
        checkIndicators()
        let framework = build(document)
        if let framework { problems += FrameworkDocument.validate(framework) }
        var seen: Set<String> = []
        problems = problems.filter { seen.insert($0).inserted }
        return framework
    }

    // MARK: Naming

    /// "CFItem CV.1 (420a2d90-…)", or as much of that as the item has.
    func name(_ position: Int) -> String {
        let item = package.items[position]
        let code = item.humanCodingScheme?.trimmingCharacters(in: .whitespaces) ?? ""
        switch (code.isEmpty, item.identifier.isEmpty) {
        case (false, false): return "CFItem \(code) (\(item.identifier))"
        case (false, true): return "CFItem \(code)"
        case (true, false): return "CFItem \(item.identifier)"
        case (true, true): return "CFItem number \(position + 1)"
        }
    }

    /// "CFAssociation 1b2c… (isChildOf)", or its place in the file when it has no identifier.
    func associationName(_ position: Int) -> String {
        let association = package.associations[position]
        let id = association.identifier.isEmpty ? "number \(position + 1)" : association.identifier
        let type = association.associationType.isEmpty ? "" : " (\(association.associationType))"
        return "CFAssociation \(id)\(type)"
    }

    /// A short name for an item in a list: its code, else its identifier.
    func shortName(_ position: Int) -> String {
        let code = package.items[position].humanCodingScheme?.trimmingCharacters(in: .whitespaces) ?? ""
        return code.isEmpty ? package.items[position].identifier : code
    }

    // MARK: Items

    private mutating func checkItems(_ document: CFDocument) {
        for (position, item) in package.items.enumerated() {
            let name = name(position)
            if !item.identifier.isEmpty { written.insert(item.identifier.lowercased()) }
            let id = UUID(uuidString: item.identifier)
            if item.identifier.isEmpty {
                problems.append("\(name) has no identifier.")
            } else if id == nil {
                problems.append("\(name) has the identifier “\(item.identifier)”, which is not a UUID.")
            } else if id == documentID {
                problems.append("\(name) has the same identifier as the CFDocument.")
            } else if let id, index[id] != nil {
                problems.append("\(name) has the same identifier as another CFItem.")
                duplicated.insert(id)
            }
            if let other = item.documentURI?.identifier, let documentID, UUID(uuidString: other) != documentID {
                problems.append("\(name) belongs to another CFDocument (\(other)), not this one.")
            }
            let role = Self.role(item)
            if role == nil {
                let type = item.itemType.map { "the CFItemType “\($0)”, which Capable does not know" } ?? "no CFItemType"
                problems.append("\(name) has \(type) (expected Principle, Value, Capability, Behaviour, Standard, Skill, Knowledge or Indicator).")
            }
            if let id, let role, id != documentID, index[id] == nil {
                index[id] = position
                roles[position] = role
            }
        }
    }

    static func role(_ item: CFItem) -> Role? {
        guard let type = item.itemType?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        if type == CASE.indicatorItemType.lowercased() {
            let keywords = Set((item.conceptKeywords ?? []).map {
                $0.replacingOccurrences(of: "\u{2019}", with: "'").trimmingCharacters(in: .whitespaces).lowercased()
            })
            let looks = keywords.contains(CASE.looksLikeKeyword)
            let doesNot = keywords.contains(CASE.doesNotLookLikeKeyword) || keywords.contains("does not look like")
            return .indicator(looks == doesNot ? nil : (looks ? .looksLike : .doesNotLookLike))
        }
        if type == "behavior" { return .element(.behaviour) }
        return FrameworkDocument.Element.Kind(rawValue: type).map(Role.element)
    }
}

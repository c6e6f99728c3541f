import Foundation

/// Building the framework from the checked package.
extension CASEImporter {
    /// The framework, built from every item that could be placed; nil without a document. Items in a
    /// loop of parents are never reached from the document, so they are left out (and reported).
    mutating func build(_ document: CFDocument) -> FrameworkDocument? {
        var children: [Parent: [Placed<Int>]] = [:]
        for position in roles.keys {
            let parent = parents[position]?.first
            children[parent?.value ?? .document, default: []]
                .append(Placed(value: position, sequence: parent?.sequence, order: position))
        }
        let ordered = children.mapValues { Self.ordered($0) }
        let elements = (ordered[.document] ?? []).compactMap { element($0, ordered) }
        let fields = document.extensions?.capable

        var kind = FrameworkDocument.Kind.custom
        if let raw = fields?.kind {
            if let known = FrameworkDocument.Kind(rawValue: raw) { kind = known } else {
                problems.append("The CFDocument has the kind “\(raw)” in extensions.capable (expected \(Self.list(FrameworkDocument.Kind.allCases))).")
            }
        }
        var status = Self.status(adoption: document.adoptionStatus)
        if let raw = fields?.status {
            if let known = FrameworkDocument.Status(rawValue: raw) { status = known } else {
                problems.append("The CFDocument has the status “\(raw)” in extensions.capable (expected \(Self.list(FrameworkDocument.Status.allCases))).")
            }
        }
        return FrameworkDocument(
            // A document without a usable identifier has been reported; any id lets validation run.
            id: documentID ?? UUID(), title: document.title, description: document.description ?? "",
            owner: document.creator, kind: kind, status: status, version: Self.version(document.version),
            implementedOn: document.statusStartDate, amendedOn: fields?.amendedOn, datesAsWritten: fields?.datesAsWritten,
            source: fields?.source ?? document.uri, elements: elements, scale: fields?.ratingScale)
    }

    /// By sequence number, those without one last, then by file order.
    static func ordered<Value>(_ placed: [Placed<Value>]) -> [Value] {
        placed.sorted { ($0.sequence ?? Int.max, $0.order) < ($1.sequence ?? Int.max, $1.order) }.map(\.value)
    }

    private mutating func element(_ position: Int, _ children: [Parent: [Int]]) -> FrameworkDocument.Element? {
        let item = package.items[position]
        guard case .element(let kind) = roles[position], let id = UUID(uuidString: item.identifier) else { return nil }
        let under = children[.item(position)] ?? []
        let indicators = under.compactMap { child -> FrameworkDocument.Indicator? in
            guard case .indicator(let kind?) = roles[child] else { return nil }
            return FrameworkDocument.Indicator(kind: kind, text: package.items[child].fullStatement)
        }
        let fields = item.extensions?.capable
        var audience = FrameworkDocument.Element.Audience.allStaff
        if let raw = fields?.audience {
            if let known = FrameworkDocument.Element.Audience(rawValue: raw) { audience = known } else {
                problems.append("\(name(position)) has the audience “\(raw)” in extensions.capable (expected \(Self.list(FrameworkDocument.Element.Audience.allCases))).")
            }
        }
        return FrameworkDocument.Element(
            id: id, code: item.humanCodingScheme ?? "", kind: kind,
            title: item.abbreviatedStatement ?? item.fullStatement, statement: item.fullStatement, audience: audience,
            whyItMatters: fields?.whyItMatters, whatItMeansForMe: fields?.whatItMeansForMe,
            indicators: indicators, links: Self.ordered(links[position] ?? []),
            children: under.compactMap { element($0, children) })
    }

    /// CASE's adoption status, for a file without Capable's own status: anything unfamiliar
    /// (such as "Private Draft") is a draft, the safe reading.
    static func status(adoption: String?) -> FrameworkDocument.Status {
        switch adoption?.trimmingCharacters(in: .whitespaces).lowercased() {
        case "adopted": .published
        case "deprecated": .retired
        default: .draft
        }
    }

    /// CASE versions are text ("2", "1.3"); Capable's are whole numbers, so the leading number is taken.
    static func version(_ text: String?) -> Int {
        let digits = (text ?? "").trimmingCharacters(in: .whitespaces).prefix { $0.isASCII && $0.isNumber }
        return Int(digits).flatMap { $0 >= 1 ? $0 : nil } ?? 1
    }

    private static func list<Value: RawRepresentable<String>>(_ values: [Value]) -> String {
        values.map(\.rawValue).joined(separator: ", ")
    }
}

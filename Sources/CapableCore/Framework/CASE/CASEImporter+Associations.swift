import Foundation

/// Checking associations: identifiers, both ends, parents, loops and where indicators sit.
extension CASEImporter {
    /// What one end of an association points at.
    enum End: Equatable {
        case document, item(Int)
        /// An item that was itself refused; not reported again.
        case refused
        case missing
    }

    func resolve(_ link: CFLinkURI?) -> End {
        guard let link, !link.identifier.isEmpty else { return .missing }
        if let id = UUID(uuidString: link.identifier) {
            if id == documentID { return .document }
            if duplicated.contains(id) { return .refused }
            if let position = index[id] { return .item(position) }
        }
        if link.identifier.lowercased() == package.document?.identifier.lowercased() { return .document }
        return written.contains(link.identifier.lowercased()) ? .refused : .missing
    }

    /// “abc…”, for an end that is not in the package.
    private func reference(_ link: CFLinkURI?) -> String {
        guard let link else { return "(none given)" }
        return link.identifier.isEmpty ? "(no identifier)" : "“\(link.identifier)”"
    }

    mutating func checkAssociation(_ position: Int, _ document: CFDocument) {
        let association = package.associations[position]
        let name = associationName(position)
        let id = UUID(uuidString: association.identifier)
        if association.identifier.isEmpty {
            problems.append("\(name) has no identifier.")
        } else if let id {
            if !associationIDs.insert(id).inserted { problems.append("\(name) has the same identifier as another CFAssociation.") }
        } else {
            problems.append("\(name) has the identifier “\(association.identifier)”, which is not a UUID.")
        }
        if let other = association.documentURI?.identifier, let documentID, UUID(uuidString: other) != documentID {
            problems.append("\(name) belongs to another CFDocument (\(other)), not this one.")
        }
        switch association.associationType {
        case CASE.isChildOf: checkChildOf(position, name)
        case CASE.isRelatedTo: checkRelatedTo(position, name)
        default: break  // Other CASE relations have nothing to map to; see ``CASE``.
        }
    }

    private mutating func checkChildOf(_ position: Int, _ name: String) {
        let association = package.associations[position]
        let origin = resolve(association.originNodeURI), destination = resolve(association.destinationNodeURI)
        if destination == .missing {
            problems.append("\(name): its destination \(reference(association.destinationNodeURI)) is not in the package.")
        }
        switch origin {
        case .item(let child):
            let parent: Parent = switch destination {
            case .document: .document
            case .item(let item): .item(item)
            case .refused, .missing: .unresolved
            }
            parents[child, default: []].append(Placed(value: parent, sequence: association.sequenceNumber, order: position))
        case .document:
            problems.append("\(name) puts the CFDocument under \(reference(association.destinationNodeURI)); the document is the root.")
        case .refused:
            break
        case .missing:
            problems.append("\(name): its origin \(reference(association.originNodeURI)) is not a CFItem in the package.")
        }
    }

    private mutating func checkRelatedTo(_ position: Int, _ name: String) {
        let association = package.associations[position]
        let origin: Int
        switch resolve(association.originNodeURI) {
        case .item(let item) where roles[item].map({ if case .element = $0 { true } else { false } }) == true:
            origin = item
        case .item(let item):
            problems.append("\(name) links from the indicator \(self.name(item)); only elements have links.")
            return
        case .document:
            problems.append("\(name) starts at the CFDocument; Capable reads links only from elements.")
            return
        case .refused:
            return
        case .missing:
            problems.append("\(name): its origin \(reference(association.originNodeURI)) is not a CFItem in the package.")
            return
        }
        let fields = association.extensions?.capable
        let type: FrameworkDocument.Link.LinkType
        switch fields?.linkType {
        case nil, "relatedTo": type = .relatedTo
        case "supports": type = .supports
        case let other?:
            problems.append("\(name) has the link type “\(other)” in extensions.capable (expected supports or relatedTo).")
            return
        }
        guard let destination = association.destinationNodeURI else {
            problems.append("\(name) has no destinationNodeURI.")
            return
        }
        let target: String
        if destination.uri.hasPrefix(CASE.organisationalCapabilityURIPrefix) {
            let encoded = String(destination.uri.dropFirst(CASE.organisationalCapabilityURIPrefix.count))
            target = FrameworkDocument.Link.organisational(encoded.removingPercentEncoding ?? encoded).target
        } else if let id = UUID(uuidString: destination.identifier) {
            // The extension keeps an upper-case target's spelling; it counts only while it names the same id.
            target = fields?.target.flatMap { UUID(uuidString: $0) == id ? $0 : nil } ?? destination.identifier
        } else {
            problems.append("\(name) points at \(reference(destination)), which is neither a UUID nor an organisational capability (\(CASE.organisationalCapabilityURIPrefix)…).")
            return
        }
        let link = FrameworkDocument.Link(type: type, target: target)
        links[origin, default: []].append(Placed(value: link, sequence: association.sequenceNumber, order: position))
    }

    /// Two parents, loops of parents, and indicators out of place.
    mutating func checkParents() {
        for child in parents.keys.sorted() {
            guard let placed = parents[child], placed.count > 1 else { continue }
            let names = placed.map { parentName($0.value) }
            problems.append("\(name(child)) has more than one parent (\(names.joined(separator: ", "))); each element can sit in only one place.")
        }
        var next = [Int?](repeating: nil, count: package.items.count)
        for (child, placed) in parents {
            if case .item(let parent) = placed[0].value { next[child] = parent }
        }
        for loop in LoopFinder.loops(next: next) {
            let names = loop.map(shortName)
            problems.append("The CFItems \(LoopFinder.describe(names, startingAt: 0)) are each other's parents: their isChildOf associations go round in a loop.")
        }
    }

    private func parentName(_ parent: Parent) -> String {
        switch parent {
        case .document: "the CFDocument"
        case .item(let item): shortName(item)
        case .unresolved: "an item not in the package"
        }
    }

    mutating func checkIndicators() {
        for position in roles.keys.sorted() {
            let parent = parents[position]?.first?.value
            var parentIsIndicator = false
            if case .item(let item) = parent, case .indicator = roles[item] { parentIsIndicator = true }
            switch roles[position] {
            case .indicator(let kind):
                if kind == nil {
                    problems.append("\(name(position)) is an Indicator, so its conceptKeywords must be [\"\(CASE.looksLikeKeyword)\"] or [\"\(CASE.doesNotLookLikeKeyword)\"].")
                }
                if parent == nil || parent == .document {
                    problems.append("\(name(position)) is an Indicator, so it must sit under an element, not at the top level.")
                } else if case .item(let item) = parent, parentIsIndicator {
                    problems.append("\(name(position)) cannot sit under another indicator, \(name(item)).")
                }
            case .element(let kind):
                if case .item(let item) = parent, parentIsIndicator {
                    problems.append("The \(kind.rawValue) \(name(position)) cannot sit under the indicator \(name(item)).")
                }
            case nil:
                break
            }
        }
    }
}

import Foundation

extension CASE {
    /// The framework as a CASE v1.1 package (see ``CASE`` for the mapping).
    /// - Parameters:
    ///   - baseURI: where the CASE API would serve it, e.g. "https://capable.example.gov.uk/ims/case/v1p1";
    ///     each node's `uri` is `<baseURI>/CFDocuments|CFItems|CFAssociations/<identifier>`.
    ///   - lastChange: written as every node's `lastChangeDateTime`.
    public static func export(_ document: FrameworkDocument, baseURI: String, lastChange: Date) -> CFPackage {
        var exporter = CASEExporter(document: document, baseURI: baseURI, lastChange: lastChange)
        for (index, element) in document.elements.enumerated() {
            exporter.add(element, under: exporter.documentLink, position: index + 1)
        }
        return CFPackage(document: exporter.caseDocument(), items: exporter.items, associations: exporter.associations)
    }
}

/// Builds a package depth-first, each item followed by its indicators, links and children.
struct CASEExporter {
    let document: FrameworkDocument
    let base: String
    let stamp: String
    var items: [CFItem] = []
    var associations: [CFAssociation] = []

    init(document: FrameworkDocument, baseURI: String, lastChange: Date) {
        self.document = document
        var base = baseURI
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        stamp = formatter.string(from: lastChange)
    }

    var documentLink: CFLinkURI {
        CFLinkURI(title: document.title, identifier: document.id.caseIdentifier, uri: uri("CFDocuments", document.id))
    }

    func uri(_ collection: String, _ id: UUID) -> String { "\(base)/\(collection)/\(id.caseIdentifier)" }

    func caseDocument() -> CFDocument {
        var result = CFDocument(identifier: document.id.caseIdentifier, uri: uri("CFDocuments", document.id),
                                creator: document.owner, title: document.title, lastChangeDateTime: stamp)
        result.caseVersion = "1.1"
        result.description = document.description
        result.language = "en"
        result.version = String(document.version)
        result.adoptionStatus = switch document.status {
        case .draft: "Draft"
        case .published: "Adopted"
        case .superseded, .retired: "Deprecated"
        }
        result.statusStartDate = document.implementedOn
        result.extensions = CASEExtensions(capable: CASEDocumentExtension(
            kind: document.kind.rawValue, status: document.status.rawValue, amendedOn: document.amendedOn,
            datesAsWritten: document.datesAsWritten, source: document.source, ratingScale: document.scale))
        return result
    }

    mutating func add(_ element: FrameworkDocument.Element, under parent: CFLinkURI, position: Int) {
        var item = CFItem(identifier: element.id.caseIdentifier, uri: uri("CFItems", element.id),
                          fullStatement: element.statement, lastChangeDateTime: stamp)
        item.abbreviatedStatement = element.title
        item.humanCodingScheme = element.code
        item.itemType = element.kind.caseItemType
        item.language = "en"
        item.extensions = CASEExtensions(capable: CASEItemExtension(
            audience: element.audience.rawValue, whyItMatters: element.whyItMatters,
            whatItMeansForMe: element.whatItMeansForMe))
        items.append(item)
        let link = CFLinkURI(title: element.title, identifier: item.identifier, uri: item.uri)
        addChildOf(origin: link, id: element.id, destination: parent, position: position)

        for (index, indicator) in element.indicators.enumerated() {
            addIndicator(indicator, of: element, under: link, position: index + 1)
        }
        for (index, target) in element.links.enumerated() {
            addLink(target, from: element, origin: link, position: index + 1)
        }
        for (index, child) in element.children.enumerated() {
            add(child, under: link, position: index + 1)
        }
    }

    private mutating func addChildOf(origin: CFLinkURI, id: UUID, destination: CFLinkURI, position: Int) {
        let associationID = UUID.nameBased(namespace: id, name: CASE.isChildOf)
        associations.append(CFAssociation(
            identifier: associationID.caseIdentifier, uri: uri("CFAssociations", associationID),
            associationType: CASE.isChildOf, originNodeURI: origin, destinationNodeURI: destination,
            sequenceNumber: position, lastChangeDateTime: stamp))
    }

    private mutating func addIndicator(_ indicator: FrameworkDocument.Indicator, of element: FrameworkDocument.Element,
                                       under parent: CFLinkURI, position: Int) {
        let id = UUID.nameBased(namespace: element.id, name: "indicator/\(position)")
        var item = CFItem(identifier: id.caseIdentifier, uri: uri("CFItems", id),
                          fullStatement: indicator.text, lastChangeDateTime: stamp)
        item.itemType = CASE.indicatorItemType
        item.conceptKeywords = [indicator.kind == .looksLike ? CASE.looksLikeKeyword : CASE.doesNotLookLikeKeyword]
        item.language = "en"
        items.append(item)
        let origin = CFLinkURI(title: indicator.text, identifier: item.identifier, uri: item.uri)
        addChildOf(origin: origin, id: id, destination: parent, position: position)
    }

    private mutating func addLink(_ link: FrameworkDocument.Link, from element: FrameworkDocument.Element,
                                  origin: CFLinkURI, position: Int) {
        let associationID = UUID.nameBased(namespace: element.id, name: "link/\(position)")
        var extensionFields = CASEAssociationExtension(linkType: link.type == .supports ? "supports" : nil)
        let destination: CFLinkURI
        if let name = link.organisationalCapability {
            destination = Self.organisationalLink(name)
        } else if let target = link.elementID {
            destination = CFLinkURI(title: document.element(target)?.title ?? target.caseIdentifier,
                                    identifier: target.caseIdentifier, uri: uri("CFItems", target))
            if link.target != target.caseIdentifier { extensionFields.target = link.target }
        } else {
            // Validation refuses such a link; write it as it is so the import reports it by name.
            destination = CFLinkURI(title: link.target, identifier: link.target, uri: link.target)
        }
        var association = CFAssociation(
            identifier: associationID.caseIdentifier, uri: uri("CFAssociations", associationID),
            associationType: CASE.isRelatedTo, originNodeURI: origin, destinationNodeURI: destination,
            sequenceNumber: position, lastChangeDateTime: stamp)
        if extensionFields != CASEAssociationExtension() {
            association.extensions = CASEExtensions(capable: extensionFields)
        }
        associations.append(association)
    }

    /// Characters left as they are in a URN; everything else is percent-encoded.
    private static let urnSafe = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func organisationalLink(_ name: String) -> CFLinkURI {
        let encoded = name.addingPercentEncoding(withAllowedCharacters: urnSafe) ?? name
        let id = UUID.nameBased(namespace: .urlNamespace, name: CASE.organisationalCapabilityURIPrefix + name)
        return CFLinkURI(title: name, identifier: id.caseIdentifier,
                         uri: CASE.organisationalCapabilityURIPrefix + encoded, targetType: CASE.organisationalTargetType)
    }
}

import Foundation

/// A CASE `CFItem`: one element of a framework, or one of its indicators.
public struct CFItem: Codable, Sendable, Equatable {
    public var identifier: String
    public var uri: String
    public var fullStatement: String
    /// ISO 8601 date and time.
    public var lastChangeDateTime: String
    public var abbreviatedStatement: String?
    public var humanCodingScheme: String?
    /// The spec's `CFItemType`: "Capability", "Behaviour", "Indicator"…
    public var itemType: String?
    /// The spec's `CFDocumentURI`. The v1.1 package schema leaves it out of packaged items, so Capable
    /// never writes it; when a file has it, it must point at the package's own document.
    public var documentURI: CFLinkURI?
    public var conceptKeywords: [String]?
    public var language: String?
    public var notes: String?
    public var extensions: CASEExtensions<CASEItemExtension>?

    /// Creates an item with its required fields.
    public init(identifier: String, uri: String, fullStatement: String, lastChangeDateTime: String) {
        self.identifier = identifier; self.uri = uri; self.fullStatement = fullStatement
        self.lastChangeDateTime = lastChangeDateTime
    }

    enum CodingKeys: String, CodingKey {
        case identifier, uri, fullStatement, lastChangeDateTime, abbreviatedStatement, humanCodingScheme,
             itemType = "CFItemType", documentURI = "CFDocumentURI", conceptKeywords, language, notes, extensions
    }

    /// Decodes an item; missing required strings read as "".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.text(.identifier)
        uri = try container.text(.uri)
        fullStatement = try container.text(.fullStatement)
        lastChangeDateTime = try container.text(.lastChangeDateTime)
        abbreviatedStatement = try container.decodeIfPresent(String.self, forKey: .abbreviatedStatement)
        humanCodingScheme = try container.decodeIfPresent(String.self, forKey: .humanCodingScheme)
        itemType = try container.decodeIfPresent(String.self, forKey: .itemType)
        documentURI = try container.decodeIfPresent(CFLinkURI.self, forKey: .documentURI)
        conceptKeywords = try container.decodeIfPresent([String].self, forKey: .conceptKeywords)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        extensions = try container.decodeIfPresent(CASEExtensions<CASEItemExtension>.self, forKey: .extensions)
    }
}

/// A CASE `CFAssociation`: a typed, directed link from an origin node to a destination node.
public struct CFAssociation: Codable, Sendable, Equatable {
    public var identifier: String
    public var uri: String
    /// "isChildOf", "isRelatedTo"… or "ext:…".
    public var associationType: String
    /// Nil only when a file being imported leaves it out.
    public var originNodeURI: CFLinkURI?
    /// Nil only when a file being imported leaves it out.
    public var destinationNodeURI: CFLinkURI?
    /// The 1-based position among the destination's children (or the origin's links).
    public var sequenceNumber: Int?
    /// ISO 8601 date and time.
    public var lastChangeDateTime: String
    /// The spec's `CFDocumentURI`: not in the v1.1 package schema, so never written; checked when present.
    public var documentURI: CFLinkURI?
    public var notes: String?
    public var extensions: CASEExtensions<CASEAssociationExtension>?

    /// Creates an association.
    public init(identifier: String, uri: String, associationType: String, originNodeURI: CFLinkURI,
                destinationNodeURI: CFLinkURI, sequenceNumber: Int? = nil, lastChangeDateTime: String) {
        self.identifier = identifier; self.uri = uri; self.associationType = associationType
        self.originNodeURI = originNodeURI; self.destinationNodeURI = destinationNodeURI
        self.sequenceNumber = sequenceNumber; self.lastChangeDateTime = lastChangeDateTime
    }

    enum CodingKeys: String, CodingKey {
        case identifier, uri, associationType, originNodeURI, destinationNodeURI, sequenceNumber,
             lastChangeDateTime, documentURI = "CFDocumentURI", notes, extensions
    }

    /// Decodes an association; missing required strings read as "".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.text(.identifier)
        uri = try container.text(.uri)
        associationType = try container.text(.associationType)
        originNodeURI = try container.decodeIfPresent(CFLinkURI.self, forKey: .originNodeURI)
        destinationNodeURI = try container.decodeIfPresent(CFLinkURI.self, forKey: .destinationNodeURI)
        sequenceNumber = try container.decodeIfPresent(Int.self, forKey: .sequenceNumber)
        lastChangeDateTime = try container.text(.lastChangeDateTime)
        documentURI = try container.decodeIfPresent(CFLinkURI.self, forKey: .documentURI)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        extensions = try container.decodeIfPresent(CASEExtensions<CASEAssociationExtension>.self, forKey: .extensions)
    }
}

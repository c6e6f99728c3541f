import Foundation

// The parts of a 1EdTech CASE v1.1 CFPackage that Capable reads and writes. Property names are
// Swift-style; the coding keys are the spec's JSON names. Fields the spec requires are plain
// strings that decode as "" when missing, so the importer can report every missing one by name
// instead of the decoder stopping at the first. Unknown keys (CFDefinitions, CFRubrics,
// educationLevel…) are ignored on reading and never written.

/// A CASE v1.1 package: one framework document with its items and the associations between them.
public struct CFPackage: Codable, Sendable, Equatable {
    /// The framework itself; nil only when a file being imported has none.
    public var document: CFDocument?
    public var items: [CFItem]
    public var associations: [CFAssociation]

    /// Creates a package.
    public init(document: CFDocument?, items: [CFItem] = [], associations: [CFAssociation] = []) {
        self.document = document; self.items = items; self.associations = associations
    }

    enum CodingKeys: String, CodingKey {
        case document = "CFDocument", items = "CFItems", associations = "CFAssociations"
    }

    /// Decodes a package; missing `CFItems` or `CFAssociations` read as empty.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        document = try container.decodeIfPresent(CFDocument.self, forKey: .document)
        items = try container.decodeIfPresent([CFItem].self, forKey: .items) ?? []
        associations = try container.decodeIfPresent([CFAssociation].self, forKey: .associations) ?? []
    }
}

/// A CASE `CFDocument`: the framework's own fields.
public struct CFDocument: Codable, Sendable, Equatable {
    public var identifier: String
    public var uri: String
    public var creator: String
    public var title: String
    /// ISO 8601 date and time, e.g. "2025-01-31T09:00:00Z".
    public var lastChangeDateTime: String
    public var caseVersion: String?
    public var description: String?
    public var language: String?
    public var version: String?
    /// "Draft", "Adopted" or "Deprecated" (other tools add values such as "Private Draft").
    public var adoptionStatus: String?
    /// "yyyy-mm-dd".
    public var statusStartDate: String?
    /// "yyyy-mm-dd".
    public var statusEndDate: String?
    public var officialSourceURL: String?
    public var notes: String?
    public var extensions: CASEExtensions<CASEDocumentExtension>?

    /// Creates a document with its required fields.
    public init(identifier: String, uri: String, creator: String, title: String, lastChangeDateTime: String) {
        self.identifier = identifier; self.uri = uri; self.creator = creator; self.title = title
        self.lastChangeDateTime = lastChangeDateTime
    }

    enum CodingKeys: String, CodingKey {
        case identifier, uri, creator, title, lastChangeDateTime, caseVersion, description, language, version,
             adoptionStatus, statusStartDate, statusEndDate, officialSourceURL, notes, extensions
    }

    /// Decodes a document; missing required strings read as "".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        identifier = try container.text(.identifier)
        uri = try container.text(.uri)
        creator = try container.text(.creator)
        title = try container.text(.title)
        lastChangeDateTime = try container.text(.lastChangeDateTime)
        caseVersion = try container.decodeIfPresent(String.self, forKey: .caseVersion)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        language = try container.decodeIfPresent(String.self, forKey: .language)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        adoptionStatus = try container.decodeIfPresent(String.self, forKey: .adoptionStatus)
        statusStartDate = try container.decodeIfPresent(String.self, forKey: .statusStartDate)
        statusEndDate = try container.decodeIfPresent(String.self, forKey: .statusEndDate)
        officialSourceURL = try container.decodeIfPresent(String.self, forKey: .officialSourceURL)
        notes = try container.decodeIfPresent(String.self, forKey: .notes)
        extensions = try container.decodeIfPresent(CASEExtensions<CASEDocumentExtension>.self, forKey: .extensions)
    }
}

/// A CASE link (`LinkURI` / `LinkGenURI`): how an association or item points at another node.
public struct CFLinkURI: Codable, Sendable, Equatable {
    public var title: String
    public var identifier: String
    public var uri: String
    /// "CASE" or "ext:…"; Capable writes "ext:capable-organisational-capability" for organisational capabilities.
    public var targetType: String?

    /// Creates a link.
    public init(title: String, identifier: String, uri: String, targetType: String? = nil) {
        self.title = title; self.identifier = identifier; self.uri = uri; self.targetType = targetType
    }

    enum CodingKeys: String, CodingKey { case title, identifier, uri, targetType }

    /// Decodes a link; missing required strings read as "".
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        title = try container.text(.title)
        identifier = try container.text(.identifier)
        uri = try container.text(.uri)
        targetType = try container.decodeIfPresent(String.self, forKey: .targetType)
    }
}

extension KeyedDecodingContainer {
    /// A string that may be missing or null, read as "" so the importer reports it rather than the decoder.
    func text(_ key: Key) throws -> String {
        try decodeIfPresent(String.self, forKey: key) ?? ""
    }
}

import Foundation

/// Exchanging frameworks as 1EdTech CASE v1.1 JSON (a `CFPackage`), so other competency tools can
/// read what Capable publishes and Capable can take in frameworks written elsewhere.
///
/// ## Mapping
/// - **Framework → `CFDocument`.** `identifier` = the framework's stable id; `title`, `description`;
///   `creator` = owner; `version` = the version number as text; `adoptionStatus` = "Draft" (draft),
///   "Adopted" (published) or "Deprecated" (superseded and retired); `statusStartDate` = implementedOn;
///   `caseVersion` "1.1", `language` "en".
/// - **Element → `CFItem`.** `identifier` = element id, `humanCodingScheme` = code,
///   `abbreviatedStatement` = title, `fullStatement` = statement, `CFItemType` = "Principle", "Value",
///   "Capability", "Behaviour", "Standard", "Skill" or "Knowledge".
/// - **Tree → `isChildOf`.** Origin = the child, destination = its parent item, or the `CFDocument`
///   for a top-level element; `sequenceNumber` = 1-based position among the siblings.
/// - **Indicator → `CFItem`** with `CFItemType` "Indicator", `fullStatement` = the text,
///   `conceptKeywords` ["looks like"] or ["doesn't look like"], and an `isChildOf` to its element whose
///   `sequenceNumber` is its 1-based position in the element's indicator list. Its identifier is a
///   version 5 UUID of the element id and that position, so the same framework always exports the same file.
/// - **Links → `isRelatedTo`.** A relatedTo link is a plain `isRelatedTo`. A supports link is also
///   `isRelatedTo` (CASE has no "supports", and an `ext:` type would be dropped by tools that don't know
///   it) with `extensions.capable.linkType` = "supports", so other tools still see the relation.
///   `sequenceNumber` = 1-based position in the element's links. An organisational capability is a
///   destination whose `uri` is `urn:capable:organisational-capability:<percent-encoded name>`, `title`
///   the name, `targetType` "ext:capable-organisational-capability" and `identifier` a version 5 UUID of the name.
/// - **`extensions.capable`** (CASE 1.1 allows `extensions` on every class) carries what CASE has no
///   field for: on the document `kind`, `status` (superseded vs retired), `amendedOn`, `datesAsWritten`,
///   `source` and `ratingScale` (only when not the standard one); on an element's item `audience`,
///   `whyItMatters` and `whatItMeansForMe`; on a link's association `linkType` and, for an upper-case
///   UUID target, `target`. With these, export then import gives back an equal `FrameworkDocument`.
/// - All identifiers are written in lowercase, as the CASE schema's UUID pattern asks. `CFDocumentURI` is
///   not written on items or associations (the v1.1 package schema has no such property there).
///
/// ## Importing files from other tools
/// Items without an `isChildOf` are top-level. Children are ordered by `sequenceNumber`, then file order.
/// "Behavior" is read as Behaviour; without `abbreviatedStatement` the title is the full statement;
/// without extensions the audience is all staff, the kind custom and the status follows `adoptionStatus`
/// (anything but Adopted or Deprecated reads as draft). Association types other than `isChildOf` and
/// `isRelatedTo` are ignored. An `isRelatedTo` destination need not be in the package (links may point
/// into other frameworks), but must be a UUID or an organisational capability.
public enum CASE {
    /// The `uri` prefix that marks an organisational capability as a link destination.
    public static let organisationalCapabilityURIPrefix = "urn:capable:organisational-capability:"
    static let organisationalTargetType = "ext:capable-organisational-capability"
    static let looksLikeKeyword = "looks like"
    static let doesNotLookLikeKeyword = "doesn't look like"
    static let indicatorItemType = "Indicator"
    static let isChildOf = "isChildOf"
    static let isRelatedTo = "isRelatedTo"

    /// The package as JSON: pretty printed with sorted keys, so the same framework gives the same bytes.
    /// Dates are already ISO 8601 strings in the package.
    public static func encode(_ package: CFPackage) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(package)
    }

    /// Reads a package, reporting a JSON or type error with where in the file it is.
    public static func decode(_ data: Data) throws(CASEImportError) -> CFPackage {
        do {
            return try JSONDecoder().decode(CFPackage.self, from: data)
        } catch let error as DecodingError {
            throw CASEImportError([describe(error)])
        } catch {
            throw CASEImportError(["The file could not be read as CASE JSON: \(error)"])
        }
    }

    /// Reads a CASE package and turns it into a framework, checking everything first.
    /// - Throws: every problem found, each naming the item or association at fault.
    public static func `import`(_ data: Data) throws(CASEImportError) -> FrameworkDocument {
        try framework(from: decode(data))
    }

    /// Turns a decoded package into a framework, or reports every problem with it.
    public static func framework(from package: CFPackage) throws(CASEImportError) -> FrameworkDocument {
        var importer = CASEImporter(package: package)
        let document = importer.run()
        guard let document, importer.problems.isEmpty else { throw CASEImportError(importer.problems) }
        return document
    }

    /// "CFItems[2].identifier" for a decoding error's coding path.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)" }.joined()
            let trimmed = text.hasPrefix(".") ? String(text.dropFirst()) : text
            return trimmed.isEmpty ? "the top level" : trimmed
        }
        switch error {
        case .typeMismatch(let type, let context):
            return "The file is not valid CASE JSON: \(path(context.codingPath)) should be \(jsonName(type))."
        case .valueNotFound(let type, let context):
            return "The file is not valid CASE JSON: \(path(context.codingPath)) should be \(jsonName(type)), not null."
        case .keyNotFound(let key, let context):
            return "The file is not valid CASE JSON: \(path(context.codingPath + [key])) is missing."
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            let detail = context.underlyingError.map { ": \(($0 as NSError).userInfo[NSDebugDescriptionErrorKey] ?? $0)" } ?? ""
            return "The file is not valid JSON\(detail)."
        case .dataCorrupted(let context):
            return "The file is not valid CASE JSON: \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "The file is not valid CASE JSON: \(error)"
        }
    }

    private static func jsonName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is [Any].Type: "a list"
        default: "an object"
        }
    }
}

/// Why a CASE file could not be imported: every problem, each naming the item or association.
public struct CASEImportError: Error, Equatable, Sendable {
    public var problems: [String]

    /// Creates an error from its messages.
    public init(_ problems: [String]) { self.problems = problems }
}

extension FrameworkDocument.Element.Kind {
    /// The `CFItemType` an element of this kind is written with.
    var caseItemType: String {
        switch self {
        case .principle: "Principle"
        case .value: "Value"
        case .capability: "Capability"
        case .behaviour: "Behaviour"
        case .standard: "Standard"
        case .skill: "Skill"
        case .knowledge: "Knowledge"
        }
    }
}

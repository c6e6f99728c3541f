import Foundation

/// A CASE v1.1 `extensions` object. Capable keeps its own fields under one `capable` key so they
/// cannot clash with another tool's; other keys are ignored on reading.
public struct CASEExtensions<Payload: Codable & Sendable & Equatable>: Codable, Sendable, Equatable {
    public var capable: Payload?

    /// Wraps Capable's fields.
    public init(capable: Payload?) { self.capable = capable }
}

/// What a `CFDocument` cannot say for itself. Kind and status are strings so an unknown value is
/// reported by name rather than failing the whole decode.
public struct CASEDocumentExtension: Codable, Sendable, Equatable {
    /// `FrameworkDocument.Kind` raw value.
    public var kind: String?
    /// `FrameworkDocument.Status` raw value: tells superseded from retired, which CASE calls "Deprecated".
    public var status: String?
    public var amendedOn: String?
    public var datesAsWritten: String?
    public var source: String?
    /// Present only when the framework has its own scale; absent means the standard scale.
    public var ratingScale: [ScaleLevel]?

    /// Creates the extension.
    public init(kind: String? = nil, status: String? = nil, amendedOn: String? = nil, datesAsWritten: String? = nil,
                source: String? = nil, ratingScale: [ScaleLevel]? = nil) {
        self.kind = kind; self.status = status; self.amendedOn = amendedOn; self.datesAsWritten = datesAsWritten
        self.source = source; self.ratingScale = ratingScale
    }
}

/// What a `CFItem` for an element cannot say for itself.
public struct CASEItemExtension: Codable, Sendable, Equatable {
    /// `FrameworkDocument.Element.Audience` raw value; absent means all staff.
    public var audience: String?
    public var whyItMatters: String?
    public var whatItMeansForMe: String?

    /// Creates the extension.
    public init(audience: String? = nil, whyItMatters: String? = nil, whatItMeansForMe: String? = nil) {
        self.audience = audience; self.whyItMatters = whyItMatters; self.whatItMeansForMe = whatItMeansForMe
    }
}

/// What an `isRelatedTo` association for an element's link cannot say for itself.
public struct CASEAssociationExtension: Codable, Sendable, Equatable {
    /// "supports" for a supports link; absent (or "relatedTo") for a plain related-to link.
    public var linkType: String?
    /// The link's target exactly as stored, when that differs from the lowercase identifier written
    /// in `destinationNodeURI` (an upper-case UUID), so the round trip gives back the same string.
    public var target: String?

    /// Creates the extension.
    public init(linkType: String? = nil, target: String? = nil) {
        self.linkType = linkType; self.target = target
    }
}

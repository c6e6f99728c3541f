import Foundation

/// A capability framework as stored in the built-in JSON files (`builtin/frameworks/*.json`):
/// principles or values, their capabilities, and the behaviours, standards, skills and knowledge under them.
public struct FrameworkDocument: Codable, Sendable, Equatable {
    /// What sort of framework this is.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case guidingPrinciples, coreValues, leadership, custom
    }

    /// Where the framework is in its life cycle.
    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Being written; only HR and administrators see it, and only a draft can be edited.
        case draft
        /// The version in force: read-only, rated against, referred to.
        case published
        /// An older version replaced by a newer published one; still readable.
        case superseded
        /// No longer in use; everything that refers to it stays readable.
        case retired
    }

    /// The framework's stable id, shared by all its versions (a deterministic UUID for built-in content).
    public var id: UUID
    public var title: String
    public var description: String
    /// The organisation as the source names it, or "Built in".
    public var owner: String
    public var kind: Kind
    public var status: Status
    public var version: Int
    /// The date the framework came into force, "yyyy-mm-dd", when the source gives one.
    public var implementedOn: String?
    /// The date the framework was last amended, "yyyy-mm-dd", when the source gives one.
    public var amendedOn: String?
    /// The dates exactly as the source writes them (e.g. "May 2012").
    public var datesAsWritten: String?
    /// The source document file name(s).
    public var source: String
    /// The top-level elements, in source order.
    public var elements: [Element]
    /// The rating scale people are assessed on; nil means `RatingScale.standard`.
    public var scale: [ScaleLevel]?

    /// The levels people are rated on, lowest first.
    public var ratingScale: [ScaleLevel] { scale ?? ScaleLevel.standard }

    /// Creates a framework document.
    public init(id: UUID, title: String, description: String, owner: String, kind: Kind, status: Status, version: Int,
                implementedOn: String? = nil, amendedOn: String? = nil, datesAsWritten: String? = nil,
                source: String, elements: [Element], scale: [ScaleLevel]? = nil) {
        self.id = id; self.title = title; self.description = description; self.owner = owner
        self.kind = kind; self.status = status; self.version = version
        self.implementedOn = implementedOn; self.amendedOn = amendedOn; self.datesAsWritten = datesAsWritten
        self.source = source; self.elements = elements; self.scale = scale
    }

    /// One node of a framework: a principle, value, capability, behaviour, standard, skill or knowledge item.
    public struct Element: Codable, Sendable, Equatable {
        /// What sort of element this is.
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case principle, value, capability, behaviour, standard, skill, knowledge

            /// Whether the element may sit at the top level of a framework.
            public var allowedAtTopLevel: Bool { [.principle, .value, .capability].contains(self) }

            /// The kinds of element allowed directly under this kind.
            public var allowedChildren: Set<Kind> {
                switch self {
                case .principle, .value: [.capability, .behaviour, .standard]
                case .capability: [.behaviour, .standard, .skill, .knowledge]
                case .behaviour, .standard, .skill, .knowledge: []
                }
            }
        }

        /// Who the element is written for.
        public enum Audience: String, Codable, Sendable, CaseIterable {
            case allStaff, managers, leaders
        }

        public var id: UUID
        /// A short human code, unique in the framework (e.g. "TR.1", "CV.2.MS3").
        public var code: String
        public var kind: Kind
        public var title: String
        public var statement: String
        public var audience: Audience
        /// The source's "why is this important" text, if any.
        public var whyItMatters: String?
        /// The source's "what does it mean for me" text, if any.
        public var whatItMeansForMe: String?
        /// "Looks like" / "doesn't look like" examples, in source order.
        public var indicators: [Indicator]
        public var links: [Link]
        public var children: [Element]

        /// Creates an element.
        public init(id: UUID, code: String, kind: Kind, title: String, statement: String, audience: Audience,
                    whyItMatters: String? = nil, whatItMeansForMe: String? = nil,
                    indicators: [Indicator] = [], links: [Link] = [], children: [Element] = []) {
            self.id = id; self.code = code; self.kind = kind; self.title = title; self.statement = statement
            self.audience = audience; self.whyItMatters = whyItMatters; self.whatItMeansForMe = whatItMeansForMe
            self.indicators = indicators; self.links = links; self.children = children
        }
    }

    /// An example of what an element looks like, or doesn't look like, in practice.
    public struct Indicator: Codable, Sendable, Equatable {
        /// Whether the example shows the element or its opposite.
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case looksLike, doesNotLookLike
        }

        public var kind: Kind
        public var text: String

        /// Creates an indicator.
        public init(kind: Kind, text: String) {
            self.kind = kind; self.text = text
        }
    }

    /// A link from an element to another element or to an organisational capability.
    public struct Link: Codable, Sendable, Equatable {
        /// How the element relates to the target.
        public enum LinkType: String, Codable, Sendable, CaseIterable {
            case supports, relatedTo
        }

        public var type: LinkType
        /// Another element's stable id (in any framework), or "organisational:<name>" for an
        /// organisational capability.
        public var target: String

        static let organisationalPrefix = "organisational:"

        /// The organisational capability named by the link, if that is what it points at.
        public var organisationalCapability: String? {
            target.hasPrefix(Self.organisationalPrefix) ? String(target.dropFirst(Self.organisationalPrefix.count)) : nil
        }

        /// The element the link points at, if it points at one.
        public var elementID: UUID? { UUID(uuidString: target) }

        /// A link to an organisational capability.
        public static func organisational(_ name: String, type: LinkType = .supports) -> Link {
            Link(type: type, target: organisationalPrefix + name)
        }

        /// Creates a link.
        public init(type: LinkType, target: String) {
            self.type = type; self.target = target
        }
    }

    /// Every element, depth-first, each parent before its children.
    public func allElements() -> [Element] {
        func walk(_ element: Element) -> [Element] { [element] + element.children.flatMap(walk) }
        return elements.flatMap(walk)
    }
}

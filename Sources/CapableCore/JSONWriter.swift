import Foundation

/// JSON written straight into bytes, for the API's longest lists (a page of 100 risks). Going
/// through `Encodable` and `JSONEncoder` cost about 250 ns a value, a quarter of such a request;
/// this costs a tenth of that. Types that use it keep their `Codable` form too, and a test holds
/// the two to the same output.
public struct JSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Whether the innermost open object or array already has a member (so the next needs a comma).
    private var hasMember: [Bool] = []

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "{"))
        body(&self)
        close(UInt8(ascii: "}"))
    }

    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        open(UInt8(ascii: "["))
        body(&self)
        close(UInt8(ascii: "]"))
    }

    /// Starts a member of the current object. Keys are the API's own names, written as given.
    public mutating func key(_ name: StaticString) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        // The value that follows must not add a comma of its own.
        hasMember[hasMember.count - 1] = false
    }

    public mutating func string(_ value: String) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): escape(byte)
            case 0x0A: escape(UInt8(ascii: "n"))
            case 0x0D: escape(UInt8(ascii: "r"))
            case 0x09: escape(UInt8(ascii: "t"))
            case 0x00..<0x20:
                escape(UInt8(ascii: "u"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(UInt8(ascii: "0"))
                bytes.append(Self.lowerHex[Int(byte >> 4)])
                bytes.append(Self.lowerHex[Int(byte & 0x0f)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let lowerHex = Array("0123456789abcdef".utf8)
    private static let upperHex = Array("0123456789ABCDEF".utf8)

    private mutating func escape(_ byte: UInt8) {
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(byte)
    }

    public mutating func int(_ value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits come out last first: write them, then turn them round in place.
        let start = bytes.count
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude % 10))
            magnitude /= 10
        } while magnitude > 0
        bytes[start...].reverse()
    }

    public mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    /// As `uuidString` writes it (upper case, hyphenated), without making the string.
    public mutating func uuid(_ value: UUID) {
        separate()
        bytes.append(UInt8(ascii: "\""))
        withUnsafeBytes(of: value.uuid) { raw in
            for (index, byte) in raw.enumerated() {
                if index == 4 || index == 6 || index == 8 || index == 10 { bytes.append(UInt8(ascii: "-")) }
                bytes.append(Self.upperHex[Int(byte >> 4)])
                bytes.append(Self.upperHex[Int(byte & 0x0f)])
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    // Members, as Swift's synthesised `Encodable` writes them: an absent optional is left out.

    public mutating func field(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    public mutating func field(_ name: StaticString, _ value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    public mutating func field(_ name: StaticString, _ value: Bool) {
        key(name)
        bool(value)
    }

    public mutating func field(_ name: StaticString, _ value: UUID?) {
        guard let value else { return }
        key(name)
        uuid(value)
    }

    public mutating func field(_ name: StaticString, _ value: (some JSONWritable)?) {
        guard let value else { return }
        key(name)
        value.write(to: &self)
    }

    public mutating func field(_ name: StaticString, _ values: [some JSONWritable]) {
        key(name)
        array { writer in for value in values { value.write(to: &writer) } }
    }

    public mutating func field(_ name: StaticString, _ values: [UUID]) {
        key(name)
        array { writer in for value in values { writer.uuid(value) } }
    }

    private mutating func separate() {
        guard let last = hasMember.last else { return }
        if last { bytes.append(UInt8(ascii: ",")) }
        hasMember[hasMember.count - 1] = true
    }

    private mutating func open(_ byte: UInt8) {
        separate()
        bytes.append(byte)
        hasMember.append(false)
    }

    private mutating func close(_ byte: UInt8) {
        hasMember.removeLast()
        bytes.append(byte)
    }
}

/// A value that writes itself with `JSONWriter`, in the same shape as its `Encodable` form.
public protocol JSONWritable {
    func write(to writer: inout JSONWriter)
}

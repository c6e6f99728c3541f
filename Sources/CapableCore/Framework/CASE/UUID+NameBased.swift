import Crypto
import Foundation

extension UUID {
    /// The RFC 4122 URL namespace, for name-based UUIDs made from URIs.
    static let urlNamespace = UUID(uuid: (0x6B, 0xA7, 0xB8, 0x11, 0x9D, 0xAD, 0x11, 0xD1,
                                          0x80, 0xB4, 0x00, 0xC0, 0x4F, 0xD4, 0x30, 0xC8))

    /// A name-based (version 5, SHA-1) UUID: the same namespace and name always give the same UUID,
    /// so things without an id of their own (an indicator, an association) export reproducibly.
    /// SHA-1 is what RFC 4122 prescribes for version 5; it is not used for security here.
    static func nameBased(namespace: UUID, name: String) -> UUID {
        let namespaceBytes = withUnsafeBytes(of: namespace.uuid) { Array($0) }
        let digest = Array(Insecure.SHA1.hash(data: namespaceBytes + Array(name.utf8)))
        var bytes = Array(digest.prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50  // version 5
        bytes[8] = (bytes[8] & 0x3F) | 0x80  // RFC 4122 variant
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }

    /// The lowercase form CASE's identifier pattern asks for (`uuidString` is uppercase).
    var caseIdentifier: String { uuidString.lowercased() }
}

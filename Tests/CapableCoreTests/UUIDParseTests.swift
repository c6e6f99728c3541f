import CapableCore
import Foundation
import Testing

@Suite("Reading identifiers")
struct UUIDParseTests {
    @Test("Reads what uuidString writes, in either case, exactly as Foundation does")
    func sameAsFoundation() {
        for _ in 0..<200 {
            let id = UUID()
            #expect(UUID.parse(id.uuidString) == id)
            #expect(UUID.parse(id.uuidString.lowercased()) == id)
        }
        #expect(UUID.parse("00000000-0000-0000-0000-000000000000") == UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
    }

    @Test("Refuses anything that is not a hyphenated identifier", arguments: [
        "", "not-a-uuid", "9B1F3C52-6A0E-5D8E-9C11-2F4B7A0C000", "9B1F3C52-6A0E-5D8E-9C11-2F4B7A0C00011",
        "9B1F3C526A0E-5D8E-9C11-2F4B7A0C00011", "9B1F3C52-6A0E-5D8E-9C11-2F4B7A0C000G", "{9B1F3C52-6A0E-5D8E-9C11-2F4B7A0C0001}",
        "9B1F3C52-6A0E-5D8E-9C11_2F4B7A0C0001", "9b1f3c52-6a0e-5d8e-9c11-2f4b7a0c00é",
    ])
    func refuses(text: String) {
        #expect(UUID.parse(text) == nil)
        #expect(UUID(uuidString: text) == nil)
    }
}

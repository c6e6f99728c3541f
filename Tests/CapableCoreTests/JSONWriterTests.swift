import CapableCore
import Foundation
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    private struct Inner: Codable, Equatable, JSONWritable {
        var n: Int
        func write(to writer: inout JSONWriter) { writer.object { $0.field("n", n) } }
    }

    private struct Sample: Codable, Equatable, JSONWritable {
        var text: String
        var missing: String?
        var number: Int?
        var flag: Bool
        var id: UUID?
        var inner: Inner?
        var list: [Inner]
        var ids: [UUID] = [UUID(), UUID()]

        func write(to writer: inout JSONWriter) {
            writer.object { json in
                json.field("text", text)
                json.field("missing", missing)
                json.field("number", number)
                json.field("flag", flag)
                json.field("id", id)
                json.field("inner", inner)
                json.field("list", list)
                json.field("ids", ids)
            }
        }
    }

    private func written(_ value: some JSONWritable) -> Data {
        var writer = JSONWriter()
        value.write(to: &writer)
        return Data(writer.bytes)
    }

    @Test("Writes what JSONEncoder writes: quotes, backslashes, control characters, Unicode, absent optionals, nesting")
    func sameAsEncoder() throws {
        let tricky = "Quote \" slash \\ / newline \n tab \t bell \u{07} nul \u{00} pound £ emoji 🙂 </script>"
        let samples = [
            Sample(text: tricky, missing: nil, number: -42, flag: true, id: UUID(), inner: Inner(n: 1), list: [Inner(n: 2), Inner(n: 3)]),
            Sample(text: "", missing: "here", number: nil, flag: false, id: nil, inner: nil, list: [], ids: []),
        ]
        for sample in samples {
            let data = written(sample)
            #expect(try JSONDecoder().decode(Sample.self, from: data) == sample)
            let ours = try JSONSerialization.jsonObject(with: data) as? NSDictionary
            let theirs = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(sample)) as? NSDictionary
            #expect(ours == theirs)
        }
        #expect(String(decoding: written(samples[1]), as: UTF8.self) == #"{"text":"","missing":"here","flag":false,"list":[],"ids":[]}"#)
    }

    @Test("Numbers and identifiers are written exactly as Swift prints them")
    func numbersAndIdentifiers() {
        let numbers = [0, 7, -42, 1_000_000, Int.max, Int.min]
        let ids = [UUID(), UUID(uuid: (0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 255))]
        var writer = JSONWriter()
        writer.array { json in
            for number in numbers { json.int(number) }
            for id in ids { json.uuid(id) }
        }
        let expected = "[" + (numbers.map(String.init) + ids.map { "\"\($0.uuidString)\"" }).joined(separator: ",") + "]"
        #expect(String(decoding: writer.bytes, as: UTF8.self) == expected)
    }
}

import CapableCore
import Foundation
import Testing

@Suite("Reading CSV")
struct CSVParseTests {
    func parse(_ text: String) throws -> CSVTable {
        try CSV.parse(Data(text.utf8))
    }

    func failure(_ data: Data) -> CSVError? {
        do throws(CSVError) {
            _ = try CSV.parse(data)
            return nil
        } catch {
            return error
        }
    }

    @Test("The header is trimmed; each row knows its line")
    func simple() throws {
        // act
        let table = try parse(" employee_ref , given_name \nE1, Ann \nE2,,\n")
        // check
        #expect(table.header == ["employee_ref", "given_name"])
        #expect(table.rows == [CSVRow(line: 2, cells: ["E1", " Ann "]), CSVRow(line: 3, cells: ["E2", "", ""])])
    }

    @Test("A UTF-8 byte-order mark is dropped")
    func byteOrderMark() throws {
        // setup
        let data = Data([0xEF, 0xBB, 0xBF] + Array("ref,name\r\nE1,Siân\r\n".utf8))
        // act
        let table = try CSV.parse(data)
        // check
        #expect(table.header == ["ref", "name"])
        #expect(table.rows == [CSVRow(line: 2, cells: ["E1", "Siân"])])
    }

    @Test("CR, LF and CRLF each end a record")
    func lineEndings() throws {
        // act
        let table = try parse("a\r\n1\r2\n3\r\n4")
        // check
        #expect(table.rows.map(\.cells) == [["1"], ["2"], ["3"], ["4"]])
        #expect(table.rows.map(\.line) == [2, 3, 4, 5])
    }

    @Test("Quoted fields keep commas, doubled quotes and line breaks, and lines still count")
    func quoted() throws {
        // setup
        let text = "ref,note\nE1,\"Smith, Jo\"\nE2,\"say \"\"hi\"\"\"\nE3,\"two\r\nlines\"\nE4,\"a\rb\nc\"\nE5,x"
        // act
        let table = try parse(text)
        // check
        #expect(table.rows.map(\.cells) == [["E1", "Smith, Jo"], ["E2", "say \"hi\""], ["E3", "two\r\nlines"], ["E4", "a\rb\nc"], ["E5", "x"]])
        #expect(table.rows.map(\.line) == [2, 3, 4, 6, 9])
    }

    @Test("Stray quotes in real exports are kept as text")
    func lenient() throws {
        // act
        let table = try parse("name,height\n\"Smith\" Jr,5'10\"")
        // check
        #expect(table.rows.map(\.cells) == [["Smith Jr", "5'10\""]])
    }

    @Test("Blank lines at the end are ignored; one in the middle is a row")
    func blankLines() throws {
        // act
        let trailing = try parse("a\n1\n\n\r\n\n")
        let middle = try parse("a\n1\n\n2")
        // check
        #expect(trailing.rows.map(\.cells) == [["1"]])
        #expect(middle.rows == [CSVRow(line: 2, cells: ["1"]), CSVRow(line: 3, cells: [""]), CSVRow(line: 4, cells: ["2"])])
    }

    @Test("An unclosed quote is refused with the line it opens on")
    func unclosedQuote() {
        // act
        let error = failure(Data("ref,name\nE1,Ann\nE2,\"Bob\nE3,Cat\n".utf8))
        // check
        #expect(error == .unclosedQuote(line: 3))
        #expect(error?.description == "line 3: a quoted field is not closed")
    }

    @Test("A binary file is refused as not CSV text")
    func binary() {
        // setup: the start of an .xlsx file, which is a zip archive
        let data = Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00])
        // act
        let error = failure(data)
        // check
        #expect(error == .binary(line: 1))
        #expect(error?.description.hasPrefix("The file is not a CSV text file") == true)
    }

    @Test("Text that is not UTF-8 is refused with its line")
    func notUTF8() {
        // setup: "José" saved by Excel in Windows-1252
        let data = Data(Array("ref,name\nE1,Ann\nE2,Jos".utf8) + [0xE9] + Array("\n".utf8))
        // act
        let error = failure(data)
        // check
        #expect(error == .notUTF8(line: 3))
        #expect(error?.description.hasPrefix("The file is not a CSV text file") == true)
        #expect(error?.line == 3)
    }

    @Test("An empty file is refused", arguments: [Data(), Data([0xEF, 0xBB, 0xBF]), Data("\n\r\n".utf8)])
    func empty(data: Data) {
        // act
        let error = failure(data)
        // check
        #expect(error == .empty)
        #expect(error?.description == "The file is empty")
    }
}

@Suite("Writing CSV")
struct CSVWriteTests {
    @Test("CRLF records; cells with commas, quotes or line breaks are quoted")
    func quoting() {
        // act
        let text = CSV.write(header: ["a", "b"], rows: [["1, 2", "say \"hi\""], ["line\nbreak", "cr\rx"], ["plain", ""]])
        // check
        #expect(text == "a,b\r\n\"1, 2\",\"say \"\"hi\"\"\"\r\n\"line\nbreak\",\"cr\rx\"\r\nplain,\r\n")
    }

    @Test("Cells that a spreadsheet would run as formulas get a leading apostrophe", arguments: [
        ("=SUM(A1:A9)", "'=SUM(A1:A9)"), ("+44 20 7946 0000", "'+44 20 7946 0000"), ("@cmd", "'@cmd"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("-1.5", "'-1.5"), ("Smith", "Smith"), ("a=b", "a=b"), ("", ""),
    ])
    func neutralise(cell: String, expected: String) {
        #expect(CSV.neutraliseFormula(cell) == expected)
    }

    @Test("Writing neutralises every cell, header included, before quoting")
    func writeNeutralises() {
        // act
        let text = CSV.write(header: ["=h"], rows: [["=1+1"], ["-2"], ["\rx"]])
        // check
        #expect(text == "'=h\r\n'=1+1\r\n'-2\r\n\"'\rx\"\r\n")
    }

    @Test("What is written reads back the same")
    func roundTrip() throws {
        // setup
        let header = ["employee_ref", "note", "name"]
        let rows = [["E1", "Smith, \"Jo\"", "Siân"], ["E2", "two\r\nlines", ""], ["E3", "", "O'Brien"]]
        // act
        let table = try CSV.parse(Data(CSV.write(header: header, rows: rows).utf8))
        // check
        #expect(table.header == header)
        #expect(table.rows.map(\.cells) == rows)
        #expect(table.rows.map(\.line) == [2, 3, 5])
    }
}

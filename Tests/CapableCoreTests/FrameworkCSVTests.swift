import CapableCore
import Foundation
import Testing

@Suite("Framework CSV")
struct FrameworkCSVTests {
    static let header = "element_id,code,parent_code,kind,title,statement,audience,why_it_matters,what_it_means_for_me,looks_like,does_not_look_like,links"

    func read(_ text: String) throws(FrameworkCSVError) -> [FrameworkDocument.Element] {
        try FrameworkCSV.elements(fromCSV: Data(text.utf8))
    }

    /// The messages for a file of `rows` under the standard header.
    func messages(_ rows: [String], header: String = header) -> [String] {
        do throws(FrameworkCSVError) {
            _ = try read(([header] + rows).joined(separator: "\r\n"))
            return []
        } catch {
            return error.messages
        }
    }

    @Test("Writing then reading gives back each built-in framework, and the sample", arguments: 0..<4)
    func roundTrip(_ which: Int) throws {
        // setup
        let document = try FrameworkFixture.all()[which]
        // act
        let text = FrameworkCSV.write(document)
        let read = try FrameworkCSV.document(fromCSV: Data(text.utf8), framework: document)
        // check
        #expect(read == document)
    }

    @Test("One row per element, depth-first, with the parent's code")
    func rows() throws {
        // act
        let table = try CSV.parse(Data(FrameworkCSV.write(FrameworkFixture.sample()).utf8))
        // check
        #expect(table.header.joined(separator: ",") == Self.header)
        #expect(table.rows.map { $0.cells[1] } == ["V1", "V1.C1", "V1.C1.B1", "V1.C1.B2", "V1.S1", "C2", "C2.K1", "C2.N1"])
        #expect(table.rows.map { $0.cells[2] } == ["", "V1", "V1.C1", "V1.C1", "V1", "", "C2", "C2"])
        let capability = table.rows[1].cells
        #expect(capability[0] == FrameworkFixture.capability.uuidString.lowercased())
        #expect(capability[9] == "Shares credit")
        #expect(capability[11] == "supports organisational:Openness, trust & “fairness”/100%\nrelatedTo \(FrameworkFixture.behaviour2.uuidString)\nsupports \(FrameworkFixture.skill.uuidString.lowercased())")
    }

    @Test("Formula-like cells are neutralised as the HR export does, and apostrophes already there survive")
    func formulas() throws {
        // act
        let text = FrameworkCSV.write(FrameworkFixture.sample())
        let table = try CSV.parse(Data(text.utf8))
        let elements = try read(text)
        // check
        let behaviour = table.rows[3].cells
        #expect(behaviour[4] == "'=Counts")
        #expect(behaviour[5] == "'-1 is a number, @all.")
        #expect(behaviour[9] == "'=SUM(A1)\n'=already quoted")
        #expect(behaviour[10] == "'''+two apostrophes\n'plain")
        let read = try #require(elements.first?.children.first?.children.last)
        #expect(read.title == "=Counts")
        #expect(read.indicators.map(\.text) == ["=SUM(A1)", "'=already quoted", "''+two apostrophes", "'plain"])
    }

    @Test("An empty element_id, or no element_id column, gives a new id")
    func newIDs() throws {
        // act
        let elements = try read("code,kind,title,statement\nC1,capability,Title,Statement\n")
        let withColumn = try read(Self.header + "\n,C1,,capability,Title,Statement,,,,,,\n")
        // check
        #expect(elements.map(\.code) == ["C1"])
        #expect(withColumn.first?.id != elements.first?.id)
        #expect(withColumn.first?.audience == .allStaff)
    }

    @Test("Rows may come before their parents; children keep row order")
    func order() throws {
        // act
        let elements = try read("code,parent_code,kind,title,statement\nB2,C,behaviour,T,S\nC,,capability,T,S\nB1,C,behaviour,T,S\n")
        // check
        #expect(elements.map(\.code) == ["C"])
        #expect(elements.first?.children.map(\.code) == ["B2", "B1"])
    }

    @Test("A header without the needed columns, or with unknown ones, is refused on line 1")
    func header() {
        // act
        let messages = messages(["x"], header: "code,titel,statement")
        // check
        #expect(messages.contains { $0.hasPrefix("line 1: the column “titel” is not one Capable reads") })
        #expect(messages.contains("line 1: the header has no “kind” column"))
        #expect(messages.contains("line 1: the header has no “title” column"))
    }

    @Test("Each bad row is reported by its line and column", arguments: [
        (",,,capability,T,S,,,,,,", "line 2, code: the code is empty"),
        (",C 1,,capability,T,S,,,,,,", "line 2, code: the code C 1 must be 30 characters or fewer, without spaces or commas"),
        (",C,,capability, ,S,,,,,,", "line 2, title: the title is empty"),
        (",C,,capability,T,,,,,,,", "line 2, statement: the statement is empty"),
        (",C,,widget,T,S,,,,,,", "line 2, kind: “widget” is not a kind (expected principle, value, capability, behaviour, standard, skill, knowledge)"),
        (",C,,capability,T,S,everyone,,,,,", "line 2, audience: “everyone” is not an audience (expected allStaff, managers, leaders, or empty for allStaff)"),
        ("abc,C,,capability,T,S,,,,,,", "line 2, element_id: “abc” is not a UUID (leave it empty for a new element)"),
        (",C,,capability,T,S,,,,,,links to Bob", "line 2, links: “links to Bob” is not a link (write “supports organisational:Name” or “relatedTo <element id>”, one per line)"),
        (",C,,capability,T,S,,,,,,supports organisational:", "line 2, links: “supports organisational:” is not a link (write “supports organisational:Name” or “relatedTo <element id>”, one per line)"),
        (",C,X,capability,T,S,,,,,,", "line 2, parent_code: no row has the code X"),
        (",B,,behaviour,T,S,,,,,,", "line 2, parent_code: the behaviour B cannot sit at the top level; give it a parent_code"),
        (",C,,capability,T,S,,,,,,,extra", "line 2: the row has 13 cells but the header has 12"),
    ])
    func badRow(_ row: String, _ message: String) {
        // act
        let messages = messages([row])
        // check
        #expect(messages == [message])
    }

    @Test("An element linking to itself is refused")
    func selfLink() {
        // setup
        let id = FrameworkFixture.id(1).uuidString
        // act
        let messages = messages(["\(id),C,,capability,T,S,,,,,,relatedTo \(id.lowercased())"])
        // check
        #expect(messages == ["line 2, links: the element links to itself"])
    }

    @Test("Duplicate codes and ids name the line they clash with, counting lines inside quoted cells")
    func duplicates() {
        // setup
        let id = FrameworkFixture.id(1).uuidString
        // act
        let messages = messages(["\(id),C,,capability,T,S,,,,\"one\ntwo\",,", "\(id),c,,capability,T,S,,,,,,"])
        // check
        #expect(messages == ["line 4, element_id: the id \(id) is also used on line 2",
                             "line 4, code: the code c is also used on line 2"])
    }

    @Test("A loop of parent codes is reported once, naming the codes")
    func loop() {
        // act
        let messages = messages([",A,C,capability,T,S,,,,,,", ",B,A,capability,T,S,,,,,,", ",C,B,capability,T,S,,,,,,",
                                 ",D,D,capability,T,S,,,,,,"])
        // check
        #expect(messages == ["line 2, parent_code: the parent codes go round in a loop: A → C → B → A",
                             "line 5, parent_code: the parent codes go round in a loop: D → D"])
    }

    @Test("A child under the wrong kind of parent names both and the parent's line")
    func wrongParent() {
        // act
        let messages = messages([",K,S,skill,T,S,,,,,,", ",S,,value,T,S,,,,,,"])
        // check
        #expect(messages == ["line 2, parent_code: the skill K cannot sit under the value S (line 3)"])
    }

    @Test("Every bad row is reported, in line order, and children of a bad row are not blamed for it")
    func everyProblem() {
        // act
        let messages = messages([",C,,widget,T,S,,,,,,", ",B,C,behaviour,T,S,,,,,,", ",D,,capability,,S,,,,,,"])
        // check
        #expect(messages == ["line 2, kind: “widget” is not a kind (expected principle, value, capability, behaviour, standard, skill, knowledge)",
                             "line 4, title: the title is empty"])
    }

    @Test("A file that is not CSV is reported with its line")
    func notCSV() {
        // act
        let messages = messages([",C,,capability,\"T,S,,,,,,"])
        // check
        #expect(messages == ["line 2: a quoted field is not closed"])
    }

    @Test("The framework's own problems are reported after the rows are read")
    func frameworkProblems() throws {
        // setup
        var framework = FrameworkFixture.sample()
        framework.title = ""
        // act
        var messages: [String] = []
        do throws(FrameworkCSVError) {
            _ = try FrameworkCSV.document(fromCSV: Data(FrameworkCSV.write(framework).utf8), framework: framework)
        } catch {
            messages = error.messages
        }
        // check
        #expect(messages == ["The framework has an empty title."])
    }
}

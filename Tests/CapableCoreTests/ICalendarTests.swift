import Foundation
import Testing
@testable import CapableCore

@Suite struct ICalendarTests {
    /// 2026-11-02 08:15:07 UTC.
    let stamp = Date(timeIntervalSince1970: 1_793_607_307)

    func at(_ date: String, _ time: String) throws -> LocalDateTime {
        let day = try #require(CalendarDate(date))
        return try #require(LocalDateTime(date: day, time: time))
    }

    func event(summary: String = "Safeguarding refresher", description: String? = nil, cancelled: Bool = false) throws -> CalendarEvent {
        CalendarEvent(uid: "session-1F0C@capable", sequence: 2, stamp: stamp, start: try at("2026-12-03", "09:30"),
                      end: try at("2026-12-03", "11:00"), summary: summary, location: "Room 4", description: description,
                      cancelled: cancelled)
    }

    /// Physical lines as bytes, split on CRLF; the text after the last CRLF is the final element.
    func physicalLines(_ text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\n"), lines[lines.count - 1].last == UInt8(ascii: "\r") {
                lines[lines.count - 1].removeLast()
                lines.append([])
            } else {
                lines[lines.count - 1].append(byte)
            }
        }
        return lines
    }

    func lines(_ text: String) -> [String] {
        physicalLines(text).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func roundTripKeepsEscapedTextAndNonASCII() throws {
        // setup
        let awkward = CalendarEvent(
            uid: "session-6a1b@capable", sequence: 0, stamp: stamp, start: try at("2026-07-01", "13:05"), end: try at("2026-07-01", "14:00"),
            summary: "Café – Ω, part 1; \"intro\"", location: "Hall A, C:\\Rooms; floor 2",
            description: "Bring: pens, paper; laptop\\charger\nSecond line – Ω\r\nThird")
        let cancelled = try event(cancelled: true)
        let calendar = ICalendar(method: .publish, name: "Sam's sessions, 2026", events: [awkward, cancelled])
        // act
        let text = calendar.render()
        let parsed = try ICalendar.parse(text)
        // check
        #expect(lines(text).contains("SUMMARY:Café – Ω\\, part 1\\; \"intro\""))
        #expect(lines(text).contains("LOCATION:Hall A\\, C:\\\\Rooms\\; floor 2"))
        #expect(lines(text).contains("X-WR-CALNAME:Sam's sessions\\, 2026"))
        #expect(parsed.events[0].description == "Bring: pens, paper; laptop\\charger\nSecond line – Ω\nThird")
        var expected = calendar
        expected.events[0].description = "Bring: pens, paper; laptop\\charger\nSecond line – Ω\nThird"
        #expect(parsed == expected)
        #expect(parsed.events[1].cancelled)
    }

    @Test func linesEndInCRLFAndFoldWithoutSplittingCharacters() throws {
        // setup: mixed 1-, 2-, 3- and 4-byte characters, so fold points land inside naive byte splits
        let pattern = ["a", "é", "–", "€", "😀", "Ω", "e\u{301}", " ", "z"]
        let description = (0..<300).map { pattern[$0 % pattern.count] }.joined()
        #expect(description.count == 300)
        let calendar = ICalendar(method: .request, events: [try event(description: description)])
        // act
        let text = calendar.render()
        let physical = physicalLines(text)
        // check
        #expect(text.utf8.suffix(2).elementsEqual([13, 10]))
        #expect(physical.last == [])
        for line in physical.dropLast() {
            #expect(line.count <= 75)
            #expect(!line.contains(13) && !line.contains(10))
            // decoding and re-encoding changes the bytes only when they are not valid UTF-8
            #expect(Array(String(decoding: line, as: UTF8.self).utf8) == line)
        }
        let continuations = physical.filter { $0.first == UInt8(ascii: " ") }
        #expect(continuations.count >= 8)
        #expect(try ICalendar.parse(text).events.first?.description == description)
    }

    @Test func cancellationWritesMethodStatusAndSequence() throws {
        // setup
        var cancelled = try event(cancelled: true)
        cancelled.sequence = 7
        // act
        let text = ICalendar(method: .cancel, events: [cancelled]).render()
        let parsed = try ICalendar.parse(text)
        // check
        #expect(lines(text).contains("METHOD:CANCEL"))
        #expect(lines(text).contains("STATUS:CANCELLED"))
        #expect(lines(text).contains("SEQUENCE:7"))
        #expect(!lines(text).contains("STATUS:CONFIRMED"))
        #expect(parsed.method == .cancel)
        #expect(parsed.events.map(\.sequence) == [7])
        #expect(parsed.events.map(\.cancelled) == [true])
    }

    @Test func writesLondonTimesTimezoneAndUTCStamp() throws {
        // act
        let text = ICalendar(method: .request, events: [try event()]).render()
        let all = lines(text)
        // check
        #expect(Array(all.prefix(5)) == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Capable//Learning//EN", "CALSCALE:GREGORIAN", "METHOD:REQUEST"])
        #expect(all.contains("DTSTART;TZID=Europe/London:20261203T093000"))
        #expect(all.contains("DTEND;TZID=Europe/London:20261203T110000"))
        #expect(all.contains("DTSTAMP:20261102T081507Z"))
        #expect(all.contains("STATUS:CONFIRMED"))
        let zone = try #require(all.firstIndex(of: "BEGIN:VTIMEZONE"))
        #expect(Array(all[zone...].prefix(17)) == [
            "BEGIN:VTIMEZONE", "TZID:Europe/London",
            "BEGIN:DAYLIGHT", "DTSTART:19700329T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "DTSTART:19701025T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
        ])
        #expect(zone < all.firstIndex(of: "BEGIN:VEVENT") ?? 0)
        #expect(all.suffix(2) == ["END:VCALENDAR", ""])
    }

    @Test func stampIsUTCToTheSecondIncludingBeforeTheEpoch() throws {
        // setup: fractions are dropped; 1969-12-31 23:59:59 is one second before the epoch
        let events = [
            CalendarEvent(uid: "a", stamp: Date(timeIntervalSince1970: 1_793_607_307.75), start: try at("2026-01-01", "09:00"),
                          end: try at("2026-01-01", "10:00"), summary: "A"),
            CalendarEvent(uid: "b", stamp: Date(timeIntervalSince1970: -1), start: try at("2026-01-01", "09:00"),
                          end: try at("2026-01-01", "10:00"), summary: "B"),
        ]
        // act
        let text = ICalendar(method: .publish, events: events).render()
        // check
        #expect(lines(text).filter { $0.hasPrefix("DTSTAMP:") } == ["DTSTAMP:20261102T081507Z", "DTSTAMP:19691231T235959Z"])
        #expect(try ICalendar.parse(text).events.map(\.stamp) == [stamp, Date(timeIntervalSince1970: -1)])
    }

    @Test func emptyFeedHasNoTimezone() {
        let text = ICalendar(method: .publish, name: "Team", events: []).render()
        #expect(lines(text) == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Capable//Learning//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Team", "END:VCALENDAR", "",
        ])
        #expect((try? ICalendar.parse(text)) == ICalendar(method: .publish, name: "Team", events: []))
    }

    @Test func localDateTimeAcceptsOnlyHHMM() throws {
        let day = try #require(CalendarDate("2026-12-03"))
        for bad in ["24:00", "9:3x", "", "9:30", "12:60", "12-30", "１２:３０", "12:30:00"] {
            #expect(LocalDateTime(date: day, time: bad) == nil, "\(bad)")
        }
        let time = try #require(LocalDateTime(date: day, time: "09:05"))
        #expect((time.hour, time.minute, time.time) == (9, 5, "09:05"))
        #expect(LocalDateTime(date: day, time: "23:59")?.time == "23:59")
        #expect(LocalDateTime(date: day, time: "00:00")?.time == "00:00")
        #expect(time < LocalDateTime(date: day, hour: 9, minute: 6))
        #expect(LocalDateTime(date: day, hour: 23, minute: 59) < LocalDateTime(date: day.nextDay, hour: 0, minute: 0))
    }

    @Test func parseReadsLFLineEndingsParametersAndFolds() throws {
        // setup: hand-written, LF only, quoted TZID, a tab fold, an alarm to skip, lower-case names
        let text = """
            BEGIN:VCALENDAR
            VERSION:2.0
            METHOD:REQUEST
            BEGIN:VEVENT
            uid:x-1@capable
            DTSTAMP:20260101T000000Z
            DTSTART;TZID="Europe/London":20260330T080000
            DTEND;TZID=Europe/London;VALUE=DATE-TIME:20260330T083000
            SUMMARY:Fire safety: wa
            \tlk-through\\nagain
            BEGIN:VALARM
            DESCRIPTION:ignored
            END:VALARM
            END:VEVENT
            END:VCALENDAR
            """
        // act
        let parsed = try ICalendar.parse(text)
        // check
        let event = try #require(parsed.events.first)
        #expect(parsed.method == .request)
        #expect(event.uid == "x-1@capable")
        #expect(event.sequence == 0)
        #expect(event.stamp == Date(timeIntervalSince1970: 1_767_225_600))
        #expect(event.start == (try at("2026-03-30", "08:00")))
        #expect(event.end == (try at("2026-03-30", "08:30")))
        #expect(event.summary == "Fire safety: walk-through\nagain")
        #expect(event.description == nil)
        #expect(!event.cancelled)
    }

    @Test func parseRejectsGarbageAndIncompleteEvents() {
        let head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:PUBLISH\r\n"
        let times = "DTSTAMP:20260101T000000Z\r\nDTSTART;TZID=Europe/London:20260101T090000\r\nDTEND;TZID=Europe/London:20260101T100000\r\n"
        #expect(throws: ICalendar.ParseError.notACalendar) { try ICalendar.parse("") }
        #expect(throws: ICalendar.ParseError.notACalendar) { try ICalendar.parse("hello, world\r\n") }
        #expect(throws: ICalendar.ParseError.notACalendar) { try ICalendar.parse(head) }
        #expect(throws: ICalendar.ParseError.malformedLine("no colon here")) { try ICalendar.parse(head + "no colon here\r\nEND:VCALENDAR\r\n") }
        #expect(throws: ICalendar.ParseError.missingProperty("UID")) {
            try ICalendar.parse(head + "BEGIN:VEVENT\r\n" + times + "SUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: ICalendar.ParseError.missingProperty("DTSTART")) {
            try ICalendar.parse(head + "BEGIN:VEVENT\r\nUID:a\r\nDTEND:20260101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: ICalendar.ParseError.invalidValue(property: "DTSTART", value: "20260101T250000")) {
            try ICalendar.parse(head + "BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T250000\r\nDTEND:20260101T100000\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
        }
        #expect(throws: ICalendar.ParseError.malformedLine("END:VCALENDAR")) {
            try ICalendar.parse(head + "BEGIN:VEVENT\r\nUID:a\r\n" + times + "END:VCALENDAR\r\n")
        }
        #expect(throws: ICalendar.ParseError.invalidValue(property: "METHOD", value: "SHOUT")) {
            try ICalendar.parse("BEGIN:VCALENDAR\r\nMETHOD:SHOUT\r\nEND:VCALENDAR\r\n")
        }
    }
}

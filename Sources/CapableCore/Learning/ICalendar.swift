import Foundation

/// A wall-clock time in Europe/London on a calendar date: sessions are booked in UK local time,
/// so the calendar file carries the local time and a TZID rather than a UTC instant.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    public let date: CalendarDate
    public let hour: Int
    public let minute: Int

    /// Parses "HH:MM", 00:00 to 23:59, with exactly two digits each side; nil otherwise.
    public init?(date: CalendarDate, time: String) {
        let bytes = Array(time.utf8)
        guard bytes.count == 5, bytes[2] == UInt8(ascii: ":"),
              let hour = digits(bytes[0..<2]), let minute = digits(bytes[3..<5]),
              hour < 24, minute < 60 else { return nil }
        self.init(date: date, hour: hour, minute: minute)
    }

    /// The caller has validated hour 0...23 and minute 0...59.
    public init(date: CalendarDate, hour: Int, minute: Int) {
        self.date = date
        self.hour = hour
        self.minute = minute
    }

    public var time: String { "\(pad(hour)):\(pad(minute))" }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute) < (rhs.date, rhs.hour, rhs.minute)
    }
}

/// One VEVENT. The UID stays the same for the life of a session; SEQUENCE goes up on each change
/// so that calendar clients replace their copy instead of adding a second one.
public struct CalendarEvent: Sendable, Equatable {
    public var uid: String
    public var sequence: Int
    public var stamp: Date
    public var start: LocalDateTime
    public var end: LocalDateTime
    public var summary: String
    public var location: String?
    public var description: String?
    public var cancelled: Bool

    public init(uid: String, sequence: Int = 0, stamp: Date, start: LocalDateTime, end: LocalDateTime,
                summary: String, location: String? = nil, description: String? = nil, cancelled: Bool = false) {
        self.uid = uid
        self.sequence = sequence
        self.stamp = stamp
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.cancelled = cancelled
    }
}

/// An RFC 5545 VCALENDAR: a feed (PUBLISH), an invitation (REQUEST) or a cancellation (CANCEL).
public struct ICalendar: Sendable, Equatable {
    public enum Method: String, Sendable { case publish = "PUBLISH", request = "REQUEST", cancel = "CANCEL" }

    public enum ParseError: Error, Sendable, Equatable {
        case notACalendar
        case malformedLine(String)
        case missingProperty(String)
        case invalidValue(property: String, value: String)

        public var message: String {
            switch self {
            case .notACalendar: "The text is not a calendar: it must start with BEGIN:VCALENDAR and end with END:VCALENDAR."
            case .malformedLine(let line): "This line cannot be read: \(line)"
            case .missingProperty(let name): "An event has no \(name)."
            case .invalidValue(let name, let value): "\(name) has a value that cannot be read: \(value)"
            }
        }
    }

    public var method: Method
    public var name: String?
    public var events: [CalendarEvent]

    public init(method: Method, name: String? = nil, events: [CalendarEvent]) {
        self.method = method
        self.name = name
        self.events = events
    }

    /// The whole calendar, every line folded to 75 octets and ended with CRLF.
    public func render() -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Capable//Learning//EN", "CALSCALE:GREGORIAN", "METHOD:\(method.rawValue)"]
        if let name { lines.append("X-WR-CALNAME:\(escape(name))") }
        // Clients need the zone's rules to place a TZID time; a feed with no events needs none.
        if !events.isEmpty { lines += Self.london }
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:\(escape(event.uid))", "SEQUENCE:\(event.sequence)", "DTSTAMP:\(utcStamp(event.stamp))",
                      "DTSTART;TZID=Europe/London:\(local(event.start))", "DTEND;TZID=Europe/London:\(local(event.end))",
                      "SUMMARY:\(escape(event.summary))"]
            if let location = event.location { lines.append("LOCATION:\(escape(location))") }
            if let description = event.description { lines.append("DESCRIPTION:\(escape(description))") }
            lines += ["STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined()
    }

    /// Reads what `render` writes, also accepting LF line endings and parameters on any property.
    /// Components other than VEVENT (the VTIMEZONE, alarms) are skipped: times are taken as London's.
    public static func parse(_ text: String) throws -> ICalendar {
        let lines = unfold(text)
        guard lines.first?.uppercased() == "BEGIN:VCALENDAR" else { throw ParseError.notACalendar }
        var calendar = ICalendar(method: .publish, events: [])
        var event: [String: String]?  // properties of the VEVENT being read
        var skipped = 0  // depth inside components that are not read
        var closed = false
        for line in lines.dropFirst() {
            guard !closed else { throw ParseError.notACalendar }
            guard let (name, value) = property(line) else { throw ParseError.malformedLine(line) }
            switch (name, value.uppercased()) {
            case ("BEGIN", "VEVENT") where skipped == 0 && event == nil: event = [:]
            case ("BEGIN", _): skipped += 1
            case ("END", _) where skipped > 0: skipped -= 1
            case ("END", "VEVENT") where event != nil:
                calendar.events.append(try makeEvent(event ?? [:]))
                event = nil
            case ("END", "VCALENDAR") where event == nil: closed = true
            case ("END", _): throw ParseError.malformedLine(line)
            case _ where skipped > 0: continue
            case _ where event != nil: event?[name] = value
            case ("METHOD", let method):
                guard let method = Method(rawValue: method) else { throw ParseError.invalidValue(property: name, value: value) }
                calendar.method = method
            case ("X-WR-CALNAME", _): calendar.name = unescape(value)
            default: continue
            }
        }
        guard closed else { throw ParseError.notACalendar }
        return calendar
    }

    private static func makeEvent(_ properties: [String: String]) throws -> CalendarEvent {
        func required(_ name: String) throws -> String {
            guard let value = properties[name] else { throw ParseError.missingProperty(name) }
            return value
        }
        func invalid(_ name: String) -> ParseError { .invalidValue(property: name, value: properties[name] ?? "") }
        let uid = try required("UID")
        let start = try required("DTSTART"), end = try required("DTEND"), stamp = try required("DTSTAMP")
        guard let start = localDateTime(start) else { throw invalid("DTSTART") }
        guard let end = localDateTime(end) else { throw invalid("DTEND") }
        guard stamp.hasSuffix("Z"), let stamp = utcDate(String(stamp.dropLast())) else { throw invalid("DTSTAMP") }
        // RFC 5545 makes a missing SEQUENCE zero.
        guard let sequence = Int(properties["SEQUENCE"] ?? "0") else { throw invalid("SEQUENCE") }
        return CalendarEvent(uid: unescape(uid), sequence: sequence, stamp: stamp, start: start, end: end,
                             summary: unescape(properties["SUMMARY"] ?? ""), location: properties["LOCATION"].map(unescape),
                             description: properties["DESCRIPTION"].map(unescape),
                             cancelled: properties["STATUS"]?.uppercased() == "CANCELLED")
    }

    private static let london = [
        "BEGIN:VTIMEZONE", "TZID:Europe/London",
        "BEGIN:DAYLIGHT", "DTSTART:19700329T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "TZNAME:BST",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "DTSTART:19701025T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "TZNAME:GMT",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]
}

// MARK: - Text values and line folding

/// TEXT escaping (RFC 5545 3.3.11). Any line break becomes `\n`, since a raw one would end the line.
private func escape(_ text: String) -> String {
    var out = ""
    var afterCR = false
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case ";": out += "\\;"
        case ",": out += "\\,"
        case "\r": out += "\\n"
        case "\n": if !afterCR { out += "\\n" }
        default: out.unicodeScalars.append(scalar)
        }
        afterCR = scalar == "\r"
    }
    return out
}

private func unescape(_ text: String) -> String {
    var out = ""
    var escaping = false
    for scalar in text.unicodeScalars {
        if escaping {
            out.unicodeScalars.append(scalar == "n" || scalar == "N" ? "\n" : scalar)
            escaping = false
        } else if scalar == "\\" {
            escaping = true
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
    return escaping ? out + "\\" : out
}

/// Folds a content line so each physical line is at most 75 octets, breaking only between
/// Unicode scalars so that no UTF-8 sequence is cut; the continuation's leading space counts.
private func fold(_ line: String) -> String {
    var out = ""
    var width = 0
    for scalar in line.unicodeScalars {
        let size = UTF8.width(scalar)
        if width + size > 75 {
            out += "\r\n "
            width = 1
        }
        out.unicodeScalars.append(scalar)
        width += size
    }
    return out + "\r\n"
}

/// Splits into logical lines, joining folded ones. Works on bytes: in a Swift String a combining
/// mark after the fold's space would join that space into one Character.
private func unfold(_ text: String) -> [String] {
    var lines: [[UInt8]] = []
    for raw in Array(text.utf8).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
        let line = raw.last == UInt8(ascii: "\r") ? raw.dropLast() : raw
        if let first = line.first, first == UInt8(ascii: " ") || first == UInt8(ascii: "\t"), !lines.isEmpty {
            lines[lines.count - 1] += line.dropFirst()
        } else {
            lines.append(Array(line))
        }
    }
    return lines.filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }
}

/// The upper-cased property name (parameters dropped) and the raw value after the first colon
/// that is not inside a quoted parameter value.
private func property(_ line: String) -> (name: String, value: String)? {
    let scalars = line.unicodeScalars
    var quoted = false
    for index in scalars.indices {
        if scalars[index] == "\"" { quoted.toggle() }
        guard scalars[index] == ":", !quoted else { continue }
        let name = String(scalars[..<index].prefix { $0 != ";" }).uppercased()
        return name.isEmpty ? nil : (name, String(scalars[scalars.index(after: index)...]))
    }
    return nil
}

// MARK: - Dates and times

private func pad(_ number: Int, _ width: Int = 2) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}

private func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
    guard !bytes.isEmpty, bytes.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return nil }
    return bytes.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
}

private func compact(_ date: CalendarDate) -> String { pad(date.year, 4) + pad(date.month) + pad(date.day) }

private func local(_ time: LocalDateTime) -> String { "\(compact(time.date))T\(pad(time.hour))\(pad(time.minute))00" }

/// `yyyymmddThhmmssZ`, computed from the epoch offset so that neither the machine's time zone
/// nor its locale can change it. Fractions of a second are dropped.
private func utcStamp(_ date: Date) -> String {
    let seconds = Int(date.timeIntervalSince1970.rounded(.down))
    var days = seconds / 86_400, rest = seconds % 86_400
    if rest < 0 { (days, rest) = (days - 1, rest + 86_400) }
    return "\(compact(CalendarDate.epoch.adding(days: days)))T\(pad(rest / 3600))\(pad(rest / 60 % 60))\(pad(rest % 60))Z"
}

/// The date and the time of day in seconds from `yyyymmddThhmmss`; nil for any other shape.
private func dateAndSeconds(_ text: String) -> (CalendarDate, Int)? {
    let bytes = Array(text.utf8)
    guard bytes.count == 15, bytes[8] == UInt8(ascii: "T"),
          let year = digits(bytes[0..<4]), let month = digits(bytes[4..<6]), let day = digits(bytes[6..<8]),
          let date = CalendarDate(year: year, month: month, day: day),
          let hour = digits(bytes[9..<11]), let minute = digits(bytes[11..<13]), let second = digits(bytes[13..<15]),
          hour < 24, minute < 60, second < 60 else { return nil }
    return (date, hour * 3600 + minute * 60 + second)
}

/// Seconds are dropped: a session's times are whole minutes.
private func localDateTime(_ text: String) -> LocalDateTime? {
    dateAndSeconds(text).map { LocalDateTime(date: $0.0, hour: $0.1 / 3600, minute: $0.1 / 60 % 60) }
}

private func utcDate(_ text: String) -> Date? {
    dateAndSeconds(text).map { Date(timeIntervalSince1970: TimeInterval($0.0.dayNumber * 86_400 + $0.1)) }
}

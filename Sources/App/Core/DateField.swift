import CapableCore

/// Reading a date typed into a form or sent to the API (`dd/mm/yyyy` or `yyyy-mm-dd`), with the
/// one message every form uses when it is not a real date.
enum DateField {
    enum Parsed: Equatable {
        case empty
        case date(CalendarDate)
        case invalid(FieldError)
    }

    /// `what` completes "Enter … as a real date", e.g. "the due date".
    static func parse(_ raw: String?, field: String, what: String, example: String = "31/03/2027") -> Parsed {
        let text = (raw ?? "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .empty }
        if let date = CalendarDate(text) { return .date(date) }
        return .invalid(FieldError(field: field, message: "Enter \(what) as a real date, like \(example)"))
    }

    /// An optional date: nil when empty; a problem is added to `errors`.
    static func optional(_ raw: String?, field: String, what: String, errors: inout [FieldError]) -> CalendarDate? {
        switch parse(raw, field: field, what: what) {
        case .empty: return nil
        case .date(let date): return date
        case .invalid(let error): errors.append(error); return nil
        }
    }

    /// A required date: a problem is added to `errors` when it is empty or not a real date.
    static func required(_ raw: String?, field: String, what: String, example: String = "31/03/2027", errors: inout [FieldError]) -> CalendarDate? {
        switch parse(raw, field: field, what: what, example: example) {
        case .date(let date): return date
        case .empty: errors.append(FieldError(field: field, message: "Enter \(what) as a real date, like \(example)")); return nil
        case .invalid(let error): errors.append(error); return nil
        }
    }
}

/// "We do what we say we'll do": how a set of agreed actions stands. An action counts against
/// follow-through only once it is due, so a session held last week is not marked down for
/// actions due next month.
public struct FollowThrough: Sendable, Equatable {
    public enum State: Sendable, Equatable { case open, done, dropped }

    public var done = 0
    /// Open and not yet past the due date (or with none).
    public var due = 0
    public var overdue = 0
    public var dropped = 0

    public init(done: Int = 0, due: Int = 0, overdue: Int = 0, dropped: Int = 0) {
        self.done = done
        self.due = due
        self.overdue = overdue
        self.dropped = dropped
    }

    public init(_ actions: [(state: State, dueOn: CalendarDate?)], today: CalendarDate) {
        for action in actions {
            switch action.state {
            case .done: done += 1
            case .dropped: dropped += 1
            case .open:
                if let date = action.dueOn, date < today { overdue += 1 } else { due += 1 }
            }
        }
    }

    public var total: Int { done + due + overdue + dropped }

    /// Done as a share of those that are done or should have been (overdue), in whole percent;
    /// nil while nothing has come due. Dropped actions were agreed to be let go, so they count
    /// neither way.
    public var rate: Int? {
        let counted = done + overdue
        guard counted > 0 else { return nil }
        return Int((Double(done) * 100 / Double(counted)).rounded())
    }

    /// The rate in words, for tables and screen readers.
    public var summary: String {
        guard let rate else { return "No actions have come due yet" }
        return "\(rate)% followed through (\(done) done, \(overdue) overdue)"
    }
}

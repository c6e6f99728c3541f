/// Splitting work into batches, so one statement never binds more values than the databases
/// allow (SQLite's limit is the tighter) and a long list does not become one huge query.
extension Array {
    /// Consecutive runs of at most `size` elements, in order; none for an empty array.
    func chunks(of size: Int) -> [[Element]] {
        precondition(size > 0, "a chunk holds at least one element")
        return stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}

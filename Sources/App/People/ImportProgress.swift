import Foundation
import NIOConcurrencyHelpers
import Vapor

/// How far each background import has got, in this server's memory: "n of N rows". The status
/// itself (applying, applied, failed) is in the database, so any server can answer whether an
/// import is done; only the running count needs the server that runs it.
final class ImportProgress: Sendable {
    struct Step: Sendable, Equatable, Codable {
        var done: Int
        var total: Int
    }

    private let steps = NIOLockedValueBox<[UUID: Step]>([:])

    func update(_ id: UUID, done: Int, total: Int) { steps.withLockedValue { $0[id] = Step(done: done, total: total) } }
    func finish(_ id: UUID) { _ = steps.withLockedValue { $0.removeValue(forKey: id) } }
    func step(_ id: UUID) -> Step? { steps.withLockedValue { $0[id] } }
}

private struct ImportProgressKey: StorageKey { typealias Value = ImportProgress }
private struct BackgroundThresholdKey: StorageKey { typealias Value = Int }

extension Application {
    var importProgress: ImportProgress {
        if let progress = storage[ImportProgressKey.self] { return progress }
        let progress = ImportProgress()
        storage[ImportProgressKey.self] = progress
        return progress
    }

    /// Files with at least this many rows are applied in the background with a progress page;
    /// smaller ones are applied within the request, which takes well under a second.
    var importBackgroundThreshold: Int {
        get { storage[BackgroundThresholdKey.self] ?? config.importBackgroundRows }
        set { storage[BackgroundThresholdKey.self] = newValue }
    }
}

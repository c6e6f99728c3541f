import Fluent
import Vapor

/// Group commit for risks raised through the API. Creates that arrive while one transaction is
/// writing wait, and the next transaction writes all of them with the same handful of
/// statements (`Risks.create(_:on:)`); each request is answered once its risk is committed.
/// Every risk is still all or nothing: if a shared transaction fails, its risks are written
/// again one transaction each, so one bad create fails only itself. On SQLite the write lock
/// costs a database-thread hop per statement, so this, not the statements' work, set the pace
/// (about 300 durable creates a second one transaction each).
actor RiskCreations {
    /// Bounds one transaction's size (and its bind parameters: about 40 a risk).
    static let batchLimit = 64

    private struct Pending {
        var risk: Risks.NewRisk
        var reply: CheckedContinuation<Risk, any Error>
    }

    private var pending: [Pending] = []
    private var writing = false

    func create(_ risk: Risks.NewRisk, app: Application) async throws -> Risk {
        try await withCheckedThrowingContinuation { reply in
            pending.append(Pending(risk: risk, reply: reply))
            if !writing {
                writing = true
                Task { await drain(app) }
            }
        }
    }

    private func drain(_ app: Application) async {
        while !pending.isEmpty {
            let batch = Array(pending.prefix(Self.batchLimit))
            pending.removeFirst(batch.count)
            do {
                let risks = try await Self.write(batch.map(\.risk), app: app)
                for (item, risk) in zip(batch, risks) { item.reply.resume(returning: risk) }
            } catch {
                for item in batch {
                    do {
                        item.reply.resume(returning: try await Self.write([item.risk], app: app)[0])
                    } catch {
                        item.reply.resume(throwing: error)
                    }
                }
            }
        }
        writing = false
    }

    /// On the job connections, as background work: the requests' own connections go on serving
    /// the next creates' checks while this one commits.
    private static func write(_ risks: [Risks.NewRisk], app: Application) async throws -> [Risk] {
        try await app.write(on: app.jobsDatabase) { tx in try await Risks.create(risks, on: tx) }
    }
}

private struct RiskCreationsKey: StorageKey {
    typealias Value = RiskCreations
}

extension Application {
    /// Made when the application is configured, before any request can ask for it.
    var riskCreations: RiskCreations {
        get {
            guard let creations = storage[RiskCreationsKey.self] else { preconditionFailure("configure() sets up risk creations") }
            return creations
        }
        set { storage[RiskCreationsKey.self] = newValue }
    }
}

import CapableCore
import Fluent
import Foundation

/// Line-management queries that policies rely on.
enum LineManagement {
    /// The person's managers, nearest first.
    static func chain(above person: UUID, on db: any Database) async throws -> [UUID] {
        try await PersonAccess.chain(above: person) { id in
            try await Person.query(on: db).filter(\.$id == id).field(\.$id).field(\.$lineManager.$id).first()?.$lineManager.id
        }
    }
}

import Fluent
import Foundation

/// An HR file uploaded for import, kept until it is applied so the person can check the dry
/// run, fix the column mapping and apply without uploading again. Only its uploader (and
/// administrators) can see it: it holds personal data.
final class PeopleImportFile: Model, @unchecked Sendable {
    static let schema = "people_imports"

    // managed fields
    @ID(key: .id) var id: UUID?
    @Timestamp(key: "created_at", on: .create) var createdAt: Date?

    // data fields
    @Field(key: "filename") var filename: String
    @Field(key: "content") var content: String
    @Field(key: "deactivate_missing") var deactivateMissing: Bool
    /// JSON of `ColumnMapping`, once the person has chosen one; nil means "work it out".
    @OptionalField(key: "mapping") var mapping: String?
    /// JSON of `PeopleImport.Outcome` once applied.
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "applied_at") var appliedAt: Date?
    /// checked (uploaded, not applied), applying (running in the background), applied, failed.
    @Field(key: "status") var status: String
    @OptionalField(key: "started_at") var startedAt: Date?
    /// Why a background apply did not finish; nothing was written when it failed.
    @OptionalField(key: "failure") var failure: String?

    // relationships
    @Parent(key: "account_id") var account: Account

    init() {}

    init(accountID: UUID, filename: String, content: String, deactivateMissing: Bool) {
        self.$account.id = accountID
        self.filename = filename
        self.content = content
        self.deactivateMissing = deactivateMissing
        self.status = "checked"
    }

    /// A background apply that has been running this long without finishing was cut off (the
    /// server stopped): its transaction rolled back, so it can be applied again.
    static let staleAfter: TimeInterval = 30 * 60

    func isApplying(now: Date = Date()) -> Bool {
        status == "applying" && (startedAt.map { now.timeIntervalSince($0) < Self.staleAfter } ?? false)
    }
}

extension PeopleImportFile: Auditable {
    static let auditEntity = "people_import"
    /// The file's content is personal data and stays out of the log; what it did goes in.
    var auditSnapshot: [String: String?] {
        ["filename": filename, "deactivate_missing": String(deactivateMissing), "mapping": mapping, "outcome": outcome,
         "status": status, "failure": failure]
    }
}

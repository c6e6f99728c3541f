import CapableCore
import Foundation
import Vapor

/// Every setting Capable reads, read once at start-up. A missing or malformed setting stops
/// start-up with a message that names it, rather than surfacing later as a confusing failure.
public struct AppConfig: Sendable {
    public enum DatabaseChoice: Sendable, Equatable {
        case sqliteFile(path: String)
        case postgres(url: String, searchPath: String?)
    }

    public var database: DatabaseChoice
    /// Cookies carry `Secure` (and the `__Host-` prefix) unless this is set for local plain-http use.
    public var secureCookies: Bool
    public var sessionLifetime: SessionLifetime
    public var maxBodySize: ByteCount
    /// Addresses of reverse proxies whose `X-Forwarded-For` is believed.
    public var trustedProxies: Set<String>
    /// The address people use to reach Capable, for links printed on the console.
    public var publicURL: String
    /// False when `publicURL` is only the default, so `serve` may say where it really listens.
    public var publicURLIsSet: Bool
    /// Bcrypt cost; only the test helper lowers it, to keep the suite fast.
    public var bcryptCost: Int
    /// Connections per event loop for PostgreSQL.
    public var postgresPoolSize: Int
    /// HR files with at least this many rows are applied in the background with a progress page.
    public var importBackgroundRows: Int = 2_000
    /// Months after the start date when probation reviews fall (before the final one at the end).
    public var probationMonths: [Int] = ProbationSchedule.defaultMonths
    /// How often `serve` produces reminders (as `capable remind` does); 0 leaves it to cron.
    public var remindEveryMinutes: Int = 60

    public static let settings: [(name: String, meaning: String, defaultValue: String)] = [
        ("CAPABLE_DATABASE_PATH", "SQLite database file", "capable.sqlite"),
        ("DATABASE_URL", "use PostgreSQL instead: postgres://user:password@host:port/database", "unset"),
        ("CAPABLE_DB_POOL", "PostgreSQL connections per event loop", "4"),
        ("CAPABLE_INSECURE_COOKIES", "1 to send cookies over plain http (local use only)", "0"),
        ("CAPABLE_SESSION_IDLE_MINUTES", "sign out after this many minutes without a request", "30"),
        ("CAPABLE_SESSION_ABSOLUTE_HOURS", "sign out this many hours after sign-in", "10"),
        ("CAPABLE_MAX_BODY_SIZE", "largest request body, e.g. 2mb or 512kb", "2mb"),
        ("CAPABLE_TRUSTED_PROXIES", "comma-separated proxy addresses whose X-Forwarded-For is trusted", "none"),
        ("CAPABLE_PUBLIC_URL", "the address people use, for printed links", "http://127.0.0.1:8080"),
        ("CAPABLE_IMPORT_BACKGROUND_ROWS", "HR files with at least this many rows are applied in the background", "2000"),
        ("CAPABLE_PROBATION_MONTHS", "months after the start date when probation reviews fall", "1,3,5"),
        ("CAPABLE_REMIND_EVERY_MINUTES", "how often serve adds reminders to notification lists; 0 turns it off", "60"),
    ]

    public struct Invalid: Error, CustomStringConvertible, Equatable {
        public var name: String
        public var reason: String
        public var description: String { "Setting \(name) \(reason)" }
    }

    /// Reads the settings from an environment (normally the process's).
    public static func load(from env: [String: String]) throws -> AppConfig {
        func value(_ name: String) -> String? {
            guard let raw = env[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        func integer(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws -> Int {
            guard let raw = value(name) else { return fallback }
            guard let number = Int(raw), range.contains(number) else {
                throw Invalid(name: name, reason: "must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(raw)\"")
            }
            return number
        }

        let database: DatabaseChoice
        if let url = value("DATABASE_URL") {
            guard let parts = URLComponents(string: url), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
                  parts.host?.isEmpty == false
            else {
                throw Invalid(name: "DATABASE_URL", reason: "must look like postgres://user:password@host:5432/database")
            }
            database = .postgres(url: url, searchPath: nil)
        } else {
            database = .sqliteFile(path: value("CAPABLE_DATABASE_PATH") ?? "capable.sqlite")
        }

        let insecure = value("CAPABLE_INSECURE_COOKIES") ?? "0"
        guard ["0", "1"].contains(insecure) else {
            throw Invalid(name: "CAPABLE_INSECURE_COOKIES", reason: "must be 0 or 1, not \"\(insecure)\"")
        }

        let idle = try integer("CAPABLE_SESSION_IDLE_MINUTES", default: 30, range: 1...24 * 60)
        let absolute = try integer("CAPABLE_SESSION_ABSOLUTE_HOURS", default: 10, range: 1...24 * 7)

        let bodyText = value("CAPABLE_MAX_BODY_SIZE") ?? "2mb"
        guard let body = parseByteCount(bodyText) else {
            throw Invalid(name: "CAPABLE_MAX_BODY_SIZE", reason: "must be a size such as 2mb or 512kb, not \"\(bodyText)\"")
        }

        let publicURL = value("CAPABLE_PUBLIC_URL") ?? "http://127.0.0.1:8080"
        guard let parsed = URLComponents(string: publicURL), ["http", "https"].contains(parsed.scheme ?? ""), parsed.host != nil else {
            throw Invalid(name: "CAPABLE_PUBLIC_URL", reason: "must be an http or https address, not \"\(publicURL)\"")
        }

        var config = AppConfig(
            database: database,
            secureCookies: insecure == "0",
            sessionLifetime: SessionLifetime(idleTimeout: TimeInterval(idle * 60), absoluteTimeout: TimeInterval(absolute * 3600)),
            maxBodySize: body,
            trustedProxies: Set((value("CAPABLE_TRUSTED_PROXIES") ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }),
            publicURL: publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL,
            publicURLIsSet: value("CAPABLE_PUBLIC_URL") != nil,
            bcryptCost: 12,
            postgresPoolSize: try integer("CAPABLE_DB_POOL", default: 4, range: 1...64)
        )
        config.importBackgroundRows = try integer("CAPABLE_IMPORT_BACKGROUND_ROWS", default: 2_000, range: 1...10_000_000)
        config.remindEveryMinutes = try integer("CAPABLE_REMIND_EVERY_MINUTES", default: 60, range: 0...10_080)
        if let months = value("CAPABLE_PROBATION_MONTHS") {
            guard let parsed = ProbationSchedule.months(from: months) else {
                throw Invalid(name: "CAPABLE_PROBATION_MONTHS", reason: "must be months from 1 to 24 separated by commas, like 1,3,5, not \"\(months)\"")
            }
            config.probationMonths = parsed
        }
        return config
    }

    /// Where `serve` will listen, from its --hostname/-H and --port/-p options, as a base URL
    /// for the printed setup link when CAPABLE_PUBLIC_URL is not set.
    public func baseURL(serveArguments arguments: [String]) -> String {
        guard !publicURLIsSet else { return publicURL }
        func option(_ names: Set<String>) -> String? {
            for (index, argument) in arguments.enumerated() {
                if names.contains(argument), index + 1 < arguments.count { return arguments[index + 1] }
                for name in names where argument.hasPrefix(name + "=") { return String(argument.dropFirst(name.count + 1)) }
            }
            return nil
        }
        let host = option(["--hostname", "-H"]) ?? "127.0.0.1"
        let port = option(["--port", "-p"]) ?? "8080"
        return "http://\(host):\(port)"
    }

    /// "2mb", "512kb", "1048576".
    static func parseByteCount(_ text: String) -> ByteCount? {
        let lower = text.lowercased()
        let units: [(String, Int)] = [("gb", 1 << 30), ("mb", 1 << 20), ("kb", 1 << 10), ("b", 1)]
        for (suffix, factor) in units where lower.hasSuffix(suffix) {
            guard let number = Int(lower.dropLast(suffix.count)), number > 0 else { return nil }
            return ByteCount(value: number * factor)
        }
        guard let number = Int(lower), number > 0 else { return nil }
        return ByteCount(value: number)
    }

    /// Settings for tests: a SQLite file of their own, or PostgreSQL in a schema of their own.
    public static func testing(database: DatabaseChoice) -> AppConfig {
        AppConfig(
            database: database, secureCookies: true, sessionLifetime: .standard, maxBodySize: ByteCount(value: 2 << 20),
            trustedProxies: [], publicURL: "http://127.0.0.1:8080", publicURLIsSet: false, bcryptCost: 4, postgresPoolSize: 1
        )
    }
}

@testable import App
import Foundation
import Testing

@Suite("Settings")
struct ConfigTests {
    @Test("Defaults: SQLite file capable.sqlite, secure cookies, 30 minutes idle, 10 hours absolute")
    func defaults() throws {
        let config = try AppConfig.load(from: [:])
        #expect(config.database == .sqliteFile(path: "capable.sqlite"))
        #expect(config.secureCookies)
        #expect(config.sessionLifetime.idleTimeout == 1800)
        #expect(config.sessionLifetime.absoluteTimeout == 36000)
        #expect(config.bcryptCost == 12)
    }

    @Test("Each setting is read", arguments: [
        (["CAPABLE_DATABASE_PATH": "/tmp/x.sqlite"], "database"),
        (["DATABASE_URL": "postgres://u:p@db:5432/capable"], "database"),
        (["CAPABLE_INSECURE_COOKIES": "1"], "cookies"),
        (["CAPABLE_SESSION_IDLE_MINUTES": "15", "CAPABLE_SESSION_ABSOLUTE_HOURS": "8"], "sessions"),
        (["CAPABLE_MAX_BODY_SIZE": "512kb"], "body"),
    ])
    func reads(env: [String: String], what: String) throws {
        let config = try AppConfig.load(from: env)
        switch what {
        case "database":
            if let path = env["CAPABLE_DATABASE_PATH"] { #expect(config.database == .sqliteFile(path: path)) }
            if let url = env["DATABASE_URL"] { #expect(config.database == .postgres(url: url, searchPath: nil)) }
        case "cookies": #expect(!config.secureCookies)
        case "sessions":
            #expect(config.sessionLifetime.idleTimeout == 900)
            #expect(config.sessionLifetime.absoluteTimeout == 8 * 3600)
        default: #expect(config.maxBodySize.value == 512 * 1024)
        }
    }

    @Test("A malformed setting stops start-up with a message naming it", arguments: [
        ("DATABASE_URL", "mysql://nope"),
        ("CAPABLE_INSECURE_COOKIES", "yes"),
        ("CAPABLE_SESSION_IDLE_MINUTES", "0"),
        ("CAPABLE_SESSION_ABSOLUTE_HOURS", "ten"),
        ("CAPABLE_MAX_BODY_SIZE", "huge"),
        ("CAPABLE_PUBLIC_URL", "ftp://x"),
        ("CAPABLE_DB_POOL", "-1"),
    ])
    func malformed(name: String, value: String) {
        #expect {
            try AppConfig.load(from: [name: value])
        } throws: { error in
            guard let invalid = error as? AppConfig.Invalid else { return false }
            return invalid.name == name && invalid.description.contains(name)
        }
    }
}

@Suite("The printed setup link")
struct SetupLinkTests {
    @Test("Uses serve's own host and port unless CAPABLE_PUBLIC_URL says otherwise")
    func baseURL() throws {
        let plain = try AppConfig.load(from: [:])
        #expect(plain.baseURL(serveArguments: ["capable", "serve"]) == "http://127.0.0.1:8080")
        #expect(plain.baseURL(serveArguments: ["capable", "serve", "--port", "9000", "-H", "0.0.0.0"]) == "http://0.0.0.0:9000")
        #expect(plain.baseURL(serveArguments: ["capable", "serve", "--port=9001"]) == "http://127.0.0.1:9001")
        let set = try AppConfig.load(from: ["CAPABLE_PUBLIC_URL": "https://capable.example.gov.uk/"])
        #expect(set.baseURL(serveArguments: ["capable", "serve", "--port", "9000"]) == "https://capable.example.gov.uk")
    }
}

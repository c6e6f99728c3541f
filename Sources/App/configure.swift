import CapableCore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Wires the application: database, passwords, middleware, routes, commands. No logic here.
public func configure(_ app: Application, config: AppConfig) async throws {
    app.config = config
    app.writeTurns = WriteTurns()
    app.riskCreations = RiskCreations()
    try await configureDatabase(app, config.database, poolSize: config.postgresPoolSize)
    app.migrations.add(Migrations.all)

    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.passwordPolicy = try Passwords.loadPolicy()
    app.dummyPasswordHash = try Bcrypt.hash("capable-no-such-account", cost: config.bcryptCost)

    app.routes.defaultMaxBodySize = config.maxBodySize
    ContentConfiguration.global.use(encoder: JSONEncoder.custom(dates: .iso8601), for: .json)
    ContentConfiguration.global.use(decoder: JSONDecoder.custom(dates: .iso8601), for: .json)

    // Outermost first. Errors are caught inside the header middleware so error pages get the
    // headers too; authentication runs before CSRF (which needs the session) and the policy
    // check; the transaction wraps only the handler.
    app.middleware = Middlewares()
    app.middleware.use(SecurityHeadersMiddleware(hsts: config.secureCookies))
    app.middleware.use(AppErrorMiddleware())
    if let publicDirectory = AppResources.url("Public") {
        app.middleware.use(try PublicFilesMiddleware(directory: publicDirectory))
    }
    app.middleware.use(AuthenticationMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(PolicyMiddleware())
    app.middleware.use(TransactionMiddleware())

    try routes(app)

    app.asyncCommands.use(CreateAdminCommand(), as: "create-admin")
    app.asyncCommands.use(CreateTokenCommand(), as: "create-token")
    app.asyncCommands.use(SeedCommand(), as: "seed")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(RemindCommand(), as: "remind")
    // Only a server produces reminders on a timer; other commands (migrate, import, remind) do not.
    if app.environment != .testing, ["serve", nil].contains(app.environment.arguments.dropFirst().first) {
        app.lifecycle.use(ReminderSchedule())
    }
}

private func configureDatabase(_ app: Application, _ choice: AppConfig.DatabaseChoice, poolSize: Int) async throws {
    switch choice {
    case .sqliteFile(let path):
        try await useSQLite(app, path: path)
    case .postgres(let url, let searchPath):
        var configuration = try SQLPostgresConfiguration(url: url)
        if let searchPath { configuration.searchPath = [searchPath] }
        // Writers queue on the audit chain's lock, so a burst of writes can wait for a connection
        // longer than the driver's 10 s default; a slow answer is better than a failed write.
        app.databases.use(.postgres(configuration: configuration, maxConnectionsPerEventLoop: poolSize,
                                    connectionPoolTimeout: .seconds(30)), as: .psql)
    }
}

/// SQLite runs every call on the application's blocking thread pool, and a writer waiting for
/// the lock sleeps there (`busy_timeout`). The shared default pool has one thread per core and
/// is shared by every application in the process (every test runs its own): waiting writers
/// could take all its threads, and the lock's holder, needing one to commit, would never get it
/// until the timeout. So each application has its own pool, twice as many threads as its
/// connections: each connection runs one call at a time, so the holder always finds a thread.
private func useSQLite(_ app: Application, path: String) async throws {
    // One connection per event loop for requests and as many for background jobs.
    let connections = 2 * Array(app.eventLoopGroup.makeIterator()).count
    app.threadPool = NIOThreadPool(numberOfThreads: 2 * connections)
    app.databases.use(.sqlite(.file(path)), as: .sqlite, isDefault: true)
    // Background jobs get connections of their own: fluent-sqlite-driver keeps one connection
    // per event loop, and a long import holding it would stall half the pages.
    app.databases.use(.sqlite(.file(path)), as: .jobs, isDefault: false)
    // WAL persists in the file: readers never wait for a writer or fail while it commits.
    // synchronous stays at SQLite's FULL, so a commit survives power loss.
    try await app.db.sql.raw("PRAGMA journal_mode=WAL").run()
}

extension DatabaseID {
    /// The connections background jobs use (see `Application.jobsDatabase`).
    static let jobs = DatabaseID(string: "jobs")
}

extension Application {
    /// Where a background job writes: its own SQLite connections; the shared pool on PostgreSQL
    /// (which has several connections per event loop).
    var jobsDatabase: any Database {
        databases.ids().contains(.jobs) ? db(.jobs) : db
    }
}

/// What `capable serve` does before it listens: migrate, load built-in content, and print the
/// one-time setup link while there is no account.
public func prepareToServe(_ app: Application, arguments: [String]) async throws {
    try await app.autoMigrate()
    try await BuiltInFrameworks.load(on: app.db)
    try await BuiltInLearning.load(on: app.db)
    try await BuiltInRisk.load(on: app.db)
    if let token = try await Setup.issueToken(on: app.db) {
        // Written straight to the file descriptor: print() is buffered when standard output is a
        // file or pipe, and the link must be there to read while the server runs.
        FileHandle.standardOutput.write(Data("""

            No account exists yet. To create the first administrator, open this one-time link:

                \(app.config.baseURL(serveArguments: arguments))\(SiteURL.setup(token: token).path)

            (or run: capable create-admin --email you@example.org)


            """.utf8))
    }
}

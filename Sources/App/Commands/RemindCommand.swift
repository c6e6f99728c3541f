import CapableCore
import Vapor

/// `capable remind`: adds today's reminders to people's notification lists. Idempotent, so it is
/// safe from cron, next to `serve`'s own periodic run, or on several servers at once.
struct RemindCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Adds due reminders (check-ins, feedback requests, PDR steps, probation reviews) to notification lists" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let created = try await Reminders.run(today: .today, probationMonths: app.config.probationMonths, on: app.jobsDatabase)
        context.console.print("Reminders: \(created) new")
    }
}

/// The periodic run inside `serve`, every `CAPABLE_REMIND_EVERY_MINUTES`. A failed run is logged
/// (without personal data) and tried again next time.
struct ReminderSchedule: LifecycleHandler {
    func didBootAsync(_ app: Application) async throws {
        let minutes = app.config.remindEveryMinutes
        guard minutes > 0 else { return }
        let months = app.config.probationMonths
        app.eventLoopGroup.next().scheduleRepeatedAsyncTask(initialDelay: .minutes(1), delay: .minutes(Int64(minutes))) { _ in
            app.eventLoopGroup.next().makeFutureWithTask {
                do {
                    let created = try await Reminders.run(today: .today, probationMonths: months, on: app.jobsDatabase)
                    app.logger.info("reminders: \(created) new")
                } catch {
                    app.logger.error("reminders failed: \(String(describing: type(of: error)))")
                }
            }
        }
    }
}

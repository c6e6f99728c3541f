import CapableCore
import Fluent
import Plot
import Vapor

/// Adding a register for an org unit (risk managers and administrators), and the corporate
/// register report for the top team: printable, one page per risk.
enum RegistersController {
    struct Form: Content {
        var unit: String?
        var prefix: String?
        var name: String?
    }

    static func formPage(_ form: Form, errors: [FieldError], context: PageContext) -> HTML {
        Layout.page(PageFrame(title: "Add a register", area: .risk, breadcrumbs: [("Home", .home), ("Risk", .risk(.home))], hasErrors: !errors.isEmpty),
                    context: context,
            Components.errorSummary(errors),
            Components.heading("Add a register"),
            Components.form(action: .risk(.registers), csrf: context.csrfToken,
                Components.input(.init(name: "unit", label: "Unit code", hint: "The org unit's code from the HR system, for example HSG", value: form.unit, width: "10"), errors: errors),
                Components.input(.init(name: "prefix", label: "Reference prefix", hint: "2 to 8 capital letters; risks are numbered HSG-001, HSG-002", value: form.prefix, width: "10"), errors: errors),
                Components.input(.init(name: "name", label: "Name (optional)", hint: "The unit's name and \"risk register\" if left empty", value: form.name), errors: errors),
                Components.button("Add the register")))
    }

    @Sendable static func newForm(req: Request) async throws -> HTML {
        formPage(Form(), errors: [], context: PageContext(req))
    }

    /// A register for a unit that has none, with a prefix no other register uses; or the errors by field.
    static func validate(_ form: Form, on db: any Database) async throws -> Result<RiskRegister, AppError> {
        var errors: [FieldError] = []
        let code = (form.unit ?? "").trimmingCharacters(in: .whitespaces)
        let unit = code.isEmpty ? nil : try await OrgUnit.query(on: db).filter(\.$code == code).first()
        if unit == nil { errors.append(.init(field: "unit", message: code.isEmpty ? "Enter the unit's code" : "No unit has the code \(code)")) }
        if let unitID = unit?.id, try await RiskRegister.query(on: db).filter(\.$orgUnit.$id == unitID).first() != nil {
            errors.append(.init(field: "unit", message: "\(unit?.name ?? code) already has a register"))
        }
        let prefix = (form.prefix ?? "").trimmingCharacters(in: .whitespaces).uppercased()
        if prefix.count < 2 || prefix.count > 8 || !prefix.allSatisfy({ $0.isASCII && $0.isLetter }) {
            errors.append(.init(field: "prefix", message: "Enter a prefix of 2 to 8 letters"))
        } else if try await RiskRegister.query(on: db).filter(\.$prefix == prefix).first() != nil {
            errors.append(.init(field: "prefix", message: "Another register already uses the prefix \(prefix)"))
        }
        let name = (form.name ?? "").trimmingCharacters(in: .whitespaces)
        if name.count > 120 { errors.append(.init(field: "name", message: "The name must be 120 characters or fewer")) }
        guard errors.isEmpty, let unit else { return .failure(.invalid(errors)) }
        return .success(RiskRegister(name: name.isEmpty ? "\(unit.name) risk register" : name, prefix: prefix, unitID: unit.id))
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let form = try req.content.decode(Form.self)
        switch try await validate(form, on: req.database) {
        case .failure(.invalid(let errors)):
            return formPage(form, errors: errors, context: PageContext(req)).response(status: .badRequest)
        case .failure(let error):
            throw error
        case .success(let register):
            try await req.create(register)
            return req.redirect(to: SiteURL.risk(.register(try register.requireID())).path, redirectType: .normal)
        }
    }

    /// The corporate register for the top team: the heat map, then each open risk on its own
    /// printed page with its ratings, controls, actions and latest review.
    @Sendable static func corporateReport(req: Request) async throws -> HTML {
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        guard access.canSee(register: RiskRegister.corporateID) else { throw AppError.forbidden }
        let db = req.database, today = CalendarDate.today
        let matrix = try await RiskSettings.matrix(on: db)
        let (map, _) = try await RiskQueries.heatMap(register: RiskRegister.corporateID, kind: .current, closed: false, matrix: matrix, on: db)
        let rows = try await RiskQueries.rows(register: RiskRegister.corporateID, view: .init(), limit: 500, offset: 0, on: db)
        let names = Dictionary(try await RiskRegister.query(on: db).all().map { (try $0.requireID(), $0.name) }, uniquingKeysWith: { a, _ in a })
        var pages: [BodyNode] = []
        for row in rows {
            guard let risk = try await Risk.find(row.id, on: db) else { continue }
            let model = try await RiskShowController.query(risk, access: access, today: today, on: db)
            pages.append(H.el("section", H.cls("app-risk-summary"),
                H.el("h2", H.cls("govuk-heading-m"), H.text("\(model.reference) \(model.title)")),
                Components.summaryList([
                    ("Category", H.text("\(model.category) (appetite: up to \(model.ceiling))")),
                    ("Owner", H.text(model.owner)),
                    ("Origin", H.text(row.register_id == RiskRegister.corporateID ? "Raised on the corporate register" : "Escalated from \(names[row.register_id] ?? "")")),
                    ("Event", H.text(model.event)),
                    ("Inherent", RiskViews.rating(model.inherent, matrix: matrix)),
                    ("Current", .group(RiskViews.rating(model.current, matrix: matrix), model.outside ? .group(H.text(" "), Components.tag("Outside appetite", colour: "red")) : .empty)),
                    ("Target", RiskViews.rating(model.target, matrix: matrix)),
                    ("Response", H.text(model.response?.label ?? "Not decided")),
                    ("Controls", H.text(model.controls.isEmpty ? "None recorded" : model.controls.map { "\($0.description) (\($0.effectiveness.label.lowercased()))" }.joined(separator: "; "))),
                    ("Actions", H.text(model.actions.isEmpty ? "None" : model.actions.map { "\($0.description), \($0.owner), \($0.overdue ? "overdue" : $0.status.rawValue)" }.joined(separator: "; "))),
                    ("Latest review", H.text(model.reviews.first.map { "\(DisplayFormat.calendarDate($0.on)): \($0.note)" } ?? "Not reviewed yet")),
                    ("Score over time", H.text(RiskChart.summary(model.chart, ceiling: model.ceiling))),
                ])))
        }
        return Layout.printPage(title: "Corporate risk register report", back: .risk(.register(RiskRegister.corporateID)),
            Components.heading("Corporate risk register", caption: "Report for the Corporate Management Team, \(DisplayFormat.calendarDate(today.description))"),
            RiskViews.heatMap(map, matrix: matrix, caption: "Current ratings of \(map.total) open risks. \(RiskViews.bandSummary(map, matrix: matrix)).", link: nil),
            rows.isEmpty ? Components.paragraph("There are no open risks on the corporate register.") : .group(pages))
    }
}

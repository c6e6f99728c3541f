import Foundation

/// The risk area's addresses, reached through `SiteURL.risk(...)` so links stay typed.
enum RiskURL: Sendable, Equatable {
    /// What a register page shows: which rating's heat map, a cell picked from it, the change
    /// since a date, closed risks too, and the page of the list.
    struct View: Sendable, Equatable {
        var kind: RiskAssessment.Kind = .current
        var likelihood: Int? = nil
        var impact: Int? = nil
        var since: String? = nil
        var closed = false
        var page = 1

        var query: [String: String?] {
            ["kind": kind == .current ? nil : kind.rawValue, "l": likelihood.map(String.init), "i": impact.map(String.init),
             "since": since, "closed": closed ? "1" : nil, "page": page > 1 ? String(page) : nil]
        }
    }

    enum Form: String, Sendable, CaseIterable {
        case edit, assess, response, control = "controls", action = "actions", review, escalate, indicator
    }

    case home
    case newRegister
    case registers
    case register(UUID, View = View())
    case registerExport(UUID)
    case exportAll
    case newRisk(UUID)
    case createRisk(UUID)
    case risk(UUID)
    /// A form about a risk; GET shows it, POST saves it.
    case form(UUID, Form)
    case deEscalate(UUID)
    case status(UUID)
    case controlEffectiveness(UUID)
    case appetite
    case corporateReport

    var path: String {
        func id(_ value: UUID) -> String { value.uuidString.lowercased() }
        switch self {
        case .home: return "/risk"
        case .newRegister: return "/risk/registers/new"
        case .registers: return "/risk/registers"
        case .register(let register, let view):
            let query = Query.encode(view.query)
            return "/risk/registers/\(id(register))" + (query.isEmpty ? "" : "?" + query)
        case .registerExport(let register): return "/risk/registers/\(id(register))/export.csv"
        case .exportAll: return "/risk/export.csv"
        case .newRisk(let register): return "/risk/registers/\(id(register))/risks/new"
        case .createRisk(let register): return "/risk/registers/\(id(register))/risks"
        case .risk(let risk): return "/risk/risks/\(id(risk))"
        case .form(let risk, let form): return "/risk/risks/\(id(risk))/\(form.rawValue)"
        case .deEscalate(let risk): return "/risk/risks/\(id(risk))/de-escalate"
        case .status(let risk): return "/risk/risks/\(id(risk))/status"
        case .controlEffectiveness(let control): return "/risk/controls/\(id(control))/effectiveness"
        case .appetite: return "/risk/appetite"
        case .corporateReport: return "/risk/corporate/report"
        }
    }
}

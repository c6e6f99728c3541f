import CapableCore
import Fluent
import Plot
import Vapor

/// Risk appetite and the area's settings: everyone reads them; risk managers and
/// administrators change them.
enum AppetiteController {
    static func query(canEdit: Bool, values: [String: String] = [:], errors: [FieldError] = [], on db: any Database) async throws -> AppetitePage.Model {
        let categories = try await RiskCategory.query(on: db).filter(\.$active == true).sort(\.$position).all()
        return .init(categories: categories.map { .init(code: $0.code, name: $0.name, summary: $0.summary, appetite: $0.appetiteLevel, ceiling: $0.ceiling) },
                     visibility: try await RiskSettings.visibility(on: db), matrix: try await RiskSettings.matrix(on: db),
                     canEdit: canEdit, values: values, errors: errors)
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let access = try await RiskAccess.of(try req.requirePrincipal(), on: req.database)
        return AppetitePage.view(try await query(canEdit: access.canConfigure, on: req.database), context: PageContext(req))
    }

    /// One category's change.
    struct Change: Sendable {
        var category: RiskCategory
        var appetite: RiskAppetite
        var ceiling: Int
    }

    /// Checks every field before anything is written: the changes, the visibility, the new
    /// category; or the errors by field.
    static func validate(_ values: [String: String], categories: [RiskCategory], matrix: RiskMatrix)
        -> Result<(changes: [Change], visibility: RiskSettings.Visibility?, new: (name: String, summary: String, appetite: RiskAppetite)?), AppError> {
        var errors: [FieldError] = [], changes: [Change] = []
        for category in categories {
            let key = "appetite_\(category.code)"
            guard let raw = values[key] else { continue }
            guard let appetite = RiskAppetite(rawValue: raw) else {
                errors.append(.init(field: key, message: "Choose an appetite for \(category.name): averse, minimal, cautious, open or eager"))
                continue
            }
            let rawCeiling = (values["ceiling_\(category.code)"] ?? "").trimmingCharacters(in: .whitespaces)
            let levelChanged = appetite != category.appetiteLevel
            let ceiling = rawCeiling.isEmpty || (levelChanged && rawCeiling == String(category.ceiling)) ? appetite.defaultCeiling : Int(rawCeiling)
            guard let ceiling, (1...matrix.maxScore).contains(ceiling) else {
                errors.append(.init(field: "ceiling_\(category.code)", message: "Enter the highest score accepted for \(category.name), from 1 to \(matrix.maxScore)"))
                continue
            }
            changes.append(.init(category: category, appetite: appetite, ceiling: ceiling))
        }
        var visibility: RiskSettings.Visibility?
        if let raw = values["visibility"] {
            visibility = RiskSettings.Visibility(rawValue: raw)
            if visibility == nil { errors.append(.init(field: "visibility", message: "Choose who sees the registers of units")) }
        }
        var new: (String, String, RiskAppetite)?
        let name = (values["new_name"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if !name.isEmpty {
            let summary = (values["new_summary"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let code = name.lowercased().replacingOccurrences(of: " ", with: "-")
            if name.count > 60 { errors.append(.init(field: "new_name", message: "The category's name must be 60 characters or fewer")) }
            if categories.contains(where: { $0.code == code || $0.name.lowercased() == name.lowercased() }) {
                errors.append(.init(field: "new_name", message: "There is already a category called \(name)"))
            }
            if summary.isEmpty { errors.append(.init(field: "new_summary", message: "Say what the category covers")) }
            if let appetite = RiskAppetite(rawValue: values["new_appetite"] ?? "") { new = (name, summary, appetite) } else {
                errors.append(.init(field: "new_appetite", message: "Choose the new category's appetite"))
            }
        }
        return errors.isEmpty ? .success((changes, visibility, new)) : .failure(.invalid(errors))
    }

    static func apply(changes: [Change], visibility: RiskSettings.Visibility?, new: (name: String, summary: String, appetite: RiskAppetite)?,
                      position: Int, req: Request) async throws {
        for change in changes where change.appetite != change.category.appetiteLevel || change.ceiling != change.category.ceiling {
            try await req.update(change.category) { category in
                category.appetite = change.appetite.rawValue
                category.ceiling = change.ceiling
            }
        }
        if let visibility { try await RiskSettings.store(RiskSettings.visibilityKey, visibility.rawValue, on: req) }
        if let new {
            let category = RiskCategory()
            category.code = new.name.lowercased().replacingOccurrences(of: " ", with: "-")
            category.name = new.name
            category.summary = new.summary
            category.appetite = new.appetite.rawValue
            category.ceiling = new.appetite.defaultCeiling
            category.position = position
            category.active = true
            try await req.create(category)
        }
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let values = try req.content.decode([String: String].self)
        let categories = try await RiskCategory.query(on: req.database).sort(\.$position).all()
        switch validate(values, categories: categories.filter(\.active), matrix: try await RiskSettings.matrix(on: req.database)) {
        case .success(let clean):
            try await apply(changes: clean.changes, visibility: clean.visibility, new: clean.new, position: categories.count, req: req)
            return req.redirect(to: SiteURL.risk(.appetite).path, redirectType: .normal)
        case .failure(.invalid(let errors)):
            return AppetitePage.view(try await query(canEdit: true, values: values, errors: errors, on: req.database), context: PageContext(req))
                .response(status: .badRequest)
        case .failure(let error):
            throw error
        }
    }
}

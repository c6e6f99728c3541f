import CapableCore
import Fluent
import Plot
import SQLKit
import Vapor

/// Search across every published framework: codes, titles, statements, the "why" and "what it
/// means" text, and the looks-like / doesn't-look-like examples.
enum FrameworkSearch {
    struct Row: Codable, Sendable {
        var element_id: UUID
        var code: String
        var kind: String
        var title: String
        var statement: String
        var indicators: String
        var lineage_id: UUID
        var framework_title: String
    }

    /// One result, with the example that matched when the match was in an example.
    struct Hit: Encodable, Sendable {
        var elementID: UUID
        var code: String
        var kind: String
        var title: String
        var statement: String
        var frameworkID: UUID
        var frameworkTitle: String
        var matchedExample: String?
    }

    static let limit = 200

    /// Published elements matching every word of the query, by framework then code.
    static func query(_ text: String, on db: any Database) async throws -> [Hit] {
        let words = text.lowercased().split(whereSeparator: \.isWhitespace).prefix(8).map(String.init)
        guard !words.isEmpty else { return [] }
        var sql: SQLQueryString = """
            SELECT e.element_id, e.code, e.kind, e.title, e.statement, e.indicators, f.lineage_id, f.title AS framework_title \
            FROM framework_elements e JOIN frameworks f ON f.id = e.version_id \
            WHERE f.status = \(bind: FrameworkDocument.Status.published.rawValue)
            """
        for word in words {
            let like = "%\(escapeLike(word))%"
            sql += """
                 AND (lower(e.code) LIKE \(bind: like) ESCAPE '\\' OR lower(e.title) LIKE \(bind: like) ESCAPE '\\' \
                OR lower(e.statement) LIKE \(bind: like) ESCAPE '\\' OR lower(e.indicators) LIKE \(bind: like) ESCAPE '\\' \
                OR lower(COALESCE(e.why_it_matters, '')) LIKE \(bind: like) ESCAPE '\\' \
                OR lower(COALESCE(e.what_it_means_for_me, '')) LIKE \(bind: like) ESCAPE '\\')
                """
        }
        sql += " LIMIT \(literal: limit)"
        let rows = try await db.sql.raw(sql).all(decoding: Row.self)
        return rows.map { row in
            let indicators = (try? JSONDecoder().decode([FrameworkDocument.Indicator].self, from: Data(row.indicators.utf8))) ?? []
            let inOwnText = words.allSatisfy { word in
                [row.code, row.title, row.statement].contains { $0.lowercased().contains(word) }
            }
            return Hit(elementID: row.element_id, code: row.code, kind: row.kind, title: row.title, statement: row.statement,
                       frameworkID: row.lineage_id, frameworkTitle: row.framework_title,
                       matchedExample: inOwnText ? nil : indicators.first { ind in words.contains { ind.text.lowercased().contains($0) } }?.text)
        }
        .sorted { a, b in
            a.frameworkTitle != b.frameworkTitle ? a.frameworkTitle < b.frameworkTitle
                : a.code.localizedStandardCompare(b.code) == .orderedAscending
        }
    }

    /// `%`, `_` and the escape character itself match literally.
    static func escapeLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }

    @Sendable static func page(req: Request) async throws -> HTML {
        let text = ((try? req.query.get(String.self, at: "q")) ?? "").trimmingCharacters(in: .whitespaces)
        let hits = text.isEmpty ? [] : try await query(String(text.prefix(200)), on: req.database)
        return SearchPage.view(.init(query: text, hits: hits, limited: hits.count >= limit), context: PageContext(req))
    }
}

import Foundation

extension Markdown {
    /// `raw` cleaned up when it is safe to link to, otherwise nil.
    ///
    /// Safe means an `http`, `https` or `mailto` scheme, or a link within the site starting with `/`
    /// (but not `//`, which names another host) or `#`. The scheme is compared against that
    /// allowlist only after removing control characters, which browsers ignore, so `java\tscript:`
    /// is refused; anything else in front of the colon, such as an entity (`&#106;avascript:`),
    /// simply fails to match.
    public static func safeURL(_ raw: String) -> String? {
        let visible = raw.unicodeScalars.filter { !($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
        let url = String(String.UnicodeScalarView(visible)).trimmingCharacters(in: .whitespacesAndNewlines)
        if url.hasPrefix("#") { return url }
        if url.hasPrefix("/") {
            // Browsers read "/\" like "//", a link to another host.
            let second = url.dropFirst().first
            return second == "/" || second == "\\" ? nil : url
        }
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard scheme.allSatisfy(\.isASCII) else { return nil }
        return ["http", "https", "mailto"].contains(scheme.lowercased()) ? url : nil
    }
}

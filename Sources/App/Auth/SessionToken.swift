import CapableCore
import Crypto
import Foundation

/// Random secrets (session cookies, CSRF tokens, API tokens, the setup link) and their stored hashes.
enum Secret {
    /// 32 bytes from the system's CSPRNG, as URL-safe base64 (256 bits, well over ASVS's 128).
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The stored form: SHA-256, hex. A fast hash is right here because the secrets are random
    /// and long; only passwords need Bcrypt.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).hexString
    }

    /// Compares in time that does not depend on where the strings first differ.
    static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

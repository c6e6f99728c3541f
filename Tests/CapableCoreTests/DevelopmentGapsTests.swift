import CapableCore
import Foundation
import Testing

@Suite("Development gaps")
struct DevelopmentGapsTests {
    @Test("Gaps are elements rated below the expected level, largest first; unrated and met elements are not gaps")
    func gaps() {
        // setup
        let (a, b, c, d, e) = (UUID(), UUID(), UUID(), UUID(), UUID())
        let required: [UUID: Int?] = [a: 3, b: 4, c: nil, d: 2, e: 3]
        let ratings = [a: 2, b: 1, c: 2, d: 2, UUID(): 1]
        // act
        let gaps = DevelopmentGaps.gaps(required: required, ratings: ratings, order: [a, b, c, d, e])
        // check
        #expect(gaps == [.init(element: b, expected: 4, rated: 1), .init(element: a, expected: 3, rated: 2), .init(element: c, expected: 3, rated: 2)])
    }
}

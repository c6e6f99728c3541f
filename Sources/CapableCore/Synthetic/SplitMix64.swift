/// A small seeded random number generator (Steele, Lea and Flood's SplitMix64). Synthetic data
/// must come out identical for the same seed on every machine and Swift version, so the ranges
/// below are computed here rather than by the standard library's `random(in:using:)`, whose
/// algorithm is not promised to stay the same.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `0..<bound`, or 0 when `bound` is not positive. The multiply-and-shift
    /// mapping is biased by under bound/2⁶⁴, far too little to show in test data.
    public mutating func int(below bound: Int) -> Int {
        guard bound > 1 else { return 0 }
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A whole number in `range`, both ends included.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.upperBound - range.lowerBound + 1)
    }

    /// A fraction in `0..<1` with 53 random bits.
    public mutating func fraction() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// True with probability `probability`.
    public mutating func chance(_ probability: Double) -> Bool {
        fraction() < probability
    }

    /// An element of a non-empty array; more often an early one when `favourEarly` is set.
    mutating func element<T>(of array: [T], favourEarly: Bool = false) -> T {
        let index = favourEarly ? min(int(below: array.count), int(below: array.count)) : int(below: array.count)
        return array[index]
    }
}

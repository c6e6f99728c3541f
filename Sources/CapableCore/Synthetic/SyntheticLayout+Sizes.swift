/// How a synthetic council's people are shared out between directorates, services and teams.
extension SyntheticLayout {
    /// The services of a council with about `target` of them, per directorate. A small council
    /// has each directorate's first few; a large one splits its bigger services by area
    /// ("Adult Social Care North"), as large councils do.
    static func services(of directorates: [SyntheticCatalogue.Directorate], target: Int) -> [[SyntheticCatalogue.Service]] {
        let templates = directorates.flatMap(\.services)
        guard target > templates.count else {
            let counts = servicesPerDirectorate(directorates, target: target)
            return directorates.indices.map { Array(directorates[$0].services.prefix(counts[$0])) }
        }
        var copies = split(target, weights: templates.map(\.weight)).makeIterator()
        return directorates.map { directorate in
            directorate.services.flatMap { template -> [SyntheticCatalogue.Service] in
                let count = max(copies.next() ?? 1, 1)
                return (0..<count).map { index in
                    var copy = template
                    // Copies share the template's staff between them (840 divides evenly by 1 to 8).
                    copy.weight = max(1, template.weight * 840 / count)
                    guard count > 1 else { return copy }
                    copy.code = "\(template.code)\(index + 1)"
                    copy.name = "\(template.name) \(index < areas.count ? areas[index] : "Area \(index + 1)")"
                    return copy
                }
            }
        }
    }

    private static let areas = ["North", "South", "East", "West", "Central", "City", "Coastal", "Rural"]

    /// How many of each directorate's services a council with `target` services has: at least
    /// one each, the rest going to whichever directorate is furthest below its share of staff.
    static func servicesPerDirectorate(_ directorates: [SyntheticCatalogue.Directorate], target: Int) -> [Int] {
        var counts = directorates.map { _ in 1 }
        while counts.reduce(0, +) < target {
            var best: Int?
            for (index, directorate) in directorates.enumerated() where counts[index] < directorate.services.count {
                // Compare counts[i] / weight[i] without division: a smaller ratio is more under-served.
                if let current = best, counts[index] * directorates[current].weight >= counts[current] * directorate.weight { continue }
                best = index
            }
            guard let best else { break }
            counts[best] += 1
        }
        return counts
    }

    /// `total` shared out in proportion to `weights`, at least one each while there are enough,
    /// summing to exactly `total` (largest remainders get the leftovers).
    static func split(_ total: Int, weights: [Int]) -> [Int] {
        guard !weights.isEmpty else { return [] }
        let floor = total >= weights.count ? 1 : 0
        let spare = max(total - floor * weights.count, 0)
        let weightSum = max(weights.reduce(0, +), 1)
        var shares = weights.map { floor + spare * $0 / weightSum }
        let remainders = weights.indices.sorted { a, b in
            let (ra, rb) = (spare * weights[a] % weightSum, spare * weights[b] % weightSum)
            return ra != rb ? ra > rb : a < b
        }
        var left = total - shares.reduce(0, +)
        for index in remainders where left > 0 {
            shares[index] += 1
            left -= 1
        }
        return shares
    }

    /// `count` team sizes summing to exactly `total`: 5 to 15 each, most near ten. Only when
    /// `total` cannot fill that many teams of five (a very small council) is a team smaller.
    static func teamSizes(count: Int, total: Int, rng: inout SplitMix64) -> [Int] {
        guard count > 0 else { return [] }
        let fits = total >= 5 * count && total <= 15 * count
        let low = fits ? 5 : 0, high = fits ? 15 : Int.max
        var sizes = fits
            ? (0..<count).map { _ in (rng.int(in: 5...15) + rng.int(in: 5...15) + 1) / 2 }
            : (0..<count).map { total / count + ($0 < total % count ? 1 : 0) }
        var difference = total - sizes.reduce(0, +)
        var cursor = rng.int(below: count)
        // Each pass round the teams moves the sum one step closer for every team not at a
        // limit, and `fits` guarantees one exists, so this ends.
        while difference != 0 {
            if difference > 0, sizes[cursor] < high {
                sizes[cursor] += 1
                difference -= 1
            } else if difference < 0, sizes[cursor] > low {
                sizes[cursor] -= 1
                difference += 1
            }
            cursor = (cursor + 1) % count
        }
        return sizes
    }

    /// `number` with leading zeros to at least `width` digits.
    static func padded(_ number: Int, to width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

import ShiftcastCore

/// The library's SplitMix64 generator under the name the tests use: a seeded generator, so every test run
/// sees the same data.
public typealias SeededGenerator = SplitMixGenerator

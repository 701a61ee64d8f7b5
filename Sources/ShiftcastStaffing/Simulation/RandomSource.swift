import Foundation

/// A seeded stream of random numbers for the simulator: xoshiro256** (Blackman and Vigna 2021,
/// "Scrambled linear pseudorandom number generators", ACM TOMS 47:36), its state filled from the seed by
/// SplitMix64 as the authors recommend. The same seed gives the same stream on every platform, so a
/// simulation is repeatable to the last bit.
struct RandomSource {
    private var state: (UInt64, UInt64, UInt64, UInt64)

    /// The stream of `seed` for replication `stream`: each replication draws from its own stream, so the
    /// replications can run in any order, on any number of threads.
    init(seed: UInt64, stream: Int) {
        var mixer = seed &+ 0x9E37_79B9_7F4A_7C15 &* UInt64(truncatingIfNeeded: stream &+ 1)
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        state = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((state.1 &* 5) << 7 | (state.1 &* 5) >> 57) &* 9
        let shifted = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= shifted
        state.3 = state.3 << 45 | state.3 >> 19
        return result
    }

    /// Uniform in (0, 1): 53 random bits, never 0, so its logarithm is finite.
    @inline(__always)
    mutating func uniform() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Exponential with the given mean (inversion).
    @inline(__always)
    mutating func exponential(mean: Double) -> Double {
        -mean * log(uniform())
    }

    /// Standard normal (Box and Muller 1958; one of the pair, for simplicity over speed).
    @inline(__always)
    mutating func normal() -> Double {
        (-2 * log(uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
}

//! Inputs shared by the benches and the measuring programs in `src/bin`:
//! deterministic, varied populations built outside any timed section.
// The generators cast small random numbers (all below 10^9) between integer types.
#![allow(clippy::cast_possible_truncation, clippy::cast_possible_wrap)]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod calendar;
pub mod lifecycle;
pub mod month_end;
pub mod streams;
pub mod ticks;

/// A deterministic pseudo-random sequence (SplitMix64).
pub struct Rng(pub u64);

impl Rng {
    /// The next number.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

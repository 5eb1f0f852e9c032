//! The simulation kernel: integer time, the event queue, the seeded random
//! generator, the trace hash and the frame clock.
//!
//! Time is an integer count of microseconds ([`SimTime`]), never a float and
//! never the wall clock. Events are ordered by (time, insertion sequence), so
//! events at the same time run first-in first-out. Randomness comes from one
//! seed, forked per component ([`Rng::fork`]) so adding a component does not
//! perturb the others. Nothing here iterates a hash map.
//!
//! Left out: real concurrency. The browser and the CLI step the same
//! single-threaded kernel.

mod clock;
mod queue;
mod rng;
mod trace_hash;

pub use clock::FrameClock;
pub use queue::EventQueue;
pub use rng::Rng;
pub use trace_hash::TraceHasher;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::{Add, AddAssign, Sub};

pub const MICROS_PER_MS: u64 = 1_000;
pub const MICROS_PER_S: u64 = 1_000_000;

/// A point in simulated time, in microseconds since the start of the run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SimTime(pub u64);

impl SimTime {
    pub const ZERO: SimTime = SimTime(0);
    pub const MAX: SimTime = SimTime(u64::MAX);

    // Compared with the largest exact value rather than `saturating_mul`:
    // an overflow-checked 64-bit multiply is a call to a 128-bit multiply
    // routine in wasm32, and these run on every event.
    pub const fn from_ms(ms: u64) -> SimTime {
        SimTime(if ms <= u64::MAX / MICROS_PER_MS { ms * MICROS_PER_MS } else { u64::MAX })
    }
    pub const fn from_secs(s: u64) -> SimTime {
        SimTime(if s <= u64::MAX / MICROS_PER_S { s * MICROS_PER_S } else { u64::MAX })
    }
    pub const fn as_micros(self) -> u64 {
        self.0
    }
    /// Whole milliseconds, rounded down.
    pub fn as_ms(self) -> u64 {
        self.0 / MICROS_PER_MS
    }
    /// Milliseconds as a float, for display and interpolation only.
    pub fn as_ms_f64(self) -> f64 {
        self.0 as f64 / MICROS_PER_MS as f64
    }
    pub fn saturating_sub(self, other: SimTime) -> SimTime {
        SimTime(self.0.saturating_sub(other.0))
    }
}

/// `a × b`, saturating at `u64::MAX`. The same as `u64::saturating_mul`, but
/// when both fit in 32 bits (nearly always) it is one plain multiply: wasm32
/// has no overflow-checked 64-bit multiply and calls a 128-bit routine.
#[inline]
pub fn saturating_mul(a: u64, b: u64) -> u64 {
    if (a | b) >> 32 == 0 {
        a * b
    } else {
        a.saturating_mul(b)
    }
}

impl Add for SimTime {
    type Output = SimTime;
    fn add(self, rhs: SimTime) -> SimTime {
        SimTime(self.0.saturating_add(rhs.0))
    }
}

impl AddAssign for SimTime {
    fn add_assign(&mut self, rhs: SimTime) {
        *self = *self + rhs;
    }
}

impl Sub for SimTime {
    type Output = SimTime;
    fn sub(self, rhs: SimTime) -> SimTime {
        self.saturating_sub(rhs)
    }
}

impl fmt::Display for SimTime {
    /// `12.345 s`, or `250 ms` under a second.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 < MICROS_PER_S {
            write!(f, "{} ms", self.0 / MICROS_PER_MS)
        } else {
            write!(f, "{}.{:03} s", self.0 / MICROS_PER_S, (self.0 % MICROS_PER_S) / MICROS_PER_MS)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiplications_saturate_like_std() {
        let values = [0, 1, 2, 1_000, u32::MAX as u64, 1 << 32, u64::MAX / 1_000, u64::MAX / 1_000 + 1, u64::MAX];
        for a in values {
            assert_eq!(SimTime::from_ms(a).0, a.saturating_mul(MICROS_PER_MS), "{a} ms");
            assert_eq!(SimTime::from_secs(a).0, a.saturating_mul(MICROS_PER_S), "{a} s");
            for b in values {
                assert_eq!(saturating_mul(a, b), a.saturating_mul(b), "{a} × {b}");
            }
        }
    }
}

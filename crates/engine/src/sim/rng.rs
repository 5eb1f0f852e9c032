//! The one random generator: SplitMix64, small, fast and ours, so the same
//! seed gives the same numbers natively and in wasm.

/// A seeded SplitMix64 generator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng { state: seed }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// An independent stream for one component, derived from this one's seed
    /// and a stable key (the component's id), without advancing this stream.
    /// Adding a component therefore never changes another's random numbers.
    pub fn fork(&self, key: &str) -> Rng {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for b in key.as_bytes() {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
        let mut mixer = Rng::new(self.state ^ h);
        Rng::new(mixer.next_u64())
    }

    /// Uniform in [0, 1), with 53 bits of precision.
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform in [0, n). `n` must be positive.
    pub fn below(&mut self, n: u64) -> u64 {
        // Lemire's multiply-shift; the tiny bias is irrelevant here.
        high_half_of_product(self.next_u64(), n)
    }

    /// Uniform in [0, span): `span` may be up to 2^64, the whole range of
    /// an i64 attribute. Same numbers as `u128 % span`, without 128-bit
    /// division, which wasm32 does in software.
    pub fn below_wide(&mut self, span: u128) -> u64 {
        let x = self.next_u64();
        match u64::try_from(span) {
            Ok(span) => x % span,
            // x < 2^64 ≤ span, so x % span is x.
            Err(_) => x,
        }
    }

    /// An exponentially distributed sample with the given mean, in the same
    /// unit as the mean. Uses `libm` so that native and wasm agree bit for bit.
    pub fn exponential(&mut self, mean: f64) -> f64 {
        // 1 - u is in (0, 1], so ln never sees zero.
        -mean * libm::log(1.0 - self.next_f64())
    }
}

/// The upper 64 bits of the 128-bit product `a × b`. Natively that is one
/// instruction. wasm32 has no 64×64→128 multiply: `u128` arithmetic there
/// becomes a call to a general 128×128 routine (`__multi3`), which showed up
/// as 2 % of the engine's time in V8. Every `b` the engine draws below fits
/// in 32 bits, and then two 64-bit products give the same bits, inline.
#[inline]
fn high_half_of_product(a: u64, b: u64) -> u64 {
    match u32::try_from(b) {
        Ok(b) if cfg!(target_family = "wasm") => high_half_by_parts(a, b),
        _ => ((u128::from(a) * u128::from(b)) >> 64) as u64,
    }
}

/// Schoolbook multiplication by a 32-bit number, in 32-bit columns, keeping
/// only the high word: neither partial sum can overflow 64 bits.
#[inline]
fn high_half_by_parts(a: u64, b: u32) -> u64 {
    let b = u64::from(b);
    let high_column = (a >> 32) * b;
    let low_column = (a & 0xffff_ffff) * b;
    (high_column + (low_column >> 32)) >> 32
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The wasm path of `high_half_of_product`, checked natively against
    /// 128-bit arithmetic, so both targets draw the same numbers.
    #[test]
    fn high_half_matches_128_bit_arithmetic() {
        let mut r = Rng::new(11);
        let (a_edges, b_edges) = ([0, 1, 2, u32::MAX as u64, 1 << 32, u64::MAX - 1, u64::MAX], [0, 1, 2, 3, u32::MAX]);
        let pairs = a_edges.iter().flat_map(|&a| b_edges.iter().map(move |&b| (a, b)));
        let random: Vec<(u64, u32)> = (0..10_000).map(|_| (r.next_u64(), r.next_u64() as u32)).collect();
        for (a, b) in pairs.chain(random) {
            let wide = ((u128::from(a) * u128::from(b)) >> 64) as u64;
            assert_eq!(high_half_by_parts(a, b), wide, "{a} × {b}");
        }
    }

    #[test]
    fn below_wide_matches_128_bit_remainder() {
        for span in [1u128, 7, 1 << 40, u64::MAX as u128, 1 << 64] {
            let (mut a, mut b) = (Rng::new(5), Rng::new(5));
            for _ in 0..100 {
                assert_eq!(a.below_wide(span), (u128::from(b.next_u64()) % span) as u64);
            }
        }
    }

    #[test]
    fn same_seed_same_stream() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
    }

    #[test]
    fn forks_are_independent_of_order_and_of_each_other() {
        let root = Rng::new(42);
        let mut a1 = root.fork("shipping");
        let _other = root.fork("accounting");
        let mut a2 = root.fork("shipping");
        assert_eq!(a1.next_u64(), a2.next_u64());
        assert_ne!(root.fork("shipping").next_u64(), root.fork("accounting").next_u64());
    }

    #[test]
    fn exponential_has_the_right_mean() {
        let mut r = Rng::new(3);
        let n = 100_000;
        let mean = (0..n).map(|_| r.exponential(2.0)).sum::<f64>() / n as f64;
        assert!((mean - 2.0).abs() < 0.05, "mean {mean}");
    }
}

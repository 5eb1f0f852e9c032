//! A running hash over the trace, so two runs can be compared by one number
//! without keeping the whole trace. A word-at-a-time multiply-rotate mix (as
//! in rustc's FxHash): simple, fast (one multiply per word, the trace is
//! hashed on every event), and stable across platforms and releases, unlike
//! std's `DefaultHasher`.

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceHasher {
    state: u64,
}

impl Default for TraceHasher {
    fn default() -> Self {
        TraceHasher { state: 0xcbf2_9ce4_8422_2325 }
    }
}

const SEED: u64 = 0x51_7cc1_b727_220a_95;

impl TraceHasher {
    pub fn write_u64(&mut self, value: u64) {
        self.state = (self.state.rotate_left(5) ^ value).wrapping_mul(SEED);
    }

    /// The hash so far, with a final avalanche so nearby states differ widely.
    pub fn finish(&self) -> u64 {
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_values_matter() {
        let hash = |words: &[u64]| {
            let mut h = TraceHasher::default();
            words.iter().for_each(|w| h.write_u64(*w));
            h.finish()
        };
        assert_eq!(hash(&[1, 2, 3]), hash(&[1, 2, 3]));
        assert_ne!(hash(&[1, 2, 3]), hash(&[3, 2, 1]));
        assert_ne!(hash(&[1, 2, 3]), hash(&[1, 2, 4]));
        assert_ne!(hash(&[0]), hash(&[0, 0]));
    }
}

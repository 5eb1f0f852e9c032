//! A running hash over the trace, so two runs can be compared by one number
//! without keeping the whole trace. FNV-1a over little-endian words: simple,
//! stable across platforms and releases (unlike std's `DefaultHasher`).

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TraceHasher {
    state: u64,
}

impl Default for TraceHasher {
    fn default() -> Self {
        TraceHasher { state: 0xcbf2_9ce4_8422_2325 }
    }
}

impl TraceHasher {
    pub fn write_u64(&mut self, value: u64) {
        for b in value.to_le_bytes() {
            self.state = (self.state ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }

    pub fn finish(&self) -> u64 {
        self.state
    }
}

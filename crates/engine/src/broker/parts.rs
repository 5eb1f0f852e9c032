//! Small, self-contained pieces of the broker: throughput windows, the FIFO
//! deduplication window, the per-consumer "already processed" record, the
//! latency histogram, SNS retry schedules, and filter-policy matching.

use crate::scenario::{AttributeRule, AttributeValues, FilterCondition, FilterPolicy, NumericOp};
use crate::sim::SimTime;
use std::collections::{BTreeMap, VecDeque};

/// FIFO queues and topics accept at most `limit` calls of one action per
/// second of sim time. A fixed one-second window: simple, deterministic, and
/// close enough to AWS's token buckets for the lesson ("beyond it: throttled").
#[derive(Clone, Debug)]
pub struct RateWindow {
    limit: u32,
    second: u64,
    used: u32,
    /// When a call was last refused, to show "throttling" for a second after.
    pub last_throttled_at: Option<SimTime>,
}

impl RateWindow {
    pub fn new(limit: u32) -> Self {
        RateWindow { limit, second: 0, used: 0, last_throttled_at: None }
    }

    /// Takes one call out of this second's allowance, or refuses it.
    pub fn allow(&mut self, now: SimTime) -> bool {
        let second = now.0 / 1_000_000;
        if second != self.second {
            self.second = second;
            self.used = 0;
        }
        if self.used < self.limit {
            self.used += 1;
            true
        } else {
            self.last_throttled_at = Some(now);
            false
        }
    }

    pub fn throttling(&self, now: SimTime) -> bool {
        self.last_throttled_at.is_some_and(|t| now.0.saturating_sub(t.0) < 1_000_000)
    }
}

/// The 5-minute deduplication window of FIFO queues and topics.
#[derive(Clone, Debug, Default)]
pub struct DedupWindow {
    until: BTreeMap<u64, SimTime>,
    expiries: VecDeque<(SimTime, u64)>,
}

pub const DEDUP_WINDOW: SimTime = SimTime(5 * 60 * 1_000_000);

impl DedupWindow {
    /// Records `key` and says whether it was already seen within the window.
    pub fn seen_before(&mut self, key: u64, now: SimTime) -> bool {
        while let Some(&(at, old)) = self.expiries.front() {
            if at > now {
                break;
            }
            self.expiries.pop_front();
            if self.until.get(&old) == Some(&at) {
                self.until.remove(&old);
            }
        }
        if self.until.contains_key(&key) {
            return true;
        }
        let expires = now + DEDUP_WINDOW;
        self.until.insert(key, expires);
        self.expiries.push_back((expires, key));
        false
    }
}

/// Which orders a consumer has processed successfully, to count an order
/// processed twice as a duplicate. A sliding bitset over order numbers: an
/// order more than `WINDOW_ORDERS` older than the newest is forgotten.
#[derive(Clone, Debug, Default)]
pub struct ProcessedOrders {
    base: u64,
    words: VecDeque<u64>,
}

const WINDOW_WORDS: usize = 1 << 14; // 1,048,576 orders

impl ProcessedOrders {
    /// Marks `order` processed; returns whether it had been processed before.
    pub fn mark(&mut self, order: u64) -> bool {
        if order < self.base {
            return false; // too old to remember: not counted
        }
        let mut offset = order - self.base;
        while offset >= 64 * WINDOW_WORDS as u64 {
            self.words.pop_front();
            self.base += 64;
            offset -= 64;
        }
        let word = (offset / 64) as usize;
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        let bit = 1u64 << (offset % 64);
        let before = self.words[word] & bit != 0;
        self.words[word] |= bit;
        before
    }
}

/// A log-bucketed histogram of latencies in µs: 16 buckets per power of
/// two, reported at a bucket's middle, so percentiles are within about 3 %.
/// Integer-only, so results agree natively and in wasm.
#[derive(Clone, Debug)]
pub struct LatencyHistogram {
    counts: Vec<u64>,
    total: u64,
}

impl Default for LatencyHistogram {
    fn default() -> Self {
        LatencyHistogram { counts: vec![0; 64 * SUB_BUCKETS], total: 0 }
    }
}

const SUB_BUCKETS: usize = 16;
const SUB_BITS: u64 = 4;

impl LatencyHistogram {
    fn bucket(micros: u64) -> usize {
        if micros < SUB_BUCKETS as u64 {
            return micros as usize;
        }
        let exponent = 63 - micros.leading_zeros() as u64;
        let mantissa = (micros >> (exponent - SUB_BITS)) & (SUB_BUCKETS as u64 - 1);
        (exponent * SUB_BUCKETS as u64 + mantissa) as usize
    }

    /// The middle of the values that fall into `bucket`.
    fn middle(bucket: usize) -> u64 {
        if bucket < SUB_BUCKETS {
            return bucket as u64;
        }
        let (exponent, mantissa) = ((bucket / SUB_BUCKETS) as u64, (bucket % SUB_BUCKETS) as u64);
        let low = (SUB_BUCKETS as u64 + mantissa) << (exponent - SUB_BITS);
        low + (1 << (exponent - SUB_BITS)) / 2
    }

    pub fn record(&mut self, latency: SimTime) {
        self.counts[Self::bucket(latency.0)] += 1;
        self.total += 1;
    }

    pub fn merge(&mut self, other: &LatencyHistogram) {
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        self.total += other.total;
    }

    /// The `percent` percentile in ms (0 when empty).
    pub fn percentile_ms(&self, percent: u64) -> u64 {
        if self.total == 0 {
            return 0;
        }
        let rank = (self.total * percent).div_ceil(100).max(1);
        let mut seen = 0;
        for (bucket, count) in self.counts.iter().enumerate() {
            seen += count;
            if seen >= rank {
                return Self::middle(bucket).div_ceil(1_000);
            }
        }
        0
    }
}

/// SNS's delivery policy for managed endpoints (SQS, Lambda): 3 immediate
/// retries, 2 at 1 s, 10 with exponential backoff from 1 s to 20 s, then
/// 100,000 at 20 s. The delay before retry `attempt` (1-based), or `None`
/// once all 100,015 retries are spent.
pub fn managed_retry_delay_ms(attempt: u32) -> Option<u64> {
    match attempt {
        0 => Some(0),
        1..=3 => Some(0),
        4..=5 => Some(1_000),
        6..=15 => {
            // 1 s × 20^(k/9) for k = 0 … 9, in whole ms.
            const BACKOFF_MS: [u64; 10] = [1_000, 1_395, 1_946, 2_714, 3_786, 5_282, 7_368, 10_279, 14_339, 20_000];
            Some(BACKOFF_MS[(attempt - 6) as usize])
        }
        16..=100_015 => Some(20_000),
        _ => None,
    }
}

/// A stable 64-bit key for a FIFO message group id (FNV-1a of its text), so
/// groups need no interning table.
pub fn group_key(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// The same key for a group named after a whole number, without formatting.
pub fn group_key_of_number(n: i64) -> u64 {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut v = n.unsigned_abs();
    loop {
        digits[len] = b'0' + (v % 10) as u8;
        len += 1;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    if n < 0 {
        h = (h ^ u64::from(b'-')).wrapping_mul(0x0000_0100_0000_01b3);
    }
    for &d in digits[..len].iter().rev() {
        h = (h ^ u64::from(d)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// The most attributes a publisher attaches (validation enforces it).
pub const MAX_ATTRIBUTES: usize = 5;

/// An order's attribute values, by the index of the publisher's rule: for a
/// `OneOf` rule the index of the value, for `Between` the number itself.
pub type AttributeValuesOf = [i64; MAX_ATTRIBUTES];

/// A filter policy compiled against one publisher's attributes, so matching
/// an order is a few integer comparisons.
#[derive(Clone, Debug)]
pub struct CompiledFilter {
    keys: Vec<KeyMatch>,
}

#[derive(Clone, Debug)]
enum KeyMatch {
    /// The publisher has no such attribute: matches only `exists: false`.
    Absent { matches: bool },
    /// A string attribute: which value indexes match (bit i = value i).
    Strings { rule: usize, allowed: u32 },
    /// A number attribute: any of these conditions.
    Numbers { rule: usize, conditions: Vec<FilterCondition> },
}

impl CompiledFilter {
    pub fn compile(policy: &FilterPolicy, rules: &[AttributeRule]) -> CompiledFilter {
        let keys = policy
            .iter()
            .map(|(key, conditions)| match rules.iter().position(|r| &r.name == key) {
                None => KeyMatch::Absent { matches: conditions.iter().any(|c| *c == FilterCondition::Exists(false)) },
                Some(rule) => match &rules[rule].values {
                    AttributeValues::OneOf(values) => {
                        let allowed = values
                            .iter()
                            .enumerate()
                            .filter(|(_, v)| conditions.iter().any(|c| string_matches(c, v)))
                            .fold(0u32, |mask, (i, _)| mask | (1 << i));
                        KeyMatch::Strings { rule, allowed }
                    }
                    AttributeValues::Between(..) => KeyMatch::Numbers { rule, conditions: conditions.clone() },
                },
            })
            .collect();
        CompiledFilter { keys }
    }

    /// Whether an order with these attribute values passes (every key matches).
    pub fn matches(&self, values: &AttributeValuesOf) -> bool {
        self.keys.iter().all(|key| match key {
            KeyMatch::Absent { matches } => *matches,
            KeyMatch::Strings { rule, allowed } => allowed & (1 << values[*rule]) != 0,
            KeyMatch::Numbers { rule, conditions } => {
                conditions.iter().any(|c| number_matches(c, values[*rule]))
            }
        })
    }
}

/// A string attribute value against one condition.
fn string_matches(condition: &FilterCondition, value: &str) -> bool {
    match condition {
        FilterCondition::Exact(v) => v == value,
        FilterCondition::Prefix(p) => value.starts_with(p.as_str()),
        FilterCondition::AnythingBut(vs) => !vs.iter().any(|v| v == value),
        FilterCondition::Numeric(..) => false,
        FilterCondition::Exists(present) => *present,
    }
}

/// A number attribute value against one condition. String conditions compare
/// with the number's decimal text, as SNS does for attribute values.
fn number_matches(condition: &FilterCondition, value: i64) -> bool {
    match condition {
        FilterCondition::Numeric(op, bound) => {
            let v = value as f64;
            match op {
                NumericOp::Less => v < *bound,
                NumericOp::LessOrEqual => v <= *bound,
                NumericOp::Equal => v == *bound,
                NumericOp::GreaterOrEqual => v >= *bound,
                NumericOp::Greater => v > *bound,
            }
        }
        FilterCondition::Exists(present) => *present,
        other => string_matches(other, &value.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rate_window_refuses_past_the_limit_and_resets_each_second() {
        let mut w = RateWindow::new(300);
        let t = SimTime::from_ms(500);
        assert_eq!((0..400).filter(|_| w.allow(t)).count(), 300);
        assert!(w.throttling(t));
        assert!(w.allow(SimTime::from_ms(1_000)));
    }

    #[test]
    fn dedup_window_lasts_five_minutes() {
        let mut d = DedupWindow::default();
        assert!(!d.seen_before(7, SimTime::ZERO));
        assert!(d.seen_before(7, SimTime::from_secs(299)));
        assert!(!d.seen_before(7, SimTime::from_secs(300)), "a new window starts after 5 minutes");
    }

    #[test]
    fn processed_orders_remember_and_slide() {
        let mut p = ProcessedOrders::default();
        assert!(!p.mark(5));
        assert!(p.mark(5));
        assert!(!p.mark(5_000_000));
        assert!(!p.mark(5), "forgotten once far behind the window");
    }

    #[test]
    fn percentiles_are_within_a_bucket() {
        let mut h = LatencyHistogram::default();
        for ms in 1..=100 {
            h.record(SimTime::from_ms(ms));
        }
        let p50 = h.percentile_ms(50);
        let p99 = h.percentile_ms(99);
        assert!((49..=52).contains(&p50), "{p50}");
        assert!((97..=102).contains(&p99), "{p99}");
    }

    #[test]
    fn the_managed_retry_policy_has_100015_retries() {
        let total = (1..).take_while(|a| managed_retry_delay_ms(*a).is_some()).count();
        assert_eq!(total, 100_015);
        let first_minute: u64 = (1..=15).map(|a| managed_retry_delay_ms(a).unwrap()).sum();
        assert!(first_minute > 60_000 && first_minute < 80_000, "{first_minute}");
    }

    #[test]
    fn group_keys_of_numbers_match_their_text() {
        for n in [0, 7, -42, 123_456_789, i64::MIN, i64::MAX] {
            assert_eq!(group_key_of_number(n), group_key(&n.to_string()));
        }
    }

    #[test]
    fn filters_match_as_sns_does() {
        let rules = vec![
            AttributeRule { name: "type".into(), values: AttributeValues::OneOf(vec!["book".into(), "food".into(), "bonsai".into()]) },
            AttributeRule { name: "amount".into(), values: AttributeValues::Between(0, 1000) },
        ];
        let policy: FilterPolicy = [
            ("type".to_string(), vec![FilterCondition::Prefix("bo".into())]),
            ("amount".to_string(), vec![FilterCondition::Numeric(NumericOp::GreaterOrEqual, 100.0)]),
        ]
        .into_iter()
        .collect();
        let f = CompiledFilter::compile(&policy, &rules);
        assert!(f.matches(&[0, 150, 0, 0, 0]), "book, 150");
        assert!(!f.matches(&[1, 150, 0, 0, 0]), "food");
        assert!(f.matches(&[2, 100, 0, 0, 0]), "bonsai, 100");
        assert!(!f.matches(&[0, 99, 0, 0, 0]), "book, 99");
        let but: FilterPolicy = [("type".to_string(), vec![FilterCondition::AnythingBut(vec!["food".into()])])].into_iter().collect();
        let f = CompiledFilter::compile(&but, &rules);
        assert!(f.matches(&[0, 0, 0, 0, 0]) && !f.matches(&[1, 0, 0, 0, 0]));
        let missing: FilterPolicy = [("colour".to_string(), vec![FilterCondition::Exact("red".into())])].into_iter().collect();
        assert!(!CompiledFilter::compile(&missing, &rules).matches(&[0; 5]), "a missing attribute never matches a value");
    }
}

//! The pending-event queue, earliest first and first-in-first-out on ties.
//!
//! A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan; the "monotone priority
//! queue" of discrete-event simulators): simulated time never goes back, so
//! no event is scheduled before the last one taken out, and a pending event
//! is filed in the bucket of the highest bit in which its time differs from
//! that last time. Taking the earliest event empties the lowest non-empty
//! bucket into lower ones, relative to its earliest time; each event moves
//! down at most 64 times in its life, and pushing is an append. It replaced
//! a binary heap, whose sifts were a third of the engine's time in wasm.
//!
//! Ties need no sequence number: events due at the same time always share a
//! bucket (the bucket depends only on the time), pushes append, and moving a
//! bucket down keeps its order, so each bucket lists equal times in the
//! order they were pushed. The events themselves wait in a slab, so buckets
//! move 16-byte keys.
//!
//! What it leaves out: scheduling before the last event taken out. That is
//! a bug in the caller (a debug assertion catches it); a release build
//! treats such an event as due at the last time instead.

use super::SimTime;

/// One pending event's time and where it waits in the slab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Key {
    time: SimTime,
    slot: u32,
}

/// One bucket per possible highest differing bit, plus bucket 0 for events
/// due exactly at the last time taken out.
const BUCKETS: usize = 65;

/// Events waiting to happen, earliest first; ties keep insertion order.
pub struct EventQueue<E> {
    /// `buckets[0]` holds events due at `last`, in push order, from `head`
    /// on; `buckets[i]` (i ≥ 1) those whose time first differs from `last`
    /// at bit i − 1.
    buckets: Vec<Vec<Key>>,
    /// How many of bucket 0's keys were already taken out.
    head: usize,
    /// The time of the last event taken out (the floor of every time here).
    last: SimTime,
    len: usize,
    slots: Vec<Option<(SimTime, E)>>,
    free: Vec<u32>,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        EventQueue {
            buckets: (0..BUCKETS).map(|_| Vec::new()).collect(),
            head: 0,
            last: SimTime::ZERO,
            len: 0,
            slots: Vec::new(),
            free: Vec::new(),
        }
    }
}

/// The bucket of `time` relative to `last`.
fn bucket_of(time: SimTime, last: SimTime) -> usize {
    (u64::BITS - (time.0 ^ last.0).leading_zeros()) as usize
}

impl<E> EventQueue<E> {
    pub fn new() -> Self {
        Self::default()
    }

    /// Inlined at every call: an event passed by value to a call goes
    /// through wasm32's shadow stack; inlined, it is written straight into
    /// its slot.
    #[inline(always)]
    pub fn push(&mut self, time: SimTime, event: E) {
        debug_assert!(time >= self.last, "an event scheduled at {time:?}, before the last one taken out ({:?})", self.last);
        let time = time.max(self.last);
        let slot = match self.free.pop() {
            Some(slot) => {
                self.slots[slot as usize] = Some((time, event));
                slot
            }
            None => {
                self.slots.push(Some((time, event)));
                (self.slots.len() - 1) as u32
            }
        };
        self.buckets[bucket_of(time, self.last)].push(Key { time, slot });
        self.len += 1;
    }

    /// The time of the earliest pending event.
    pub fn peek_time(&self) -> Option<SimTime> {
        if self.head < self.buckets[0].len() {
            return Some(self.last);
        }
        let lowest = self.buckets[1..].iter().find(|b| !b.is_empty())?;
        lowest.iter().map(|k| k.time).min()
    }

    /// Removes and returns the earliest event if it is due at or before `limit`.
    pub fn pop_due(&mut self, limit: SimTime) -> Option<(SimTime, E)> {
        if self.head == self.buckets[0].len() {
            self.buckets[0].clear();
            self.head = 0;
            // Refill bucket 0 from the lowest non-empty bucket, but only when
            // its earliest event is due: `last` must never pass `limit`, or a
            // later push between the two would be filed wrongly.
            let earliest = self.peek_time()?;
            if earliest > limit {
                return None;
            }
            self.redistribute(earliest);
        } else if self.last > limit {
            return None;
        }
        let key = self.buckets[0][self.head];
        self.head += 1;
        self.len -= 1;
        self.free.push(key.slot);
        self.slots[key.slot as usize].take()
    }

    /// Makes `earliest` the new floor and moves the lowest non-empty bucket
    /// down, in order, relative to it.
    fn redistribute(&mut self, earliest: SimTime) {
        let index = (1..BUCKETS).find(|&i| !self.buckets[i].is_empty()).expect("a pending event");
        self.last = earliest;
        let mut moving = std::mem::take(&mut self.buckets[index]);
        for key in moving.drain(..) {
            self.buckets[bucket_of(key.time, earliest)].push(key);
        }
        // Keep the emptied bucket's capacity for the next time it fills.
        self.buckets[index] = moving;
    }

    /// Every pending event, in no particular order (for drawing, not for
    /// anything that affects behaviour).
    pub fn iter(&self) -> impl Iterator<Item = (SimTime, &E)> {
        self.slots.iter().filter_map(|s| s.as_ref().map(|(t, e)| (*t, e)))
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Rng;
    use std::collections::BinaryHeap;

    #[test]
    fn earliest_first_and_fifo_on_ties() {
        let mut q = EventQueue::new();
        q.push(SimTime(5), "late");
        q.push(SimTime(1), "first");
        q.push(SimTime(1), "second");
        q.push(SimTime(3), "middle");
        let mut order = Vec::new();
        while let Some((_, e)) = q.pop_due(SimTime::MAX) {
            order.push(e);
        }
        assert_eq!(order, ["first", "second", "middle", "late"]);
    }

    #[test]
    fn pop_due_respects_the_limit() {
        let mut q = EventQueue::new();
        q.push(SimTime(10), ());
        assert!(q.pop_due(SimTime(9)).is_none());
        assert_eq!(q.peek_time(), Some(SimTime(10)));
        assert!(q.pop_due(SimTime(10)).is_some());
        assert!(q.is_empty());
    }

    #[test]
    fn a_push_after_a_refused_pop_still_comes_first() {
        // The queue must not move its floor to 100 while answering "nothing
        // due by 50": an event then pushed for 60 is the earliest.
        let mut q = EventQueue::new();
        q.push(SimTime(100), "later");
        assert!(q.pop_due(SimTime(50)).is_none());
        q.push(SimTime(60), "sooner");
        assert_eq!(q.pop_due(SimTime::MAX).map(|(t, e)| (t.0, e)), Some((60, "sooner")));
        assert_eq!(q.pop_due(SimTime::MAX).map(|(t, e)| (t.0, e)), Some((100, "later")));
    }

    /// The order of a binary heap keyed by (time, push sequence), which is
    /// the contract, against the radix heap on a long random workload that
    /// pushes from the current time on, as the engine does.
    #[test]
    fn same_order_as_a_heap_keyed_by_time_and_sequence() {
        let mut rng = Rng::new(11);
        let mut q = EventQueue::new();
        let mut reference = BinaryHeap::new();
        let mut now = 0u64;
        let mut sequence = 0u64;
        for round in 0..20_000u64 {
            for _ in 0..rng.below(4) {
                // Mostly near-future times, some ties, now and then far ahead.
                let ahead = match rng.below(10) {
                    0 => 0,
                    1 => rng.below(1 << 40),
                    _ => rng.below(5_000),
                };
                q.push(SimTime(now + ahead), sequence);
                reference.push(std::cmp::Reverse((now + ahead, sequence)));
                sequence += 1;
            }
            let limit = now + rng.below(3_000);
            let mut popped = 0;
            while let Some((t, seq)) = q.pop_due(SimTime(limit)) {
                let std::cmp::Reverse(expected) = reference.pop().expect("same length");
                assert_eq!((t.0, seq), expected, "round {round}");
                now = t.0;
                popped += 1;
            }
            assert!(reference.peek().is_none_or(|std::cmp::Reverse((t, _))| *t > limit), "round {round}: {popped} popped");
            assert_eq!(q.len(), reference.len());
            now = now.max(limit);
        }
    }
}

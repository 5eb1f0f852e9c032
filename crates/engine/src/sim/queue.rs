//! The pending-event queue: a binary min-heap keyed by (time, sequence).
//! The heap holds only small keys; the events themselves wait in a slab, so
//! every sift moves 24 bytes instead of a whole event.

use super::SimTime;
use std::cmp::Ordering;
use std::collections::BinaryHeap;

#[derive(Clone, Copy, PartialEq, Eq)]
struct Key {
    time: SimTime,
    sequence: u64,
    slot: u32,
}

impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    // Reversed so that std's max-heap pops the earliest (time, sequence).
    fn cmp(&self, other: &Self) -> Ordering {
        (other.time, other.sequence).cmp(&(self.time, self.sequence))
    }
}

/// Events waiting to happen, earliest first; ties keep insertion order.
pub struct EventQueue<E> {
    heap: BinaryHeap<Key>,
    slots: Vec<Option<(SimTime, E)>>,
    free: Vec<u32>,
    next_sequence: u64,
}

impl<E> Default for EventQueue<E> {
    fn default() -> Self {
        EventQueue { heap: BinaryHeap::new(), slots: Vec::new(), free: Vec::new(), next_sequence: 0 }
    }
}

impl<E> EventQueue<E> {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, time: SimTime, event: E) {
        let sequence = self.next_sequence;
        self.next_sequence += 1;
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
        self.heap.push(Key { time, sequence, slot });
    }

    /// The time of the earliest pending event.
    pub fn peek_time(&self) -> Option<SimTime> {
        self.heap.peek().map(|k| k.time)
    }

    /// Removes and returns the earliest event if it is due at or before `limit`.
    pub fn pop_due(&mut self, limit: SimTime) -> Option<(SimTime, E)> {
        if self.heap.peek()?.time > limit {
            return None;
        }
        let key = self.heap.pop()?;
        self.free.push(key.slot);
        self.slots[key.slot as usize].take()
    }

    /// Every pending event, in no particular order (for drawing, not for
    /// anything that affects behaviour).
    pub fn iter(&self) -> impl Iterator<Item = (SimTime, &E)> {
        self.slots.iter().filter_map(|s| s.as_ref().map(|(t, e)| (*t, e)))
    }

    pub fn len(&self) -> usize {
        self.heap.len()
    }

    pub fn is_empty(&self) -> bool {
        self.heap.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert!(q.pop_due(SimTime(10)).is_some());
    }
}

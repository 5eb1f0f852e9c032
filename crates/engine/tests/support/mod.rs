//! A tiny scripted DSL so engine tests read like the lesson:
//! `t.kill("shipping"); t.run_until(secs(40)); assert_eq!(t.lost(), 0)`.
//! Every step checks the conservation invariant after every single event.
#![allow(dead_code)]

use fanout_engine::broker::{Command, TraceKind};
use fanout_engine::report::Counters;
use fanout_engine::scenario::{ComponentId, ConsumerConfig, Scenario, Spec};
use fanout_engine::{SimTime, Simulation};

pub fn ms(n: u64) -> SimTime {
    SimTime::from_ms(n)
}

pub fn secs(n: u64) -> SimTime {
    SimTime::from_secs(n)
}

pub fn preset_scenario(stem: &str) -> Scenario {
    let path = format!("{}/../../scenarios/{stem}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    Scenario::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

pub struct Lesson {
    pub scenario: Scenario,
    sim: Option<Simulation>,
    /// Publish times of every order, from the trace.
    published_at: Vec<SimTime>,
    redeliveries: u64,
}

impl Lesson {
    pub fn preset(stem: &str) -> Lesson {
        Lesson::new(preset_scenario(stem))
    }

    pub fn new(scenario: Scenario) -> Lesson {
        Lesson { scenario, sim: None, published_at: Vec::new(), redeliveries: 0 }
    }

    /// Changes a consumer's settings before the run starts.
    pub fn set_consumer(&mut self, id: &str, change: impl FnOnce(&mut ConsumerConfig)) {
        assert!(self.sim.is_none(), "change settings before running");
        let component = self.scenario.component_mut(&ComponentId::new(id)).expect("component exists");
        match &mut component.spec {
            Spec::Consumer(config) => change(config),
            other => panic!("{id} is not a consumer: {other:?}"),
        }
    }

    pub fn sim(&mut self) -> &mut Simulation {
        if self.sim.is_none() {
            self.sim = Some(Simulation::new(&self.scenario).expect("preset builds"));
        }
        self.sim.as_mut().unwrap()
    }

    /// Runs to `until`, auditing after every event.
    pub fn run_until(&mut self, until: SimTime) {
        self.sim();
        loop {
            let sim = self.sim.as_mut().unwrap();
            let written_before = sim.trace_records_written();
            if !sim.process_one_event(until) {
                break;
            }
            if let Err(problem) = sim.audit() {
                panic!("after event {} at {}: {problem}", sim.events_processed(), sim.now());
            }
            let new = (sim.trace_records_written() - written_before) as usize;
            let records: Vec<_> = sim.recent_trace().rev().take(new).copied().collect();
            for r in records {
                match r.kind {
                    TraceKind::Published => self.published_at.push(r.at),
                    TraceKind::VisibilityExpired => self.redeliveries += 1,
                    _ => {}
                }
            }
        }
        self.sim.as_mut().unwrap().run_until(until);
    }

    pub fn kill(&mut self, id: &str) {
        self.sim().command(Command::Kill(ComponentId::new(id))).expect("kill");
    }

    pub fn revive(&mut self, id: &str) {
        self.sim().command(Command::Revive(ComponentId::new(id))).expect("revive");
    }

    pub fn counters(&mut self, id: &str) -> Counters {
        self.sim().counters(&ComponentId::new(id)).expect("component exists")
    }

    pub fn totals(&mut self) -> Counters {
        self.sim().totals()
    }

    pub fn lost(&mut self) -> u64 {
        self.totals().lost
    }
    pub fn duplicates(&mut self) -> u64 {
        self.totals().duplicates
    }
    pub fn published(&mut self) -> u64 {
        self.totals().published
    }
    pub fn lost_at(&mut self, id: &str) -> u64 {
        self.counters(id).lost
    }
    pub fn delivered_at(&mut self, id: &str) -> u64 {
        self.counters(id).delivered
    }
    pub fn in_flight_somewhere(&mut self) -> u64 {
        let t = self.totals();
        t.in_flight + t.in_queue
    }
    pub fn redeliveries(&self) -> u64 {
        self.redeliveries
    }
    pub fn published_after(&self, t: SimTime) -> u64 {
        self.published_at.iter().filter(|p| **p > t).count() as u64
    }

    pub fn assert_drained(&mut self) {
        let t = self.totals();
        assert_eq!((t.in_queue, t.in_flight), (0, 0), "everything settled: {t:?}");
    }
}

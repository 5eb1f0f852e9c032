//! Plain words for what the engine records: every trace record and every
//! fault goes through one function here, so the event log, the message
//! inspector, the fault script and the timeline all say things the same way.
//! Trace records use the engine's `broker::describe`, as the CLI does.

use super::format_sim_ms;
use crate::i18n::{Lang, Text};
use fanout_engine::broker::{TraceKind, TraceRecord};
use fanout_engine::scenario::{ComponentId, Fault, Scenario};
use fanout_engine::Simulation;

/// One line of the event log or one step of a lineage, already in words.
#[derive(Clone, Debug, PartialEq)]
pub struct LogLine {
    pub at_ms: u64,
    /// The order the line is about, 0 for component events (kill, revive).
    pub order: u64,
    pub text: String,
    /// A CSS class saying how alarming the line is: `bad`, `fault`, `ok` or empty.
    pub tone: &'static str,
}

/// The name people gave a component, or its id if it has none (or is gone).
pub fn name(scenario: &Scenario, id: &ComponentId) -> String {
    match scenario.component(id) {
        Some(c) if !c.name.is_empty() => c.name.clone(),
        _ => id.to_string(),
    }
}

/// How alarming a record is, for colouring. Kinds the engine adds later
/// read as neutral until they are given a tone here.
fn tone(r: &TraceRecord) -> &'static str {
    match r.kind {
        TraceKind::Lost(_)
        | TraceKind::Killed
        | TraceKind::Expired
        | TraceKind::DeadLettered
        | TraceKind::NetworkDropped => "bad",
        TraceKind::Received if r.detail > 1 => "fault",
        TraceKind::Processed if r.detail == 1 => "fault",
        TraceKind::VisibilityExpired
        | TraceKind::DeleteLost
        | TraceKind::DeleteStale
        | TraceKind::RetryScheduled
        | TraceKind::DuplicateDelivered
        | TraceKind::ProcessingFailed
        | TraceKind::Throttled
        | TraceKind::Resent
        | TraceKind::Slowed
        | TraceKind::Partitioned
        | TraceKind::DelayChanged
        | TraceKind::LossChanged => "fault",
        TraceKind::Deleted | TraceKind::Delivered | TraceKind::Revived | TraceKind::Healed => "ok",
        #[allow(unreachable_patterns)]
        _ => "",
    }
}

/// Every trace record in words, with why when something went wrong: the
/// engine's own sentences (the CLI prints the same), with a tone.
pub fn describe(r: &TraceRecord, sim: &Simulation) -> LogLine {
    LogLine { at_ms: r.at.as_ms(), order: r.order, text: fanout_engine::broker::describe(sim, r), tone: tone(r) }
}

/// A wire by its two names: `StoreFront → Shipping`.
pub fn wire_name(scenario: &Scenario, from: &ComponentId, to: &ComponentId) -> String {
    format!("{} → {}", name(scenario, from), name(scenario, to))
}

/// A fault as the script and the timeline say it: `kill Shipping`,
/// `slow Shipping ×5`, `loss StoreFront → Shipping 20 %`.
pub fn fault_words(fault: &Fault, scenario: &Scenario, lang: Lang) -> String {
    let wire = fault.wire().map(|(a, b)| wire_name(scenario, a, b)).unwrap_or_default();
    let who = fault.target().map(|t| name(scenario, t)).unwrap_or_default();
    let on_name = |key| lang.format(key, &[("name", &who)]);
    let on_wire = |key| lang.format(key, &[("wire", &wire)]);
    match fault {
        Fault::Kill(_) => on_name(Text::WordsKill),
        Fault::Revive(_) => on_name(Text::WordsRevive),
        Fault::Slow(_, factor) => lang.format(Text::WordsSlow, &[("name", &who), ("factor", factor)]),
        Fault::Partition(..) => on_wire(Text::WordsPartition),
        Fault::Heal(..) => on_wire(Text::WordsHeal),
        Fault::Delay(_, _, ms) => lang.format(Text::WordsDelay, &[("wire", &wire), ("ms", ms)]),
        Fault::Loss(_, _, ratio) => {
            lang.format(Text::WordsLoss, &[("wire", &wire), ("percent", &(ratio * 100.0).round())])
        }
        Fault::KillZone(zone) => lang.format(Text::WordsKillZone, &[("zone", zone)]),
        Fault::ReviveZone(zone) => lang.format(Text::WordsReviveZone, &[("zone", zone)]),
        Fault::KillPod(_) => on_name(Text::WordsKillPod),
        Fault::CrashLoop(_, true) => on_name(Text::WordsCrashLoop),
        Fault::CrashLoop(_, false) => on_name(Text::WordsHealCrashLoop),
        Fault::Cordon(_, true) => on_name(Text::WordsCordon),
        Fault::Cordon(_, false) => on_name(Text::WordsUncordon),
        Fault::Drain(_) => on_name(Text::WordsDrain),
        Fault::Scale(_, replicas) => lang.format(Text::WordsScale, &[("name", &who), ("replicas", replicas)]),
        Fault::KillEtcdMember(_, m) => lang.format(Text::WordsKillEtcd, &[("m", m)]),
        Fault::ReviveEtcdMember(_, m) => lang.format(Text::WordsReviveEtcd, &[("m", m)]),
        Fault::KillScheduler(_) => lang.t(Text::WordsKillScheduler).to_string(),
        Fault::ReviveScheduler(_) => lang.t(Text::WordsReviveScheduler).to_string(),
        Fault::KillControllerManager(_) => lang.t(Text::WordsKillControllerManager).to_string(),
        Fault::ReviveControllerManager(_) => lang.t(Text::WordsReviveControllerManager).to_string(),
    }
}

/// A script time as people say it: `20 s`, `1.5 s`, `12.345 s`.
pub fn short_time(ms: u64) -> String {
    let mut text = format_sim_ms(ms);
    text.truncate(text.len() - 2);
    while text.ends_with('0') {
        text.pop();
    }
    if text.ends_with('.') {
        text.pop();
    }
    text + " s"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_times_drop_trailing_zeros() {
        assert_eq!(short_time(20_000), "20 s");
        assert_eq!(short_time(1_500), "1.5 s");
        assert_eq!(short_time(12_345), "12.345 s");
        assert_eq!(short_time(0), "0 s");
    }

    #[test]
    fn faults_read_as_actions_on_names() {
        let json = crate::presets::PRESETS.iter().find(|(stem, _)| *stem == "direct-coupling").expect("preset").1;
        let scenario = Scenario::from_json(json).expect("valid preset");
        let (storefront, shipping) = (ComponentId::new("storefront"), ComponentId::new("shipping"));
        assert_eq!(fault_words(&Fault::Kill(shipping.clone()), &scenario, Lang::En), "kill Shipping");
        assert_eq!(fault_words(&Fault::Slow(shipping.clone(), 5.0), &scenario, Lang::En), "slow Shipping ×5");
        assert_eq!(
            fault_words(&Fault::Loss(storefront.clone(), shipping.clone(), 0.2), &scenario, Lang::En),
            "loss StoreFront → Shipping 20 %"
        );
        assert_eq!(fault_words(&Fault::Kill(shipping.clone()), &scenario, Lang::Ko), "Shipping 죽이기");
        assert_eq!(
            fault_words(&Fault::Delay(storefront, shipping, 500), &scenario, Lang::Ko),
            "StoreFront → Shipping 지연 +500 ms"
        );
        assert_eq!(fault_words(&Fault::KillZone("zone-a".into()), &scenario, Lang::En), "kill zone zone-a");
    }
}

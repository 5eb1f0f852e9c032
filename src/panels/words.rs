//! Plain words for what the engine records: every trace record and every
//! fault goes through one function here, so the event log, the message
//! inspector, the fault script and the timeline all say things the same way.
//! Trace records use the engine's `broker::describe`, as the CLI does.

use super::format_sim_ms;
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
pub fn fault_words(fault: &Fault, scenario: &Scenario) -> String {
    let wire = || fault.wire().map(|(a, b)| wire_name(scenario, a, b)).unwrap_or_default();
    let who = || fault.target().map(|t| name(scenario, t)).unwrap_or_default();
    match fault {
        Fault::Kill(_) => format!("kill {}", who()),
        Fault::Revive(_) => format!("revive {}", who()),
        Fault::Slow(_, factor) => format!("slow {} ×{factor}", who()),
        Fault::Partition(..) => format!("partition {}", wire()),
        Fault::Heal(..) => format!("heal {}", wire()),
        Fault::Delay(_, _, ms) => format!("delay {} +{ms} ms", wire()),
        Fault::Loss(_, _, ratio) => format!("loss {} {} %", wire(), (ratio * 100.0).round()),
        Fault::KillZone(zone) => format!("kill zone {zone}"),
        Fault::ReviveZone(zone) => format!("revive zone {zone}"),
        Fault::KillPod(_) => format!("kill a pod of {}", who()),
        Fault::CrashLoop(_, true) => format!("crash-loop {}", who()),
        Fault::CrashLoop(_, false) => format!("heal {}", who()),
        Fault::Cordon(_, true) => format!("cordon {}", who()),
        Fault::Cordon(_, false) => format!("uncordon {}", who()),
        Fault::Drain(_) => format!("drain {}", who()),
        Fault::Scale(_, replicas) => format!("scale {} to {replicas}", who()),
        Fault::KillEtcdMember(_, m) => format!("kill etcd member {m}"),
        Fault::ReviveEtcdMember(_, m) => format!("revive etcd member {m}"),
        Fault::KillScheduler(_) => "kill kube-scheduler".to_string(),
        Fault::ReviveScheduler(_) => "revive kube-scheduler".to_string(),
        Fault::KillControllerManager(_) => "kill kube-controller-manager".to_string(),
        Fault::ReviveControllerManager(_) => "revive kube-controller-manager".to_string(),
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
        assert_eq!(fault_words(&Fault::Kill(shipping.clone()), &scenario), "kill Shipping");
        assert_eq!(fault_words(&Fault::Slow(shipping.clone(), 5.0), &scenario), "slow Shipping ×5");
        assert_eq!(
            fault_words(&Fault::Loss(storefront, shipping, 0.2), &scenario),
            "loss StoreFront → Shipping 20 %"
        );
    }
}

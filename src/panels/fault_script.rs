//! The fault script panel: the scenario's timed faults (at t, kill X; at t',
//! partition A → B …), in time order, with a form to add one and a button to
//! remove each. Every change is one `Edit::SetFaults`, so it is undoable and
//! travels in share links with the rest of the document.

use super::words::{fault_words, name, short_time, wire_name};
use crate::i18n::{use_lang, Text};
use fanout_engine::scenario::{ComponentId, ComponentKind, Edit, Fault, Scenario, ScheduledFault, Spec};
use std::rc::Rc;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

/// The actions the form offers: (value, label, default of its amount field,
/// or "" when it has none).
const ACTIONS: [(&str, Text, &str); 22] = [
    ("kill", Text::Kill, ""),
    ("revive", Text::Revive, ""),
    ("slow", Text::ActionSlow, "5"),
    ("partition", Text::Partition, ""),
    ("heal", Text::Heal, ""),
    ("delay", Text::ActionDelay, "500"),
    ("loss", Text::ActionLoss, "0.5"),
    ("kill-zone", Text::ActionKillZone, ""),
    ("revive-zone", Text::ReviveZone, ""),
    ("cordon", Text::ActionCordon, ""),
    ("uncordon", Text::ActionUncordon, ""),
    ("drain", Text::ActionDrain, ""),
    ("kill-pod", Text::ActionKillPod, ""),
    ("scale", Text::ActionScale, "3"),
    ("crash-loop", Text::ActionCrashLoop, ""),
    ("heal-crash-loop", Text::HealCrashLoop, ""),
    ("kill-etcd", Text::ActionKillEtcd, "0"),
    ("revive-etcd", Text::ActionReviveEtcd, "0"),
    ("kill-scheduler", Text::ActionKillScheduler, ""),
    ("revive-scheduler", Text::ActionReviveScheduler, ""),
    ("kill-controller-manager", Text::KillControllerManager, ""),
    ("revive-controller-manager", Text::ReviveControllerManager, ""),
];

/// `faults` plus `added`, placed after every entry not later than it, so a
/// script kept in time order stays so and equal times keep the order they
/// were added in.
pub fn with_fault(faults: &[ScheduledFault], added: ScheduledFault) -> Vec<ScheduledFault> {
    let mut faults = faults.to_vec();
    let index = faults.partition_point(|f| f.at_ms <= added.at_ms);
    faults.insert(index, added);
    faults
}

/// What an action can target: (key for the select, label). Components by
/// id; wires by their index in the scenario.
fn targets(scenario: &Scenario, action: &str) -> Vec<(String, String)> {
    use ComponentKind as K;
    let kinds: &[K] = match action {
        "partition" | "heal" | "delay" | "loss" => {
            return scenario
                .wires
                .iter()
                .enumerate()
                .map(|(i, w)| (i.to_string(), wire_name(scenario, &w.from, &w.to)))
                .collect()
        }
        "kill-zone" | "revive-zone" => {
            let zones: std::collections::BTreeSet<&str> = scenario
                .components
                .iter()
                .filter_map(|c| match &c.spec {
                    Spec::Node(n) if !n.zone.is_empty() => Some(n.zone.as_str()),
                    _ => None,
                })
                .collect();
            return zones.into_iter().map(|z| (z.to_string(), z.to_string())).collect();
        }
        "slow" => &[K::Consumer],
        "kill" | "revive" => &[K::Consumer, K::Publisher, K::Node],
        "cordon" | "uncordon" | "drain" => &[K::Node],
        "kill-pod" | "scale" | "crash-loop" | "heal-crash-loop" => &[K::Deployment],
        _ => &[K::ControlPlane],
    };
    scenario
        .components
        .iter()
        .filter(|c| kinds.contains(&c.kind()))
        .map(|c| (c.id.to_string(), name(scenario, &c.id)))
        .collect()
}

/// The fault the form describes, or what is wrong with it.
fn build_fault(scenario: &Scenario, action: &str, target: &str, value: &str) -> Result<Fault, Text> {
    let number = || value.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0);
    let id = || ComponentId::new(target);
    let wire = || {
        let w = target.parse::<usize>().ok().and_then(|i| scenario.wires.get(i)).ok_or(Text::PickAWire)?;
        Ok::<_, Text>((w.from.clone(), w.to.clone()))
    };
    if target.is_empty() {
        return Err(Text::NothingTakesFault);
    }
    Ok(match action {
        "kill" => Fault::Kill(id()),
        "revive" => Fault::Revive(id()),
        "slow" => Fault::Slow(id(), number().ok_or(Text::SlowFactorProblem)?),
        "kill-zone" => Fault::KillZone(target.to_string()),
        "revive-zone" => Fault::ReviveZone(target.to_string()),
        "cordon" => Fault::Cordon(id(), true),
        "uncordon" => Fault::Cordon(id(), false),
        "drain" => Fault::Drain(id()),
        "kill-pod" => Fault::KillPod(id()),
        "scale" => Fault::Scale(id(), number().ok_or(Text::ReplicaCountProblem)?.round() as u32),
        "crash-loop" => Fault::CrashLoop(id(), true),
        "heal-crash-loop" => Fault::CrashLoop(id(), false),
        "kill-etcd" => Fault::KillEtcdMember(id(), number().ok_or(Text::EtcdMemberProblem)?.round() as u32),
        "revive-etcd" => Fault::ReviveEtcdMember(id(), number().ok_or(Text::EtcdMemberProblem)?.round() as u32),
        "kill-scheduler" => Fault::KillScheduler(id()),
        "revive-scheduler" => Fault::ReviveScheduler(id()),
        "kill-controller-manager" => Fault::KillControllerManager(id()),
        "revive-controller-manager" => Fault::ReviveControllerManager(id()),
        "partition" => {
            let (a, b) = wire()?;
            Fault::Partition(a, b)
        }
        "heal" => {
            let (a, b) = wire()?;
            Fault::Heal(a, b)
        }
        "delay" => {
            let (a, b) = wire()?;
            Fault::Delay(a, b, number().ok_or(Text::DelayProblem)?.round() as u64)
        }
        _ => {
            let (a, b) = wire()?;
            Fault::Loss(a, b, number().ok_or(Text::LossProblem)?)
        }
    })
}

#[derive(Properties, PartialEq)]
pub struct FaultScriptProps {
    pub scenario: Rc<Scenario>,
    /// Sim time of the run, to tell faults that already happened.
    pub now_ms: u64,
    pub on_edit: Callback<Edit>,
}

#[function_component(FaultScript)]
pub fn fault_script(props: &FaultScriptProps) -> Html {
    let lang = use_lang();
    let action = use_state(|| "kill");
    // A key, so the problem reads in the language of the moment.
    let problem = use_state(|| None::<Text>);
    // Yew keeps an input's `value` in step with the page on every render (and
    // this panel renders as the clock moves), so typed text lives in state.
    let at = use_state(|| "10".to_string());
    let amount = use_state(String::new);
    // The target list is made afresh (keyed) when the action changes and read on Add.
    let target_ref = use_node_ref();
    let scenario = &props.scenario;
    let (key, _, default_amount) = ACTIONS.iter().copied().find(|a| a.0 == *action).unwrap_or(ACTIONS[0]);
    let shown_amount = if amount.is_empty() { default_amount.to_string() } else { (*amount).clone() };

    let on_action = {
        let (action, amount) = (action.clone(), amount.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            action.set(ACTIONS.iter().find(|a| a.0 == value).map_or("kill", |a| a.0));
            amount.set(String::new());
        })
    };
    let typed = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| state.set(e.target_unchecked_into::<HtmlInputElement>().value()))
    };
    let on_add = {
        let (scenario, on_edit, problem) = (scenario.clone(), props.on_edit.clone(), problem.clone());
        let (at, target_ref, amount) = ((*at).clone(), target_ref.clone(), shown_amount.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let at_ms = match at.trim().parse::<f64>() {
                Ok(s) if s.is_finite() && s >= 0.0 => (s * 1_000.0).round() as u64,
                _ => return problem.set(Some(Text::TimeProblem)),
            };
            let target = target_ref.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default();
            match build_fault(&scenario, key, &target, &amount) {
                Ok(fault) => {
                    problem.set(None);
                    on_edit.emit(Edit::SetFaults(with_fault(&scenario.faults, ScheduledFault { at_ms, fault })));
                }
                Err(why) => problem.set(Some(why)),
            }
        })
    };

    // In the document's order, which adding keeps in time order.
    let rows = scenario.faults.iter().enumerate().map(|(i, entry)| {
        let on_remove = {
            let (scenario, on_edit) = (scenario.clone(), props.on_edit.clone());
            Callback::from(move |_: MouseEvent| {
                let mut faults = scenario.faults.clone();
                faults.remove(i);
                on_edit.emit(Edit::SetFaults(faults));
            })
        };
        html! {
            <li data-testid={format!("fault-row-{i}")} class={classes!((entry.at_ms <= props.now_ms && props.now_ms > 0).then_some("done"))}>
                <span class="event-time">{ short_time(entry.at_ms) }</span>
                <span class="fault-words">{ fault_words(&entry.fault, scenario, lang) }</span>
                <button type="button" class="close-button" data-testid={format!("fault-remove-{i}")}
                    aria-label={lang.t(Text::Remove)} title={lang.t(Text::RemoveFromScript)} onclick={on_remove}>{ "×" }</button>
            </li>
        }
    });

    html! {
        <section class="fault-script" data-testid="fault-script" aria-label={lang.t(Text::FaultScript)}>
            if scenario.faults.is_empty() {
                <p class="panel-empty">{ lang.t(Text::NoScheduledFaults) }</p>
            } else {
                <ol class="fault-list">{ for rows }</ol>
            }
            <form class="fault-form" onsubmit={on_add}>
                <label title={lang.t(Text::FaultAtTitle)}>{ lang.t(Text::FaultAt) }
                    <input type="number" min="0" step="any" class="fault-at" data-testid="field-fault-at"
                        value={(*at).clone()} oninput={typed(&at)} />{ " s" }
                </label>
                <select data-testid="field-fault-action" aria-label={lang.t(Text::Action)} onchange={on_action}>
                    // Cluster actions only where the scenario has a cluster.
                    { for ACTIONS.iter().enumerate().filter(|(i, a)| *i < 7 || !targets(scenario, a.0).is_empty()).map(|(_, (value, label, _))| html! {
                        <option value={*value} selected={*value == key}>{ lang.t(*label) }</option>
                    }) }
                </select>
                <select key={key} data-testid="field-fault-target" aria-label={lang.t(Text::Target)} ref={target_ref}>
                    { for targets(scenario, key).into_iter().map(|(value, label)| html! { <option {value}>{ label }</option> }) }
                </select>
                if !default_amount.is_empty() {
                    <input type="number" min="0" step="any" class="fault-value" data-testid="field-fault-value"
                        aria-label={lang.t(Text::Amount)} value={shown_amount} oninput={typed(&amount)} />
                }
                <button type="submit" data-testid="fault-add">{ lang.t(Text::Add) }</button>
            </form>
            if let Some(why) = &*problem {
                <p class="form-problem" role="alert">{ lang.t(*why) }</p>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_faults_keep_the_script_in_time_order() {
        let kill = |at_ms, id: &str| ScheduledFault { at_ms, fault: Fault::Kill(ComponentId::new(id)) };
        let script = with_fault(&[kill(5_000, "a"), kill(20_000, "b")], kill(10_000, "c"));
        assert_eq!(script.iter().map(|f| f.at_ms).collect::<Vec<_>>(), [5_000, 10_000, 20_000]);
        let script = with_fault(&script, kill(10_000, "d"));
        assert_eq!(script[2], kill(10_000, "d"), "equal times keep the order they were added in");
    }

    #[test]
    fn cluster_actions_target_zones_nodes_deployments_and_the_control_plane() {
        let json = crate::presets::PRESETS.iter().find(|(stem, _)| *stem == "zone-outage").expect("preset").1;
        let scenario = Scenario::from_json(json).expect("valid preset");
        let keys = |action| targets(&scenario, action).into_iter().map(|(key, _)| key).collect::<Vec<_>>();
        assert_eq!(keys("kill-zone"), ["zone-a", "zone-b"]);
        assert_eq!(keys("drain"), ["a-1", "a-2", "b-1", "b-2"]);
        assert_eq!(keys("scale"), ["shipping-pods", "accounting-pods"]);
        assert_eq!(keys("kill-etcd"), ["control-plane"]);
        assert!(keys("kill").contains(&"a-1".to_string()), "nodes can be killed");
        assert_eq!(build_fault(&scenario, "kill-zone", "zone-a", ""), Ok(Fault::KillZone("zone-a".into())));
        let pods = ComponentId::new("shipping-pods");
        assert_eq!(build_fault(&scenario, "scale", "shipping-pods", "6"), Ok(Fault::Scale(pods.clone(), 6)));
        assert!(build_fault(&scenario, "scale", "shipping-pods", "many").is_err());
        let cp = ComponentId::new("control-plane");
        assert_eq!(build_fault(&scenario, "kill-etcd", "control-plane", "1"), Ok(Fault::KillEtcdMember(cp, 1)));
    }
}

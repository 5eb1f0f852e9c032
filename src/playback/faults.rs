//! The faults strip: what can go wrong with the selection, applied live.
//! A publisher or consumer can be killed and revived, a consumer slowed
//! down; a wire can be partitioned, delayed or made lossy. The last live
//! fault can be added to the scenario's fault script at the time it
//! happened, so a share link replays it.

use super::{Inspect, Msg, Playback};
use crate::i18n::{self, Lang, Text};
use fanout_engine::scenario::{ComponentId, ComponentKind, Fault};
use web_sys::HtmlInputElement;
use yew::html::Scope;
use yew::prelude::*;

/// The slow-down factors offered for a consumer (1 = normal speed).
const SLOW_FACTORS: [f64; 4] = [1.0, 2.0, 5.0, 10.0];

/// The selection, as far as faults are concerned, with its live state.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    /// Nothing that takes faults is selected; the text says what would.
    None(Text),
    Component { id: ComponentId, name: String, kind: ComponentKind, down: bool, slow_factor: f64, cluster: ClusterState },
    Wire { from: ComponentId, to: ComponentId, name: String, state: WireFaults },
}

/// What the cluster faults of a selected node, deployment or control plane
/// need to know about it now.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum ClusterState {
    #[default]
    None,
    Node { zone: String, cordoned: bool, zone_down: bool },
    Deployment { desired: u32, crash_looping: bool },
    /// etcd members up (by number), and whether each controller has a replica up.
    ControlPlane { etcd_up: Vec<bool>, scheduler_up: bool, controller_manager_up: bool },
}

/// A wire's live network faults.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WireFaults {
    pub partitioned: bool,
    pub extra_delay_ms: u64,
    pub loss_ratio: f64,
}

/// The inputs of a wire's delay and loss, read when Apply is pressed. They
/// have no `value` (Yew would put it back at every render while playing):
/// the live setting shows as the placeholder; a new one is typed over it.
#[derive(Default)]
pub struct WireInputs {
    pub delay: NodeRef,
    pub loss: NodeRef,
    /// A deployment's replica count.
    pub scale: NodeRef,
}

// Icons on a 16×16 grid, stroked (see the transport bar's for why SVG).
const KILL: &str = "M4 4 L12 12 M12 4 L4 12";
const REVIVE: &str = "M8 3 V13 M3 8 H13";

fn icon(path: &'static str) -> Html {
    html! {
        <svg class="button-icon" viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d={path} fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" />
        </svg>
    }
}

/// The number typed in an input, if it is one.
fn number_in(input: &NodeRef) -> Option<f64> {
    let value = input.cast::<HtmlInputElement>()?.value();
    value.trim().parse::<f64>().ok().filter(|v| v.is_finite() && *v >= 0.0)
}

/// A fault button with its test hook and tooltip.
fn fault_button(testid: &'static str, label: String, title: String, enabled: bool, fault: Fault, link: &Scope<Playback>) -> Html {
    html! {
        <button type="button" data-testid={testid} disabled={!enabled} title={title}
            onclick={link.callback(move |_: MouseEvent| Msg::Fault(fault.clone()))}>{ label }</button>
    }
}

/// Cordon, drain and zone faults for a node; kill a pod, scale and crash
/// loops for a deployment; etcd members and controllers for the control
/// plane.
fn cluster_controls(id: &ComponentId, state: &ClusterState, inputs: &WireInputs, link: &Scope<Playback>, lang: Lang) -> Html {
    let b = |testid, label: Text, title: Text, enabled, fault| {
        fault_button(testid, lang.t(label).to_string(), lang.t(title).to_string(), enabled, fault, link)
    };
    match state {
        ClusterState::None => Html::default(),
        ClusterState::Node { zone, cordoned, zone_down } => html! {
            <>
                if *cordoned {
                    { b("uncordon", Text::Uncordon, Text::UncordonTitle, true, Fault::Cordon(id.clone(), false)) }
                } else {
                    { b("cordon", Text::Cordon, Text::CordonTitle, true, Fault::Cordon(id.clone(), true)) }
                }
                { b("drain", Text::Drain, Text::DrainTitle, true, Fault::Drain(id.clone())) }
                if !zone.is_empty() {
                    { fault_button("kill-zone", lang.format(Text::KillZone, &[("zone", zone)]),
                        lang.format(Text::KillZoneTitle, &[("zone", zone)]), !zone_down, Fault::KillZone(zone.clone()), link) }
                    { fault_button("revive-zone", lang.t(Text::ReviveZone).into(), lang.format(Text::ReviveZoneTitle, &[("zone", zone)]),
                        true, Fault::ReviveZone(zone.clone()), link) }
                }
            </>
        },
        ClusterState::Deployment { desired, crash_looping } => {
            let apply_scale = {
                let (input, id) = (inputs.scale.clone(), id.clone());
                link.batch_callback(move |_: MouseEvent| {
                    number_in(&input).map(|n| Msg::Fault(Fault::Scale(id.clone(), n.round() as u32)))
                })
            };
            html! {
                <>
                    { b("kill-pod", Text::KillPod, Text::KillPodTitle, true, Fault::KillPod(id.clone())) }
                    <label class="fault-field" title={lang.t(Text::ScaleTitle)}>
                        { lang.t(Text::ReplicasField) }
                        <input key={format!("s{id}")} type="number" min="0" max="100" step="1" data-testid="field-scale"
                            ref={inputs.scale.clone()} placeholder={desired.to_string()} />
                    </label>
                    <button type="button" data-testid="scale" onclick={apply_scale}>{ lang.t(Text::Scale) }</button>
                    { b("crash-loop", if *crash_looping { Text::HealCrashLoop } else { Text::CrashLoop }, Text::CrashLoopTitle,
                        true, Fault::CrashLoop(id.clone(), !crash_looping)) }
                </>
            }
        }
        ClusterState::ControlPlane { etcd_up, scheduler_up, controller_manager_up } => {
            let first_up = etcd_up.iter().position(|up| *up);
            let first_down = etcd_up.iter().position(|up| !up);
            html! {
                <>
                    { fault_button("kill-etcd",
                        first_up.map_or(lang.t(Text::KillEtcdMember).into(), |m| lang.format(Text::KillEtcdNumber, &[("m", &m)])),
                        lang.t(Text::KillEtcdTitle).into(), first_up.is_some(),
                        Fault::KillEtcdMember(id.clone(), first_up.unwrap_or(0) as u32), link) }
                    { fault_button("revive-etcd",
                        first_down.map_or(lang.t(Text::ReviveEtcdMember).into(), |m| lang.format(Text::ReviveEtcdNumber, &[("m", &m)])),
                        lang.t(Text::ReviveEtcdTitle).into(), first_down.is_some(),
                        Fault::ReviveEtcdMember(id.clone(), first_down.unwrap_or(0) as u32), link) }
                    if *scheduler_up {
                        { b("kill-scheduler", Text::KillScheduler, Text::KillSchedulerTitle, true, Fault::KillScheduler(id.clone())) }
                    } else {
                        { b("revive-scheduler", Text::ReviveScheduler, Text::ReviveSchedulerTitle, true, Fault::ReviveScheduler(id.clone())) }
                    }
                    if *controller_manager_up {
                        { b("kill-controller-manager", Text::KillControllerManager, Text::KillControllerManagerTitle,
                            true, Fault::KillControllerManager(id.clone())) }
                    } else {
                        { b("revive-controller-manager", Text::ReviveControllerManager, Text::ReviveControllerManagerTitle,
                            true, Fault::ReviveControllerManager(id.clone())) }
                    }
                </>
            }
        }
    }
}

/// The strip for `subject`; `recordable` is the last live fault in words,
/// when it can be added to the script.
pub fn fault_strip(subject: &Subject, recordable: Option<String>, inputs: &WireInputs, link: &Scope<Playback>) -> Html {
    let lang = i18n::current(link);
    let emit = |fault: Fault| link.callback(move |_: MouseEvent| Msg::Fault(fault.clone()));
    let (label, controls) = match subject {
        Subject::None(why) => (html! { <span class="fault-hint">{ lang.t(*why) }</span> }, Html::default()),
        Subject::Component { id, name, kind, down, slow_factor, cluster } => {
            let killable = matches!(kind, ComponentKind::Publisher | ComponentKind::Consumer | ComponentKind::Node);
            let (kill_title, revive_title) = match (killable, down) {
                (false, _) if kind.is_cluster() => (lang.t(Text::OnlyNodesKillable).to_string(), String::new()),
                (false, _) => (lang.t(Text::ManagedServicesStayUp).to_string(), String::new()),
                (true, false) => {
                    (lang.format(Text::KillNameTitle, &[("name", name)]), lang.format(Text::NameRunning, &[("name", name)]))
                }
                (true, true) => {
                    (lang.format(Text::NameAlreadyDown, &[("name", name)]), lang.format(Text::ReviveNameTitle, &[("name", name)]))
                }
            };
            let on_slow = {
                let id = id.clone();
                link.batch_callback(move |e: Event| {
                    let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
                    select.value().parse::<f64>().ok().map(|factor| Msg::Fault(Fault::Slow(id.clone(), factor)))
                })
            };
            let on_messages = {
                let id = id.clone();
                link.callback(move |_: MouseEvent| Msg::Inspect(Inspect::At(id.clone())))
            };
            (
                html! { <strong class="fault-subject">{ name }</strong> },
                html! {
                    <>
                        <button type="button" class="fault-kill" data-testid="kill" disabled={!killable || *down}
                            title={kill_title} onclick={emit(Fault::Kill(id.clone()))}>{ icon(KILL) }<span class="button-label">{ lang.t(Text::Kill) }</span></button>
                        <button type="button" class="fault-revive" data-testid="revive" disabled={!killable || !*down}
                            title={revive_title} onclick={emit(Fault::Revive(id.clone()))}>{ icon(REVIVE) }<span class="button-label">{ lang.t(Text::Revive) }</span></button>
                        if *kind == ComponentKind::Consumer {
                            <label class="fault-slow" title={lang.format(Text::SlowTitle, &[("name", name)])}>
                                { lang.t(Text::SlowField) }
                                <select data-testid="slow" data-value={slow_factor.to_string()} onchange={on_slow}>
                                    { for SLOW_FACTORS.iter().map(|f| html! {
                                        <option value={f.to_string()} selected={f == slow_factor}>
                                            { if *f == 1.0 { lang.t(Text::SlowNormal).to_string() } else { format!("×{f}") } }
                                        </option>
                                    }) }
                                </select>
                            </label>
                        }
                        { cluster_controls(id, cluster, inputs, link, lang) }
                        if matches!(kind, ComponentKind::Topic | ComponentKind::Queue | ComponentKind::Consumer) {
                            <button type="button" data-testid="messages" title={lang.format(Text::MessagesTitle, &[("name", name)])}
                                onclick={on_messages}>{ lang.t(Text::Messages) }</button>
                        }
                    </>
                },
            )
        }
        Subject::Wire { from, to, name, state } => {
            let apply_delay = {
                let (input, from, to) = (inputs.delay.clone(), from.clone(), to.clone());
                link.batch_callback(move |_: MouseEvent| {
                    number_in(&input).map(|ms| Msg::Fault(Fault::Delay(from.clone(), to.clone(), ms.round() as u64)))
                })
            };
            let apply_loss = {
                let (input, from, to) = (inputs.loss.clone(), from.clone(), to.clone());
                link.batch_callback(move |_: MouseEvent| {
                    number_in(&input).map(|ratio| Msg::Fault(Fault::Loss(from.clone(), to.clone(), ratio)))
                })
            };
            let toggle = if state.partitioned {
                html! {
                    <button type="button" class="fault-revive" data-testid="heal" title={lang.t(Text::HealTitle)}
                        onclick={emit(Fault::Heal(from.clone(), to.clone()))}>{ lang.t(Text::Heal) }</button>
                }
            } else {
                html! {
                    <button type="button" class="fault-kill" data-testid="partition" title={lang.t(Text::PartitionTitle)}
                        onclick={emit(Fault::Partition(from.clone(), to.clone()))}>{ lang.t(Text::Partition) }</button>
                }
            };
            (
                html! { <strong class="fault-subject">{ name }</strong> },
                html! {
                    <>
                        { toggle }
                        <label class="fault-field" title={lang.t(Text::DelayTitle)}>
                            { lang.t(Text::DelayField) }
                            <input key={format!("d{name}")} type="number" min="0" max="60000" step="100" data-testid="field-fault-delay"
                                ref={inputs.delay.clone()} placeholder={state.extra_delay_ms.to_string()} />{ " ms" }
                        </label>
                        <button type="button" data-testid="apply-fault-delay" onclick={apply_delay}>{ lang.t(Text::Apply) }</button>
                        <label class="fault-field" title={lang.t(Text::LossTitle)}>
                            { lang.t(Text::LossField) }
                            <input key={format!("l{name}")} type="number" min="0" max="1" step="0.05" data-testid="field-fault-loss"
                                ref={inputs.loss.clone()} placeholder={state.loss_ratio.to_string()} />
                        </label>
                        <button type="button" data-testid="apply-fault-loss" onclick={apply_loss}>{ lang.t(Text::Apply) }</button>
                    </>
                },
            )
        }
    };
    let record_title = match &recordable {
        Some(words) => lang.format(Text::RecordFaultTitle, &[("words", words)]),
        None => lang.t(Text::RecordFaultFirst).to_string(),
    };
    html! {
        <div class="fault-strip" role="toolbar" aria-label={lang.t(Text::FaultsToolbar)}>
            <span class="fault-strip-title">{ lang.t(Text::FaultsToolbar) }</span>
            { label }
            <div class="fault-controls">
                { controls }
                <button type="button" class="fault-record" data-testid="record-fault" disabled={recordable.is_none()}
                    title={record_title} onclick={link.callback(|_| Msg::RecordFault)}>
                    { "+ " }<span class="button-label">{ lang.t(Text::RecordFaultWide) }</span>{ lang.t(Text::RecordFaultNarrow) }
                </button>
            </div>
        </div>
    }
}

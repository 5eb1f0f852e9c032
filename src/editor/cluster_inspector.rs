//! The inspector's cluster panels: a node, a deployment (with its pod
//! template, probes and scheduling), a service, an ingress and the control
//! plane (with the kubelet settings every node shares), plus the "Runs on"
//! choice of a consumer or publisher. Kept apart from `inspector.rs`, which
//! holds the broker's panels, but built from the same parts: every setting
//! shows its unit, its documented default and where that default comes from
//! (`SEMANTICS.md`'s cluster section, the Kubernetes and etcd docs), explains
//! itself in its tooltip, and is checked by `validate` (which runs the cluster
//! engine's own rules) before it becomes one undoable `SetSpec` edit.

use super::fields::{advanced, group, remark, CheckField, SelectField, TextField};
use super::format;
use super::inspector::{number_fields, spec_commit, InspectorProps, Number, NumberSetting};
use super::lists::{ingress_rules_editor, taints_editor, tolerations_editor};
use super::parse::{labels_text, parse_labels, parse_list, parse_whole, thousands};
use crate::i18n::{Lang, Text};
use fanout_engine::cluster::{
    DeploymentConfig, IngressConfig, LoadBalancing, NodeConfig, ScoringStrategy, ServiceConfig, ServiceType,
    MAX_CONTROL_PLANE_REPLICAS, MAX_ETCD_MEMBERS, MAX_PODS_PER_NODE, MAX_REPLICAS, NODE_PORT_MAX, NODE_PORT_MIN,
};
use fanout_engine::scenario::{Component, ComponentId, ControlPlaneSpec, Scenario, Spec};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// The most CPU a node may offer here: 1,000 CPUs. The engine only needs
/// more than 0; a bound keeps typos (an extra few zeros) out of the canvas.
const MAX_CPU_MILLICORES: u64 = 1_000_000;
/// The most memory a node may offer here: 16 TiB.
const MAX_MEMORY_MIB: u64 = 16 * 1_048_576;
/// The longest cluster timer the inspector accepts: one day. The documented
/// ones are seconds to minutes.
pub(super) const MAX_CLUSTER_DURATION_MS: u64 = 24 * 3_600 * 1_000;
/// Probe thresholds: Kubernetes sets no maximum; a hundred is plenty.
const MAX_PROBE_THRESHOLD: u32 = 100;

/// A [`NumberSetting`] for a (possibly nested) field of a cluster spec,
/// written as a table row: `"name": Variant.path.to.field as type, …`.
macro_rules! cluster_setting {
    ($name:literal: $variant:ident $(. $field:ident)+ as $ty:ty, $label:expr, $unit:expr, $number:expr,
     $min:expr, $max:expr, $source:expr, $help:expr) => {
        NumberSetting {
            name: $name,
            label: $label,
            unit: $unit,
            number: $number,
            min: $min as u64,
            max: $max as u64,
            source: $source,
            help: $help,
            get: |spec: &Spec| match spec {
                Spec::$variant(c) => c$(.$field)+ as f64,
                _ => 0.0,
            },
            set: |spec: &mut Spec, value: f64| {
                if let Spec::$variant(c) = spec {
                    c$(.$field)+ = value as $ty;
                }
            },
        }
    };
}

// The number settings of each panel, one table per group. They live at the
// top level (not inside the panel functions) so the tests below can check
// every row against its kind's documented default.

static NODE_CAPACITY: [NumberSetting; 3] = [
    cluster_setting!("cpu_millicores": Node.cpu_millicores as u64, Text::SetCpuAllocatable, Text::UnitMillicores, Number::Millicores,
        1, MAX_CPU_MILLICORES, Some(Text::SourceVmSize),
        Text::HelpCpuMillicores),
    cluster_setting!("memory_mib": Node.memory_mib as u64, Text::SetMemoryAllocatable, Text::UnitMib, Number::Mebibytes,
        1, MAX_MEMORY_MIB, Some(Text::SourceVmSize),
        Text::HelpMemoryMib),
    cluster_setting!("max_pods": Node.max_pods as u32, Text::SetMaxPods, Text::UnitPods, Number::Whole(Text::CountPods),
        1, MAX_PODS_PER_NODE, Some(Text::SourceMaxPods),
        Text::HelpMaxPods),
];

static DEPLOYMENT_SCALE: [NumberSetting; 1] = [cluster_setting!("replicas": Deployment.replicas as u32, Text::SetReplicas, Text::UnitPods,
    Number::Whole(Text::CountReplicas), 0, MAX_REPLICAS, Some(Text::SourceFanoutKubernetesOne),
    Text::HelpReplicas)];

static DEPLOYMENT_ROLLING: [NumberSetting; 2] = [
    cluster_setting!("max_surge_percent": Deployment.max_surge_percent as u32, Text::SetMaxSurge, Text::UnitPercentOfReplicas,
        Number::Whole(Text::CountPercent), 0, 100, Some(Text::SourceKubernetes),
        Text::HelpMaxSurgePercent),
    cluster_setting!("max_unavailable_percent": Deployment.max_unavailable_percent as u32, Text::SetMaxUnavailable, Text::UnitPercentOfReplicas,
        Number::Whole(Text::CountPercent), 0, 100, Some(Text::SourceKubernetes),
        Text::HelpMaxUnavailablePercent),
];

static DEPLOYMENT_RESOURCES: [NumberSetting; 2] = [
    cluster_setting!("cpu_request_millicores": Deployment.template.cpu_request_millicores as u64, Text::SetCpuRequest, Text::UnitMillicores,
        Number::Millicores, 0, MAX_CPU_MILLICORES, Some(Text::SourceFanout),
        Text::HelpCpuRequestMillicores),
    cluster_setting!("memory_request_mib": Deployment.template.memory_request_mib as u64, Text::SetMemoryRequest, Text::UnitMib,
        Number::Mebibytes, 0, MAX_MEMORY_MIB, Some(Text::SourceFanout),
        Text::HelpMemoryRequestMib),
];

static DEPLOYMENT_LIFECYCLE: [NumberSetting; 3] = [
    cluster_setting!("container_start_ms": Deployment.template.container_start_ms as u64, Text::SetContainerStart, Text::UnitMs,
        Number::Duration, 0, MAX_CLUSTER_DURATION_MS, Some(Text::SourceFanout),
        Text::HelpContainerStartMs),
    cluster_setting!("termination_grace_period_ms": Deployment.template.termination_grace_period_ms as u64,
        Text::SetTerminationGracePeriod, Text::UnitMs, Number::Duration, 0, MAX_CLUSTER_DURATION_MS, Some(Text::SourceGracePeriodSeconds),
        Text::HelpTerminationGracePeriodMs),
    cluster_setting!("node_failure_toleration_ms": Deployment.template.node_failure_toleration_ms as u64,
        Text::SetEvictionToleration, Text::UnitMs, Number::Duration, 0, MAX_CLUSTER_DURATION_MS, Some(Text::SourceTolerationSeconds),
        Text::HelpNodeFailureTolerationMs),
];

static DEPLOYMENT_LIVENESS: [NumberSetting; 4] = [
    cluster_setting!("liveness_probe_initial_delay_ms": Deployment.template.liveness_probe.initial_delay_ms as u64,
        Text::SetInitialDelay, Text::UnitMs, Number::Duration, 0, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubernetes),
        Text::HelpLivenessProbeInitialDelayMs),
    cluster_setting!("liveness_probe_period_ms": Deployment.template.liveness_probe.period_ms as u64,
        Text::SetPeriod, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubernetes),
        Text::HelpProbePeriodMs),
    cluster_setting!("liveness_probe_timeout_ms": Deployment.template.liveness_probe.timeout_ms as u64,
        Text::SetTimeout, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubernetes),
        Text::HelpProbeTimeoutMs),
    cluster_setting!("liveness_probe_failure_threshold": Deployment.template.liveness_probe.failure_threshold as u32,
        Text::SetFailureThreshold, Text::UnitProbes, Number::Whole(Text::CountProbes), 1, MAX_PROBE_THRESHOLD, Some(Text::SourceKubernetes),
        Text::HelpLivenessProbeFailureThreshold),
];

static DEPLOYMENT_READINESS: [NumberSetting; 5] = [
    cluster_setting!("readiness_probe_initial_delay_ms": Deployment.template.readiness_probe.initial_delay_ms as u64,
        Text::SetInitialDelay, Text::UnitMs, Number::Duration, 0, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubernetes),
        Text::HelpReadinessProbeInitialDelayMs),
    cluster_setting!("readiness_probe_period_ms": Deployment.template.readiness_probe.period_ms as u64,
        Text::SetPeriod, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubernetes),
        Text::HelpProbePeriodMs),
    cluster_setting!("readiness_probe_timeout_ms": Deployment.template.readiness_probe.timeout_ms as u64,
        Text::SetTimeout, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubernetes),
        Text::HelpProbeTimeoutMs),
    cluster_setting!("readiness_probe_failure_threshold": Deployment.template.readiness_probe.failure_threshold as u32,
        Text::SetFailureThreshold, Text::UnitProbes, Number::Whole(Text::CountProbes), 1, MAX_PROBE_THRESHOLD, Some(Text::SourceKubernetes),
        Text::HelpReadinessProbeFailureThreshold),
    cluster_setting!("readiness_probe_success_threshold": Deployment.template.readiness_probe.success_threshold as u32,
        Text::SetSuccessThreshold, Text::UnitProbes, Number::Whole(Text::CountProbes), 1, MAX_PROBE_THRESHOLD, Some(Text::SourceKubernetes),
        Text::HelpReadinessProbeSuccessThreshold),
];

static DEPLOYMENT_CRASH: [NumberSetting; 1] = [cluster_setting!("crash_after_ms": Deployment.template.crash_after_ms as u64,
    Text::SetCrashAfter, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, None,
    Text::HelpCrashAfterMs)];

static SERVICE_PORT: [NumberSetting; 1] = [cluster_setting!("port": Service.port as u16, Text::SetPort, Text::UnitTcpPort,
    Number::Whole(Text::CountPort), 1, u16::MAX, None,
    Text::HelpPort)];

static CONTROL_PLANE_ETCD: [NumberSetting; 1] = [cluster_setting!("etcd_members": ControlPlane.control_plane.etcd_members as u32,
    Text::SetEtcdMembers, Text::UnitMembers, Number::Whole(Text::CountEtcdMembers), 1, MAX_ETCD_MEMBERS, Some(Text::SourceHaControlPlane),
    Text::HelpEtcdMembers)];

static CONTROL_PLANE_ETCD_TIMING: [NumberSetting; 2] = [
    cluster_setting!("etcd_heartbeat_ms": ControlPlane.control_plane.etcd_heartbeat_ms as u64, Text::SetHeartbeatInterval, Text::UnitMs,
        Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceEtcdHeartbeat),
        Text::HelpEtcdHeartbeatMs),
    cluster_setting!("etcd_election_timeout_ms": ControlPlane.control_plane.etcd_election_timeout_ms as u64,
        Text::SetElectionTimeout, Text::UnitMs, Number::Duration, 0, MAX_CLUSTER_DURATION_MS, Some(Text::SourceEtcdElection),
        Text::HelpEtcdElectionTimeoutMs),
];

static CONTROL_PLANE_SCHEDULER: [NumberSetting; 1] = [cluster_setting!("scheduler_replicas": ControlPlane.control_plane.scheduler_replicas as u32,
    Text::SetKubeSchedulerReplicas, Text::UnitReplicas, Number::Whole(Text::CountReplicas), 1, MAX_CONTROL_PLANE_REPLICAS, None,
    Text::HelpSchedulerReplicas)];

static CONTROL_PLANE_CONTROLLERS: [NumberSetting; 3] = [
    cluster_setting!("controller_manager_replicas": ControlPlane.control_plane.controller_manager_replicas as u32,
        Text::SetKubeControllerManagerReplicas, Text::UnitReplicas, Number::Whole(Text::CountReplicas), 1, MAX_CONTROL_PLANE_REPLICAS, None,
        Text::HelpControllerManagerReplicas),
    cluster_setting!("node_monitor_period_ms": ControlPlane.control_plane.node_monitor_period_ms as u64,
        Text::SetNodeMonitorPeriod, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceNodeMonitorPeriod),
        Text::HelpNodeMonitorPeriodMs),
    cluster_setting!("node_monitor_grace_period_ms": ControlPlane.control_plane.node_monitor_grace_period_ms as u64,
        Text::SetNodeMonitorGracePeriod, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceNodeMonitorGrace),
        Text::HelpNodeMonitorGracePeriodMs),
];

static CONTROL_PLANE_LEADER: [NumberSetting; 3] = [
    cluster_setting!("leader_lease_ms": ControlPlane.control_plane.leader_lease_ms as u64, Text::SetLeaseDuration, Text::UnitMs,
        Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceLeaseDuration),
        Text::HelpLeaderLeaseMs),
    cluster_setting!("leader_renew_deadline_ms": ControlPlane.control_plane.leader_renew_deadline_ms as u64,
        Text::SetRenewDeadline, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceRenewDeadline),
        Text::HelpLeaderRenewDeadlineMs),
    cluster_setting!("leader_retry_period_ms": ControlPlane.control_plane.leader_retry_period_ms as u64,
        Text::SetRetryPeriod, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceRetryPeriod),
        Text::HelpLeaderRetryPeriodMs),
];

static CONTROL_PLANE_KUBELET: [NumberSetting; 4] = [
    cluster_setting!("node_status_update_period_ms": ControlPlane.kubelet.node_status_update_period_ms as u64,
        Text::SetNodeStatusPeriod, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceNodeStatusFrequency),
        Text::HelpNodeStatusUpdatePeriodMs),
    cluster_setting!("crash_backoff_initial_ms": ControlPlane.kubelet.crash_backoff_initial_ms as u64,
        Text::SetCrashBackOff, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubelet),
        Text::HelpCrashBackoffInitialMs),
    cluster_setting!("crash_backoff_max_ms": ControlPlane.kubelet.crash_backoff_max_ms as u64,
        Text::SetBackOffCap, Text::UnitMs, Number::Duration, 1, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubelet),
        Text::HelpCrashBackoffMaxMs),
    cluster_setting!("crash_backoff_reset_ms": ControlPlane.kubelet.crash_backoff_reset_ms as u64,
        Text::SetBackOffResetAfter, Text::UnitMs, Number::Duration, 0, MAX_CLUSTER_DURATION_MS, Some(Text::SourceKubelet),
        Text::HelpCrashBackoffResetMs),
];

/// The scenario's deployments as (id, name) options.
fn deployments(scenario: &Scenario) -> Vec<(String, String)> {
    scenario
        .components
        .iter()
        .filter(|c| matches!(c.spec, Spec::Deployment(_)))
        .map(|c| (c.id.to_string(), c.name.clone()))
        .collect()
}

/// The control plane's settings, for panels that show what they imply.
fn control_plane(scenario: &Scenario) -> ControlPlaneSpec {
    scenario
        .components
        .iter()
        .find_map(|c| match &c.spec {
            Spec::ControlPlane(cp) => Some(cp.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

/// "1 pod", "3 pods": `one` and `many` are templates with `{n}`.
fn plural(lang: Lang, n: u64, one: Text, many: Text) -> String {
    lang.format(if n == 1 { one } else { many }, &[("n", &thousands(n))])
}

/// Where a consumer or publisher runs: standalone, or in the pods of one of
/// the scenario's deployments.
pub(super) fn runs_on_field(c: &Component, current: Option<&ComponentId>, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let consumer = matches!(c.spec, Spec::Consumer(_));
    let choices = deployments(&props.scenario);
    let note = match current.and_then(|id| props.scenario.component(id)) {
        Some(d) => {
            let replicas = match &d.spec {
                Spec::Deployment(config) => config.replicas,
                _ => 0,
            };
            let replicas = plural(lang, u64::from(replicas), Text::OneReplica, Text::ManyReplicas);
            let note = if consumer { Text::RunsOnConsumerNote } else { Text::RunsOnPublisherNote };
            lang.format(note, &[("deployment", &d.name), ("replicas", &replicas)])
        }
        None if choices.is_empty() => lang.t(Text::AddDeploymentFirst).to_string(),
        None => String::new(),
    };
    let mut all = vec![(String::new(), lang.t(Text::RunsOnNone).to_string())];
    all.extend(choices);
    let commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            let runs_on = (!text.is_empty()).then(|| ComponentId::new(text));
            match spec {
                Spec::Consumer(k) => k.runs_on = runs_on,
                Spec::Publisher(p) => p.runs_on = runs_on,
                _ => {}
            }
            Ok(())
        }),
    );
    let help = lang.t(if consumer { Text::RunsOnConsumerHelp } else { Text::RunsOnPublisherHelp });
    html! {
        <SelectField key={format!("{}:runs_on", c.id)} setting="runs_on" label={lang.t(Text::RunsOn)}
            value={current.map(|id| id.to_string()).unwrap_or_default()} options={all}
            default_note={lang.t(Text::DefaultStandalone)} note={note} help={help} on_change={commit} />
    }
}

pub(super) fn node_settings(c: &Component, n: &NodeConfig, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let zone_commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Node(n) = spec {
                n.zone = text.to_string();
            }
            Ok(())
        }),
    );
    let labels_commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            if let Spec::Node(n) = spec {
                n.labels = parse_labels(text, lang)?;
            }
            Ok(())
        }),
    );
    let cordon_commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Node(n) = spec {
                n.unschedulable = text == "true";
            }
            Ok(())
        }),
    );
    let mut zones: Vec<&str> = props
        .scenario
        .components
        .iter()
        .filter_map(|c| match &c.spec {
            Spec::Node(n) if !n.zone.is_empty() => Some(n.zone.as_str()),
            _ => None,
        })
        .collect();
    zones.sort_unstable();
    zones.dedup();
    let zones = if zones.is_empty() { lang.t(Text::ZonesNone).to_string() } else { zones.join(", ") };
    let zone_note = lang.format(Text::ZonesInCluster, &[("zones", &zones)]);
    let kubelet = control_plane(&props.scenario).kubelet;
    let period = format::duration_ms(kubelet.node_status_update_period_ms);
    let agents = lang.format(Text::NodeAgents, &[("period", &period)]);
    html! {
        <>
            { group(lang.t(Text::GroupCapacity), number_fields(&NODE_CAPACITY, c, props)) }
            { group(lang.t(Text::GroupPlacement), html! {
                <>
                    <TextField key={format!("{}:zone", c.id)} setting="zone" label={lang.t(Text::Zone)} inputmode="text"
                        value={n.zone.clone()} default_note={lang.t(Text::DefaultZone)}
                        note={zone_note}
                        help={lang.t(Text::ZoneHelp)}
                        on_commit={zone_commit} />
                    <TextField key={format!("{}:labels", c.id)} setting="labels" label={lang.t(Text::Labels)} unit="key=value, …"
                        inputmode="text" value={labels_text(&n.labels)} default_note={lang.t(Text::DefaultNone)}
                        help={lang.t(Text::NodeLabelsHelp)}
                        on_commit={labels_commit} />
                    { taints_editor(props, c) }
                    <CheckField key={format!("{}:unschedulable", c.id)} setting="unschedulable" label={lang.t(Text::Cordoned)}
                        checked={n.unschedulable} default_note={lang.t(Text::DefaultOffCordon)}
                        help={lang.t(Text::CordonedHelp)}
                        on_change={cordon_commit} />
                </>
            }) }
            { group(lang.t(Text::GroupAgents), remark(agents)) }
        </>
    }
}

/// Changes a deployment's pod template (or its other settings) from typed text.
type TemplateChange = Rc<dyn Fn(&mut DeploymentConfig, &str) -> Result<(), String>>;

pub(super) fn deployment_settings(c: &Component, d: &DeploymentConfig, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let template_commit = |change: TemplateChange| {
        spec_commit(
            props,
            c,
            Rc::new(move |spec: &mut Spec, text: &str| match spec {
                Spec::Deployment(d) => change(d, text),
                _ => Ok(()),
            }),
        )
    };
    let (surge, unavailable) = d.rolling_limits(d.replicas);
    let rolling = lang.format(
        Text::RollingNote,
        &[
            ("replicas", &plural(lang, u64::from(d.replicas), Text::OneReplica, Text::ManyReplicas)),
            ("surge", &plural(lang, u64::from(surge), Text::OnePod, Text::ManyPods)),
            ("unavailable", &plural(lang, u64::from(unavailable), Text::OnePod, Text::ManyPods)),
        ],
    );
    let probe = |liveness: bool| -> Html {
        let (name, enabled, settings, what): (&'static str, bool, &'static [NumberSetting], Text) = if liveness {
            ("liveness_probe_enabled", d.template.liveness_probe.enabled, &DEPLOYMENT_LIVENESS, Text::LivenessHelp)
        } else {
            ("readiness_probe_enabled", d.template.readiness_probe.enabled, &DEPLOYMENT_READINESS, Text::ReadinessHelp)
        };
        let commit = if liveness {
            template_commit(Rc::new(|d, text| {
                d.template.liveness_probe.enabled = text == "true";
                Ok(())
            }))
        } else {
            template_commit(Rc::new(|d, text| {
                d.template.readiness_probe.enabled = text == "true";
                Ok(())
            }))
        };
        html! {
            <>
                <CheckField key={format!("{}:{name}", c.id)} setting={name} label={lang.t(Text::ProbeContainer)}
                    checked={enabled} default_note={lang.t(Text::DefaultProbe)}
                    help={lang.t(what)} on_change={commit} />
                if enabled {
                    { number_fields(settings, c, props) }
                }
            </>
        }
    };
    let labels_commit = template_commit(Rc::new(move |d, text| {
        d.template.labels = parse_labels(text, lang)?;
        Ok(())
    }));
    let zones_commit = template_commit(Rc::new(|d, text| {
        d.template.node_affinity.zones = parse_list(text);
        Ok(())
    }));
    let match_commit = template_commit(Rc::new(move |d, text| {
        d.template.node_affinity.match_labels = parse_labels(text, lang)?;
        Ok(())
    }));
    let crash_commit = template_commit(Rc::new(|d, text| {
        d.template.crash_loop = text == "true";
        Ok(())
    }));
    let runners: Vec<String> = props
        .scenario
        .components
        .iter()
        .filter(|other| match &other.spec {
            Spec::Consumer(k) => k.runs_on.as_ref() == Some(&c.id),
            Spec::Publisher(p) => p.runs_on.as_ref() == Some(&c.id),
            _ => false,
        })
        .map(|other| other.name.clone())
        .collect();
    let runs_here = if runners.is_empty() {
        lang.t(Text::RunsHereNone).to_string()
    } else {
        lang.format(Text::RunningOnIt, &[("names", &runners.join(", "))])
    };
    html! {
        <>
            { group(lang.t(Text::GroupScale), html! {
                <>
                    { number_fields(&DEPLOYMENT_SCALE, c, props) }
                    { remark(runs_here) }
                </>
            }) }
            { group(lang.t(Text::GroupPodTemplate), html! {
                <>
                    { number_fields(&DEPLOYMENT_RESOURCES, c, props) }
                    <TextField key={format!("{}:labels", c.id)} setting="labels" label={lang.t(Text::PodLabels)} unit="key=value, …"
                        inputmode="text" value={labels_text(&d.template.labels)}
                        default_note={lang.format(Text::DefaultPodLabels, &[("id", &c.id)])}
                        help={lang.t(Text::PodLabelsHelp)}
                        on_commit={labels_commit} />
                </>
            }) }
            { group(lang.t(Text::GroupLiveness), probe(true)) }
            { group(lang.t(Text::GroupReadiness), probe(false)) }
            { group(lang.t(Text::GroupScheduling), html! {
                <>
                    <TextField key={format!("{}:zones", c.id)} setting="zones" label={lang.t(Text::OnlyInZones)} unit="zone, …"
                        inputmode="text" value={d.template.node_affinity.zones.join(", ")} default_note={lang.t(Text::DefaultAnyZone)}
                        help={lang.t(Text::OnlyInZonesHelp)}
                        on_commit={zones_commit} />
                    <TextField key={format!("{}:match_labels", c.id)} setting="match_labels" label={lang.t(Text::OnlyOnLabelled)}
                        unit="key=value, …" inputmode="text" value={labels_text(&d.template.node_affinity.match_labels)}
                        default_note={lang.t(Text::DefaultAnyNode)}
                        help={lang.t(Text::OnlyOnLabelledHelp)}
                        on_commit={match_commit} />
                    { tolerations_editor(props, c) }
                </>
            }) }
            { group(lang.t(Text::GroupRollingUpdate), html! {
                <>
                    { number_fields(&DEPLOYMENT_ROLLING, c, props) }
                    { remark(rolling) }
                </>
            }) }
            { advanced(lang.t(Text::GroupPodLifecycle), number_fields(&DEPLOYMENT_LIFECYCLE, c, props)) }
            { advanced(lang.t(Text::GroupCrashLoop), html! {
                <>
                    <CheckField key={format!("{}:crash_loop", c.id)} setting="crash_loop" label={lang.t(Text::ContainerCrashes)}
                        checked={d.template.crash_loop} default_note={lang.t(Text::DefaultOff)}
                        help={lang.t(Text::ContainerCrashesHelp)}
                        on_change={crash_commit} />
                    if d.template.crash_loop {
                        { number_fields(&DEPLOYMENT_CRASH, c, props) }
                    }
                </>
            }) }
        </>
    }
}

/// Service types as (value, label, type).
const SERVICE_TYPES: [(&str, Text, ServiceType); 3] = [
    ("cluster-ip", Text::TypeClusterIp, ServiceType::ClusterIp),
    ("node-port", Text::TypeNodePort, ServiceType::NodePort),
    ("load-balancer", Text::TypeLoadBalancer, ServiceType::LoadBalancer),
];

const LOAD_BALANCING: [(&str, Text, LoadBalancing); 2] = [
    ("random", Text::BalancingRandom, LoadBalancing::Random),
    ("round-robin", Text::BalancingRoundRobin, LoadBalancing::RoundRobin),
];

/// (value, label) pairs for a select, in `lang`.
fn options<T>(lang: Lang, rows: &[(&str, Text, T)]) -> Vec<(String, String)> {
    rows.iter().map(|(v, l, _)| (v.to_string(), lang.t(*l).to_string())).collect()
}

/// The selector's value in the select: a deployment's id when it selects
/// exactly `app=<that id>`, "" when empty, "custom" otherwise.
fn selector_choice(selector: &BTreeMap<String, String>, deployments: &[(String, String)]) -> String {
    if selector.is_empty() {
        return String::new();
    }
    match (selector.len(), selector.get("app")) {
        (1, Some(app)) if deployments.iter().any(|(id, _)| id == app) => app.clone(),
        _ => "custom".into(),
    }
}

pub(super) fn service_settings(c: &Component, s: &ServiceConfig, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let choices = deployments(&props.scenario);
    let choice = selector_choice(&s.selector, &choices);
    let mut selector_options = vec![(String::new(), lang.t(Text::SelectorNone).to_string())];
    selector_options.extend(choices.iter().map(|(id, name)| (id.clone(), format!("{name} (app={id})"))));
    if choice == "custom" {
        selector_options.push(("custom".into(), lang.format(Text::SelectorCustom, &[("labels", &labels_text(&s.selector))])));
    }
    let selector_commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Service(s) = spec {
                match text {
                    // The labels typed below stay as they are.
                    "custom" => {}
                    "" => s.selector.clear(),
                    id => s.selector = ServiceConfig::for_deployment(id).selector,
                }
            }
            Ok(())
        }),
    );
    let labels_commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            if let Spec::Service(s) = spec {
                s.selector = parse_labels(text, lang)?;
            }
            Ok(())
        }),
    );
    // Which deployments' pods the selector matches: their labels are the
    // template's plus app=<deployment id>.
    let matched: Vec<String> = props
        .scenario
        .components
        .iter()
        .filter(|d| match &d.spec {
            Spec::Deployment(config) => {
                !s.selector.is_empty()
                    && s.selector.iter().all(|(k, v)| {
                        config.template.labels.get(k) == Some(v) || (k == "app" && v == d.id.as_str())
                    })
            }
            _ => false,
        })
        .map(|d| d.name.clone())
        .collect();
    let matched_note = if matched.is_empty() {
        lang.t(Text::SelectsNothing).to_string()
    } else {
        lang.format(Text::EndpointsOf, &[("names", &matched.join(", "))])
    };
    let type_commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            if let Spec::Service(s) = spec {
                s.service_type =
                    SERVICE_TYPES.iter().find(|(v, ..)| *v == text).ok_or(lang.t(Text::UnknownServiceType))?.2;
                // A ClusterIP Service has no node port to keep.
                if s.service_type == ServiceType::ClusterIp {
                    s.node_port = None;
                }
            }
            Ok(())
        }),
    );
    let node_port_commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            if let Spec::Service(s) = spec {
                s.node_port = match text.to_ascii_lowercase().as_str() {
                    "" | "auto" => None,
                    _ => Some(
                        parse_whole(text, Text::CountPort, u64::from(NODE_PORT_MIN), u64::from(NODE_PORT_MAX), lang).map_err(|_| {
                            lang.format(
                                Text::NodePortProblem,
                                &[
                                    ("min", &thousands(u64::from(NODE_PORT_MIN))),
                                    ("max", &thousands(u64::from(NODE_PORT_MAX))),
                                ],
                            )
                        })? as u16,
                    ),
                };
            }
            Ok(())
        }),
    );
    let balancing_commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            if let Spec::Service(s) = spec {
                s.load_balancing =
                    LOAD_BALANCING.iter().find(|(v, ..)| *v == text).ok_or(lang.t(Text::UnknownLoadBalancing))?.2;
            }
            Ok(())
        }),
    );
    let type_value = SERVICE_TYPES.iter().find(|(.., t)| *t == s.service_type).map_or("", |(v, ..)| v);
    let balancing_value = LOAD_BALANCING.iter().find(|(.., b)| *b == s.load_balancing).map_or("", |(v, ..)| v);
    html! {
        <>
            { group(lang.t(Text::GroupEndpoints), html! {
                <>
                    <SelectField key={format!("{}:selector", c.id)} setting="selector" label={lang.t(Text::Selector)} value={choice}
                        options={selector_options} default_note={lang.t(Text::DefaultNone)} note={matched_note}
                        help={lang.t(Text::SelectorHelp)}
                        on_change={selector_commit} />
                    <TextField key={format!("{}:selector_labels", c.id)} setting="selector_labels" label={lang.t(Text::SelectorLabels)}
                        unit="key=value, …" inputmode="text" value={labels_text(&s.selector)}
                        help={lang.t(Text::SelectorLabelsHelp)}
                        on_commit={labels_commit} />
                </>
            }) }
            { group(lang.t(Text::GroupTraffic), html! {
                <>
                    <SelectField key={format!("{}:service_type", c.id)} setting="service_type" label={lang.t(Text::ServiceTypeField)}
                        value={type_value.to_string()}
                        options={options(lang, &SERVICE_TYPES)}
                        default_note={lang.t(Text::DefaultClusterIp)}
                        help={lang.t(Text::ServiceTypeHelp)}
                        on_change={type_commit} />
                    { number_fields(&SERVICE_PORT, c, props) }
                    if s.service_type != ServiceType::ClusterIp {
                        <TextField key={format!("{}:node_port", c.id)} setting="node_port" label={lang.t(Text::NodePortField)}
                            unit="30000–32767" value={s.node_port.map(|p| p.to_string()).unwrap_or_default()}
                            default_note={lang.t(Text::DefaultNodePort)}
                            help={lang.t(Text::NodePortHelp)}
                            on_commit={node_port_commit} />
                    }
                    <SelectField key={format!("{}:load_balancing", c.id)} setting="load_balancing" label={lang.t(Text::SpreadsBy)}
                        value={balancing_value.to_string()}
                        options={options(lang, &LOAD_BALANCING)}
                        default_note={lang.t(Text::DefaultRandomBalancing)}
                        help={lang.t(Text::SpreadsByHelp)}
                        on_change={balancing_commit} />
                </>
            }) }
        </>
    }
}

pub(super) fn ingress_settings(c: &Component, i: &IngressConfig, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let controller_commit = spec_commit(
        props,
        c,
        Rc::new(|spec: &mut Spec, text: &str| {
            if let Spec::Ingress(i) = spec {
                i.controller_installed = text == "true";
            }
            Ok(())
        }),
    );
    group(lang.t(Text::GroupRouting), html! {
        <>
            <CheckField key={format!("{}:controller_installed", c.id)} setting="controller_installed"
                label={lang.t(Text::ControllerServes)} checked={i.controller_installed}
                default_note={lang.t(Text::DefaultControllerOn)}
                help={lang.t(Text::ControllerServesHelp)}
                on_change={controller_commit} />
            { ingress_rules_editor(props, c) }
        </>
    })
}

const SCORING: [(&str, Text, ScoringStrategy); 2] = [
    ("least-allocated", Text::ScoringLeast, ScoringStrategy::LeastAllocated),
    ("most-allocated", Text::ScoringMost, ScoringStrategy::MostAllocated),
];

pub(super) fn control_plane_settings(c: &Component, cp: &ControlPlaneSpec, props: &InspectorProps) -> Html {
    let lang = props.lang;
    let members = cp.control_plane.etcd_members;
    let quorum = members / 2 + 1;
    let survives = match members - quorum.min(members) {
        0 => lang.t(Text::NoMemberMayBeLost).to_string(),
        n => lang.format(Text::MembersMayBeDown, &[("members", &plural(lang, u64::from(n), Text::OneMember, Text::ManyMembers))]),
    };
    let scoring_commit = spec_commit(
        props,
        c,
        Rc::new(move |spec: &mut Spec, text: &str| {
            if let Spec::ControlPlane(cp) = spec {
                cp.control_plane.scoring =
                    SCORING.iter().find(|(v, ..)| *v == text).ok_or(lang.t(Text::UnknownScoring))?.2;
            }
            Ok(())
        }),
    );
    let scoring_value = SCORING.iter().find(|(.., s)| *s == cp.control_plane.scoring).map_or("", |(v, ..)| v);
    let grace = format::duration_ms(cp.control_plane.node_monitor_grace_period_ms);
    let failover = lang.format(Text::FailoverNote, &[("period", &grace)]);
    let quorum_note = lang.format(Text::QuorumNote, &[("quorum", &quorum), ("members", &members), ("survives", &survives)]);
    html! {
        <>
            { group("etcd", html! {
                <>
                    { number_fields(&CONTROL_PLANE_ETCD, c, props) }
                    { remark(quorum_note) }
                </>
            }) }
            { group("kube-scheduler", html! {
                <>
                    <SelectField key={format!("{}:scoring", c.id)} setting="scoring" label={lang.t(Text::ScoringStrategy)}
                        value={scoring_value.to_string()}
                        options={options(lang, &SCORING)}
                        default_note={lang.t(Text::DefaultScoring)}
                        help={lang.t(Text::ScoringHelp)}
                        on_change={scoring_commit} />
                    { number_fields(&CONTROL_PLANE_SCHEDULER, c, props) }
                </>
            }) }
            { group("kube-controller-manager", html! {
                <>
                    { number_fields(&CONTROL_PLANE_CONTROLLERS, c, props) }
                    { remark(failover) }
                </>
            }) }
            { group(lang.t(Text::GroupKubelet), number_fields(&CONTROL_PLANE_KUBELET, c, props)) }
            { advanced(lang.t(Text::GroupLeaderElection), number_fields(&CONTROL_PLANE_LEADER, c, props)) }
            { advanced(lang.t(Text::GroupEtcdTiming), number_fields(&CONTROL_PLANE_ETCD_TIMING, c, props)) }
        </>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use fanout_engine::scenario::ComponentKind;

    /// Every table, with the kind whose settings it edits.
    fn tables() -> Vec<(ComponentKind, &'static [NumberSetting])> {
        vec![
            (ComponentKind::Node, &NODE_CAPACITY),
            (ComponentKind::Deployment, &DEPLOYMENT_SCALE),
            (ComponentKind::Deployment, &DEPLOYMENT_ROLLING),
            (ComponentKind::Deployment, &DEPLOYMENT_RESOURCES),
            (ComponentKind::Deployment, &DEPLOYMENT_LIFECYCLE),
            (ComponentKind::Deployment, &DEPLOYMENT_LIVENESS),
            (ComponentKind::Deployment, &DEPLOYMENT_READINESS),
            (ComponentKind::Deployment, &DEPLOYMENT_CRASH),
            (ComponentKind::Service, &SERVICE_PORT),
            (ComponentKind::ControlPlane, &CONTROL_PLANE_ETCD),
            (ComponentKind::ControlPlane, &CONTROL_PLANE_ETCD_TIMING),
            (ComponentKind::ControlPlane, &CONTROL_PLANE_SCHEDULER),
            (ComponentKind::ControlPlane, &CONTROL_PLANE_CONTROLLERS),
            (ComponentKind::ControlPlane, &CONTROL_PLANE_LEADER),
            (ComponentKind::ControlPlane, &CONTROL_PLANE_KUBELET),
        ]
    }

    #[test]
    fn every_documented_default_is_accepted_as_typed_and_lands_where_it_came_from() {
        let mut names = std::collections::BTreeSet::new();
        for (kind, table) in tables() {
            for setting in table {
                assert!(names.insert((kind.as_str(), setting.name)), "{} appears twice", setting.name);
                let default = kind.default_spec();
                let value = (setting.get)(&default);
                assert!(
                    (setting.min as f64..=setting.max as f64).contains(&value),
                    "{}: the default {value} is outside {}..={}",
                    setting.name,
                    setting.min,
                    setting.max
                );
                // The field shows the value as a whole number; typing it back
                // changes nothing.
                assert_eq!(setting.parse(&(value as u64).to_string(), Lang::En), Ok(value), "{}", setting.name);
                let mut changed = default.clone();
                (setting.set)(&mut changed, value + 1.0);
                assert_ne!(changed, default, "{} writes somewhere", setting.name);
                assert_eq!((setting.get)(&changed), value + 1.0, "{} reads what it wrote", setting.name);
            }
        }
    }

    #[test]
    fn limits_follow_the_cluster_engine() {
        let etcd = &CONTROL_PLANE_ETCD[0];
        assert_eq!((etcd.min, etcd.max), (1, 7));
        assert!(etcd.parse("9", Lang::En).unwrap_err().contains("between 1 and 7"));
        let cpu = &NODE_CAPACITY[0];
        assert!(cpu.parse("-5", Lang::En).is_err());
        assert_eq!(cpu.parse("2 cpu", Lang::En), Ok(2_000.0));
    }

    #[test]
    fn a_selector_shows_as_its_deployment_when_it_is_one() {
        let deployments = vec![("web".to_string(), "Web".to_string())];
        let app = |v: &str| BTreeMap::from([("app".to_string(), v.to_string())]);
        assert_eq!(selector_choice(&BTreeMap::new(), &deployments), "");
        assert_eq!(selector_choice(&app("web"), &deployments), "web");
        assert_eq!(selector_choice(&app("gone"), &deployments), "custom");
        let tier = BTreeMap::from([("tier".to_string(), "web".to_string())]);
        assert_eq!(selector_choice(&tier, &deployments), "custom");
    }
}

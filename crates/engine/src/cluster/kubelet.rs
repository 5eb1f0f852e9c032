//! The kubelet on every node: heartbeats, container starts, probes,
//! restarts with back-off, termination, and what a node's death and revival
//! do to its pods. A kubelet reports to the API when it can; while the API is
//! unavailable its reports wait for the next heartbeat.

use super::engine::{ms, Cluster, Container, EventKind};
use super::trace::{ClusterTraceKind, ExitReason, NONE};
use super::views::ContainerPhase;
use super::{PodId, ProbeKind};
use crate::sim::SimTime;

impl Cluster {
    pub(super) fn on_kubelet_status(&mut self, node: u32, epoch: u32) {
        let n = &self.nodes[node as usize];
        if n.down || n.kubelet_epoch != epoch {
            return;
        }
        let period = ms(self.kubelet.node_status_update_period_ms);
        self.push(self.now + period, EventKind::KubeletStatus { node, epoch });
        if !self.api_available() {
            return;
        }
        self.nodes[node as usize].last_heartbeat = self.now;
        if self.nodes[node as usize].status_dirty {
            self.nodes[node as usize].status_dirty = false;
            let ids: Vec<PodId> = self.nodes[node as usize].pods.iter().copied().collect();
            for id in ids {
                self.report_status(id);
            }
        }
    }

    /// The kubelet writes a pod's status to the API (or finishes removing a
    /// deleted pod), if its node is alive; while the API is unavailable the
    /// write waits for the next heartbeat.
    pub(super) fn report_status(&mut self, id: PodId) {
        let Some(pod) = self.pods.get(&id) else { return };
        let Some(n) = pod.node else { return };
        if self.nodes[n as usize].down {
            return;
        }
        if !self.api_available() {
            self.nodes[n as usize].status_dirty = true;
            return;
        }
        let terminated = pod.deletion.is_some() && pod.container == Container::Exited;
        if terminated {
            self.finalize_removal(id);
            return;
        }
        let ready = pod.local_ready && pod.deletion.is_none() && matches!(pod.container, Container::Running { .. });
        let (phase, restarts) = (pod.container.phase(), pod.restarts);
        let pod = self.pods.get_mut(&id).expect("checked");
        pod.api.phase = phase;
        pod.api.restarts = restarts;
        self.set_api_ready(id, ready);
    }

    /// A fault kills the machine: the kubelet stops and every container with
    /// it. The API is not told; it finds out from the missing heartbeats.
    pub(super) fn kill_node(&mut self, node: u32) {
        let n = &mut self.nodes[node as usize];
        if n.down {
            return;
        }
        n.down = true;
        n.kubelet_epoch += 1;
        n.status_dirty = false;
        self.record(ClusterTraceKind::NodeKilled, 0, node, NONE, NONE, 0);
        let ids: Vec<PodId> = self.nodes[node as usize].pods.iter().copied().collect();
        for id in ids {
            let pod = self.pods.get_mut(&id).expect("node lists live pods");
            pod.epoch += 1;
            if pod.container != Container::Waiting {
                pod.container = Container::Exited;
            }
            pod.local_ready = false;
            pod.liveness.looping = false;
            pod.readiness.looping = false;
            self.refresh_serving(id);
        }
    }

    /// The machine is back: the kubelet posts status at once, removes the
    /// pods that were deleted meanwhile and starts the others again.
    pub(super) fn revive_node(&mut self, node: u32) {
        let n = &mut self.nodes[node as usize];
        if !n.down {
            return;
        }
        n.down = false;
        n.kubelet_epoch += 1;
        let epoch = n.kubelet_epoch;
        self.record(ClusterTraceKind::NodeRevived, 0, node, NONE, NONE, 0);
        self.push(self.now, EventKind::KubeletStatus { node, epoch });
        let initial_backoff = self.kubelet.crash_backoff_initial_ms;
        let ids: Vec<PodId> = self.nodes[node as usize].pods.iter().copied().collect();
        for id in ids {
            let pod = self.pods.get_mut(&id).expect("node lists live pods");
            // A restarted kubelet has forgotten its back-off.
            pod.backoff_next_ms = initial_backoff;
            if pod.deletion.is_some() {
                pod.container = Container::Exited;
                pod.epoch += 1;
                self.report_status(id);
            } else {
                self.start_creating(id);
            }
        }
    }

    /// Image pull and container start: running after `container_start_ms`.
    pub(super) fn start_creating(&mut self, id: PodId) {
        let start_ms = {
            let pod = &self.pods[&id];
            self.rs_of(pod).template.container_start_ms
        };
        let until = self.now + ms(start_ms);
        let pod = self.pods.get_mut(&id).expect("live pod");
        pod.epoch += 1;
        pod.container = Container::Creating { until };
        pod.local_ready = false;
        let epoch = pod.epoch;
        self.push(until, EventKind::ContainerStarted { pod: id, epoch });
        self.report_status(id);
        self.refresh_serving(id);
    }

    pub(super) fn on_container_started(&mut self, id: PodId, epoch: u32) {
        let Some(pod) = self.pods.get(&id) else { return };
        if pod.epoch != epoch || !matches!(pod.container, Container::Creating { .. }) || pod.deletion.is_some() {
            return;
        }
        self.start_running(id);
    }

    pub(super) fn on_restart_container(&mut self, id: PodId, epoch: u32) {
        let Some(pod) = self.pods.get(&id) else { return };
        if pod.epoch != epoch || !matches!(pod.container, Container::BackOff { .. }) || pod.deletion.is_some() {
            return;
        }
        self.start_running(id);
    }

    /// The container runs: probes start, a crash-looping one will exit.
    fn start_running(&mut self, id: PodId) {
        let now = self.now;
        let (readiness_enabled, liveness_enabled, crash_after_ms) = {
            let t = &self.rs_of(&self.pods[&id]).template;
            (t.readiness_probe.enabled, t.liveness_probe.enabled, t.crash_after_ms)
        };
        let pod = self.pods.get_mut(&id).expect("live pod");
        pod.epoch += 1;
        pod.container = Container::Running { since: now };
        pod.started_at = now;
        if pod.ever_started {
            pod.restarts += 1;
        }
        pod.ever_started = true;
        for probe in [&mut pod.liveness, &mut pod.readiness] {
            probe.failures = 0;
            probe.successes = 0;
            probe.looping = false;
        }
        pod.local_ready = !readiness_enabled;
        let (epoch, restarts, crash_loop, liveness_failing) =
            (pod.epoch, pod.restarts, pod.crash_loop, pod.liveness.failing);
        self.record_pod(ClusterTraceKind::ContainerStarted, id, u64::from(restarts));
        if readiness_enabled {
            self.start_probe_loop(id, ProbeKind::Readiness);
        }
        if liveness_enabled && liveness_failing {
            self.start_probe_loop(id, ProbeKind::Liveness);
        }
        if crash_loop {
            self.push(now + ms(crash_after_ms), EventKind::ContainerCrashed { pod: id, epoch });
        }
        self.report_status(id);
        self.refresh_serving(id);
    }

    pub(super) fn on_container_crashed(&mut self, id: PodId, epoch: u32) {
        let Some(pod) = self.pods.get(&id) else { return };
        if pod.epoch != epoch || !pod.crash_loop || !matches!(pod.container, Container::Running { .. }) {
            return;
        }
        self.container_exited(id, ExitReason::Crashed);
    }

    /// The container stopped: restart after the back-off, which doubles on
    /// every exit up to its cap and resets after a long enough run.
    fn container_exited(&mut self, id: PodId, reason: ExitReason) {
        let k = &self.kubelet;
        let (initial, max, reset) = (k.crash_backoff_initial_ms, k.crash_backoff_max_ms, k.crash_backoff_reset_ms);
        let now = self.now;
        let pod = self.pods.get_mut(&id).expect("live pod");
        if now.saturating_sub(pod.started_at) >= ms(reset) {
            pod.backoff_next_ms = initial;
        }
        let delay_ms = pod.backoff_next_ms;
        pod.backoff_next_ms = delay_ms.saturating_mul(2).min(max);
        pod.epoch += 1;
        let until = now + ms(delay_ms);
        pod.container = Container::BackOff { until };
        pod.local_ready = false;
        pod.liveness.looping = false;
        pod.readiness.looping = false;
        if reason == ExitReason::LivenessProbeFailed {
            // A hung process is cured by the restart (a modelling choice).
            pod.liveness.failing = false;
        }
        let epoch = pod.epoch;
        self.record_pod(ClusterTraceKind::ContainerExited(reason), id, 0);
        self.record_pod(ClusterTraceKind::BackOff, id, delay_ms);
        self.push(until, EventKind::RestartContainer { pod: id, epoch });
        self.report_status(id);
        self.refresh_serving(id);
    }

    // ----- probes --------------------------------------------------------------

    /// The first probe time at or after `at` on the probe's grid: start +
    /// initial delay + k × period.
    fn next_probe_time(&self, id: PodId, kind: ProbeKind, at: SimTime) -> SimTime {
        let pod = &self.pods[&id];
        let t = &self.rs_of(pod).template;
        let p = match kind {
            ProbeKind::Liveness => &t.liveness_probe,
            ProbeKind::Readiness => &t.readiness_probe,
        };
        let first = pod.started_at + ms(p.initial_delay_ms);
        if at <= first {
            return first;
        }
        let period = ms(p.period_ms).0.max(1);
        let k = (at.0 - first.0).div_ceil(period);
        SimTime(first.0 + k * period)
    }

    /// Probes run only while they can change something (the container is
    /// starting to be ready, or a fault is set, or failures are being
    /// counted): a healthy pod costs no events.
    pub(super) fn start_probe_loop(&mut self, id: PodId, kind: ProbeKind) {
        let Some(pod) = self.pods.get(&id) else { return };
        let t = &self.rs_of(pod).template;
        let enabled = match kind {
            ProbeKind::Liveness => t.liveness_probe.enabled,
            ProbeKind::Readiness => t.readiness_probe.enabled,
        };
        let state = match kind {
            ProbeKind::Liveness => pod.liveness,
            ProbeKind::Readiness => pod.readiness,
        };
        if !enabled || state.looping || !matches!(pod.container, Container::Running { .. }) {
            return;
        }
        let epoch = pod.epoch;
        let at = self.next_probe_time(id, kind, self.now);
        let pod = self.pods.get_mut(&id).expect("checked");
        match kind {
            ProbeKind::Liveness => pod.liveness.looping = true,
            ProbeKind::Readiness => pod.readiness.looping = true,
        }
        self.push(at, EventKind::Probe { pod: id, kind, epoch, timed_out: false });
    }

    pub(super) fn on_probe(&mut self, id: PodId, kind: ProbeKind, epoch: u32, timed_out: bool) {
        let Some(pod) = self.pods.get(&id) else { return };
        if pod.epoch != epoch || !matches!(pod.container, Container::Running { .. }) {
            return;
        }
        let t = &self.rs_of(pod).template;
        let config = match kind {
            ProbeKind::Liveness => t.liveness_probe.clone(),
            ProbeKind::Readiness => t.readiness_probe.clone(),
        };
        let now = self.now;
        let pod = self.pods.get_mut(&id).expect("checked");
        // A crash-looping application dies while starting: it never answers
        // its readiness probe.
        let crashing = kind == ProbeKind::Readiness && pod.crash_loop;
        let state = match kind {
            ProbeKind::Liveness => &mut pod.liveness,
            ProbeKind::Readiness => &mut pod.readiness,
        };
        if !timed_out {
            if state.failing || crashing {
                // No answer: the failure counts when the timeout passes.
                self.push(now + ms(config.timeout_ms), EventKind::Probe { pod: id, kind, epoch, timed_out: true });
                return;
            }
            state.failures = 0;
            state.successes += 1;
            if kind == ProbeKind::Readiness && !pod.local_ready && state.successes >= config.success_threshold {
                pod.local_ready = true;
                self.report_status(id);
                self.refresh_serving(id);
            }
        } else {
            state.successes = 0;
            state.failures += 1;
            let failures = state.failures;
            self.record_pod(ClusterTraceKind::ProbeFailed(kind), id, u64::from(failures));
            if failures >= config.failure_threshold {
                match kind {
                    ProbeKind::Liveness => {
                        self.container_exited(id, ExitReason::LivenessProbeFailed);
                        return;
                    }
                    ProbeKind::Readiness => {
                        let pod = self.pods.get_mut(&id).expect("checked");
                        if pod.local_ready {
                            pod.local_ready = false;
                            self.report_status(id);
                            self.refresh_serving(id);
                        }
                    }
                }
            }
        }
        let pod = &self.pods[&id];
        let keep_going = match kind {
            ProbeKind::Liveness => pod.liveness.failing || pod.liveness.failures > 0,
            ProbeKind::Readiness => pod.readiness.failing || pod.crash_loop || !pod.local_ready,
        };
        if keep_going {
            let at = self.next_probe_time(id, kind, now + SimTime(1));
            self.push(at, EventKind::Probe { pod: id, kind, epoch, timed_out: false });
        } else {
            let pod = self.pods.get_mut(&id).expect("checked");
            match kind {
                ProbeKind::Liveness => pod.liveness.looping = false,
                ProbeKind::Readiness => pod.readiness.looping = false,
            }
        }
    }

    // ----- faults on one pod ------------------------------------------------------

    pub(super) fn set_crash_loop(&mut self, id: PodId, crash_loop: bool) {
        let now = self.now;
        let crash_after_ms = self.rs_of(&self.pods[&id]).template.crash_after_ms.max(1);
        let pod = self.pods.get_mut(&id).expect("checked by the caller");
        if pod.crash_loop == crash_loop {
            return;
        }
        pod.crash_loop = crash_loop;
        let (running, epoch) = (matches!(pod.container, Container::Running { .. }), pod.epoch);
        self.record_pod(ClusterTraceKind::CrashLoopSet, id, u64::from(crash_loop));
        if crash_loop && running {
            self.push(now + ms(crash_after_ms), EventKind::ContainerCrashed { pod: id, epoch });
        }
    }

    pub(super) fn set_probe_failing(&mut self, id: PodId, kind: ProbeKind, failing: bool) {
        let pod = self.pods.get_mut(&id).expect("checked by the caller");
        let state = match kind {
            ProbeKind::Liveness => &mut pod.liveness,
            ProbeKind::Readiness => &mut pod.readiness,
        };
        if state.failing == failing {
            return;
        }
        state.failing = failing;
        self.record_pod(ClusterTraceKind::ProbeFaultSet(kind), id, u64::from(failing));
        self.start_probe_loop(id, kind);
    }

    // ----- termination ---------------------------------------------------------

    /// After the API marked a pod deleted: the kubelet stops its container
    /// over the grace period (`force`: at once) and then removes the pod.
    /// A dead node's kubelet does nothing, so the pod stays Terminating.
    pub(super) fn begin_termination(&mut self, id: PodId, force: bool) {
        let pod = &self.pods[&id];
        let grace_ms = self.rs_of(pod).template.termination_grace_period_ms;
        let node_up = pod.node.is_some_and(|n| !self.nodes[n as usize].down);
        let running = matches!(pod.container, Container::Running { .. });
        let unbound = pod.node.is_none();
        let now = self.now;
        let pod = self.pods.get_mut(&id).expect("checked");
        if force || unbound {
            pod.epoch += 1;
            pod.container = Container::Exited;
            self.finalize_removal(id);
        } else if !node_up {
            // Stuck Terminating until the kubelet is back.
        } else if running && grace_ms > 0 {
            let until = now + ms(grace_ms);
            if let Some(d) = pod.deletion.as_mut() {
                d.grace_ends_at = Some(until);
            }
            pod.liveness.looping = false;
            pod.readiness.looping = false;
            pod.epoch += 1;
            let epoch = pod.epoch;
            self.push(until, EventKind::TerminationDone { pod: id, epoch });
        } else {
            pod.epoch += 1;
            pod.container = Container::Exited;
            self.report_status(id);
        }
    }

    pub(super) fn on_termination_done(&mut self, id: PodId, epoch: u32) {
        let Some(pod) = self.pods.get_mut(&id) else { return };
        if pod.epoch != epoch {
            return;
        }
        pod.epoch += 1;
        pod.container = Container::Exited;
        self.report_status(id);
    }

    /// The pod object goes: its node's resources and IP are free again.
    /// Needs the API; until it is back the pod stays Terminating.
    pub(super) fn finalize_removal(&mut self, id: PodId) {
        if !self.api_available() {
            if let Some(n) = self.pods.get(&id).and_then(|p| p.node) {
                self.nodes[n as usize].status_dirty = true;
            }
            return;
        }
        self.record_pod(ClusterTraceKind::PodDeleted, id, 0);
        let Some(pod) = self.pods.remove(&id) else { return };
        debug_assert!(!pod.serving && pod.deletion.is_some());
        self.pod_names.remove(&pod.name);
        self.pending.remove(&id);
        let (cpu, mem) = {
            let rs = &mut self.deployments[pod.deployment as usize].replica_sets[pod.rs as usize];
            rs.pods_total -= 1;
            (rs.template.cpu_request_millicores, rs.template.memory_request_mib)
        };
        if let Some(n) = pod.node {
            let node = &mut self.nodes[n as usize];
            node.pods.remove(&id);
            node.ips_used[pod.ip_host as usize / 64] &= !(1u64 << (pod.ip_host % 64));
            let load = &mut self.loads[n as usize];
            load.cpu_requested -= cpu;
            load.memory_requested -= mem;
            load.pods -= 1;
            self.request_scheduler_cycle();
        }
    }
}

impl ContainerPhase {
    /// Whether the phase counts as a started container for display.
    pub fn is_running(self) -> bool {
        self == ContainerPhase::Running
    }
}

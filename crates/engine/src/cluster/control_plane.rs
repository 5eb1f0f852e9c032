//! etcd quorum and the API's availability, leader election of kube-scheduler
//! and kube-controller-manager, and the node lifecycle controller (heartbeat
//! monitor, unreachable taints, taint-based eviction).

use super::config::TaintEffect;
use super::engine::{ms, Cluster, EventKind, Taint};
use super::trace::{ClusterTraceKind, ControlPlaneComponent, DeletionReason, NONE};
use super::{PodId, UNREACHABLE_TAINT};
use crate::sim::SimTime;

const COMPONENTS: [ControlPlaneComponent; 2] =
    [ControlPlaneComponent::Scheduler, ControlPlaneComponent::ControllerManager];

/// The first multiple of `period_ms` at or after `t`: candidates retry on a
/// fixed grid.
fn grid_ceil(t: SimTime, period_ms: u64) -> SimTime {
    let p = ms(period_ms).0.max(1);
    SimTime(crate::sim::saturating_mul(t.0.div_ceil(p), p))
}

impl Cluster {
    /// At start etcd and both components have leaders at once.
    pub(super) fn start_control_plane(&mut self) {
        let m = self.rng_election.below(self.etcd.up.len() as u64) as u32;
        self.etcd.leader = Some(m);
        self.etcd.leader_since = self.now;
        self.record(ClusterTraceKind::EtcdLeaderElected, 0, NONE, m, NONE, 0);
        for c in COMPONENTS {
            let n = self.election(c).up.len() as u64;
            let r = self.rng_election.below(n) as u32;
            let now = self.now;
            let e = self.election_mut(c);
            e.leader = Some(r);
            e.leader_since = now;
            self.record(ClusterTraceKind::LeaderElected(c), 0, NONE, r, NONE, 0);
        }
    }

    // ----- etcd ------------------------------------------------------------------

    pub(super) fn kill_etcd_member(&mut self, m: u32) {
        if !self.etcd.up[m as usize] {
            return;
        }
        let had_api = self.api_available();
        self.etcd.up[m as usize] = false;
        self.record(ClusterTraceKind::EtcdMemberKilled, 0, NONE, m, NONE, 0);
        if self.etcd.members_up() < self.etcd.quorum() {
            self.etcd.leader = None;
            self.etcd.election_epoch += 1;
            if !self.etcd.quorum_lost {
                self.etcd.quorum_lost = true;
                self.record(ClusterTraceKind::QuorumLost, 0, NONE, NONE, NONE, u64::from(self.etcd.members_up()));
            }
        } else if self.etcd.leader == Some(m) {
            // The followers notice after the election timeout.
            self.etcd.leader = None;
            self.schedule_etcd_election();
        }
        if had_api && !self.api_available() {
            self.on_api_lost();
        }
    }

    pub(super) fn revive_etcd_member(&mut self, m: u32) {
        if self.etcd.up[m as usize] {
            return;
        }
        self.etcd.up[m as usize] = true;
        self.record(ClusterTraceKind::EtcdMemberRevived, 0, NONE, m, NONE, 0);
        if self.etcd.leader.is_none() && self.etcd.members_up() >= self.etcd.quorum() {
            self.schedule_etcd_election();
        }
    }

    fn schedule_etcd_election(&mut self) {
        self.etcd.election_epoch += 1;
        let epoch = self.etcd.election_epoch;
        self.push(self.now + ms(self.cp.etcd_election_timeout_ms), EventKind::EtcdElection { epoch });
    }

    pub(super) fn on_etcd_election(&mut self, epoch: u32) {
        if epoch != self.etcd.election_epoch
            || self.etcd.leader.is_some()
            || self.etcd.members_up() < self.etcd.quorum()
        {
            return;
        }
        let up: Vec<u32> = (0..self.etcd.up.len() as u32).filter(|m| self.etcd.up[*m as usize]).collect();
        let m = up[self.rng_election.below(up.len() as u64) as usize];
        self.etcd.leader = Some(m);
        self.etcd.leader_since = self.now;
        self.record(ClusterTraceKind::EtcdLeaderElected, 0, NONE, m, NONE, 0);
        if self.etcd.quorum_lost {
            self.etcd.quorum_lost = false;
            self.record(ClusterTraceKind::QuorumRestored, 0, NONE, NONE, NONE, u64::from(self.etcd.members_up()));
        }
        self.on_api_restored();
    }

    /// Leaders cannot renew their leases any more: each gives up at its
    /// renew deadline unless the API is back by then.
    fn on_api_lost(&mut self) {
        let (lease, deadline) = (ms(self.cp.leader_lease_ms), ms(self.cp.leader_renew_deadline_ms));
        let now = self.now;
        for c in COMPONENTS {
            let e = self.election_mut(c);
            if e.leader.is_some() {
                e.epoch += 1;
                e.lease_expires_at = now + lease;
                let epoch = e.epoch;
                self.push(now + deadline, EventKind::RenewDeadline { component: c, epoch });
            }
        }
    }

    fn on_api_restored(&mut self) {
        for c in COMPONENTS {
            let e = self.election_mut(c);
            if e.leader.is_some() {
                // Renewed in time: cancel the renew deadline, carry on.
                e.epoch += 1;
                self.component_resumed(c);
            } else {
                self.schedule_lease_check(c);
            }
        }
    }

    // ----- leader election -------------------------------------------------------

    fn schedule_lease_check(&mut self, c: ControlPlaneComponent) {
        let (now, retry) = (self.now, self.cp.leader_retry_period_ms);
        let e = self.election_mut(c);
        if e.leader.is_some() || !e.up.iter().any(|u| *u) {
            return;
        }
        e.epoch += 1;
        let epoch = e.epoch;
        let at = grid_ceil(now.max(e.lease_expires_at), retry);
        self.push(at, EventKind::LeaseCheck { component: c, epoch });
    }

    pub(super) fn on_lease_check(&mut self, c: ControlPlaneComponent, epoch: u32) {
        let e = self.election(c);
        if e.epoch != epoch || e.leader.is_some() || !self.api_available() {
            return;
        }
        if self.now < e.lease_expires_at {
            self.schedule_lease_check(c);
            return;
        }
        let up: Vec<u32> = (0..e.up.len() as u32).filter(|r| e.up[*r as usize]).collect();
        if up.is_empty() {
            return;
        }
        let r = up[self.rng_election.below(up.len() as u64) as usize];
        let now = self.now;
        let e = self.election_mut(c);
        e.leader = Some(r);
        e.leader_since = now;
        self.record(ClusterTraceKind::LeaderElected(c), 0, NONE, r, NONE, 0);
        self.component_activated(c);
    }

    pub(super) fn on_renew_deadline(&mut self, c: ControlPlaneComponent, epoch: u32) {
        if self.api_available() {
            return;
        }
        let e = self.election_mut(c);
        if e.epoch != epoch {
            return;
        }
        let Some(r) = e.leader.take() else { return };
        self.record(ClusterTraceKind::LeaderLost(c), 0, NONE, r, NONE, 0);
    }

    pub(super) fn kill_component(&mut self, c: ControlPlaneComponent, replica: Option<u32>) {
        let (now, lease, api) = (self.now, ms(self.cp.leader_lease_ms), self.api_available());
        let e = self.election_mut(c);
        let r = replica.or(e.leader).unwrap_or(0);
        if !e.up[r as usize] {
            return;
        }
        e.up[r as usize] = false;
        let was_leader = e.leader == Some(r);
        if was_leader {
            e.leader = None;
            // Its last renewal was now; a standby may take the lease when it
            // expires. (Without the API, it expires from the API loss.)
            if api {
                e.lease_expires_at = now + lease;
            }
        }
        self.record(ClusterTraceKind::ComponentKilled(c), 0, NONE, r, NONE, u64::from(was_leader));
        if was_leader {
            self.schedule_lease_check(c);
        }
    }

    pub(super) fn revive_component(&mut self, c: ControlPlaneComponent, replica: Option<u32>) {
        let n = self.election(c).up.len() as u32;
        let replicas: Vec<u32> = match replica {
            Some(r) => vec![r],
            None => (0..n).collect(),
        };
        for r in replicas {
            let e = self.election_mut(c);
            if !e.up[r as usize] {
                e.up[r as usize] = true;
                self.record(ClusterTraceKind::ComponentRevived(c), 0, NONE, r, NONE, 0);
            }
        }
        if self.election(c).leader.is_none() && self.api_available() {
            self.schedule_lease_check(c);
        }
    }

    /// The same leader can work again after a short API outage: it catches
    /// up, evicting the pods whose toleration ran out meanwhile.
    fn component_resumed(&mut self, c: ControlPlaneComponent) {
        match c {
            ControlPlaneComponent::Scheduler => self.request_scheduler_cycle(),
            ControlPlaneComponent::ControllerManager => {
                let now = self.now;
                let overdue: Vec<PodId> = self
                    .pods
                    .values()
                    .filter(|p| p.deletion.is_none() && p.eviction_at.is_some_and(|t| t <= now))
                    .map(|p| p.id)
                    .collect();
                for id in overdue {
                    self.delete_pod(id, DeletionReason::Evicted);
                }
                for s in &mut self.services {
                    s.dirty = true;
                }
                self.request_controller_sync();
            }
        }
    }

    /// A newly elected leader starts work (a fresh process).
    fn component_activated(&mut self, c: ControlPlaneComponent) {
        if !self.api_available() {
            return;
        }
        match c {
            ControlPlaneComponent::Scheduler => self.request_scheduler_cycle(),
            ControlPlaneComponent::ControllerManager => {
                // A controller that just gained the API starts observing
                // heartbeats afresh and re-queues the taint evictions.
                self.observation_floor = self.now;
                for s in &mut self.services {
                    s.dirty = true;
                }
                self.rearm_evictions();
                self.request_controller_sync();
            }
        }
        self.request_scheduler_cycle();
    }

    // ----- node lifecycle controller ----------------------------------------------

    pub(super) fn on_node_monitor(&mut self) {
        self.push(self.now + ms(self.cp.node_monitor_period_ms), EventKind::NodeMonitor);
        if !self.controller_manager_active() {
            return;
        }
        let grace = ms(self.cp.node_monitor_grace_period_ms);
        for i in 0..self.nodes.len() {
            let node = &self.nodes[i];
            let seen = node.last_heartbeat.max(self.observation_floor);
            if node.ready && self.now.saturating_sub(seen) >= grace {
                self.mark_node_not_ready(i as u32);
            } else if !node.ready && node.not_ready_since.is_some_and(|t| node.last_heartbeat > t) {
                self.mark_node_ready(i as u32);
            }
        }
    }

    fn mark_node_not_ready(&mut self, i: u32) {
        let now = self.now;
        let node = &mut self.nodes[i as usize];
        node.ready = false;
        node.not_ready_since = Some(now);
        let silent_ms = now.saturating_sub(node.last_heartbeat).as_ms();
        self.record(ClusterTraceKind::NodeNotReady, 0, i, NONE, NONE, silent_ms);
        self.add_taint(i, UNREACHABLE_TAINT, TaintEffect::NoSchedule);
        self.add_taint(i, UNREACHABLE_TAINT, TaintEffect::NoExecute);
        let ids: Vec<PodId> = self.nodes[i as usize].pods.iter().copied().collect();
        for id in ids {
            // MarkPodsNotReady: their endpoints go now, long before eviction.
            self.set_api_ready(id, false);
            self.arm_eviction(id);
        }
    }

    fn mark_node_ready(&mut self, i: u32) {
        let node = &mut self.nodes[i as usize];
        node.ready = true;
        node.not_ready_since = None;
        self.record(ClusterTraceKind::NodeReady, 0, i, NONE, NONE, 0);
        self.remove_taints(i, UNREACHABLE_TAINT);
        let ids: Vec<PodId> = self.nodes[i as usize].pods.iter().copied().collect();
        for id in ids {
            self.arm_eviction(id);
        }
        self.request_scheduler_cycle();
    }

    pub(super) fn add_taint(&mut self, i: u32, key: &str, effect: TaintEffect) {
        let now = self.now;
        let node = &mut self.nodes[i as usize];
        if node.taints.iter().any(|t| t.key == key && t.effect == effect) {
            return;
        }
        node.taints.push(Taint { key: key.into(), value: String::new(), effect, added_at: now });
        self.node_generation += 1;
        let code = u64::from(effect == TaintEffect::NoExecute);
        self.record(ClusterTraceKind::TaintAdded, 0, i, NONE, NONE, code);
    }

    fn remove_taints(&mut self, i: u32, key: &str) {
        let removed: Vec<TaintEffect> =
            self.nodes[i as usize].taints.iter().filter(|t| t.key == key).map(|t| t.effect).collect();
        if removed.is_empty() {
            return;
        }
        self.nodes[i as usize].taints.retain(|t| t.key != key);
        self.node_generation += 1;
        for effect in removed {
            let code = u64::from(effect == TaintEffect::NoExecute);
            self.record(ClusterTraceKind::TaintRemoved, 0, i, NONE, NONE, code);
        }
    }

    /// The taint manager: a pod on a node with NoExecute taints is evicted
    /// at once if it does not tolerate one, or after the shortest matching
    /// `toleration_ms`, counted from now (as a freshly started taint manager
    /// would); with no NoExecute taint, any planned eviction is cancelled.
    pub(super) fn arm_eviction(&mut self, id: PodId) {
        let Some(pod) = self.pods.get(&id) else { return };
        let Some(n) = pod.node else { return };
        if pod.deletion.is_some() {
            return;
        }
        let tolerations = &self.rs_of(pod).tolerations;
        let mut after: Option<SimTime> = None;
        let mut any = false;
        for taint in self.nodes[n as usize].taints.iter().filter(|t| t.effect == TaintEffect::NoExecute) {
            any = true;
            let mut matched = false;
            let mut shortest: Option<u64> = None;
            for t in tolerations.iter().filter(|t| t.tolerates(&taint.key, &taint.value, taint.effect)) {
                matched = true;
                if let Some(ms) = t.toleration_ms {
                    shortest = Some(shortest.map_or(ms, |s| s.min(ms)));
                }
            }
            let this = if !matched { Some(SimTime::ZERO) } else { shortest.map(ms) };
            if let Some(d) = this {
                after = Some(after.map_or(d, |a| a.min(d)));
            }
        }
        let now = self.now;
        let pod = self.pods.get_mut(&id).expect("checked");
        pod.eviction_epoch += 1;
        pod.eviction_at = None;
        if !any {
            return;
        }
        if let Some(after) = after {
            let at = now + after;
            pod.eviction_at = Some(at);
            let epoch = pod.eviction_epoch;
            self.record_pod(ClusterTraceKind::EvictionScheduled, id, after.as_ms());
            self.push(at, EventKind::TaintEviction { pod: id, epoch });
        }
    }

    fn rearm_evictions(&mut self) {
        let ids: Vec<PodId> = self
            .nodes
            .iter()
            .filter(|n| n.taints.iter().any(|t| t.effect == TaintEffect::NoExecute))
            .flat_map(|n| n.pods.iter().copied())
            .collect();
        for id in ids {
            self.arm_eviction(id);
        }
    }

    pub(super) fn on_taint_eviction(&mut self, id: PodId, epoch: u32) {
        let Some(pod) = self.pods.get(&id) else { return };
        if pod.eviction_epoch != epoch || pod.deletion.is_some() || !self.controller_manager_active() {
            return;
        }
        self.delete_pod(id, DeletionReason::Evicted);
    }
}

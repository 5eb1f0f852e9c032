//! kube-controller-manager's Deployment, ReplicaSet and endpoints
//! controllers, and the kubectl-like commands that change what they aim at
//! (scale, new template, cordon, drain, delete).

use super::config::PodTemplate;
use super::engine::{
    Cluster, ClusterCommandError, Container, Deletion, Pod, ProbeState, ReportedStatus, MAX_REPLICA_SETS, NAME_ALPHABET,
};
use super::trace::{ClusterTraceKind, DeletionReason, NONE};
use super::PodId;
use std::cmp::Reverse;

/// Sorts pods least useful first: (bound, running, ready, newest first).
type DeletionRank = (bool, bool, bool, Reverse<PodId>);

impl Cluster {
    pub(super) fn on_controller_sync(&mut self) {
        self.controller_sync_pending = false;
        if !self.controller_manager_active() {
            return;
        }
        for d in 0..self.deployments.len() as u32 {
            self.sync_deployment(d);
            self.sync_replica_sets(d);
        }
        self.sync_endpoints();
    }

    /// The Deployment controller: how many pods each ReplicaSet should have.
    /// Without an old ReplicaSet that still has pods, the current one gets
    /// `replicas`. During a rolling update it follows Kubernetes'
    /// `reconcileNewReplicaSet` and `reconcileOldReplicaSets`: grow the new
    /// set while the total stays within replicas + maxSurge, shrink old sets
    /// (unhealthy pods first) while at least replicas − maxUnavailable stay
    /// available.
    fn sync_deployment(&mut self, d: u32) {
        let dep = &self.deployments[d as usize];
        let desired = dep.replicas;
        let cur = dep.current_rs as usize;
        let old_with_pods = dep.replica_sets.iter().enumerate().any(|(i, rs)| i != cur && rs.replicas > 0);
        if !old_with_pods {
            self.set_rs_replicas(d, cur, desired);
        } else {
            let (surge, unavailable) = dep.limits();
            let new_replicas = dep.replica_sets[cur].replicas;
            let total: u32 = dep.replica_sets.iter().map(|rs| rs.replicas).sum();
            if new_replicas > desired {
                self.set_rs_replicas(d, cur, desired);
            } else if new_replicas < desired && total < desired + surge {
                let up = (desired + surge - total).min(desired - new_replicas);
                self.set_rs_replicas(d, cur, new_replicas + up);
            }
            let dep = &self.deployments[d as usize];
            let new = &dep.replica_sets[cur];
            let total: u32 = dep.replica_sets.iter().map(|rs| rs.replicas).sum();
            let min_available = desired.saturating_sub(unavailable);
            let new_unavailable = new.replicas.saturating_sub(new.ready);
            let max_scaled_down = i64::from(total) - i64::from(min_available) - i64::from(new_unavailable);
            if max_scaled_down > 0 {
                let mut old: Vec<usize> = (0..dep.replica_sets.len()).filter(|i| *i != cur).collect();
                old.sort_by_key(|i| dep.replica_sets[*i].revision);
                // Unhealthy old pods go first: they serve nobody.
                let mut budget = max_scaled_down as u32;
                for &i in &old {
                    let rs = &self.deployments[d as usize].replica_sets[i];
                    let unhealthy = rs.replicas.saturating_sub(rs.ready).min(budget);
                    if unhealthy > 0 {
                        let to = rs.replicas - unhealthy;
                        self.set_rs_replicas(d, i, to);
                        budget -= unhealthy;
                    }
                }
                // Then available ones, while enough stay available.
                let available: u32 = self.deployments[d as usize].replica_sets.iter().map(|rs| rs.ready).sum();
                if available > min_available {
                    let mut budget = available - min_available;
                    for &i in &old {
                        let rs = &self.deployments[d as usize].replica_sets[i];
                        let down = rs.replicas.min(budget);
                        if down > 0 {
                            let to = rs.replicas - down;
                            self.set_rs_replicas(d, i, to);
                            budget -= down;
                        }
                    }
                }
            }
        }
        let dep = &self.deployments[d as usize];
        let new = &dep.replica_sets[cur];
        let done = dep.rolling
            && new.replicas == desired
            && new.ready >= desired
            && dep.replica_sets.iter().enumerate().all(|(i, rs)| i == cur || rs.replicas == 0);
        if done {
            let revision = new.revision;
            self.deployments[d as usize].rolling = false;
            self.record(ClusterTraceKind::RolloutCompleted, 0, NONE, d, revision, 0);
        }
    }

    fn set_rs_replicas(&mut self, d: u32, r: usize, replicas: u32) {
        let rs = &mut self.deployments[d as usize].replica_sets[r];
        if rs.replicas == replicas {
            return;
        }
        rs.replicas = replicas;
        let revision = rs.revision;
        self.record(ClusterTraceKind::ReplicaSetScaled, 0, NONE, d, revision, u64::from(replicas));
    }

    /// The ReplicaSet controller: create or delete pods to the count.
    fn sync_replica_sets(&mut self, d: u32) {
        for r in 0..self.deployments[d as usize].replica_sets.len() {
            let rs = &self.deployments[d as usize].replica_sets[r];
            let (active, want) = (rs.active.len() as u32, rs.replicas);
            if active < want {
                for _ in active..want {
                    self.create_pod(d, r as u32);
                }
            } else if active > want {
                // Least useful first, as Kubernetes ranks them: unbound before
                // bound, not running before running, not ready before ready,
                // then the newest.
                let mut ranked: Vec<(DeletionRank, PodId)> = rs
                    .active
                    .iter()
                    .map(|id| {
                        let p = &self.pods[id];
                        let running = p.api.phase.is_running();
                        ((p.node.is_some(), running, p.api.ready, Reverse(*id)), *id)
                    })
                    .collect();
                ranked.sort();
                for (_, id) in ranked.into_iter().take((active - want) as usize) {
                    self.delete_pod(id, DeletionReason::ScaledDown);
                }
            }
        }
    }

    fn create_pod(&mut self, d: u32, r: u32) {
        let id = PodId(self.next_pod_id);
        self.next_pod_id += 1;
        let Cluster { deployments, pod_names, .. } = self;
        let dep = &mut deployments[d as usize];
        let name = loop {
            let rng = &mut dep.name_rng;
            let suffix: String =
                (0..5).map(|_| NAME_ALPHABET[rng.below(NAME_ALPHABET.len() as u64) as usize] as char).collect();
            let rs = &dep.replica_sets[r as usize];
            let name = format!("{}-{}-{}", dep.name, rs.hash, suffix);
            if !pod_names.contains_key(&name) {
                break name;
            }
        };
        let rs = &self.deployments[d as usize].replica_sets[r as usize];
        let pod = Pod {
            id,
            name: name.clone(),
            deployment: d,
            rs: r,
            revision: rs.revision,
            created_at: self.now,
            node: None,
            ip_host: 0,
            bind: None,
            pending_reason: None,
            api: ReportedStatus::default(),
            deletion: None,
            container: Container::Waiting,
            epoch: 0,
            local_ready: false,
            restarts: 0,
            ever_started: false,
            started_at: self.now,
            backoff_next_ms: self.kubelet.crash_backoff_initial_ms,
            liveness: ProbeState::default(),
            readiness: ProbeState::default(),
            crash_loop: rs.template.crash_loop,
            eviction_at: None,
            eviction_epoch: 0,
            serving: false,
        };
        self.pods.insert(id, pod);
        self.pod_names.insert(name, id);
        let rs = &mut self.deployments[d as usize].replica_sets[r as usize];
        rs.active.insert(id);
        rs.pods_total += 1;
        self.pending.insert(id);
        self.record_pod(ClusterTraceKind::PodCreated, id, 0);
        self.request_scheduler_cycle();
    }

    /// An API delete: the pod is Terminating, leaves its ReplicaSet's count
    /// (so a replacement is made) and its Services; the kubelet does the rest.
    pub(super) fn delete_pod(&mut self, id: PodId, reason: DeletionReason) {
        let Some(pod) = self.pods.get(&id) else { return };
        if pod.deletion.is_some() {
            return;
        }
        self.set_api_ready(id, false);
        let now = self.now;
        let pod = self.pods.get_mut(&id).expect("checked");
        pod.deletion = Some(Deletion { at: now, reason, grace_ends_at: None });
        pod.eviction_at = None;
        pod.eviction_epoch += 1;
        let (d, r) = (pod.deployment, pod.rs);
        self.deployments[d as usize].replica_sets[r as usize].active.remove(&id);
        self.pending.remove(&id);
        let force = reason == DeletionReason::Killed;
        let grace_ms = if force { 0 } else { self.rs_of(&self.pods[&id]).template.termination_grace_period_ms };
        self.record_pod(ClusterTraceKind::PodTerminating(reason), id, grace_ms);
        self.refresh_serving(id);
        self.request_controller_sync();
        self.begin_termination(id, force);
    }

    pub(super) fn force_delete_pod(&mut self, id: PodId) {
        match self.pods.get(&id) {
            Some(p) if p.deletion.is_some() => {
                // Already Terminating (perhaps stuck on a dead node): remove it.
                let pod = self.pods.get_mut(&id).expect("checked");
                pod.epoch += 1;
                pod.container = Container::Exited;
                self.finalize_removal(id);
            }
            Some(_) => self.delete_pod(id, DeletionReason::Killed),
            None => {}
        }
    }

    /// The endpoints controller: each Service's endpoints are the bound,
    /// API-Ready, not-deleted pods its selector matches.
    fn sync_endpoints(&mut self) {
        for s in 0..self.services.len() {
            if !self.services[s].dirty {
                continue;
            }
            self.services[s].dirty = false;
            let mut endpoints: Vec<PodId> = Vec::new();
            for dep in &self.deployments {
                for rs in dep.replica_sets.iter().filter(|rs| rs.services.contains(&(s as u32))) {
                    endpoints.extend(
                        rs.active.iter().filter(|id| self.pods[*id].api.ready && self.pods[*id].node.is_some()),
                    );
                }
            }
            endpoints.sort_unstable();
            if endpoints != self.services[s].endpoints {
                let count = endpoints.len() as u64;
                self.services[s].endpoints = endpoints;
                self.record(ClusterTraceKind::EndpointsChanged, 0, NONE, s as u32, NONE, count);
            }
        }
    }

    // ----- kubectl ---------------------------------------------------------------

    pub(super) fn scale(&mut self, d: u32, replicas: u32) {
        let dep = &mut self.deployments[d as usize];
        if dep.replicas == replicas {
            return;
        }
        dep.replicas = replicas;
        self.record(ClusterTraceKind::DeploymentScaled, 0, NONE, d, NONE, u64::from(replicas));
        self.request_controller_sync();
    }

    /// A new template starts a rolling update to a new ReplicaSet, or back
    /// to an old one with the same template (a rollback).
    pub(super) fn update_template(&mut self, d: u32, template: &PodTemplate) -> Result<(), ClusterCommandError> {
        let dep = &self.deployments[d as usize];
        let cur = dep.current_rs as usize;
        if dep.replica_sets[cur].template == *template {
            return Ok(());
        }
        let index = match dep.replica_sets.iter().position(|rs| rs.template == *template) {
            Some(i) => i,
            None => {
                let mut dep = std::mem::replace(&mut self.deployments[d as usize], placeholder_deployment());
                let rs = self.new_replica_set(&mut dep, template);
                let slot = if dep.replica_sets.len() < MAX_REPLICA_SETS {
                    dep.replica_sets.push(rs);
                    Some(dep.replica_sets.len() - 1)
                } else {
                    // Reuse the oldest ReplicaSet that has no pods left.
                    let free = (0..dep.replica_sets.len())
                        .filter(|i| {
                            *i != cur && dep.replica_sets[*i].pods_total == 0 && dep.replica_sets[*i].replicas == 0
                        })
                        .min_by_key(|i| dep.replica_sets[*i].revision);
                    if let Some(i) = free {
                        dep.replica_sets[i] = rs;
                    }
                    free
                };
                self.deployments[d as usize] = dep;
                slot.ok_or_else(|| {
                    ClusterCommandError::Invalid(format!(
                        "deployment '{}' is still rolling out {} older templates; wait for them to finish",
                        self.deployments[d as usize].name,
                        MAX_REPLICA_SETS - 1
                    ))
                })?
            }
        };
        let dep = &mut self.deployments[d as usize];
        dep.current_rs = index as u32;
        dep.rolling = true;
        let revision = dep.replica_sets[index].revision;
        self.record(ClusterTraceKind::RolloutStarted, 0, NONE, d, revision, 0);
        self.request_controller_sync();
        Ok(())
    }

    pub(super) fn set_cordon(&mut self, i: u32, cordon: bool) {
        let node = &mut self.nodes[i as usize];
        if node.unschedulable == cordon {
            return;
        }
        node.unschedulable = cordon;
        self.node_generation += 1;
        let kind = if cordon { ClusterTraceKind::NodeCordoned } else { ClusterTraceKind::NodeUncordoned };
        self.record(kind, 0, i, NONE, NONE, 0);
        if !cordon {
            self.request_scheduler_cycle();
        }
    }

    /// `kubectl drain`: cordon, then evict every pod (each Terminating for
    /// its grace period while its replacement is made elsewhere).
    pub(super) fn drain(&mut self, i: u32) {
        self.set_cordon(i, true);
        let ids: Vec<PodId> =
            self.nodes[i as usize].pods.iter().copied().filter(|id| self.pods[id].deletion.is_none()).collect();
        self.record(ClusterTraceKind::NodeDrained, 0, i, NONE, NONE, ids.len() as u64);
        for id in ids {
            self.delete_pod(id, DeletionReason::Drained);
        }
    }
}

/// A stand-in while a deployment is taken out to be changed.
fn placeholder_deployment() -> super::engine::Deployment {
    super::engine::Deployment {
        name: String::new(),
        replicas: 0,
        max_surge_percent: 0,
        max_unavailable_percent: 0,
        current_rs: 0,
        next_revision: 0,
        replica_sets: Vec::new(),
        rolling: false,
        serving: 0,
        name_rng: crate::sim::Rng::new(0),
    }
}

//! What the running engine says about each component, handed from the
//! playback host to the canvas so boxes can show down/busy/depth, and, for a
//! scenario with a cluster, its nodes, pods, deployments and control plane.
//! Refreshed a few times a second, not every frame (the overlay draws every
//! frame).

use fanout_engine::broker::Activity;
use fanout_engine::cluster::{Cluster, ControlPlaneView, NodeView, PodStatus, PodView};
use fanout_engine::scenario::ComponentId;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveView {
    /// Sim time of this snapshot, in ms.
    pub now_ms: u64,
    pub activity: BTreeMap<ComponentId, Activity>,
    /// The cluster's state, when the scenario has one and a run exists.
    pub cluster: Option<ClusterLive>,
}

/// A snapshot of the cluster's read views, for drawing nodes with their pods.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterLive {
    /// By node name (the node component's id).
    pub nodes: BTreeMap<String, NodeView>,
    /// Every pod, oldest first.
    pub pods: Vec<PodView>,
    pub control_plane: ControlPlaneView,
}

impl ClusterLive {
    pub fn new(cluster: &Cluster) -> Self {
        ClusterLive {
            nodes: cluster.nodes().into_iter().map(|n| (n.name.clone(), n)).collect(),
            pods: cluster.pods(),
            control_plane: cluster.control_plane(),
        }
    }

    /// The pods bound to a node, Terminating ones included.
    pub fn pods_on<'a>(&'a self, node: &'a str) -> impl Iterator<Item = &'a PodView> + 'a {
        self.pods.iter().filter(move |p| p.node.as_deref() == Some(node))
    }

    /// The deployment's pods waiting for the scheduler.
    pub fn pending_of<'a>(&'a self, deployment: &'a str) -> impl Iterator<Item = &'a PodView> + 'a {
        self.pods.iter().filter(move |p| p.deployment == deployment && p.status == PodStatus::Pending)
    }
}

impl LiveView {
    pub fn activity(&self, id: &ComponentId) -> Activity {
        self.activity.get(id).copied().unwrap_or_default()
    }

    pub fn node(&self, id: &ComponentId) -> Option<&NodeView> {
        self.cluster.as_ref()?.nodes.get(id.as_str())
    }
}

//! The control plane's box, expanded: one row per part (kube-apiserver, each
//! etcd member, kube-scheduler, kube-controller-manager) with its live state,
//! so a person sees *which* member died and why the API went away. Pressing
//! a member kills it, pressing it again revives it: the same faults as the
//! faults strip, aimed at one part.

use crate::live::ClusterLive;
use fanout_engine::cluster::ControlPlaneConfig;
use fanout_engine::scenario::{ComponentId, Fault};
use yew::prelude::*;

/// Height of one member row inside the expanded box.
pub const ROW_HEIGHT: f64 = 20.0;
/// Where the first row starts, below the name and status.
pub const ROWS_TOP: f64 = 54.0;

/// One part of the control plane as drawn.
#[derive(Clone, Debug, PartialEq)]
pub struct Member {
    /// `apiserver`, `etcd-0` … `etcd-6`, `scheduler`, `controller-manager`.
    pub key: String,
    pub label: String,
    pub up: bool,
    /// What the row says after the label (leader, replicas, quorum).
    pub detail: String,
    /// The fault a press applies (none for the API server, which follows etcd).
    pub press: Option<Fault>,
    pub tip: String,
}

/// The members of `id`'s control plane: live when a run exists, else as
/// the settings start them (everything up).
pub fn members(id: &ComponentId, config: &ControlPlaneConfig, live: Option<&ClusterLive>) -> Vec<Member> {
    let cp = live.map(|c| &c.control_plane);
    let etcd_up: Vec<bool> = cp.map_or_else(|| vec![true; config.etcd_members as usize], |cp| cp.etcd_members_state.clone());
    let members_up = etcd_up.iter().filter(|up| **up).count();
    let quorum = etcd_up.len() / 2 + 1;
    let api_up = cp.map_or(true, |cp| cp.api_available);
    let leader = cp.and_then(|cp| cp.etcd_leader);
    let mut rows = vec![Member {
        key: "apiserver".into(),
        label: "apiserver".into(),
        up: api_up,
        detail: if api_up { "up".into() } else { "no quorum".into() },
        press: None,
        tip: format!(
            "kube-apiserver answers while etcd has a quorum: {quorum} of {} members up (now {members_up}). It follows etcd: revive members to bring it back.",
            etcd_up.len()
        ),
    }];
    for (m, up) in etcd_up.iter().enumerate() {
        let is_leader = leader == Some(m as u32);
        rows.push(Member {
            key: format!("etcd-{m}"),
            label: format!("etcd-{m}"),
            up: *up,
            detail: if !up { "down".into() } else if is_leader { "leader".into() } else { "up".into() },
            press: Some(if *up {
                Fault::KillEtcdMember(id.clone(), m as u32)
            } else {
                Fault::ReviveEtcdMember(id.clone(), m as u32)
            }),
            tip: if *up {
                format!("etcd member {m}{}: press to kill it", if is_leader { ", the leader" } else { ", a follower" })
            } else {
                format!("etcd member {m} is down: press to revive it")
            },
        });
    }
    let elected = |name: &str, replicas: u32, view: Option<&fanout_engine::cluster::ElectionView>, kill: Fault, revive: Fault| {
        let (up, total, leader, active) =
            view.map_or((replicas, replicas, Some(0), true), |v| (v.replicas_up, v.replicas, v.leader, v.active));
        let (detail, state) = match (up, leader) {
            (0, _) => ("down".to_string(), "every replica is down".to_string()),
            (_, Some(l)) if active => (format!("{up}/{total}"), format!("{up} of {total} replicas up, replica {l} leads")),
            (_, Some(l)) => (format!("{up}/{total} idle"), format!("replica {l} leads but cannot reach the API")),
            (_, None) => ("electing".to_string(), format!("{up} of {total} replicas up, electing a leader")),
        };
        let short = name.trim_start_matches("kube-");
        Member {
            key: short.into(),
            label: if short == "controller-manager" { "controller-mgr".into() } else { short.into() },
            up: up > 0,
            detail,
            tip: if up > 0 {
                format!("{name}: {state}. Press to kill its leader (another replica takes over after the lease).")
            } else {
                format!("{name}: {state}. Press to bring every replica back.")
            },
            press: Some(if up > 0 { kill } else { revive }),
        }
    };
    rows.push(elected(
        "kube-scheduler",
        config.scheduler_replicas,
        cp.map(|cp| &cp.scheduler),
        Fault::KillScheduler(id.clone()),
        Fault::ReviveScheduler(id.clone()),
    ));
    rows.push(elected(
        "kube-controller-manager",
        config.controller_manager_replicas,
        cp.map(|cp| &cp.controller_manager),
        Fault::KillControllerManager(id.clone()),
        Fault::ReviveControllerManager(id.clone()),
    ));
    rows
}

/// The rows, drawn inside the box from [`ROWS_TOP`]; `on_fault` gets the press.
pub fn view_members(id: &ComponentId, members: &[Member], width: f64, on_fault: &Callback<Fault>) -> Html {
    let rows = members.iter().enumerate().map(|(i, m)| {
        let y = ROWS_TOP + i as f64 * ROW_HEIGHT;
        let press = m.press.clone().map(|fault| {
            let on_fault = on_fault.clone();
            Callback::from(move |e: PointerEvent| {
                // The box under the row must not start a drag.
                e.stop_propagation();
                on_fault.emit(fault.clone());
            })
        });
        let class = classes!("cp-member", if m.up { "up" } else { "down" }, m.press.is_some().then_some("pressable"));
        html! {
            <g key={m.key.clone()} class={class} data-testid={format!("cp-member-{}-{}", id, m.key)}
               data-state={if m.up { "up" } else { "down" }} transform={format!("translate(8 {y:.1})")}
               onpointerdown={press}>
                <title>{ m.tip.clone() }</title>
                <rect class="cp-member-row" width={(width - 16.0).to_string()} height={(ROW_HEIGHT - 3.0).to_string()} rx="4" />
                <circle class="cp-member-light" cx="8" cy={((ROW_HEIGHT - 3.0) / 2.0).to_string()} r="3.5" />
                <text class="cp-member-label" x="16" y="12.5">{ m.label.clone() }</text>
                <text class="cp-member-detail" x={(width - 20.0).to_string()} y="12.5" text-anchor="end">{ m.detail.clone() }</text>
            </g>
        }
    });
    html! { <g class="cp-members">{ for rows }</g> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_a_run_every_member_is_up_and_pressing_one_kills_it() {
        let id = ComponentId::new("control-plane");
        let rows = members(&id, &ControlPlaneConfig::default(), None);
        let keys: Vec<&str> = rows.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["apiserver", "etcd-0", "etcd-1", "etcd-2", "scheduler", "controller-manager"]);
        assert!(rows.iter().all(|m| m.up));
        assert_eq!(rows[2].press, Some(Fault::KillEtcdMember(id.clone(), 1)));
        assert_eq!(rows[0].press, None, "the API server follows etcd");
    }
}

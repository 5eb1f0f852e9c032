//! The control plane's box, expanded: one row per part (kube-apiserver, each
//! etcd member, kube-scheduler, kube-controller-manager) with its live state,
//! so a person sees *which* member died and why the API went away. Pressing
//! a member kills it, pressing it again revives it: the same faults as the
//! faults strip, aimed at one part.

use crate::i18n::{Lang, Text};
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
/// the settings start them (everything up); their words in `lang`.
pub fn members(id: &ComponentId, config: &ControlPlaneConfig, live: Option<&ClusterLive>, lang: Lang) -> Vec<Member> {
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
        detail: lang.t(if api_up { Text::MemberUp } else { Text::MemberNoQuorum }).into(),
        press: None,
        tip: lang.format(
            Text::ApiServerTip,
            &[("quorum", &quorum), ("members", &etcd_up.len()), ("up", &members_up)],
        ),
    }];
    for (m, up) in etcd_up.iter().enumerate() {
        let is_leader = leader == Some(m as u32);
        rows.push(Member {
            key: format!("etcd-{m}"),
            label: format!("etcd-{m}"),
            up: *up,
            detail: lang.t(if !up { Text::MemberDown } else if is_leader { Text::MemberLeader } else { Text::MemberUp }).into(),
            press: Some(if *up {
                Fault::KillEtcdMember(id.clone(), m as u32)
            } else {
                Fault::ReviveEtcdMember(id.clone(), m as u32)
            }),
            tip: lang.format(
                match (*up, is_leader) {
                    (false, _) => Text::EtcdMemberDownTip,
                    (true, true) => Text::EtcdLeaderTip,
                    (true, false) => Text::EtcdFollowerTip,
                },
                &[("m", &m)],
            ),
        });
    }
    let elected = |name: &str, replicas: u32, view: Option<&fanout_engine::cluster::ElectionView>, kill: Fault, revive: Fault| {
        let (up, total, leader, active) =
            view.map_or((replicas, replicas, Some(0), true), |v| (v.replicas_up, v.replicas, v.leader, v.active));
        let counts: [(&str, &dyn std::fmt::Display); 2] = [("up", &up), ("total", &total)];
        let (detail, state) = match (up, leader) {
            (0, _) => (lang.t(Text::MemberDown).to_string(), lang.t(Text::EveryReplicaDown).to_string()),
            (_, Some(l)) if active => {
                (format!("{up}/{total}"), lang.format(Text::ReplicaLeads, &[counts[0], counts[1], ("leader", &l)]))
            }
            (_, Some(l)) => (lang.format(Text::MemberIdle, &counts), lang.format(Text::LeaderCannotReachApi, &[("leader", &l)])),
            (_, None) => (lang.t(Text::MemberElecting).to_string(), lang.format(Text::ReplicasElecting, &counts)),
        };
        let short = name.trim_start_matches("kube-");
        Member {
            key: short.into(),
            label: if short == "controller-manager" { "controller-mgr".into() } else { short.into() },
            up: up > 0,
            detail,
            tip: lang.format(
                if up > 0 { Text::ElectedKillTip } else { Text::ElectedReviveTip },
                &[("name", &name), ("state", &state)],
            ),
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
        let rows = members(&id, &ControlPlaneConfig::default(), None, Lang::En);
        let keys: Vec<&str> = rows.iter().map(|m| m.key.as_str()).collect();
        assert_eq!(keys, ["apiserver", "etcd-0", "etcd-1", "etcd-2", "scheduler", "controller-manager"]);
        assert!(rows.iter().all(|m| m.up));
        assert_eq!(rows[2].press, Some(Fault::KillEtcdMember(id.clone(), 1)));
        assert_eq!(rows[0].press, None, "the API server follows etcd");
    }
}

//! `fanout run`: runs a scenario file or share link headless with the same
//! engine as the browser and prints its report.

use fanout_engine::scenario::{codec, Scenario};
use fanout_engine::{SimTime, Simulation};
use std::process::ExitCode;

const HELP: &str = "\
fanout — run a Fanout scenario headless and print its report

USAGE:
    fanout run <SCENARIO> [--seed N] [--until DURATION] [--json]

SCENARIO is a scenario file (.json, as exported by the app) or a share link
(a whole URL with #s=…, or just the 1.… token).

OPTIONS:
    --seed N          replace the scenario's seed (0 – 18446744073709551615)
    --until DURATION  how long to simulate: 500ms, 90s, 10m, 2h (default 60s)
    --json            print the report as JSON instead of a table
    --lineage ORDER   also print every hop of one order (published … deleted,
                      dead-lettered, expired or lost, and why)
    -h, --help        show this help

The same scenario, seed and duration give the same trace hash as the
browser. Exit status: 0 on success, 2 on bad usage or an invalid scenario.
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(output) => {
            print!("{output}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("fanout: {message}");
            ExitCode::from(2)
        }
    }
}

struct Options {
    source: String,
    seed: Option<u64>,
    until: SimTime,
    json: bool,
    lineage: Option<u64>,
}

fn run(args: &[String]) -> Result<String, String> {
    if args.is_empty() || args.iter().any(|a| a == "-h" || a == "--help") {
        return Ok(HELP.to_string());
    }
    let options = parse_options(args)?;
    let mut scenario = load(&options.source)?;
    if let Some(seed) = options.seed {
        scenario.seed = seed;
    }
    let mut sim = Simulation::new(&scenario).map_err(|e| e.to_string())?;
    sim.run_until(options.until);
    let report = sim.report();
    let mut out = if options.json {
        let mut json = serde_json::to_string_pretty(&report).expect("reports serialise");
        if let Some(cluster) = sim.cluster() {
            // Appended as the last field, so the report's own fields keep
            // their text and order exactly.
            let section = serde_json::to_string_pretty(&cluster_json(cluster)).expect("JSON serialises");
            json.truncate(json.trim_end().len() - 1);
            json = format!("{},\n  \"cluster\": {}\n}}", json.trim_end(), section.replace('\n', "\n  "));
        }
        json + "\n"
    } else {
        let mut text = table(&scenario, &report);
        if let Some(cluster) = sim.cluster() {
            text.push_str(&cluster_table(cluster));
        }
        text
    };
    if let Some(order) = options.lineage {
        let records = sim.lineage(order);
        if records.is_empty() {
            return Err(format!("--lineage: there is no order {order} in this run"));
        }
        out.push_str(&format!("\nlineage of order {order}:\n"));
        for record in records {
            out.push_str(&format!("  {:>12}  {}\n", record.at.to_string(), fanout_engine::broker::describe(&sim, &record)));
        }
    }
    Ok(out)
}

fn parse_options(args: &[String]) -> Result<Options, String> {
    let mut args = args.iter();
    match args.next().map(String::as_str) {
        Some("run") => {}
        Some(other) => return Err(format!("unknown command '{other}'; try 'fanout run --help'")),
        None => unreachable!("checked by the caller"),
    }
    let mut options =
        Options { source: String::new(), seed: None, until: SimTime::from_secs(60), json: false, lineage: None };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => options.json = true,
            "--seed" => {
                let value = args.next().ok_or("--seed needs a number")?;
                options.seed = Some(value.parse().map_err(|_| format!("--seed: '{value}' is not a whole number"))?);
            }
            "--lineage" => {
                let value = args.next().ok_or("--lineage needs an order number")?;
                options.lineage =
                    Some(value.parse().map_err(|_| format!("--lineage: '{value}' is not an order number"))?);
            }
            "--until" => {
                let value = args.next().ok_or("--until needs a duration, e.g. 90s")?;
                options.until = parse_duration(value)?;
            }
            flag if flag.starts_with("--") => return Err(format!("unknown option '{flag}'")),
            source if options.source.is_empty() => options.source = source.to_string(),
            extra => return Err(format!("unexpected argument '{extra}'")),
        }
    }
    if options.source.is_empty() {
        return Err("which scenario? give a .json file or a share link".into());
    }
    Ok(options)
}

/// `500ms`, `90s`, `10m`, `2h`; at most 30 days of simulated time.
fn parse_duration(text: &str) -> Result<SimTime, String> {
    let bad = || format!("--until: '{text}' is not a duration like 500ms, 90s, 10m or 2h");
    let split = text.find(|c: char| !c.is_ascii_digit()).ok_or_else(bad)?;
    let (number, unit) = text.split_at(split);
    let n: u64 = number.parse().map_err(|_| bad())?;
    let ms_per_unit = match unit {
        "ms" => 1,
        "s" => 1_000,
        "m" => 60_000,
        "h" => 3_600_000,
        _ => return Err(bad()),
    };
    let total_ms = n.checked_mul(ms_per_unit).ok_or_else(bad)?;
    if total_ms > 30 * 24 * 3_600_000 {
        return Err(format!("--until: '{text}' is more than 30 days"));
    }
    Ok(SimTime::from_ms(total_ms))
}

fn load(source: &str) -> Result<Scenario, String> {
    let looks_like_link = source.contains("#s=") || source.starts_with("s=") || source.starts_with("1.");
    if looks_like_link && !std::path::Path::new(source).exists() {
        return codec::decode(source).map_err(|e| e.to_string());
    }
    let text = std::fs::read_to_string(source).map_err(|e| format!("cannot read '{source}': {e}"))?;
    codec::scenario_from_file_text(&text).map_err(|e| format!("{source}: {e}"))
}

fn table(scenario: &Scenario, report: &fanout_engine::report::Report) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let title = if scenario.title.is_empty() { "(untitled)" } else { &scenario.title };
    let _ = writeln!(out, "{title} — seed {} — {} ms simulated", scenario.seed, report.now_ms);
    let columns = [
        "published", "delivered", "dupes", "out_of_order", "lost", "expired", "dead_letter", "throttled", "in_queue",
        "in_flight", "p50_ms", "p99_ms",
    ];
    let _ = write!(out, "{:<20}", "component");
    for c in columns {
        let _ = write!(out, " {c:>9}");
    }
    out.push('\n');
    let rows = report.components.iter().map(|c| (c.id.as_str(), &c.counters));
    for (name, c) in rows.chain(std::iter::once(("TOTAL", &report.totals))) {
        let name: String = name.chars().take(20).collect();
        let _ = write!(out, "{name:<20}");
        for value in [
            c.published,
            c.delivered,
            c.duplicates,
            c.out_of_order,
            c.lost,
            c.expired,
            c.dead_lettered,
            c.throttled,
            c.in_queue,
            c.in_flight,
            c.latency_p50_ms,
            c.latency_p99_ms,
        ] {
            let _ = write!(out, " {value:>9}");
        }
        out.push('\n');
    }
    let check = |name: &str, check: &fanout_engine::report::InvariantCheck| {
        let first = check.first_order.map(|o| format!(" (first: order {o})")).unwrap_or_default();
        format!("{name}: {}{first}", if check.holds() { "ok".to_string() } else { format!("{} ✗", check.count) })
    };
    let i = &report.invariants;
    let _ = writeln!(
        out,
        "invariants: {}; {}; {}",
        check("orders lost", &i.lost),
        check("processed more than once", &i.processed_more_than_once),
        check("FIFO order violated", &i.fifo_order_violated)
    );
    let _ = writeln!(
        out,
        "conservation: {} ({} copies created, {} fanned out)",
        if report.conservation_holds { "holds" } else { "BROKEN" },
        report.copies_created,
        report.copies_fanned_out
    );
    let _ = writeln!(out, "events: {}  trace hash: {}", report.events_processed, report.trace_hash);
    out
}

/// The cluster's state at the end of the run, for the JSON report: per node
/// its status and pods, per deployment desired and ready pods, per service
/// its endpoints and requests (failed ones by reason), and the control plane.
fn cluster_json(cluster: &fanout_engine::cluster::Cluster) -> serde_json::Value {
    use serde_json::json;
    let nodes: Vec<_> = cluster
        .nodes()
        .iter()
        .map(|n| {
            json!({
                "name": n.name,
                "zone": n.zone,
                "status": if n.status == fanout_engine::cluster::NodeStatus::Ready { "Ready" } else { "NotReady" },
                "down": n.down,
                "cordoned": n.cordoned,
                "pods": n.pods,
                "cpu_requested_millicores": n.cpu_requested_millicores,
                "cpu_allocatable_millicores": n.cpu_allocatable_millicores,
            })
        })
        .collect();
    let deployments: Vec<_> = cluster
        .deployments()
        .iter()
        .map(|d| json!({ "name": d.name, "desired": d.desired, "ready": d.ready, "serving": d.serving }))
        .collect();
    let services: Vec<_> = cluster
        .services()
        .iter()
        .map(|s| {
            let c = &s.counters;
            json!({
                "name": s.name,
                "endpoints": s.endpoint_names,
                "requests_ok": c.ok,
                "requests_failed": c.failed(),
                "failed_no_endpoint": c.no_endpoint,
                "failed_unreachable": c.unreachable,
                "failed_node_down": c.node_down,
            })
        })
        .collect();
    let cp = cluster.control_plane();
    json!({
        "nodes": nodes,
        "deployments": deployments,
        "services": services,
        "pending_pods": cluster.pending_pods(),
        "control_plane": {
            "api_available": cp.api_available,
            "etcd_members_up": cp.etcd_members_up,
            "etcd_members": cp.etcd_members,
            "scheduler_active": cp.scheduler.active,
            "controller_manager_active": cp.controller_manager.active,
        },
    })
}

/// The same, as lines under the table.
fn cluster_table(cluster: &fanout_engine::cluster::Cluster) -> String {
    use std::fmt::Write;
    let mut out = String::from("cluster:\n");
    for n in cluster.nodes() {
        let status = if n.status == fanout_engine::cluster::NodeStatus::Ready { "Ready" } else { "NotReady" };
        let down = if n.down { " (down)" } else { "" };
        let _ = writeln!(out, "  node {:<18} {:<8} {status}{down}, {} pods", n.name, n.zone, n.pods);
    }
    for d in cluster.deployments() {
        let _ = writeln!(out, "  deployment {:<12} {}/{} ready", d.name, d.ready, d.desired);
    }
    for s in cluster.services() {
        let _ = writeln!(
            out,
            "  service {:<15} {} endpoints, {} requests ok, {} failed",
            s.name,
            s.endpoints.len(),
            s.counters.ok,
            s.counters.failed()
        );
    }
    let cp = cluster.control_plane();
    let _ = writeln!(
        out,
        "  control plane: API {}, etcd {}/{} up",
        if cp.api_available { "available" } else { "UNAVAILABLE" },
        cp.etcd_members_up,
        cp.etcd_members
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_parse_and_absurd_ones_are_refused() {
        assert_eq!(parse_duration("90s").unwrap(), SimTime::from_secs(90));
        assert_eq!(parse_duration("500ms").unwrap(), SimTime::from_ms(500));
        assert_eq!(parse_duration("2h").unwrap(), SimTime::from_secs(7_200));
        for bad in ["", "s", "10", "10x", "-5s", "99999999999999999999h", "31000h"] {
            assert!(parse_duration(bad).is_err(), "{bad}");
        }
    }
}

//! The headless runner, run as a person would from a shell.

use std::process::Command;

fn fanout(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_fanout")).args(args).output().expect("the binary runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn preset(stem: &str) -> String {
    format!("{}/../../scenarios/{stem}.json", env!("CARGO_MANIFEST_DIR"))
}

fn json_field(json: &str, key: &str) -> String {
    let value: serde_json::Value = serde_json::from_str(json).expect("--json prints JSON");
    value[key].to_string()
}

#[test]
fn help_explains_usage() {
    let (code, out, _) = fanout(&["--help"]);
    assert_eq!(code, 0);
    assert!(out.contains("fanout run <SCENARIO>") && out.contains("--until"));
}

#[test]
fn a_preset_runs_and_reports_the_same_trace_hash_twice() {
    let path = preset("sns-sqs-per-service");
    let (code, first, err) = fanout(&["run", &path, "--until", "90s", "--json"]);
    assert_eq!(code, 0, "{err}");
    let (_, second, _) = fanout(&["run", &path, "--until", "90s", "--json"]);
    assert_eq!(json_field(&first, "trace_hash"), json_field(&second, "trace_hash"));
    assert_eq!(json_field(&first, "conservation_holds"), "true");
    let (_, other_seed, _) = fanout(&["run", &path, "--until", "90s", "--json", "--seed", "9"]);
    assert!(other_seed.contains("\"now_ms\": 90000"));
}

#[test]
fn a_share_link_gives_the_same_run_as_its_file() {
    let path = preset("direct-coupling");
    let text = std::fs::read_to_string(&path).unwrap();
    let scenario = fanout_engine::Scenario::from_json(&text).unwrap();
    let link = format!("http://localhost:8080/{}", fanout_engine::scenario::codec::share_fragment(&scenario));
    let (code, from_link, err) = fanout(&["run", &link, "--json"]);
    assert_eq!(code, 0, "{err}");
    let (_, from_file, _) = fanout(&["run", &path, "--json"]);
    assert_eq!(json_field(&from_link, "trace_hash"), json_field(&from_file, "trace_hash"));
}

#[test]
fn the_table_shows_every_component_and_the_totals() {
    let (code, out, _) = fanout(&["run", &preset("direct-coupling"), "--until", "10s"]);
    assert_eq!(code, 0);
    for needle in ["storefront", "shipping", "accounting", "TOTAL", "trace hash", "conservation: holds"] {
        assert!(out.contains(needle), "missing {needle} in\n{out}");
    }
}

#[test]
fn bad_input_exits_2_with_a_clear_message() {
    let dir = std::env::temp_dir().join(format!("fanout-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{ \"schema\": 1, \"components\": [ {").unwrap();
    let cases: Vec<(Vec<String>, &str)> = vec![
        (vec!["run".into(), broken.display().to_string()], "broken.json"),
        (vec!["run".into(), "/no/such/file.json".into()], "cannot read"),
        (vec!["run".into(), "#s=1.!!!!".into()], "link"),
        (vec!["run".into(), preset("direct-coupling"), "--until".into(), "forever".into()], "--until"),
        (vec!["run".into(), preset("direct-coupling"), "--seed".into(), "-1".into()], "--seed"),
        (vec!["walk".into()], "unknown command"),
    ];
    for (args, needle) in cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let (code, _, err) = fanout(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.to_lowercase().contains(&needle.to_lowercase()), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn a_cluster_scenario_reports_its_nodes_deployments_and_services() {
    let path = preset("pod-failover");
    let (code, out, err) = fanout(&["run", &path, "--until", "120s", "--json"]);
    assert_eq!(code, 0, "{err}");
    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(value.get("trace_hash").is_some(), "the usual fields stay");
    let cluster = &value["cluster"];
    assert_eq!(cluster["nodes"].as_array().unwrap().len(), 3);
    assert_eq!(cluster["nodes"][0]["status"], "NotReady", "node-1 died at 30 s");
    assert_eq!(cluster["deployments"][0]["desired"], 3);
    assert!(cluster["services"][0]["requests_failed"].as_u64().unwrap() > 0);
    let (_, table, _) = fanout(&["run", &path, "--until", "120s"]);
    assert!(table.contains("node node-1"), "{table}");
    let (_, plain, _) = fanout(&["run", &preset("sns-fanout"), "--json"]);
    assert!(serde_json::from_str::<serde_json::Value>(&plain).unwrap().get("cluster").is_none());
}

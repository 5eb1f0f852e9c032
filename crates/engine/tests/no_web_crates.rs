//! The rule that keeps the engine testable natively: nothing under `crates/`
//! depends, directly or through another crate, on a web crate (yew, web-sys,
//! js-sys, wasm-bindgen, gloo) or on getrandom (which needs a JS shim in the
//! browser and would make runs depend on entropy instead of the seed).
//!
//! Two checks: the dependency graph in the workspace's Cargo.lock, walked from
//! fanout-engine and fanout-cli, and the text of every `crates/*/Cargo.toml`
//! (which catches a banned crate even before Cargo.lock is updated). Cargo.lock
//! lists the dependencies of every platform and every enabled feature, plus
//! dev-dependencies, so the graph check is stricter than any single build.

use std::collections::{BTreeMap, VecDeque};
use std::fs;
use std::path::{Path, PathBuf};

/// The workspace crates that must stay free of web crates.
const PURE_CRATES: &[&str] = &["fanout-engine", "fanout-cli"];

/// Whether a crate name is one the pure crates must never pull in.
fn is_banned(name: &str) -> bool {
    matches!(name, "yew" | "web-sys" | "js-sys" | "wasm-bindgen" | "gloo" | "getrandom")
        || name.starts_with("yew-")
        || name.starts_with("wasm-bindgen-")
        || name.starts_with("gloo-")
}

/// One `[[package]]` entry of a Cargo.lock.
#[derive(Debug, Default)]
struct LockedPackage {
    name: String,
    version: String,
    /// Entries of its `dependencies` list: "name", "name version" or
    /// "name version (source)".
    dependencies: Vec<String>,
}

/// Reads the `[[package]]` entries of a Cargo.lock (format version 3 or 4).
/// Only the three fields the walk needs are read, line by line.
fn parse_lock(text: &str) -> Vec<LockedPackage> {
    let mut packages = Vec::new();
    let mut current: Option<LockedPackage> = None;
    let mut in_dependencies = false;
    for line in text.lines().map(str::trim) {
        if line == "[[package]]" {
            packages.extend(current.take());
            current = Some(LockedPackage::default());
            in_dependencies = false;
        } else if line.starts_with('[') && !line.starts_with("[[package]]") && !in_dependencies {
            // Another table (e.g. [metadata]) ends the current package.
            packages.extend(current.take());
        } else if let Some(package) = current.as_mut() {
            if in_dependencies {
                if line == "]" {
                    in_dependencies = false;
                } else {
                    package.dependencies.push(unquote(line.trim_end_matches(',')));
                }
            } else if let Some(value) = line.strip_prefix("name = ") {
                package.name = unquote(value);
            } else if let Some(value) = line.strip_prefix("version = ") {
                package.version = unquote(value);
            } else if line == "dependencies = [" {
                in_dependencies = true;
            } else if let Some(list) = line.strip_prefix("dependencies = [") {
                // A one-line list: dependencies = ["a", "b 1.0"]
                let list = list.trim_end_matches(']');
                package
                    .dependencies
                    .extend(list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(unquote));
            }
        }
    }
    packages.extend(current);
    packages
}

fn unquote(value: &str) -> String {
    value.trim().trim_matches('"').to_string()
}

/// Finds the package a dependency entry ("name" or "name version …") means.
fn resolve<'a>(packages: &'a [LockedPackage], entry: &str) -> Option<&'a LockedPackage> {
    let mut parts = entry.split_whitespace();
    let name = parts.next()?;
    let version = parts.next();
    packages
        .iter()
        .find(|package| package.name == name && version.map_or(true, |v| package.version == v))
}

/// Walks the lock's dependency graph from each root and returns, for every
/// banned crate reached, the path that pulled it in ("a -> b -> getrandom").
/// Also reports a root that is missing from the lock, so the check can never
/// pass by walking nothing.
fn banned_paths(lock_text: &str, roots: &[&str]) -> Vec<String> {
    let packages = parse_lock(lock_text);
    let mut problems = Vec::new();
    for &root in roots {
        let Some(start) = packages.iter().position(|package| package.name == root) else {
            problems.push(format!("{root} is not in Cargo.lock"));
            continue;
        };
        // Breadth-first, so each reported path is a shortest one.
        let mut parent: BTreeMap<usize, Option<usize>> = BTreeMap::from([(start, None)]);
        let mut queue = VecDeque::from([start]);
        while let Some(index) = queue.pop_front() {
            let package = &packages[index];
            if is_banned(&package.name) {
                let mut chain = vec![package.name.clone()];
                let mut cursor = parent[&index];
                while let Some(previous) = cursor {
                    chain.push(packages[previous].name.clone());
                    cursor = parent[&previous];
                }
                chain.reverse();
                problems.push(chain.join(" -> "));
                continue;
            }
            for entry in &package.dependencies {
                let Some(dependency) = resolve(&packages, entry) else {
                    problems.push(format!("{}: dependency {entry:?} is not in Cargo.lock", package.name));
                    continue;
                };
                let dependency_index = packages
                    .iter()
                    .position(|candidate| std::ptr::eq(candidate, dependency))
                    .expect("resolved from the same list");
                if !parent.contains_key(&dependency_index) {
                    parent.insert(dependency_index, Some(index));
                    queue.push_back(dependency_index);
                }
            }
        }
    }
    problems
}

/// Returns the banned crates a Cargo.toml declares in any dependency table
/// (`[dependencies]`, `[dev-dependencies]`, `[build-dependencies]`, their
/// `[target.….dependencies]` forms, and `[dependencies.name]` tables),
/// including renamed ones (`web = { package = "web-sys" }`).
fn banned_in_manifest(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_dependency_table = false;
    for line in text.lines().map(str::trim) {
        if line.starts_with('[') {
            let table = line.trim_matches(|c| c == '[' || c == ']').trim();
            let is_dependency_table = |suffix: &str| {
                table == suffix || table.ends_with(&format!(".{suffix}"))
            };
            let kinds = ["dependencies", "dev-dependencies", "build-dependencies"];
            in_dependency_table = kinds.iter().any(|kind| is_dependency_table(kind));
            // [dependencies.web-sys] names the crate in the header itself.
            for kind in kinds {
                if let Some(position) = table.find(&format!("{kind}.")) {
                    let before = &table[..position];
                    if before.is_empty() || before.ends_with('.') {
                        let name = unquote(&table[position + kind.len() + 1..]);
                        if is_banned(&name) {
                            found.push(name);
                        }
                    }
                }
            }
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if let Some(position) = line.find("package") {
            let rest = line[position + "package".len()..].trim_start();
            if let Some(value) = rest.strip_prefix('=') {
                let name = unquote(value.trim().split([',', '}']).next().unwrap_or(""));
                if is_banned(&name) {
                    found.push(name);
                }
            }
        }
        if in_dependency_table {
            if let Some((key, _)) = line.split_once('=') {
                let name = unquote(key);
                if is_banned(&name) {
                    found.push(name);
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn pure_crates_pull_in_no_web_crate_through_cargo_lock() {
    let lock_path = workspace_root().join("Cargo.lock");
    let lock_text = fs::read_to_string(&lock_path)
        .unwrap_or_else(|error| panic!("cannot read {}: {error}", lock_path.display()));
    let problems = banned_paths(&lock_text, PURE_CRATES);
    assert!(
        problems.is_empty(),
        "crates/ must not depend on yew, web-sys, js-sys, wasm-bindgen, gloo or getrandom \
         (see DESIGN.md); Cargo.lock shows:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn the_walk_sees_the_web_crates_of_the_app_itself() {
    // The root package `fanout` is the Yew app, so walking the real lock from
    // it must find yew: proof that the walk reads the real file correctly.
    let lock_text = fs::read_to_string(workspace_root().join("Cargo.lock")).expect("Cargo.lock");
    let problems = banned_paths(&lock_text, &["fanout"]);
    assert!(problems.iter().any(|path| path == "fanout -> yew"), "{problems:?}");
    assert!(problems.iter().any(|path| path == "fanout -> web-sys"), "{problems:?}");
}

#[test]
fn no_manifest_under_crates_names_a_web_crate() {
    let crates_dir = workspace_root().join("crates");
    let mut checked = 0;
    let mut problems = Vec::new();
    for entry in fs::read_dir(&crates_dir).expect("crates/ exists") {
        let manifest = entry.expect("readable crates/ entry").path().join("Cargo.toml");
        let Ok(text) = fs::read_to_string(&manifest) else { continue };
        checked += 1;
        for name in banned_in_manifest(&text) {
            problems.push(format!("{} depends on {name}", manifest.display()));
        }
    }
    assert!(checked >= 2, "expected the engine and cli manifests under {}", crates_dir.display());
    assert!(
        problems.is_empty(),
        "crates/ must not depend on web crates (see DESIGN.md):\n  {}",
        problems.join("\n  ")
    );
}

/// A small lock in the real format: the engine reaches getrandom through a
/// made-up `rand-ish`, and the cli reaches it through the engine.
const FAKE_LOCK: &str = r#"
# This file is automatically @generated by Cargo.
version = 4

[[package]]
name = "fanout-cli"
version = "0.1.0"
dependencies = [
 "fanout-engine",
 "serde",
]

[[package]]
name = "fanout-engine"
version = "0.1.0"
dependencies = [
 "rand-ish 0.1.0",
 "serde",
]

[[package]]
name = "getrandom"
version = "0.2.15"
source = "registry+https://example.invalid/index"
dependencies = ["cfg-if"]

[[package]]
name = "cfg-if"
version = "1.0.0"

[[package]]
name = "rand-ish"
version = "0.1.0"
dependencies = [
 "getrandom 0.2.15 (registry+https://example.invalid/index)",
]

[[package]]
name = "rand-ish"
version = "0.2.0"

[[package]]
name = "serde"
version = "1.0.200"
"#;

#[test]
fn the_walk_names_the_path_that_pulled_a_banned_crate_in() {
    let problems = banned_paths(FAKE_LOCK, PURE_CRATES);
    assert_eq!(
        problems,
        vec![
            "fanout-engine -> rand-ish -> getrandom".to_string(),
            "fanout-cli -> fanout-engine -> rand-ish -> getrandom".to_string(),
        ]
    );
}

#[test]
fn the_walk_passes_a_clean_graph_and_follows_versions() {
    // Pointing the engine at rand-ish 0.2.0 (which has no dependencies) makes it clean.
    let clean = FAKE_LOCK.replace("\"rand-ish 0.1.0\"", "\"rand-ish 0.2.0\"");
    assert_eq!(banned_paths(&clean, PURE_CRATES), Vec::<String>::new());
}

#[test]
fn the_walk_refuses_to_pass_when_a_root_is_missing() {
    assert_eq!(banned_paths(FAKE_LOCK, &["fanout-nothing"]), vec!["fanout-nothing is not in Cargo.lock"]);
}

#[test]
fn the_manifest_check_finds_banned_crates_in_every_dependency_table() {
    let manifest = r#"
[package]
name = "fanout-engine"
description = "no yew here, nor wasm-bindgen"

[dependencies]
serde = { version = "1", features = ["derive"] }
web = { package = "web-sys", version = "0.3" }

[dev-dependencies]
gloo-timers = "0.3"

[target.'cfg(target_arch = "wasm32")'.dependencies]
getrandom = { version = "0.2", features = ["js"] }

[dependencies.js-sys]
version = "0.3"
"#;
    assert_eq!(banned_in_manifest(manifest), vec!["getrandom", "gloo-timers", "js-sys", "web-sys"]);
    assert_eq!(banned_in_manifest("[package]\nname = \"yew\"\n[dependencies]\nserde = \"1\"\n"), Vec::<String>::new());
}

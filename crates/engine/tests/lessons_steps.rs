//! Every preset's lesson, played natively the way the app's lesson bar plays
//! it: each step's actions applied as it starts, the run played to its
//! `run_until_ms`, and its check evaluated there. Every check must pass.
//!
//! Also: going back to a step (a fresh run replayed to that step's start)
//! lands exactly where walking forward did, every part of the meetup notes
//! has a guided lesson, and the share-link length of each preset is reported.

use fanout_engine::scenario::codec::encode;
use fanout_engine::scenario::lesson::{evaluate, finish_step, measure, prepare, start_step};
use fanout_engine::scenario::{CheckState, Scenario};
use fanout_engine::Simulation;
use std::path::PathBuf;

/// The goal is 1,000 characters for a typical lesson link. Link
/// format 2's preset dictionary holds the presets' captions and settings,
/// so the median is about 650 and the longest about 1,160 (format 1 gave a
/// median of about 1,860: the descriptions and the captions in two
/// languages are most of a link). These bounds keep the figures from
/// growing unnoticed; `--nocapture` prints them.
const MEDIAN_LINK_CHARS: usize = 1_000;
const LONGEST_LINK_CHARS: usize = 1_400;

fn presets() -> Vec<(String, Scenario)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("readable directory").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{stem}: {e}"));
            let scenario = Scenario::from_json(&text).unwrap_or_else(|e| panic!("{stem}: {e}"));
            (stem, scenario)
        })
        .collect()
}

#[test]
fn every_preset_lesson_plays_and_every_check_passes() {
    let mut problems = Vec::new();
    for (stem, scenario) in presets() {
        let steps = &scenario.lesson;
        assert!(
            !steps.is_empty(),
            "{stem} has no lesson: every preset in the gallery has one (see Lessons in docs/scenario-format.md)"
        );
        assert!((3..=6).contains(&steps.len()), "{stem}: a lesson has 3–6 steps, not {}", steps.len());
        let mut sim = Simulation::new(&scenario).expect("preset builds");
        for (i, step) in steps.iter().enumerate() {
            let refused = start_step(&mut sim, step);
            assert!(refused.is_empty(), "{stem} step {}: actions refused: {refused:?}", i + 1);
            finish_step(&mut sim, step);
            let Some(check) = &step.check else { continue };
            let state = evaluate(step, &sim).expect("a step with a check evaluates");
            if state != CheckState::Passed {
                problems.push(format!(
                    "{stem} step {} at {} ms: {} is {:?}, measured {:?}",
                    i + 1,
                    sim.now().as_ms(),
                    check.describe(),
                    state,
                    measure(check, &sim)
                ));
            }
        }
    }
    assert!(problems.is_empty(), "checks that do not pass:\n  {}", problems.join("\n  "));
}

#[test]
fn going_back_to_a_step_replays_exactly_to_its_start() {
    for (stem, scenario) in presets() {
        let mut walked = Simulation::new(&scenario).expect("preset builds");
        for (i, step) in scenario.lesson.iter().enumerate() {
            start_step(&mut walked, step);
            let (replayed, refused) = prepare(&scenario, i).expect("preset builds");
            assert!(refused.is_empty(), "{stem} step {}: {refused:?}", i + 1);
            assert_eq!(replayed.now(), walked.now(), "{stem} step {}", i + 1);
            assert_eq!(replayed.trace_hash(), walked.trace_hash(), "{stem} step {}: replay differs", i + 1);
            finish_step(&mut walked, step);
        }
    }
}

#[test]
fn every_part_of_the_meetup_notes_has_a_guided_lesson() {
    let with_lesson: Vec<String> =
        presets().into_iter().filter(|(_, s)| !s.lesson.is_empty()).map(|(stem, _)| stem).collect();
    for part in [
        "direct-coupling",
        "sns-fanout",
        "sns-sqs-per-service",
        "standard-vs-fifo",
        "ack-modes",
        "poison-dlq",
        "etcd-quorum",
        "bin-packing-vs-spreading",
        "pod-failover",
        "zone-outage",
    ] {
        assert!(with_lesson.iter().any(|stem| stem == part), "{part} has no lesson");
    }
}

#[test]
fn every_caption_is_in_english_and_korean() {
    for (stem, scenario) in presets() {
        for (i, step) in scenario.lesson.iter().enumerate() {
            assert!(!step.caption.en.trim().is_empty(), "{stem} step {}: no English caption", i + 1);
            assert!(
                step.caption.ko.chars().any(|c| ('\u{AC00}'..='\u{D7A3}').contains(&c)),
                "{stem} step {}: no Korean caption",
                i + 1
            );
        }
    }
}

/// Prints each preset's share-link length (run with `--nocapture` to read
/// them) and holds the median and the longest to their bounds.
#[test]
fn share_links_with_lessons_stay_short() {
    let mut lengths: Vec<(usize, String)> = presets()
        .into_iter()
        .map(|(stem, scenario)| (format!("#s={}", encode(&scenario)).len(), stem))
        .collect();
    lengths.sort();
    for (length, stem) in &lengths {
        println!("{length:>6}  {stem}");
    }
    let median = lengths[lengths.len() / 2].0;
    println!("median {median}");
    assert!(median <= MEDIAN_LINK_CHARS, "the typical preset link is {median} characters");
    let (longest, stem) = lengths.last().expect("presets exist");
    assert!(*longest <= LONGEST_LINK_CHARS, "{stem}'s link is {longest} characters");
}

//! The share-link codec: what goes in comes back out, links made today keep
//! opening, and nothing a stranger pastes can crash the app, exhaust its
//! memory or fill the error banner with their text.

use fanout_engine::scenario::codec::{
    decode, encode, scenario_from_file_text, share_fragment, CodecError, LINK_DICTIONARY_2, LINK_FORMAT_VERSION, MAX_FILE_BYTES,
    MAX_JSON_BYTES, MAX_LINK_CHARS,
};
use fanout_engine::scenario::validate::{
    validate, MAX_COORDINATE, MAX_DESCRIPTION_CHARS, MAX_HTTP_RETRIES, MAX_HTTP_RETRY_TOTAL_MS, MAX_ID_CHARS,
    MAX_NAME_CHARS, MAX_TITLE_CHARS, MAX_VISIBILITY_TIMEOUT_MS, MAX_WIRE_LATENCY_MS,
};
use fanout_engine::scenario::{
    connection_rule, ArrivalPattern, Component, ComponentId, ComponentKind, ConsumerConfig, PublisherConfig,
    QueueConfig, Spec, TopicConfig, Wire, SCHEMA_VERSION,
};
use fanout_engine::sim::Rng;
use fanout_engine::Scenario;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::PathBuf;

// ---------------------------------------------------------------------------
// Building scenarios

fn component(id: &str, name: &str, x: f64, y: f64, spec: Spec) -> Component {
    Component { id: ComponentId::new(id), name: name.into(), x, y, spec }
}

fn wire(from: &str, to: &str) -> Wire {
    Wire::new(ComponentId::new(from), ComponentId::new(to))
}

fn publisher(rate_per_s: f64) -> Spec {
    Spec::Publisher(PublisherConfig { rate_per_s, pattern: ArrivalPattern::Constant, ..PublisherConfig::default() })
}

fn consumer() -> Spec {
    Spec::Consumer(ConsumerConfig::default())
}

/// The notes' first picture: StoreFront calls Shipping directly.
fn direct_scenario() -> Scenario {
    Scenario {
        title: "Direct: StoreFront → Shipping".into(),
        description: "Kill Shipping and watch orders get lost.".into(),
        seed: 42,
        components: vec![
            component("storefront", "StoreFront", 120.0, 200.0, publisher(2.0)),
            component("shipping", "Shipping", 420.0, 200.0, consumer()),
        ],
        wires: vec![wire("storefront", "shipping")],
        ..Scenario::default()
    }
}

/// StoreFront publishes to an SNS topic that pushes to two services.
fn topic_fanout_scenario() -> Scenario {
    Scenario {
        title: "SNS fan-out".into(),
        description: "One order, one copy per subscriber.".into(),
        seed: 7,
        components: vec![
            component(
                "storefront",
                "StoreFront",
                100.0,
                200.0,
                Spec::Publisher(PublisherConfig { rate_per_s: 5.0, pattern: ArrivalPattern::Poisson, ..PublisherConfig::default() }),
            ),
            component("orders", "Orders topic", 320.0, 200.0, Spec::Topic(TopicConfig::default())),
            component("shipping", "Shipping", 560.0, 120.0, consumer()),
            component("accounting", "Accounting", 560.0, 280.0, consumer()),
        ],
        wires: vec![wire("storefront", "orders"), wire("orders", "shipping"), wire("orders", "accounting")],
        ..Scenario::default()
    }
}

/// SNS → one SQS queue per service → scaled-out consumers.
fn topic_queues_scenario() -> Scenario {
    let scaled = Spec::Consumer(ConsumerConfig { instances: 2, processing_time_ms: 300, ..ConsumerConfig::default() });
    let mut slow_wire = wire("orders", "accounting-queue");
    slow_wire.latency_ms = 250;
    Scenario {
        title: "SNS → SQS per service".into(),
        description: "Each service gets its own queue; kill a consumer and the queue waits.".into(),
        seed: 2024,
        components: vec![
            component("storefront", "StoreFront", 80.0, 200.0, publisher(4.0)),
            component("orders", "Orders topic", 260.0, 200.0, Spec::Topic(TopicConfig::default())),
            component(
                "shipping-queue",
                "Shipping queue",
                460.0,
                120.0,
                Spec::Queue(QueueConfig { visibility_timeout_ms: 10_000, ..QueueConfig::default() }),
            ),
            component("accounting-queue", "Accounting queue", 460.0, 280.0, Spec::Queue(QueueConfig::default())),
            component("shipping", "Shipping", 660.0, 120.0, scaled.clone()),
            component("accounting", "Accounting", 660.0, 280.0, scaled),
        ],
        wires: vec![
            wire("storefront", "orders"),
            wire("orders", "shipping-queue"),
            slow_wire,
            wire("shipping-queue", "shipping"),
            wire("accounting-queue", "accounting"),
        ],
        ..Scenario::default()
    }
}

/// Documents at the edges of what is valid.
fn hand_built_scenarios() -> Vec<Scenario> {
    let mut odd = direct_scenario();
    odd.seed = u64::MAX;
    odd.title = "Quotes \" and \\ backslashes, <b>tags</b>, emoji 🚀, 中文".into();
    odd.description = "line one\nline two\ttab \u{0} nul \u{2028} separator".into();
    odd.components[0].x = -MAX_COORDINATE;
    odd.components[0].y = 0.1 + 0.2;
    odd.components[1].x = MAX_COORDINATE;
    odd.components[1].y = -0.0;
    odd.components[0].spec = publisher(std::f64::consts::PI);
    odd.wires[0].latency_ms = MAX_WIRE_LATENCY_MS;

    let mut long_texts = topic_fanout_scenario();
    long_texts.title = "t".repeat(MAX_TITLE_CHARS);
    long_texts.description = "é".repeat(MAX_DESCRIPTION_CHARS);
    long_texts.components[2].id = ComponentId::new("a".repeat(MAX_ID_CHARS));
    long_texts.components[2].name = "名".repeat(MAX_NAME_CHARS);
    long_texts.wires[1].to = long_texts.components[2].id.clone();

    vec![Scenario::default(), direct_scenario(), topic_fanout_scenario(), topic_queues_scenario(), odd, long_texts]
}

/// A random but valid scenario: components of every kind with random
/// settings and positions (full f64 precision), wires that obey the
/// connection rule, and names full of characters JSON must escape.
fn random_scenario(rng: &mut Rng) -> Scenario {
    const NAME_CHARS: &[char] =
        &['a', 'Z', '0', ' ', '"', '\\', '/', '<', '>', '&', 'é', '中', '🚀', '\u{0}', '\n', '\u{7f}', '\u{2028}'];
    let random_text = |rng: &mut Rng, max_chars: u64| -> String {
        // A letter first, so a name is never blank.
        let len = rng.below(max_chars) as usize;
        std::iter::once('n').chain((0..len).map(|_| NAME_CHARS[rng.below(NAME_CHARS.len() as u64) as usize])).collect()
    };
    let coordinate = |rng: &mut Rng| match rng.below(4) {
        0 => (rng.below(2_001) as f64 - 1_000.0).round(),
        _ => (rng.next_f64() * 2.0 - 1.0) * MAX_COORDINATE,
    };

    let mut scenario = Scenario {
        seed: rng.next_u64(),
        title: random_text(rng, MAX_TITLE_CHARS as u64),
        description: if rng.below(4) == 0 { random_text(rng, MAX_DESCRIPTION_CHARS as u64) } else { String::new() },
        ..Scenario::default()
    };
    let count = if rng.below(10) == 0 { 30 + rng.below(40) } else { rng.below(10) };
    for i in 0..count {
        let kind = ComponentKind::ALL[rng.below(4) as usize];
        let spec = match kind {
            ComponentKind::Publisher => Spec::Publisher(PublisherConfig {
                // (0, 10 000]: 1 − u is never zero.
                rate_per_s: (1.0 - rng.next_f64()) * 10_000.0,
                pattern: if rng.below(2) == 0 { ArrivalPattern::Constant } else { ArrivalPattern::Poisson },
                ..PublisherConfig::default()
            }),
            ComponentKind::Topic => {
                let http_retries = rng.below(u64::from(MAX_HTTP_RETRIES) + 1) as u32;
                let http_retry_delay_ms = match http_retries {
                    // With no retries any delay is allowed, even the largest.
                    0 => u64::MAX - rng.below(2),
                    n => rng.below(MAX_HTTP_RETRY_TOTAL_MS / u64::from(n) + 1),
                };
                Spec::Topic(TopicConfig { http_retries, http_retry_delay_ms, ..TopicConfig::default() })
            }
            ComponentKind::Queue => {
                Spec::Queue(QueueConfig { visibility_timeout_ms: rng.below(MAX_VISIBILITY_TIMEOUT_MS + 1), ..QueueConfig::default() })
            }
            ComponentKind::Consumer => Spec::Consumer(ConsumerConfig {
                processing_time_ms: rng.below(3_600_001),
                concurrency: 1 + rng.below(100) as u32,
                instances: 1 + rng.below(50) as u32,
                ..ConsumerConfig::default()
            }),
            // Only the four messaging kinds are drawn (the first four of ALL).
            _ => unreachable!("a messaging kind"),
        };
        // Unique by the index suffix; sometimes as long as allowed.
        let stem = if rng.below(8) == 0 { "x_-".repeat(12) } else { kind.as_str().to_string() };
        let id = format!("{stem}-{i}");
        let name = random_text(rng, MAX_NAME_CHARS as u64 - 1);
        let (x, y) = (coordinate(rng), coordinate(rng));
        scenario.components.push(component(&id, &name, x, y, spec));
    }
    if count >= 2 {
        for _ in 0..count * 2 {
            let from = &scenario.components[rng.below(count) as usize];
            let to = &scenario.components[rng.below(count) as usize];
            if from.id != to.id
                && connection_rule(from.kind(), to.kind()).is_ok()
                && !scenario.has_wire(&from.id, &to.id)
            {
                let mut w = Wire::new(from.id.clone(), to.id.clone());
                w.latency_ms = rng.below(MAX_WIRE_LATENCY_MS + 1);
                scenario.wires.push(w);
            }
        }
    }
    scenario
}

// ---------------------------------------------------------------------------
// Round trips

#[test]
fn hand_built_scenarios_round_trip() {
    for scenario in hand_built_scenarios() {
        validate(&scenario).expect("the hand-built scenarios are valid");
        let token = encode(&scenario);
        assert_eq!(decode(&token).unwrap(), scenario, "{}", scenario.title);
    }
}

#[test]
fn random_valid_scenarios_round_trip() {
    let mut rng = Rng::new(0x5EED_C0DE);
    let mut wires = 0;
    for _ in 0..200 {
        let scenario = random_scenario(&mut rng);
        validate(&scenario).unwrap_or_else(|e| panic!("the generator made an invalid scenario: {e:?}"));
        wires += scenario.wires.len();
        let token = encode(&scenario);
        assert!(token.len() <= MAX_LINK_CHARS);
        match decode(&token) {
            Ok(decoded) => assert_eq!(decoded, scenario),
            Err(e) => panic!("{e}\n{}", scenario.to_json_pretty()),
        }
    }
    assert!(wires > 200, "the generator should make plenty of wires, made {wires}");
}

#[test]
fn encoding_is_deterministic_and_url_safe() {
    let scenario = topic_queues_scenario();
    let token = encode(&scenario);
    assert_eq!(encode(&scenario.clone()), token);
    let payload = token.strip_prefix(&format!("{LINK_FORMAT_VERSION}.")).expect("the token starts with the format version");
    assert!(payload.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{payload}");
    assert_eq!(share_fragment(&scenario), format!("#s={token}"));
}

#[test]
fn every_way_of_pasting_a_link_opens_it() {
    let scenario = topic_fanout_scenario();
    let token = encode(&scenario);
    for input in [
        token.clone(),
        format!("s={token}"),
        share_fragment(&scenario),
        format!("  https://fanout.example/play/#s={token}\n"),
        format!("https://fanout.example/?embed#s={token}&autoplay=1&speed=2"),
        format!("http://localhost:8080/#embed&s={token}"),
    ] {
        assert_eq!(decode(&input).unwrap(), scenario, "{input}");
    }
}

#[test]
fn files_open_with_the_same_checks() {
    let scenario = topic_queues_scenario();
    let text = scenario.to_json_pretty();
    assert_eq!(scenario_from_file_text(&text).unwrap(), scenario);
    // Windows editors like to start the file with a byte-order mark.
    assert_eq!(scenario_from_file_text(&format!("\u{feff}{text}")).unwrap(), scenario);
    let newer = text.replacen("\"schema\": 1", "\"schema\": 3", 1);
    assert!(matches!(scenario_from_file_text(&newer), Err(CodecError::NewerVersion { version: 3, .. })));
}

// ---------------------------------------------------------------------------
// Golden links: links shared today must open in every later version.

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// A golden link: `tests/golden/<stem>.link`, with the document it must open
/// as in `<stem>.json`, and the versions it was made with.
struct Golden {
    stem: &'static str,
    link_format: u32,
    schema: u32,
}

/// Every golden link, oldest first. Each link format and each schema version
/// has at least one (checked below); a new version adds links made with it
/// (`write_golden_files`), and none is ever removed or rewritten.
const GOLDEN_LINKS: &[Golden] = &[
    Golden { stem: "direct-publisher-consumer", link_format: 1, schema: 1 },
    Golden { stem: "topic-two-consumers", link_format: 1, schema: 1 },
    Golden { stem: "topic-queues-consumers", link_format: 1, schema: 1 },
    // Format 1 once it had grown cluster components, the fault script, filter
    // policies, redrive, runs_on and the scenario clock: every component
    // kind, setting and fault of that time. Its JSON was written by hand.
    Golden { stem: "v1-every-field", link_format: 1, schema: 1 },
    // Format 2 (deflate after the frozen preset dictionary): the same every
    // field document, and a preset's whole lesson as presets were then.
    Golden { stem: "v2-every-field", link_format: 2, schema: 1 },
    Golden { stem: "v2-zone-outage", link_format: 2, schema: 1 },
];

/// The golden documents built in code (the others are hand-written JSON).
fn golden_scenarios() -> [(&'static str, Scenario); 3] {
    [
        ("direct-publisher-consumer", direct_scenario()),
        ("topic-two-consumers", topic_fanout_scenario()),
        ("topic-queues-consumers", topic_queues_scenario()),
    ]
}

fn read_golden(stem: &str, ext: &str) -> String {
    let path = golden_dir().join(format!("{stem}.{ext}"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes the golden files that do not exist yet: the JSON and link of the
/// documents built in code, and the link of a hand-written `<stem>.json`.
/// It never overwrites: once checked in they stay fixed, and a change to
/// the format must keep decoding them.
/// `cargo test -p fanout-engine --test codec -- --ignored write_golden_files`
#[test]
#[ignore]
fn write_golden_files() {
    std::fs::create_dir_all(golden_dir()).unwrap();
    for (stem, scenario) in golden_scenarios() {
        let link = golden_dir().join(format!("{stem}.link"));
        let json = golden_dir().join(format!("{stem}.json"));
        if !link.exists() && !json.exists() {
            std::fs::write(link, format!("{}\n", share_fragment(&scenario))).unwrap();
            std::fs::write(json, format!("{}\n", scenario.to_json_pretty())).unwrap();
        }
    }
    for golden in GOLDEN_LINKS {
        let link = golden_dir().join(format!("{}.link", golden.stem));
        if !link.exists() {
            let scenario = Scenario::from_json(&read_golden(golden.stem, "json"))
                .unwrap_or_else(|e| panic!("{}.json: {e}", golden.stem));
            std::fs::write(link, format!("{}\n", share_fragment(&scenario))).unwrap();
        }
    }
}

#[test]
fn golden_links_still_open() {
    for golden in GOLDEN_LINKS {
        let (link, json) = (read_golden(golden.stem, "link"), read_golden(golden.stem, "json"));
        let decoded = decode(&link).unwrap_or_else(|e| panic!("{}: {e}", golden.stem));
        // Compared as documents, not as text: fields added since the link was
        // made take their defaults on both sides.
        let expected = Scenario::from_json(&json).unwrap_or_else(|e| panic!("{}.json: {e}", golden.stem));
        assert_eq!(decoded, expected, "{}", golden.stem);
    }
}

/// Format 2's dictionary is part of every format 2 link: changing one byte
/// would break them all. Improving it means a format 3.
#[test]
fn the_format_2_dictionary_is_frozen() {
    let fnv1a = LINK_DICTIONARY_2.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3));
    assert_eq!((LINK_DICTIONARY_2.len(), fnv1a), (29_793, 0x5717_d01c_d5eb_5204), "link_dictionary_2.bin changed");
    assert!(std::str::from_utf8(LINK_DICTIONARY_2).is_ok());
}

#[test]
fn every_version_has_a_golden_link() {
    for version in 1..=LINK_FORMAT_VERSION {
        assert!(
            GOLDEN_LINKS.iter().any(|g| g.link_format == version),
            "no golden link uses link format {version}: add one (see write_golden_files)"
        );
    }
    for version in 1..=SCHEMA_VERSION {
        assert!(
            GOLDEN_LINKS.iter().any(|g| g.schema == version),
            "no golden link carries schema {version}: add one (see write_golden_files)"
        );
    }
    // The table says what each file really is.
    for golden in GOLDEN_LINKS {
        let link = read_golden(golden.stem, "link");
        assert!(link.starts_with(&format!("#s={}.", golden.link_format)), "{}: {link}", golden.stem);
        let json: serde_json::Value = serde_json::from_str(&read_golden(golden.stem, "json")).unwrap();
        assert_eq!(json["schema"], golden.schema, "{}", golden.stem);
    }
}

#[test]
fn the_every_field_link_has_every_kind_and_fault_of_its_time() {
    let scenario = decode(&read_golden("v1-every-field", "link")).unwrap();
    let kinds: std::collections::BTreeSet<ComponentKind> = scenario.components.iter().map(|c| c.kind()).collect();
    assert_eq!(kinds.len(), 9, "{kinds:?}");
    let faults: std::collections::BTreeSet<String> = scenario
        .faults
        .iter()
        .map(|f| serde_json::to_value(&f.fault).unwrap().as_object().unwrap().keys().next().unwrap().clone())
        .collect();
    assert_eq!(faults.len(), 20, "{faults:?}");
    assert!(scenario.wires.iter().any(|w| w.filter_policy.is_some() && w.dead_letter_queue.is_some()));
    assert!(scenario.time_scale != 1.0 && scenario.skip_idle);
}

/// A link from a newer Fanout is refused with a message that says so, and
/// never with a confusing complaint about fields this version does not know.
#[test]
fn links_from_a_newer_fanout_say_so() {
    // A newer link format: whatever follows the prefix is not read.
    let token = encode(&direct_scenario());
    let payload = token.split_once('.').unwrap().1;
    let newer_format = format!("#s={}.{payload}", LINK_FORMAT_VERSION + 1);
    // A newer schema inside today's link format, with a field this version lacks.
    let newer_schema = format!(
        "#s={}",
        token_for(
            format!(
                r#"{{"schema":{},"title":"From a later Fanout","components":[],"lesson":{{"steps":[]}}}}"#,
                SCHEMA_VERSION + 1
            )
            .as_bytes()
        )
    );
    // Each message names the newest version of its own kind that this
    // Fanout opens: the link format's, or the schema's.
    for (link, newest) in [(newer_format, LINK_FORMAT_VERSION), (newer_schema, SCHEMA_VERSION)] {
        let error = assert_clear_error(decode(&link), &link);
        assert!(matches!(error, CodecError::NewerVersion { .. }), "{link}: {error:?}");
        let message = error.to_string();
        assert!(message.contains("made by a newer version of Fanout"), "{message}");
        assert!(message.contains(&format!("opens formats up to {newest}.")), "{message}");
        assert!(message.contains("latest Fanout"), "{message}");
    }
}

// ---------------------------------------------------------------------------
// Hostile input

/// Every error message is something to show a person: not empty, one line,
/// no control characters, and short whatever the input was.
fn assert_clear_error(result: Result<Scenario, CodecError>, input: &str) -> CodecError {
    let error = match result {
        Ok(_) => panic!("expected an error for {:?}", input.chars().take(200).collect::<String>()),
        Err(error) => error,
    };
    let message = error.to_string();
    assert!(!message.is_empty());
    assert!(message.chars().count() <= 1_500, "message too long: {message}");
    assert!(!message.chars().any(char::is_control), "control character in: {message:?}");
    error
}

/// A token for arbitrary bytes, deflated as the encoder does.
fn token_for(bytes: &[u8]) -> String {
    format!("1.{}", base64url(&miniz_oxide::deflate::compress_to_vec(bytes, 9)))
}

/// Test-side base64url, written independently of the codec's.
fn base64url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut bits = String::new();
    for b in bytes {
        bits.push_str(&format!("{b:08b}"));
    }
    while bits.len() % 6 != 0 {
        bits.push('0');
    }
    bits.as_bytes()
        .chunks(6)
        .map(|sextet| ALPHABET[usize::from_str_radix(std::str::from_utf8(sextet).unwrap(), 2).unwrap()] as char)
        .collect()
}

#[test]
fn random_bytes_are_refused() {
    let mut rng = Rng::new(1);
    for _ in 0..10_000 {
        let len = rng.below(200) as usize;
        let bytes: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        let text = String::from_utf8_lossy(&bytes);
        assert_clear_error(decode(&text), &text);
        let link = format!("#s=1.{text}");
        assert_clear_error(decode(&link), &link);
    }
}

#[test]
fn random_base64url_is_refused() {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut rng = Rng::new(2);
    for _ in 0..10_000 {
        let len = rng.below(300) as usize;
        let payload: String = (0..len).map(|_| ALPHABET[rng.below(64) as usize] as char).collect();
        let link = format!("1.{payload}");
        assert_clear_error(decode(&link), &link);
    }
}

#[test]
fn every_truncation_of_a_link_is_refused() {
    let mut rng = Rng::new(3);
    let mut scenarios: Vec<Scenario> = golden_scenarios().into_iter().map(|(_, s)| s).collect();
    scenarios.extend((0..3).map(|_| random_scenario(&mut rng)));
    for scenario in scenarios {
        let fragment = share_fragment(&scenario);
        for len in 0..fragment.len() {
            let cut = &fragment[..len];
            let error = assert_clear_error(decode(cut), cut);
            // Once the data has started, the message must say what happened.
            if len > "#s=1.".len() {
                assert!(matches!(error, CodecError::CutShort), "{cut}: {error}");
                assert!(error.to_string().contains("cut short"));
            }
        }
    }
}

#[test]
fn damaged_links_never_panic() {
    // Raw DEFLATE has no checksum, so a changed character may still open as
    // a slightly different scenario; it must just never crash.
    let token = encode(&topic_queues_scenario());
    let alphabet: Vec<char> = "ABCxyz019-_+/=%. é\u{0}".chars().collect();
    let mut rng = Rng::new(4);
    for _ in 0..2_000 {
        let mut chars: Vec<char> = token.chars().collect();
        let at = rng.below(chars.len() as u64) as usize;
        chars[at] = alphabet[rng.below(alphabet.len() as u64) as usize];
        let damaged: String = chars.into_iter().collect();
        if let Err(error) = decode(&damaged) {
            assert_clear_error(Err(error), &damaged);
        }
    }
}

/// Whether an error is the one a case expects.
type Expected = fn(&CodecError) -> bool;

#[test]
fn each_step_says_what_is_wrong() {
    let cases: Vec<(String, Expected)> = vec![
        (String::new(), |e| matches!(e, CodecError::Empty)),
        ("https://fanout.example/#s=".into(), |e| matches!(e, CodecError::Empty)),
        ("hello world".into(), |e| matches!(e, CodecError::NotAFanoutLink)),
        ("https://fanout.example/".into(), |e| matches!(e, CodecError::NotAFanoutLink)),
        ("#s=abc".into(), |e| matches!(e, CodecError::NotAFanoutLink)),
        ("#s=3.abc".into(), |e| matches!(e, CodecError::NewerVersion { version: 3, .. })),
        ("#s=1.".into(), |e| matches!(e, CodecError::CutShort)),
        ("#s=2.".into(), |e| matches!(e, CodecError::CutShort)),
        ("#s=2.abcde".into(), |e| matches!(e, CodecError::CutShort)),
        // Format 2's payload follows its dictionary: garbage there is damage too.
        (format!("2.{}", base64url(&[0xff; 16])), |e| matches!(e, CodecError::Damaged)),
        // A back-reference further back than the dictionary and the payload reach.
        (format!("2.{}", base64url(&far_reference())), |e| matches!(e, CodecError::Damaged)),
        ("#s=1.abc%20def".into(), |e| matches!(e, CodecError::BadCharacter { character: '%' })),
        ("#s=1.abc def".into(), |e| matches!(e, CodecError::BadCharacter { character: ' ' })),
        ("#s=1.Zm9v+/".into(), |e| matches!(e, CodecError::BadCharacter { character: '+' })),
        ("#s=1.Zm9vYg==".into(), |e| matches!(e, CodecError::BadCharacter { character: '=' })),
        ("#s=1.abcde".into(), |e| matches!(e, CodecError::CutShort)),
        // Valid base64 of bytes that are not DEFLATE (block type 3 is reserved).
        (format!("1.{}", base64url(&[0xff; 16])), |e| matches!(e, CodecError::Damaged)),
        // A stored block whose length check fails.
        (format!("1.{}", base64url(b"\x01\x05\x00\x00\x00hello")), |e| matches!(e, CodecError::Damaged)),
        (token_for(&[0xff, 0xfe, 0x00, 0xc3]), |e| matches!(e, CodecError::NotText)),
        (token_for(b"not json at all"), |e| matches!(e, CodecError::NotAScenario(_))),
        (token_for(b"[1, 2, 3]"), |e| matches!(e, CodecError::NotAScenario(_))),
        (token_for(b"null"), |e| matches!(e, CodecError::NotAScenario(_))),
        (token_for(br#"{"hello": "world"}"#), |e| matches!(e, CodecError::NotAScenario(_))),
        (token_for(br#"{"schema": 1, "components": [{"id": "a"}]}"#), |e| matches!(e, CodecError::NotAScenario(_))),
        (token_for(br#"{"schema": 2, "teleporters": []}"#), |e| matches!(e, CodecError::NewerVersion { version: 2, .. })),
        (token_for(br#"{"schema": 0}"#), |e| matches!(e, CodecError::Invalid(_))),
        (token_for(br#"{"schema": "1"}"#), |e| matches!(e, CodecError::NotAScenario(_))),
        (
            token_for(br#"{"schema":1,"components":[{"id":"a","name":"A","x":0,"y":0,"spec":{"publisher":{"rate_per_s":-1}}}]}"#),
            |e| matches!(e, CodecError::Invalid(_)),
        ),
        ("x".repeat(MAX_LINK_CHARS + 1), |e| matches!(e, CodecError::LinkTooLong { .. })),
    ];
    for (input, expected) in cases {
        let error = assert_clear_error(decode(&input), &input);
        assert!(expected(&error), "{:?} gave {error:?}", input.chars().take(80).collect::<String>());
    }
}

#[test]
fn messages_read_as_advice() {
    let message = |input: &str| decode(input).unwrap_err().to_string();
    assert_eq!(message("#s=1.abcde"), "This link is damaged: it was cut short — copy the whole link again.");
    assert!(message("#s=7.abc").contains("made by a newer version of Fanout"));
    assert!(message("hello").contains("not a Fanout scenario link"));
    assert!(message("#s=1.abc def").contains("split over two lines"));
    assert!(message("#s=1.abc%def").contains("'%'"));
    assert!(message(&"A".repeat(MAX_LINK_CHARS + 1)).contains("too large"));
    let invalid = token_for(
        br#"{"schema":1,"components":[{"id":"a","name":"A","x":0,"y":0,"spec":{"consumer":{"concurrency":0}}}]}"#,
    );
    assert!(message(&invalid).contains("a: concurrency must be between 1 and 100"), "{}", message(&invalid));
}

#[test]
fn a_wrong_schema_version_is_refused() {
    let mut scenario = direct_scenario();
    scenario.schema = 2;
    let error = decode(&encode(&scenario)).unwrap_err();
    assert!(matches!(error, CodecError::NewerVersion { version: 2, .. }), "{error:?}");
    scenario.schema = 0;
    let error = decode(&encode(&scenario)).unwrap_err();
    assert!(error.to_string().contains("unknown format version 0"), "{error}");
}

#[test]
fn hostile_ids_are_not_echoed() {
    let html = "<img src=x onerror=alert(1)>";
    // As a JSON string: quoted, with the control characters escaped.
    let id = serde_json::to_string(&format!("\u{1b}[31m{}\u{7}", html.repeat(1_000))).unwrap();
    let json = format!(
        r#"{{"schema":1,"components":[{{"id":{id},"name":" ","x":0,"y":0,"spec":{{"queue":{{}}}}}},
            {{"id":{id},"name":"B","x":0,"y":0,"spec":{{"queue":{{}}}}}}],
            "wires":[{{"from":{id},"to":"ghost"}}]}}"#
    );
    let link = token_for(json.as_bytes());
    let error = assert_clear_error(decode(&link), &link);
    assert!(matches!(error, CodecError::Invalid(_)), "{error:?}");
    let message = error.to_string();
    assert!(message.matches("<img").count() <= 20, "{message}");

    // The parser quotes unknown names; those are cut short too.
    for json in [
        format!(r#"{{"schema":1,"components":[{{"id":"a","name":"A","x":0,"y":0,"spec":{{{id}:{{}}}}}}]}}"#),
        format!(r#"{{"schema":1,{id}:1}}"#),
    ] {
        let link = token_for(json.as_bytes());
        let error = assert_clear_error(decode(&link), &link);
        assert!(matches!(error, CodecError::NotAScenario(_)), "{error:?}");
        assert!(error.to_string().matches("<img").count() <= 10, "{error}");
    }
}

#[test]
fn deeply_nested_json_is_refused() {
    let depth = 100_000;
    let nested = "[".repeat(depth) + &"]".repeat(depth);
    let inside_a_scenario = format!(r#"{{"schema":1,"title":{nested}}}"#);
    // Settings are buffered before their kind is known, which recurses too.
    let inside_settings = format!(
        r#"{{"schema":1,"components":[{{"id":"a","name":"A","x":0,"y":0,"spec":{{"queue":{{"deep":{nested}}}}}}}]}}"#
    );
    for json in [nested, inside_a_scenario, inside_settings] {
        let link = token_for(json.as_bytes());
        assert!(link.len() < 1_000, "nesting compresses well: {}", link.len());
        let error = assert_clear_error(decode(&link), &link);
        assert!(matches!(error, CodecError::NotAScenario(_)), "{error:?}");
        let error = assert_clear_error(scenario_from_file_text(&json), &json);
        assert!(matches!(error, CodecError::NotAScenario(_)), "{error:?}");
    }
}

// ---------------------------------------------------------------------------
// Bombs. The compressed streams are written by hand, so building a 50 MB
// bomb costs neither 50 MB nor the time to compress it.

/// Writes bits least significant first, as DEFLATE packs them.
struct BitWriter {
    bytes: Vec<u8>,
    buffer: u64,
    buffered_bits: u32,
}

impl BitWriter {
    fn new() -> Self {
        BitWriter { bytes: Vec::new(), buffer: 0, buffered_bits: 0 }
    }

    fn bits(&mut self, value: u32, count: u32) {
        self.buffer |= u64::from(value) << self.buffered_bits;
        self.buffered_bits += count;
        while self.buffered_bits >= 8 {
            self.bytes.push(self.buffer as u8);
            self.buffer >>= 8;
            self.buffered_bits -= 8;
        }
    }

    /// Huffman codes go most significant bit first (RFC 1951 §3.1.1).
    fn code(&mut self, code: u32, len: u32) {
        self.bits(code.reverse_bits() >> (32 - len), len);
    }

    fn finish(mut self) -> Vec<u8> {
        if self.buffered_bits > 0 {
            self.bytes.push(self.buffer as u8);
        }
        self.bytes
    }
}

/// Raw DEFLATE of `len` copies of `b'a'`, at the format's best ratio: one
/// dynamic block where a 258-byte copy costs two bits (about 1:1032).
fn deflate_bomb(len: usize) -> Vec<u8> {
    const LITERAL: usize = b'a' as usize;
    let mut w = BitWriter::new();
    w.bits(1, 1); // the final block
    w.bits(2, 2); // dynamic Huffman codes
    w.bits(286 - 257, 5); // literal/length codes
    w.bits(2 - 1, 5); // distance codes
    w.bits(19 - 4, 4); // code-length codes
    // Code-length alphabet: 18 (a run of zeros) → "0", 1 → "10", 2 → "11".
    for symbol in [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15] {
        w.bits(
            match symbol {
                18 => 1,
                1 | 2 => 2,
                _ => 0,
            },
            3,
        );
    }
    let zeros = |w: &mut BitWriter, mut run: usize| {
        while run > 0 {
            let n = run.min(138);
            assert!(n >= 11);
            w.code(0, 1);
            w.bits((n - 11) as u32, 7);
            run -= n;
        }
    };
    // Literal/length code lengths: 'a' 2, end of block 2, length 258 1.
    zeros(&mut w, LITERAL);
    w.code(0b11, 2);
    zeros(&mut w, 256 - LITERAL - 1);
    w.code(0b11, 2);
    zeros(&mut w, 285 - 256 - 1);
    w.code(0b10, 2);
    // Distance code lengths: distances 1 and 2, one bit each.
    w.code(0b10, 2);
    w.code(0b10, 2);
    // Canonical codes: length-258 "0", 'a' "10", end of block "11"; distance 1 "0".
    w.code(0b10, 2);
    for _ in 0..(len - 1) / 258 {
        w.code(0, 1);
        w.code(0, 1);
    }
    for _ in 0..(len - 1) % 258 {
        w.code(0b10, 2);
    }
    w.code(0b11, 2);
    w.finish()
}

/// Raw DEFLATE (fixed codes) of `prefix`, `copies` × `item`, `suffix`: the
/// item once as literals, then 258-byte copies of the text one item back.
fn deflate_repeated(prefix: &[u8], item: &[u8], copies: usize, suffix: &[u8]) -> Vec<u8> {
    fn literal(w: &mut BitWriter, byte: u8) {
        match byte {
            0..=143 => w.code(0x30 + u32::from(byte), 8),
            _ => w.code(0x190 + u32::from(byte) - 144, 9),
        }
    }
    fn distance(w: &mut BitWriter, d: u32) {
        // RFC 1951 §3.2.5: codes 0–3 are 1–4, then pairs with 1, 2, … extra bits.
        if d <= 4 {
            return w.code(d - 1, 5);
        }
        let mut base = 5;
        for code in 4..30 {
            let extra_bits = code / 2 - 1;
            if d < base + (1 << extra_bits) {
                w.code(code, 5);
                return w.bits(d - base, extra_bits);
            }
            base += 1 << extra_bits;
        }
        unreachable!("distances stop at 32,768");
    }
    let mut w = BitWriter::new();
    w.bits(1, 1); // the final block
    w.bits(1, 2); // fixed Huffman codes
    prefix.iter().for_each(|&b| literal(&mut w, b));
    item.iter().for_each(|&b| literal(&mut w, b));
    let repeated = item.len() * (copies - 1);
    for _ in 0..repeated / 258 {
        w.code(0xc0 + 5, 8); // length 258
        distance(&mut w, item.len() as u32);
    }
    let copied = repeated / 258 * 258;
    (copied..repeated).for_each(|i| literal(&mut w, item[i % item.len()]));
    suffix.iter().for_each(|&b| literal(&mut w, b));
    w.code(0, 7); // end of block
    w.finish()
}

#[test]
fn the_hand_written_streams_are_valid_deflate() {
    use miniz_oxide::inflate::decompress_to_vec;
    for len in [1, 2, 258, 259, 1_000, 100_000] {
        assert_eq!(decompress_to_vec(&deflate_bomb(len)).unwrap(), vec![b'a'; len], "{len}");
    }
    let (prefix, item, suffix) = (&b"["[..], &br#"{"q":1},"#[..], &b"{}]"[..]);
    for copies in [1, 2, 40, 1_000] {
        let expected = [prefix, &item.repeat(copies), suffix].concat();
        assert_eq!(decompress_to_vec(&deflate_repeated(prefix, item, copies, suffix)).unwrap(), expected);
    }
}

thread_local! {
    /// Bytes this thread has allocated and not freed, and the most at once.
    static LIVE_BYTES: Cell<isize> = const { Cell::new(0) };
    static PEAK_BYTES: Cell<isize> = const { Cell::new(0) };
}

/// Counts each thread's heap use, so a test can check what decoding costs.
struct CountingAllocator;

fn count(delta: isize) {
    // `try_with`: allocations during thread teardown are simply not counted.
    let _ = LIVE_BYTES.try_with(|live| {
        live.set(live.get() + delta);
        let _ = PEAK_BYTES.try_with(|peak| peak.set(peak.get().max(live.get())));
    });
}

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        count(-(layout.size() as isize));
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = System.realloc(ptr, layout, new_size);
        if !p.is_null() {
            // Counted as a fresh block alongside the old one: realloc may copy.
            count(new_size as isize);
            count(-(layout.size() as isize));
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The most heap `f` held at once beyond what was live before it, in bytes.
fn peak_heap_of<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE_BYTES.with(Cell::get);
    PEAK_BYTES.with(|peak| peak.set(before));
    let result = f();
    (result, (PEAK_BYTES.with(Cell::get) - before) as usize)
}

#[test]
fn a_deflate_bomb_stops_at_the_cap() {
    let unpacked_bytes = 50_000_000;
    let link = format!("#s=1.{}", base64url(&deflate_bomb(unpacked_bytes)));
    assert!(link.len() <= MAX_LINK_CHARS, "the bomb fits in a link: {} characters", link.len());
    let started = std::time::Instant::now();
    let (result, peak_bytes) = peak_heap_of(|| decode(&link));
    let error = assert_clear_error(result, &link);
    assert!(matches!(error, CodecError::TooLarge), "{error:?}");
    assert!(error.to_string().contains("too large"));
    assert!(peak_bytes <= 3 * MAX_JSON_BYTES, "decoding the bomb held {peak_bytes} bytes at once");
    assert!(started.elapsed().as_secs() < 5, "decoding the bomb took {:?}", started.elapsed());

    // Just under the cap it unpacks (and is then simply not a scenario).
    let link = format!("1.{}", base64url(&deflate_bomb(MAX_JSON_BYTES)));
    assert!(matches!(decode(&link), Err(CodecError::NotAScenario(_))));

    // Format 2 has the same cap beyond its dictionary.
    let link = format!("#s=2.{}", base64url(&deflate_bomb(unpacked_bytes)));
    let (result, peak_bytes) = peak_heap_of(|| decode(&link));
    assert!(matches!(assert_clear_error(result, &link), CodecError::TooLarge));
    assert!(peak_bytes <= 3 * MAX_JSON_BYTES, "decoding the bomb held {peak_bytes} bytes at once");
    let link = format!("2.{}", base64url(&deflate_bomb(MAX_JSON_BYTES)));
    assert!(matches!(decode(&link), Err(CodecError::NotAScenario(_))));
}

/// A final fixed-Huffman block whose first symbol copies 3 bytes from
/// 32,768 back: further than any link's dictionary and payload reach.
fn far_reference() -> Vec<u8> {
    let mut w = BitWriter::new();
    w.bits(1, 1); // the final block
    w.bits(1, 2); // fixed Huffman codes
    // Length 3 is symbol 257: 7-bit code 0000001, written most significant
    // bit first, as Huffman codes are.
    w.code(0b000_0001, 7);
    // Distance code 29 (24,577–32,768): 5-bit code 11101, then 13 extra bits.
    w.code(0b11101, 5);
    w.bits(32_768 - 24_577, 13);
    w.code(0, 7); // end of block (symbol 256)
    w.finish()
}

const PREFIX: &[u8] = br#"{"schema":1,"components":["#;
const ITEM: &[u8] = br#"{"id":"q","name":"Q","x":0,"y":0,"spec":{"queue":{}}},"#;
const LAST_ITEM_AND_SUFFIX: &[u8] = br#"{"id":"q","name":"Q","x":0,"y":0,"spec":{"queue":{}}}]}"#;

/// A scenario document with `count` (identical) components.
fn many_components_json(count: usize) -> String {
    let mut json = String::with_capacity(PREFIX.len() + ITEM.len() * count + 2);
    json.push_str(std::str::from_utf8(PREFIX).unwrap());
    let item = std::str::from_utf8(ITEM).unwrap();
    (1..count).for_each(|_| json.push_str(item));
    json.push_str(std::str::from_utf8(LAST_ITEM_AND_SUFFIX).unwrap());
    json
}

fn many_components_link(count: usize) -> String {
    format!("#s=1.{}", base64url(&deflate_repeated(PREFIX, ITEM, count - 1, LAST_ITEM_AND_SUFFIX)))
}

#[test]
fn a_million_components_are_refused() {
    // DEFLATE cannot pack 58 MB into a 64 KiB link (its best ratio is about
    // 1:1032), so the length cap refuses it before any work.
    let link = many_components_link(1_000_000);
    let (result, peak_bytes) = peak_heap_of(|| decode(&link));
    let error = assert_clear_error(result, &link);
    assert!(matches!(error, CodecError::LinkTooLong { .. } | CodecError::TooLarge), "{error:?}");
    assert!(peak_bytes <= 3 * MAX_JSON_BYTES, "held {peak_bytes} bytes at once");

    // As a file, the size check refuses it before parsing.
    let json = many_components_json(1_000_000);
    let error = assert_clear_error(scenario_from_file_text(&json), "a million components");
    assert!(matches!(error, CodecError::FileTooLarge { bytes } if bytes == json.len()), "{error:?}");
    assert!(json.len() > MAX_FILE_BYTES);

    // A document that fits the caps but has too many components gets the
    // validation message, not a list of hundreds of duplicate ids.
    let too_many = 16_000;
    let link = many_components_link(too_many);
    assert!(link.len() <= MAX_LINK_CHARS && many_components_json(too_many).len() <= MAX_JSON_BYTES);
    let error = assert_clear_error(decode(&link), &link);
    assert!(matches!(error, CodecError::Invalid(_)), "{error:?}");
    assert!(error.to_string().contains("16000 components; at most 500"), "{error}");
}

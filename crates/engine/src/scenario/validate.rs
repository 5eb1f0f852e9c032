//! Validation: a scenario from a file, a link or an edit must make sense
//! before anything runs it. Every problem is reported, each with a message
//! that names the component or wire and says what is allowed.

use super::{connection_rule, Scenario, Spec, SCHEMA_VERSION};
use std::collections::BTreeSet;
use std::fmt;

/// Limits that keep a hostile or absurd document from exhausting memory or
/// producing a canvas nobody can use.
pub const MAX_COMPONENTS: usize = 500;
pub const MAX_WIRES: usize = 2_000;
pub const MAX_ID_CHARS: usize = 40;
pub const MAX_NAME_CHARS: usize = 60;
pub const MAX_TITLE_CHARS: usize = 120;
pub const MAX_DESCRIPTION_CHARS: usize = 2_000;
/// Canvas coordinates stay within ± this many units.
pub const MAX_COORDINATE: f64 = 100_000.0;

pub const MAX_RATE_PER_S: f64 = 10_000.0;
pub const MAX_VISIBILITY_TIMEOUT_MS: u64 = 12 * 60 * 60 * 1_000;
pub const MAX_PROCESSING_TIME_MS: u64 = 60 * 60 * 1_000;
pub const MAX_CONCURRENCY: u32 = 100;
pub const MAX_INSTANCES: u32 = 50;
pub const MAX_WIRE_LATENCY_MS: u64 = 60_000;
pub const MAX_HTTP_RETRIES: u32 = 100;
/// SNS: the whole HTTP retry policy may not exceed 3,600 s.
pub const MAX_HTTP_RETRY_TOTAL_MS: u64 = 3_600_000;

/// One problem with a scenario.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationError {
    /// Where: `scenario`, a component id, or `from → to` for a wire.
    pub at: String,
    pub message: String,
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

/// Checks everything; returns every problem found, not just the first.
pub fn validate(scenario: &Scenario) -> Result<(), Vec<ValidationError>> {
    let mut errors = Vec::new();
    let mut fail = |at: &str, message: String| errors.push(ValidationError { at: at.to_string(), message });

    if scenario.schema != SCHEMA_VERSION {
        let message = if scenario.schema > SCHEMA_VERSION {
            format!(
                "made by a newer Fanout (format {}); this version reads format {SCHEMA_VERSION}",
                scenario.schema
            )
        } else {
            format!("unknown format version {}", scenario.schema)
        };
        fail("scenario", message);
    }
    if scenario.title.chars().count() > MAX_TITLE_CHARS {
        fail("scenario", format!("the title is longer than {MAX_TITLE_CHARS} characters"));
    }
    if scenario.description.chars().count() > MAX_DESCRIPTION_CHARS {
        fail("scenario", format!("the description is longer than {MAX_DESCRIPTION_CHARS} characters"));
    }
    if scenario.components.len() > MAX_COMPONENTS {
        fail(
            "scenario",
            format!("{} components; at most {MAX_COMPONENTS} are allowed", scenario.components.len()),
        );
        // Checking each of a million components would only bury the message.
        return Err(errors);
    }
    if scenario.wires.len() > MAX_WIRES {
        fail("scenario", format!("{} wires; at most {MAX_WIRES} are allowed", scenario.wires.len()));
        return Err(errors);
    }

    let mut ids = BTreeSet::new();
    for c in &scenario.components {
        let raw_id = c.id.as_str();
        // Messages name the component by a short, printable excerpt of its id.
        let at_label = printable(raw_id);
        let at = at_label.as_str();
        let id_ok = !raw_id.is_empty()
            && raw_id.chars().count() <= MAX_ID_CHARS
            && raw_id.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-' || ch == '_');
        if !id_ok {
            fail(
                at,
                format!("an id is 1–{MAX_ID_CHARS} characters of a–z, 0–9, '-' or '_'"),
            );
        }
        if !ids.insert(raw_id) {
            fail(at, "two components share this id".into());
        }
        if c.name.trim().is_empty() || c.name.chars().count() > MAX_NAME_CHARS {
            fail(at, format!("a name is 1–{MAX_NAME_CHARS} characters"));
        }
        if !(c.x.is_finite() && c.y.is_finite() && c.x.abs() <= MAX_COORDINATE && c.y.abs() <= MAX_COORDINATE) {
            fail(at, format!("its position must be within ±{MAX_COORDINATE} on the canvas"));
        }
        match &c.spec {
            Spec::Publisher(p) => {
                if !(p.rate_per_s.is_finite() && p.rate_per_s > 0.0 && p.rate_per_s <= MAX_RATE_PER_S) {
                    fail(at, format!("rate_per_s must be more than 0 and at most {MAX_RATE_PER_S}"));
                }
            }
            Spec::Topic(t) => {
                if t.http_retries > MAX_HTTP_RETRIES {
                    fail(at, format!("http_retries must be at most {MAX_HTTP_RETRIES}"));
                }
                let total = u64::from(t.http_retries).saturating_mul(t.http_retry_delay_ms);
                if total > MAX_HTTP_RETRY_TOTAL_MS {
                    fail(at, "the HTTP retry policy may span at most 3,600 s in total".into());
                }
            }
            Spec::Queue(q) => {
                if q.visibility_timeout_ms > MAX_VISIBILITY_TIMEOUT_MS {
                    fail(at, "visibility_timeout_ms must be between 0 and 12 hours (43,200,000 ms)".into());
                }
            }
            Spec::Consumer(k) => {
                if k.processing_time_ms > MAX_PROCESSING_TIME_MS {
                    fail(at, "processing_time_ms must be at most one hour (3,600,000 ms)".into());
                }
                if !(1..=MAX_CONCURRENCY).contains(&k.concurrency) {
                    fail(at, format!("concurrency must be between 1 and {MAX_CONCURRENCY}"));
                }
                if !(1..=MAX_INSTANCES).contains(&k.instances) {
                    fail(at, format!("instances must be between 1 and {MAX_INSTANCES}"));
                }
            }
        }
    }

    let mut seen = BTreeSet::new();
    for w in &scenario.wires {
        let at = format!("wire {} → {}", printable(w.from.as_str()), printable(w.to.as_str()));
        let from = scenario.component(&w.from);
        let to = scenario.component(&w.to);
        if from.is_none() {
            fail(&at, format!("there is no component '{}'", printable(w.from.as_str())));
        }
        if to.is_none() {
            fail(&at, format!("there is no component '{}'", printable(w.to.as_str())));
        }
        if let (Some(from), Some(to)) = (from, to) {
            if w.from == w.to {
                fail(&at, "a component cannot be wired to itself".into());
            } else if let Err(reason) = connection_rule(from.kind(), to.kind()) {
                fail(&at, reason);
            }
        }
        if !seen.insert((&w.from, &w.to)) {
            fail(&at, "the same wire appears twice".into());
        }
        if w.latency_ms > MAX_WIRE_LATENCY_MS {
            fail(&at, format!("latency_ms must be at most {MAX_WIRE_LATENCY_MS}"));
        }
    }

    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

/// Ids from a hostile link can be huge or full of control characters; show
/// a short, safe excerpt in messages.
fn printable(text: &str) -> String {
    let clean: String = text.chars().filter(|c| !c.is_control()).take(MAX_ID_CHARS).collect();
    if text.chars().count() > MAX_ID_CHARS {
        format!("{clean}…")
    } else {
        clean
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Component, ComponentId, ComponentKind, Wire};

    fn component(id: &str, kind: ComponentKind) -> Component {
        Component { id: ComponentId::new(id), name: id.into(), x: 0.0, y: 0.0, spec: kind.default_spec() }
    }

    #[test]
    fn every_problem_is_named() {
        let mut s = Scenario::default();
        s.components.push(component("shop", ComponentKind::Publisher));
        s.components.push(component("shop", ComponentKind::Consumer));
        s.components.push(component("Bad Id", ComponentKind::Queue));
        s.wires.push(Wire::new(ComponentId::new("shop"), ComponentId::new("ghost")));
        let errors = validate(&s).unwrap_err();
        let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
        assert!(text.iter().any(|t| t.contains("share this id")), "{text:?}");
        assert!(text.iter().any(|t| t.starts_with("Bad Id")), "{text:?}");
        assert!(text.iter().any(|t| t.contains("no component 'ghost'")), "{text:?}");
    }

    #[test]
    fn absurd_settings_are_refused() {
        let mut s = Scenario::default();
        let mut p = component("p", ComponentKind::Publisher);
        p.spec = Spec::Publisher(crate::scenario::PublisherConfig { rate_per_s: f64::NAN, ..Default::default() });
        s.components.push(p);
        assert!(validate(&s).is_err());
    }

    #[test]
    fn a_future_schema_says_so() {
        let s = Scenario { schema: 99, ..Scenario::default() };
        let errors = validate(&s).unwrap_err();
        assert!(errors[0].message.contains("newer Fanout"));
    }
}

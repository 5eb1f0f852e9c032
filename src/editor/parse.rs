//! Reading what people type into the inspector, and writing settings back as
//! the text they would type: numbers with separators, durations with units,
//! attribute values ("book, food" or "10–500"), filter conditions, and the
//! cluster's quantities (CPU as `500m` or `2 cpu`, memory as `8 Gi`, labels
//! as `tier=web, team=a`). Pure, so it is unit-tested natively; every error is
//! a sentence to show under the field, in the language given.

use super::format;
use crate::i18n::{Lang, Text};
use fanout_engine::scenario::{AttributeValues, FilterCondition, FilterPolicy, NumericOp};
use std::collections::BTreeMap;

/// People type "30,000" or "30 000" as often as "30000".
pub fn strip_separators(text: &str) -> String {
    text.trim().chars().filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}')).collect()
}

/// `43200000` as `43,200,000`.
pub fn thousands(value: u64) -> String {
    let digits = value.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// Validation messages are written lower-case to follow a location; standing
/// alone under a field they read better as a sentence.
pub fn sentence(message: &str) -> String {
    let mut chars = message.chars();
    let mut text: String = chars.next().map(|c| c.to_uppercase().collect()).unwrap_or_default();
    text.extend(chars);
    if !text.ends_with('.') {
        text.push('.');
    }
    text
}

/// A whole number of `what` (a `Count…` text: "retries") within `min..=max`.
pub fn parse_whole(text: &str, what: Text, min: u64, max: u64, lang: Lang) -> Result<u64, String> {
    let clean = strip_separators(text);
    let range = lang.format(Text::RangeBetween, &[("min", &thousands(min)), ("max", &thousands(max))]);
    let what = lang.t(what);
    let value: u64 = clean.parse().map_err(|_| {
        if clean.is_empty() {
            lang.format(Text::WholeNumberMissing, &[("what", &what), ("range", &range)])
        } else {
            lang.format(Text::WholeNumberUnreadable, &[("text", &text.trim()), ("what", &what), ("range", &range)])
        }
    })?;
    if !(min..=max).contains(&value) {
        return Err(lang.format(Text::WholeNumberOutOfRange, &[("what", &what), ("range", &range)]));
    }
    Ok(value)
}

/// A duration in milliseconds: a plain number is milliseconds, or a number
/// with a unit (`30 s`, `1.5 h`, `4 d`, `500ms`), the way the echo prints it.
pub fn parse_duration_ms(text: &str, min: u64, max: u64, lang: Lang) -> Result<u64, String> {
    let clean = strip_separators(text).to_ascii_lowercase();
    let split = clean.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(clean.len());
    let (number, unit) = clean.split_at(split);
    let scale = match unit {
        "" | "ms" => 1.0,
        "s" | "sec" => 1e3,
        "m" | "min" => 6e4,
        "h" => 3.6e6,
        "d" | "days" | "day" => 8.64e7,
        _ => f64::NAN,
    };
    let value = number.parse::<f64>().map(|n| (n * scale).round()).unwrap_or(f64::NAN);
    let range = lang.format(
        Text::DurationRange,
        &[("min", &format::duration_ms(min)), ("max", &format::duration_ms(max)), ("max_ms", &thousands(max))],
    );
    if !value.is_finite() {
        return Err(lang.format(Text::DurationUnreadable, &[("range", &range)]));
    }
    if !(min as f64..=max as f64).contains(&value) {
        return Err(lang.format(Text::DurationOutOfRange, &[("range", &range)]));
    }
    Ok(value as u64)
}

/// Splits `2.5 cpu` into the number and its lower-case unit (`2.5`, `cpu`).
fn number_and_unit(text: &str) -> (f64, String) {
    let clean = strip_separators(text).to_ascii_lowercase();
    let split = clean.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(clean.len());
    let (number, unit) = clean.split_at(split);
    (number.parse::<f64>().unwrap_or(f64::NAN), unit.to_string())
}

/// A whole quantity from a number and a unit's scale, within `min..=max`.
fn scaled_whole(number: f64, scale: f64, min: u64, max: u64) -> Option<u64> {
    let value = number * scale;
    (value.is_finite() && value.fract() == 0.0 && (min as f64..=max as f64).contains(&value)).then_some(value as u64)
}

/// CPU in millicores, the field's unit. A plain number is millicores, as is
/// `500m` (Kubernetes' notation); `2 cpu`, `1.5 cores` or `0.5 CPU` are whole
/// CPUs, as Kubernetes reads `cpu: 2`.
pub fn parse_millicores(text: &str, min: u64, max: u64, lang: Lang) -> Result<u64, String> {
    let (number, unit) = number_and_unit(text);
    let scale = match unit.as_str() {
        "" | "m" => 1.0,
        "cpu" | "cpus" | "core" | "cores" => 1_000.0,
        _ => f64::NAN,
    };
    scaled_whole(number, scale, min, max).ok_or_else(|| {
        lang.format(
            Text::CpuProblem,
            &[
                ("min", &thousands(min)),
                ("max", &thousands(max)),
                ("min_cpu", &cpu_text(min, lang)),
                ("max_cpu", &cpu_text(max, lang)),
            ],
        )
    })
}

/// Memory in MiB, the field's unit. A plain number is MiB (`Mi`, `MiB`);
/// `8 Gi` or `8 GiB` is 8,192 MiB, and `Ti` works too. Decimal units (`GB`)
/// are refused: Kubernetes' `8G` is 8·10⁹ bytes, not 8 GiB.
pub fn parse_mebibytes(text: &str, min: u64, max: u64, lang: Lang) -> Result<u64, String> {
    let (number, unit) = number_and_unit(text);
    let scale = match unit.as_str() {
        "" | "mi" | "mib" => 1.0,
        "gi" | "gib" => 1_024.0,
        "ti" | "tib" => 1_048_576.0,
        _ => f64::NAN,
    };
    scaled_whole(number, scale, min, max).ok_or_else(|| {
        lang.format(
            Text::MemoryProblem,
            &[
                ("min", &thousands(min)),
                ("max", &thousands(max)),
                ("min_memory", &memory_text(min)),
                ("max_memory", &memory_text(max)),
            ],
        )
    })
}

/// Millicores as CPUs: `4 CPUs`, `1 CPU`, `0.25 CPU` (in Korean `CPU 4개`,
/// `CPU 1개`, `0.25 CPU`).
pub fn cpu_text(millicores: u64, lang: Lang) -> String {
    let cpus = format::number(millicores as f64 / 1_000.0);
    match millicores {
        1_000 => lang.t(Text::CpuOne).to_string(),
        m if m > 1_000 && m.is_multiple_of(1_000) => lang.format(Text::CpuMany, &[("cpus", &cpus)]),
        _ => lang.format(Text::CpuFraction, &[("cpus", &cpus)]),
    }
}

/// MiB in the largest binary unit that keeps it short: `256 MiB`, `8 GiB`,
/// `1.5 GiB`, `2 TiB`.
pub fn memory_text(mib: u64) -> String {
    if mib >= 1_048_576 {
        format!("{} TiB", format::number(mib as f64 / 1_048_576.0))
    } else if mib >= 1_024 {
        format!("{} GiB", format::number(mib as f64 / 1_024.0))
    } else {
        format!("{mib} MiB")
    }
}

/// Labels as typed: `tier=web, team=a` (or `tier: web`). Empty text is no
/// labels; a value may be empty (`gpu=`), a key may not.
pub fn parse_labels(text: &str, lang: Lang) -> Result<BTreeMap<String, String>, String> {
    let mut labels = BTreeMap::new();
    for item in parse_list(text) {
        let Some((key, value)) = item.split_once(['=', ':']) else {
            return Err(lang.format(Text::LabelNeedsValue, &[("item", &item)]));
        };
        let (key, value) = (key.trim(), value.trim());
        if key.is_empty() {
            return Err(lang.format(Text::LabelNeedsKey, &[("item", &item)]));
        }
        if labels.insert(key.to_string(), value.to_string()).is_some() {
            return Err(lang.format(Text::LabelTwice, &[("key", &key)]));
        }
    }
    Ok(labels)
}

/// Labels as they are typed: `team=a, tier=web` (in key order).
pub fn labels_text(labels: &BTreeMap<String, String>) -> String {
    labels.iter().map(|(k, v)| format!("{k}={v}")).collect::<Vec<_>>().join(", ")
}

/// A duration that may be absent: empty text (or `forever`) is `None`.
pub fn parse_optional_duration_ms(text: &str, min: u64, max: u64, lang: Lang) -> Result<Option<u64>, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "" | "forever" | "none" => Ok(None),
        _ => parse_duration_ms(text, min, max, lang).map(Some),
    }
}

/// A fraction from 0 to 1; "5%" is read as 0.05.
pub fn parse_ratio(text: &str, lang: Lang) -> Result<f64, String> {
    let clean = strip_separators(text);
    let (number, scale) = match clean.strip_suffix('%') {
        Some(percent) => (percent, 0.01),
        None => (clean.as_str(), 1.0),
    };
    match number.parse::<f64>().map(|n| n * scale) {
        Ok(value) if (0.0..=1.0).contains(&value) => Ok(value),
        _ => Err(lang.t(Text::RatioProblem).into()),
    }
}

/// A fraction as a percentage for the echo beside a ratio field.
pub fn percent(ratio: f64) -> String {
    format!("{} %", format::number(ratio * 100.0))
}

/// An attribute's values as typed: `book, food` or `10–500`.
pub fn attribute_values_text(values: &AttributeValues) -> String {
    match values {
        AttributeValues::OneOf(list) => list.join(", "),
        AttributeValues::Between(min, max) => format!("{min}–{max}"),
    }
}

/// Comma-separated words, trimmed, empty ones dropped: `book, food`.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split(',').map(str::trim).filter(|v| !v.is_empty()).map(String::from).collect()
}

/// A whole-number range: `10–500`, `10-500`, `10..500`, `10 to 500`, also
/// with negative bounds (`-5-5`).
pub fn parse_range(text: &str, lang: Lang) -> Result<(i64, i64), String> {
    let text = text.trim();
    let number = |s: &str| strip_separators(s).parse::<i64>().ok();
    // Try each separator after the first character (which may be a minus
    // sign) until both sides read as numbers.
    let found = text.char_indices().skip(1).find_map(|(i, c)| {
        let rest = &text[i..];
        let width = match c {
            '–' | '—' | '-' => c.len_utf8(),
            '.' if rest.starts_with("..") => 2,
            't' if rest.starts_with("to") => 2,
            _ => return None,
        };
        Some((number(&text[..i])?, number(&text[i + width..])?))
    });
    match found {
        Some((min, max)) if min <= max => Ok((min, max)),
        Some(_) => Err(lang.t(Text::RangeReversed).into()),
        None => Err(lang.t(Text::RangeProblem).into()),
    }
}

/// Reads typed attribute values for the chosen kind (`one-of` or `between`).
pub fn parse_attribute_values(kind: &str, text: &str, lang: Lang) -> Result<AttributeValues, String> {
    if kind == "between" {
        let (min, max) = parse_range(text, lang)?;
        Ok(AttributeValues::Between(min, max))
    } else {
        let list = parse_list(text);
        if list.is_empty() {
            return Err(lang.t(Text::ValuesProblem).into());
        }
        Ok(AttributeValues::OneOf(list))
    }
}

/// The filter conditions offered in the editor, as (value, label) pairs.
pub const FILTER_OPS: [(&str, &str); 10] = [
    ("exact", "is"),
    ("prefix", "starts with"),
    ("anything-but", "is not"),
    ("<", "<"),
    ("<=", "≤"),
    ("=", "= (number)"),
    (">=", "≥"),
    (">", ">"),
    ("exists", "is present"),
    ("absent", "is absent"),
];

const NUMERIC_OPS: [(&str, NumericOp); 5] = [
    ("<", NumericOp::Less),
    ("<=", NumericOp::LessOrEqual),
    ("=", NumericOp::Equal),
    (">=", NumericOp::GreaterOrEqual),
    (">", NumericOp::Greater),
];

/// The editor's name for a condition's operator (a `FILTER_OPS` value).
pub fn condition_op(condition: &FilterCondition) -> &'static str {
    match condition {
        FilterCondition::Exact(_) => "exact",
        FilterCondition::Prefix(_) => "prefix",
        FilterCondition::AnythingBut(_) => "anything-but",
        FilterCondition::Numeric(op, _) => NUMERIC_OPS.iter().find(|(_, o)| o == op).map_or("=", |(name, _)| name),
        FilterCondition::Exists(true) => "exists",
        FilterCondition::Exists(false) => "absent",
    }
}

/// A condition's operand as typed (`book`, `a, b`, `100`; empty for exists).
pub fn condition_text(condition: &FilterCondition) -> String {
    match condition {
        FilterCondition::Exact(v) | FilterCondition::Prefix(v) => v.clone(),
        FilterCondition::AnythingBut(list) => list.join(", "),
        FilterCondition::Numeric(_, n) => format::number(*n),
        FilterCondition::Exists(_) => String::new(),
    }
}

/// Whether an operator takes an operand (everything but exists/absent).
pub fn op_takes_value(op: &str) -> bool {
    !matches!(op, "exists" | "absent")
}

/// Builds a condition from the chosen operator and the typed operand.
pub fn parse_condition(op: &str, text: &str, lang: Lang) -> Result<FilterCondition, String> {
    let value = text.trim();
    if let Some((_, numeric)) = NUMERIC_OPS.iter().find(|(name, _)| *name == op) {
        return match strip_separators(value).parse::<f64>() {
            Ok(n) if n.is_finite() => Ok(FilterCondition::Numeric(*numeric, n)),
            _ => Err(lang.format(Text::ConditionNotNumber, &[("value", &value)])),
        };
    }
    match op {
        "exact" | "prefix" if value.is_empty() => Err(lang.t(Text::ConditionNeedsValue).into()),
        "exact" => Ok(FilterCondition::Exact(value.into())),
        "prefix" => Ok(FilterCondition::Prefix(value.into())),
        "anything-but" => {
            let list = parse_list(value);
            if list.is_empty() {
                Err(lang.t(Text::ConditionNeedsValues).into())
            } else {
                Ok(FilterCondition::AnythingBut(list))
            }
        }
        "exists" => Ok(FilterCondition::Exists(true)),
        "absent" => Ok(FilterCondition::Exists(false)),
        other => Err(lang.format(Text::UnknownCondition, &[("condition", &other)])),
    }
}

/// One row of the filter editor: an attribute key and one condition on it.
pub type FilterRow = (String, FilterCondition);

/// A policy as editor rows, one per condition, keys in the policy's order.
pub fn policy_rows(policy: &FilterPolicy) -> Vec<FilterRow> {
    policy
        .iter()
        .flat_map(|(key, conditions)| conditions.iter().map(move |c| (key.clone(), c.clone())))
        .collect()
}

/// Rows back into a policy: rows with the same key are alternatives (OR),
/// different keys must all match (AND). Keys are trimmed.
pub fn policy_from_rows(rows: impl IntoIterator<Item = FilterRow>) -> FilterPolicy {
    let mut policy = FilterPolicy::new();
    for (key, condition) in rows {
        let key = key.trim();
        match policy.get_mut(key) {
            Some(conditions) => conditions.push(condition),
            None => {
                policy.insert(key.to_string(), vec![condition]);
            }
        }
    }
    policy
}

/// A filter operator (a `FILTER_OPS` value) as the editor's list shows it
/// in `lang`: words for the word operators, symbols for the numeric ones.
pub fn filter_op_label(op: &str, lang: Lang) -> &'static str {
    let word = match op {
        "exact" => Text::FilterIs,
        "prefix" => Text::FilterStartsWith,
        "anything-but" => Text::FilterIsNot,
        "=" => Text::FilterEqualNumber,
        "exists" => Text::FilterPresent,
        "absent" => Text::FilterAbsent,
        _ => return FILTER_OPS.iter().find(|(value, _)| *value == op).map_or("", |(_, symbol)| symbol),
    };
    lang.t(word)
}

/// A filter policy in words, in `lang`, for the inspector's summary and the
/// funnel's tooltip on the canvas: `type is book or food, and amount ≥ 100`.
pub fn describe_policy_in(policy: &FilterPolicy, lang: Lang) -> String {
    let keys: Vec<String> = policy
        .iter()
        .map(|(key, conditions)| {
            let alternatives: Vec<String> = conditions
                .iter()
                .map(|c| {
                    let op = condition_op(c);
                    // In a sentence the numeric "=" needs no "(number)".
                    let label = if op == "=" { "=" } else { filter_op_label(op, lang) };
                    match c {
                        FilterCondition::Exists(_) => label.to_string(),
                        _ => format!("{label} {}", condition_text(c)),
                    }
                })
                .collect();
            format!("{key} {}", alternatives.join(lang.t(Text::FilterOr)))
        })
        .collect();
    if keys.is_empty() {
        lang.t(Text::FilterEveryMessage).into()
    } else {
        keys.join(lang.t(Text::FilterAnd))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Lang = Lang::En;

    #[test]
    fn typed_numbers_accept_separators_and_explain_limits() {
        assert_eq!(parse_whole("30,000", Text::CountOrders, 0, 100_000, EN), Ok(30_000));
        assert_eq!(parse_whole(" 45 000 ", Text::CountOrders, 0, 100_000, EN), Ok(45_000));
        assert!(parse_whole("-5", Text::CountOrders, 0, 10, EN).unwrap_err().contains("not a whole number"));
        assert!(parse_whole("11", Text::CountOrders, 0, 10, EN).unwrap_err().contains("between 0 and 10"));
        assert_eq!(thousands(43_200_000), "43,200,000");
    }

    #[test]
    fn durations_take_units() {
        assert_eq!(parse_duration_ms("30000", 0, u64::MAX, EN), Ok(30_000));
        assert_eq!(parse_duration_ms("30 s", 0, u64::MAX, EN), Ok(30_000));
        assert_eq!(parse_duration_ms("1.5h", 0, u64::MAX, EN), Ok(5_400_000));
        assert_eq!(parse_duration_ms("4 d", 0, u64::MAX, EN), Ok(345_600_000));
        assert_eq!(parse_duration_ms("2 min", 0, u64::MAX, EN), Ok(120_000));
        assert!(parse_duration_ms("5 parsecs", 0, 10, EN).unwrap_err().contains("milliseconds"));
        assert!(parse_duration_ms("30 s", 60_000, 100_000, EN).unwrap_err().contains("between 1 min and"));
    }

    #[test]
    fn cpu_takes_millicores_or_cpus() {
        assert_eq!(parse_millicores("4000", 1, 1_000_000, EN), Ok(4_000));
        assert_eq!(parse_millicores("4,000", 1, 1_000_000, EN), Ok(4_000));
        assert_eq!(parse_millicores("500m", 1, 1_000_000, EN), Ok(500));
        assert_eq!(parse_millicores("2 cpu", 1, 1_000_000, EN), Ok(2_000));
        assert_eq!(parse_millicores("1.5 Cores", 1, 1_000_000, EN), Ok(1_500));
        assert_eq!(parse_millicores("0", 0, 10, EN), Ok(0));
        for bad in ["-5", "0", "2.5", "lots", "4 GHz", ""] {
            let message = parse_millicores(bad, 1, 1_000_000, EN).unwrap_err();
            assert!(message.contains("between 1 and 1,000,000 millicores"), "{bad}: {message}");
        }
        assert_eq!(cpu_text(4_000, EN), "4 CPUs");
        assert_eq!(cpu_text(1_000, EN), "1 CPU");
        assert_eq!(cpu_text(250, EN), "0.25 CPU");
        assert_eq!(cpu_text(4_000, Lang::Ko), "CPU 4개");
        assert_eq!(cpu_text(1_000, Lang::Ko), "CPU 1개");
        assert_eq!(cpu_text(1_500, Lang::Ko), "1.5 CPU");
    }

    #[test]
    fn memory_takes_binary_units() {
        assert_eq!(parse_mebibytes("8192", 1, u64::MAX >> 20, EN), Ok(8_192));
        assert_eq!(parse_mebibytes("8 Gi", 1, u64::MAX >> 20, EN), Ok(8_192));
        assert_eq!(parse_mebibytes("1.5GiB", 1, u64::MAX >> 20, EN), Ok(1_536));
        assert_eq!(parse_mebibytes("256Mi", 1, u64::MAX >> 20, EN), Ok(256));
        assert_eq!(parse_mebibytes("1 Ti", 1, u64::MAX >> 20, EN), Ok(1_048_576));
        for bad in ["8 GB", "-1", "0", "0.5"] {
            assert!(parse_mebibytes(bad, 1, 16_777_216, EN).unwrap_err().contains("MiB"), "{bad}");
        }
        assert_eq!(memory_text(256), "256 MiB");
        assert_eq!(memory_text(8_192), "8 GiB");
        assert_eq!(memory_text(1_536), "1.5 GiB");
        assert_eq!(memory_text(2_097_152), "2 TiB");
    }

    #[test]
    fn labels_round_trip() {
        let labels = parse_labels(" tier = web, team:a ,, gpu= ", EN).unwrap();
        assert_eq!(labels.len(), 3);
        assert_eq!(labels["tier"], "web");
        assert_eq!(labels["team"], "a");
        assert_eq!(labels["gpu"], "");
        assert_eq!(labels_text(&labels), "gpu=, team=a, tier=web");
        assert_eq!(parse_labels(&labels_text(&labels), EN), Ok(labels));
        assert_eq!(parse_labels("  ", EN), Ok(BTreeMap::new()));
        assert!(parse_labels("web", EN).unwrap_err().contains("key=value"));
        assert!(parse_labels("=web", EN).unwrap_err().contains("no key"));
        assert!(parse_labels("a=1, a=2", EN).unwrap_err().contains("twice"));
    }

    #[test]
    fn optional_durations_may_be_empty() {
        assert_eq!(parse_optional_duration_ms("", 0, 1_000, EN), Ok(None));
        assert_eq!(parse_optional_duration_ms("Forever", 0, 1_000, EN), Ok(None));
        assert_eq!(parse_optional_duration_ms("1 s", 0, 1_000, EN), Ok(Some(1_000)));
        assert!(parse_optional_duration_ms("2 s", 0, 1_000, EN).is_err());
    }

    #[test]
    fn ratios_take_fractions_or_percentages() {
        assert_eq!(parse_ratio("0.25", EN), Ok(0.25));
        assert_eq!(parse_ratio("5%", EN), Ok(0.05));
        assert!(parse_ratio("1.5", EN).is_err());
        assert!(parse_ratio("lots", EN).is_err());
        assert_eq!(percent(0.001), "0.1 %");
    }

    #[test]
    fn attribute_values_round_trip() {
        let words = parse_attribute_values("one-of", " book,food ,, ", EN).unwrap();
        assert_eq!(words, AttributeValues::OneOf(vec!["book".into(), "food".into()]));
        assert_eq!(attribute_values_text(&words), "book, food");
        for typed in ["10–500", "10-500", "10..500", "10 to 500"] {
            assert_eq!(parse_attribute_values("between", typed, EN), Ok(AttributeValues::Between(10, 500)), "{typed}");
        }
        assert_eq!(parse_range("-5-5", EN), Ok((-5, 5)));
        assert_eq!(parse_range("-10 – -5", EN), Ok((-10, -5)));
        assert_eq!(attribute_values_text(&AttributeValues::Between(10, 500)), "10–500");
        assert!(parse_range("500-10", EN).unwrap_err().contains("smaller"));
        assert!(parse_range("ten", EN).is_err());
        assert!(parse_attribute_values("one-of", " , ", EN).is_err());
    }

    #[test]
    fn filter_rows_round_trip_through_a_policy() {
        let rows = vec![
            ("type".to_string(), parse_condition("exact", "book", EN).unwrap()),
            ("amount".to_string(), parse_condition(">=", "100", EN).unwrap()),
            (" type ".to_string(), parse_condition("prefix", "fo", EN).unwrap()),
        ];
        let policy = policy_from_rows(rows);
        assert_eq!(policy.len(), 2, "same key, one entry: OR within a key");
        assert_eq!(
            policy["type"],
            vec![FilterCondition::Exact("book".into()), FilterCondition::Prefix("fo".into())]
        );
        let back = policy_rows(&policy);
        assert_eq!(back.len(), 3);
        assert_eq!(policy_from_rows(back), policy);
        assert_eq!(describe_policy_in(&policy, Lang::En), "amount ≥ 100, and type is book or starts with fo");
        assert_eq!(describe_policy_in(&policy, Lang::Ko), "amount ≥ 100, 그리고 type 같음 book 또는 시작 문자열 fo");
    }

    #[test]
    fn every_condition_reads_back_as_typed() {
        for (op, text) in [
            ("exact", "book"),
            ("prefix", "bo"),
            ("anything-but", "a, b"),
            ("<", "5"),
            ("<=", "5"),
            ("=", "5.5"),
            (">=", "5"),
            (">", "5"),
            ("exists", ""),
            ("absent", ""),
        ] {
            let condition = parse_condition(op, text, EN).unwrap();
            assert_eq!(condition_op(&condition), op);
            assert_eq!(condition_text(&condition), text);
            assert_eq!(op_takes_value(op), !text.is_empty());
        }
        assert!(parse_condition("<", "many", EN).is_err());
        assert!(parse_condition("exact", " ", EN).is_err());
        assert!(parse_condition("anything-but", ",", EN).is_err());
    }

    #[test]
    fn messages_read_in_english_word_for_word_and_in_korean() {
        let retries = |text: &str, lang| parse_whole(text, Text::CountRetries, 0, 10, lang).unwrap_err();
        assert_eq!(retries("", EN), "Enter a whole number of retries, between 0 and 10.");
        assert_eq!(retries("many", EN), "'many' is not a whole number of retries; enter one between 0 and 10.");
        assert_eq!(retries("11", EN), "Enter a number of retries between 0 and 10.");
        assert_eq!(retries("", Lang::Ko), "재시도 횟수: 0에서 10 사이의 정수를 입력하세요.");
        let (low, high) = (format::duration_ms(1_000), format::duration_ms(60_000));
        assert_eq!(
            parse_duration_ms("soon", 1_000, 60_000, EN).unwrap_err(),
            format!("Enter a duration between {low} and {high} (60,000 ms): milliseconds, or a number with s, min, h or d.")
        );
        assert_eq!(
            parse_duration_ms("2 min", 1_000, 60_000, EN).unwrap_err(),
            format!("Enter a duration between {low} and {high} (60,000 ms).")
        );
        assert_eq!(
            parse_millicores("lots", 1, 4_000, EN).unwrap_err(),
            "Enter CPU between 1 and 4,000 millicores (0.001 CPU to 4 CPUs); 1 CPU is 1,000 m, and 2 cpu or 500m work too."
        );
        assert_eq!(
            parse_mebibytes("8 GB", 1, 8_192, EN).unwrap_err(),
            "Enter memory between 1 and 8,192 MiB (1 MiB to 8 GiB): a whole number of MiB, or with Gi (8 Gi = 8,192 MiB)."
        );
        assert_eq!(parse_labels("web", EN).unwrap_err(), "'web' needs a value: write labels as key=value, separated by commas.");
        assert_eq!(parse_labels("=web", EN).unwrap_err(), "'=web' has no key: write labels as key=value.");
        assert_eq!(parse_labels("a=1, a=2", EN).unwrap_err(), "The label 'a' appears twice.");
        assert_eq!(parse_ratio("2", EN).unwrap_err(), "Enter a fraction from 0 to 1 (0.05 or 5%).");
        assert_eq!(parse_range("9-1", EN).unwrap_err(), "The first number of a range is the smaller one, as in 10–500.");
        assert_eq!(parse_range("ten", EN).unwrap_err(), "Enter a range of whole numbers, as in 10–500.");
        assert_eq!(
            parse_attribute_values("one-of", ",", EN).unwrap_err(),
            "Enter one or more values separated by commas, as in book, food."
        );
        assert_eq!(parse_condition("<", "many", EN).unwrap_err(), "'many' is not a number to compare with.");
        assert_eq!(parse_condition("exact", "", EN).unwrap_err(), "Enter the value to match.");
        assert_eq!(parse_condition("anything-but", "", EN).unwrap_err(), "Enter the values to exclude, separated by commas.");
        assert_eq!(parse_condition("near", "x", EN).unwrap_err(), "Unknown condition 'near'.");
        assert_eq!(parse_condition("near", "x", Lang::Ko).unwrap_err(), "알 수 없는 조건입니다: 'near'.");
    }
}

//! Human-readable echoes of raw setting values ("30000 ms" reads "30 s").

/// A duration in milliseconds as a person would say it: `250 ms`, `1.5 s`,
/// `2 min 30 s`, `12 h`.
pub fn duration_ms(ms: u64) -> String {
    const SECOND: u64 = 1_000;
    const MINUTE: u64 = 60 * SECOND;
    const HOUR: u64 = 60 * MINUTE;
    const DAY: u64 = 24 * HOUR;
    if ms < SECOND {
        format!("{ms} ms")
    } else if ms < MINUTE {
        let tenths = (ms + 50) / 100;
        if tenths.is_multiple_of(10) {
            format!("{} s", tenths / 10)
        } else {
            format!("{}.{} s", tenths / 10, tenths % 10)
        }
    } else if ms < HOUR {
        join(ms / MINUTE, "min", (ms % MINUTE) / SECOND, "s")
    } else if ms < DAY {
        join(ms / HOUR, "h", (ms % HOUR) / MINUTE, "min")
    } else {
        join(ms / DAY, "d", (ms % DAY) / HOUR, "h")
    }
}

fn join(major: u64, major_unit: &str, minor: u64, minor_unit: &str) -> String {
    if minor == 0 {
        format!("{major} {major_unit}")
    } else {
        format!("{major} {major_unit} {minor} {minor_unit}")
    }
}

/// A rate without trailing zeros: `2`, `0.5`, `12.25`.
pub fn number(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text.is_empty() || text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration_ms(0), "0 ms");
        assert_eq!(duration_ms(200), "200 ms");
        assert_eq!(duration_ms(1_500), "1.5 s");
        assert_eq!(duration_ms(30_000), "30 s");
        assert_eq!(duration_ms(150_000), "2 min 30 s");
        assert_eq!(duration_ms(3_600_000), "1 h");
        assert_eq!(duration_ms(43_200_000), "12 h");
        assert_eq!(duration_ms(4 * 86_400_000), "4 d");
    }

    #[test]
    fn numbers_drop_trailing_zeros() {
        assert_eq!(number(2.0), "2");
        assert_eq!(number(0.5), "0.5");
        assert_eq!(number(12.25), "12.25");
    }
}

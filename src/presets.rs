//! The preset scenarios from `scenarios/`, compiled into the app.

/// (file stem, JSON) for every preset, in menu order.
pub const PRESETS: &[(&str, &str)] = &[];

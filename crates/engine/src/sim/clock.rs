//! The frame clock: turns wall-clock time between animation frames into a
//! sim-time target, at a chosen speed. A gap longer than `max_frame_gap_ms`
//! (a background tab, a debugger pause) is capped, so returning to the tab
//! does not burst through minutes of simulation at once.
//!
//! Two factors multiply: the transport's speed (0.1× – 100×, the person's
//! choice now) and the scenario's time scale (saved with the scenario, so a
//! six-minute failover can play in seconds at 1×).

use super::SimTime;

#[derive(Clone, Debug, PartialEq)]
pub struct FrameClock {
    /// The transport's speed, relative to the scenario's time scale.
    pub speed: f64,
    /// Sim seconds per wall second at 1× (the scenario's `time_scale`).
    pub time_scale: f64,
    pub max_frame_gap_ms: f64,
    last_wall_ms: Option<f64>,
    /// Sub-microsecond remainder carried between frames, so slow speeds do
    /// not lose time to rounding.
    carry_micros: f64,
}

pub const MIN_SPEED: f64 = 0.1;
pub const MAX_SPEED: f64 = 100.0;

impl FrameClock {
    pub fn new(speed: f64) -> Self {
        FrameClock { speed: clamp_speed(speed), time_scale: 1.0, max_frame_gap_ms: 100.0, last_wall_ms: None, carry_micros: 0.0 }
    }

    pub fn set_speed(&mut self, speed: f64) {
        self.speed = clamp_speed(speed);
    }

    /// Sets the scenario's time scale; anything not positive and finite is 1×.
    pub fn set_time_scale(&mut self, time_scale: f64) {
        self.time_scale = if time_scale.is_finite() && time_scale > 0.0 { time_scale } else { 1.0 };
    }

    /// Sim seconds per wall second, all factors included.
    pub fn sim_seconds_per_second(&self) -> f64 {
        self.speed * self.time_scale
    }

    /// Forget the last frame time (on pause), so the next frame starts fresh.
    pub fn pause(&mut self) {
        self.last_wall_ms = None;
        self.carry_micros = 0.0;
    }

    /// Given the wall time of this frame, returns how far sim time advances.
    pub fn advance(&mut self, wall_ms: f64) -> SimTime {
        let Some(last) = self.last_wall_ms.replace(wall_ms) else {
            return SimTime::ZERO;
        };
        let gap_ms = (wall_ms - last).clamp(0.0, self.max_frame_gap_ms);
        let micros = gap_ms * 1000.0 * self.sim_seconds_per_second() + self.carry_micros;
        let whole = micros.floor();
        self.carry_micros = micros - whole;
        SimTime(whole as u64)
    }
}

/// Keeps speed within the transport's 0.1× – 100× range; NaN becomes 1×.
pub fn clamp_speed(speed: f64) -> f64 {
    if speed.is_nan() {
        1.0
    } else {
        speed.clamp(MIN_SPEED, MAX_SPEED)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speed_scales_and_gaps_are_capped() {
        let mut c = FrameClock::new(2.0);
        assert_eq!(c.advance(1000.0), SimTime::ZERO);
        assert_eq!(c.advance(1016.0), SimTime::from_ms(32));
        // A 10-second background gap advances only the cap.
        assert_eq!(c.advance(11_016.0), SimTime::from_ms(200));
    }

    #[test]
    fn the_time_scale_multiplies_the_speed() {
        let mut c = FrameClock::new(2.0);
        c.set_time_scale(10.0);
        c.advance(0.0);
        assert_eq!(c.advance(50.0), SimTime::from_ms(1_000), "50 ms × 2 × 10");
        c.set_time_scale(f64::NAN);
        assert_eq!(c.time_scale, 1.0);
    }

    #[test]
    fn slow_speeds_keep_fractions() {
        let mut c = FrameClock::new(0.1);
        c.advance(0.0);
        let total: u64 = (1..=1000).map(|i| c.advance(i as f64 * 0.016_7).0).sum();
        // 16.7 ms of wall time at 0.1× is 1.67 ms of sim time.
        assert!((1669..=1670).contains(&total), "{total}");
    }
}

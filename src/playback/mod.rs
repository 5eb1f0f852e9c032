//! The playback host: owns the running engine and the animation loop.

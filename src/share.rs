//! location.hash <-> scenario (the codec itself is pure, in the engine).

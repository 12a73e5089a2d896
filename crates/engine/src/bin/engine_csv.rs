//! The small engine: CSV in, CSV out. The page starts this one.

fn main() {
    scorecard_engine::run();
}

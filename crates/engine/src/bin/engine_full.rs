//! The full engine: workbooks in and out as well (built with the `full` feature).

fn main() {
    scorecard_engine::run();
}

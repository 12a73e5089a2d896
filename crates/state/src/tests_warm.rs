//! The engine started ahead of the first file: once the first screen is up and the
//! browser idle, the reducer queues the engine's start, so the first file finds it
//! fetched, compiled and warm.

use scorecard_core::engine::{Engine, Request};
use scorecard_core::share::SharedView;

use crate::tests::{deliver, sent_requests};
use crate::*;

fn warms(s: &State) -> usize {
    s.outbox()
        .iter()
        .filter(|o| matches!(o, Outgoing::Warm { .. }))
        .count()
}

fn idle_page() -> State {
    let mut s = State::default();
    s.reduce(Action::Open {
        view: SharedView::default(),
        data: None,
        origin: Origin::Storage,
    });
    s
}

#[test]
fn the_engine_starts_once_the_page_is_idle_not_before() {
    let mut s = idle_page();
    assert!(s.outbox().is_empty(), "opening starts no engine");
    s.reduce(Action::PageIdle);
    assert_eq!(warms(&s), 1);
    assert!(!s.busy(), "a warm engine is not a report on its way");
    assert!(!s.engine_ready);
    let upto = s.last_queued();
    s.reduce(Action::Sent { upto });
    s.reduce(Action::EngineReady);
    assert!(s.engine_ready);
    // A second idle moment (or a file) starts nothing more.
    s.reduce(Action::PageIdle);
    assert_eq!(warms(&s), 0);
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    assert_eq!(warms(&s), 0);
    assert!(matches!(&sent_requests(&s)[..], [Request::Add(_)]));
}

#[test]
fn a_page_already_asking_the_engine_needs_no_early_start() {
    let mut s = State::default();
    s.reduce(Action::Open {
        view: SharedView::default(),
        data: Some("data".into()),
        origin: Origin::Link,
    });
    s.reduce(Action::PageIdle);
    assert_eq!(warms(&s), 0, "{:?}", s.outbox());
}

#[test]
fn an_early_engine_that_stops_is_left_for_the_first_file_without_a_word() {
    let mut s = idle_page();
    s.reduce(Action::PageIdle);
    s.reduce(Action::EngineTrouble(EngineTrouble::Stopped("trap".into())));
    assert!(s.engine_problem.is_none(), "{:?}", s.engine_problem);
    assert!(matches!(s.outbox(), [Outgoing::Restart { .. }]));
    assert!(!s.busy());
    // The first file starts it again, with the usual restarts and, in the end, the
    // usual message.
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    assert!(matches!(&sent_requests(&s)[..], [Request::Add(_)]));
    for _ in 0..=MAX_RESTARTS {
        s.reduce(Action::EngineTrouble(EngineTrouble::Stopped("trap".into())));
    }
    assert!(s
        .engine_problem
        .as_deref()
        .unwrap()
        .contains("Reload the page"));
}

#[test]
fn a_stale_early_engine_is_replaced_and_said_so() {
    let mut s = idle_page();
    s.reduce(Action::PageIdle);
    s.reduce(Action::EngineReady);
    s.reduce(Action::EngineTrouble(EngineTrouble::Stale { protocol: 1 }));
    assert!(!s.engine_ready);
    assert!(s.engine_problem.as_deref().unwrap().contains("updated"));
    assert_eq!(warms(&s), 1);
    assert!(sent_requests(&s).is_empty(), "nothing to read again");
    // A stale engine that keeps coming back is not started over and over.
    for _ in 0..5 {
        s.reduce(Action::EngineTrouble(EngineTrouble::Stale { protocol: 1 }));
    }
    let upto = s.last_queued();
    s.reduce(Action::Sent { upto });
    s.reduce(Action::EngineTrouble(EngineTrouble::Stale { protocol: 1 }));
    assert_eq!(warms(&s), 0);
}

#[test]
fn clearing_everything_warms_a_fresh_engine_and_a_cancel_waits_for_its_word() {
    let mut s = idle_page();
    s.reduce(Action::PageIdle);
    let mut engine = Engine::default();
    deliver(&mut s, &mut engine, &|_| {
        b"code,period,value\nA,Q1 2018/19,1\n".to_vec()
    });
    assert!(s.engine_ready);
    s.reduce(Action::Add(vec![FileEntry::new("a.csv", 1)]));
    s.reduce(Action::Cancel);
    assert!(
        !s.engine_ready,
        "a restarted engine is not ready until it says so"
    );
    deliver(&mut s, &mut engine, &|_| {
        b"code,period,value\nA,Q1 2018/19,1\n".to_vec()
    });
    s.reduce(Action::ClearEverything);
    assert!(matches!(
        s.outbox(),
        [Outgoing::Restart { .. }, Outgoing::Warm { .. }]
    ));
}

//! The state as Yew holds it: `scorecard_state::State` (plain Rust, tested natively)
//! behind `Reducible`.

use std::ops::Deref;
use std::rc::Rc;

use scorecard_state::{Action, State};
use yew::Reducible;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Store(State);

impl Deref for Store {
    type Target = State;
    fn deref(&self) -> &State {
        &self.0
    }
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.0.reduce(action);
        Rc::new(next)
    }
}

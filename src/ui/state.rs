//! The application state: the files the user gave, the dataset and report computed from
//! them, and the view choices. One reducer; no side effects in `reduce`.

use std::rc::Rc;

use yew::Reducible;

use crate::core::dataset::Dataset;
use crate::core::period::Period;
use crate::core::report::{build, Report};
use crate::core::view::ViewFilter;
use crate::core::{read_all, InputFile};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The files in the order they were given; later values replace earlier ones.
    pub files: Vec<Rc<InputFile>>,
    pub dataset: Rc<Dataset>,
    /// The report period the user chose; `None` for the latest with data.
    pub period: Option<Period>,
    pub report: Option<Rc<Report>>,
    /// Files being read from disk right now.
    pub reading: usize,
    /// The PI whose details are open.
    pub selected: Option<String>,
    /// Search, filters and sort order.
    pub filter: ViewFilter,
}

pub enum Action {
    /// Files about to be read (counted so the page can say so).
    Reading(usize),
    /// Files read from disk, pasted, or the sample data.
    Add(Vec<InputFile>),
    /// A file could not be read from disk at all.
    ReadFailed,
    Remove(usize),
    ClearFiles,
    SetPeriod(Option<Period>),
    Select(Option<String>),
    Filter(ViewFilter),
}

impl State {
    fn recompute(&mut self) {
        let files: Vec<InputFile> = self.files.iter().map(|f| (**f).clone()).collect();
        self.dataset = Rc::new(read_all(&files));
        if let Some(p) = self.period {
            let has = crate::core::report::periods_with_values(&self.dataset).contains(&p);
            if !has {
                self.period = None;
            }
        }
        self.report = build(&self.dataset, self.period).map(Rc::new);
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            Action::Reading(n) => s.reading += n,
            Action::ReadFailed => s.reading = s.reading.saturating_sub(1),
            Action::Add(files) => {
                s.reading = s.reading.saturating_sub(files.len());
                s.files.extend(files.into_iter().map(Rc::new));
                s.recompute();
            }
            Action::Remove(i) => {
                if i < s.files.len() {
                    s.files.remove(i);
                    s.recompute();
                }
            }
            Action::ClearFiles => {
                s = State::default();
            }
            Action::SetPeriod(p) => {
                s.period = p;
                s.report = build(&s.dataset, p).map(Rc::new);
            }
            Action::Select(code) => s.selected = code,
            Action::Filter(f) => s.filter = f,
        }
        Rc::new(s)
    }
}

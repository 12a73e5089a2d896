//! The application state: the files the user gave, the dataset and report computed from
//! them, and the view choices. One reducer; no side effects in `reduce`.

use std::rc::Rc;

use yew::Reducible;

use crate::core::dataset::Dataset;
use crate::core::period::Period;
use crate::core::report::{build, Report};
use crate::core::share::SharedView;
use crate::core::suppress;
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
    /// Small-number suppression threshold, where it is on.
    pub suppression: Option<u32>,
    /// The report as every view and export shows it (after suppression).
    pub shown: Option<Rc<Report>>,
    /// Why a share link could not be opened.
    pub link_error: Option<String>,
    /// Keep the data in this browser's storage (opt-in).
    pub remember_data: bool,
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
    SetSuppression(Option<u32>),
    /// A view (and maybe files) from a share link or this browser's storage.
    Restore {
        view: SharedView,
        files: Vec<InputFile>,
        remember_data: bool,
    },
    LinkError(String),
    RememberData(bool),
    /// Forget files, view and link error (storage is cleared by the caller).
    ClearEverything,
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
        self.rebuild();
    }

    /// The report for the chosen period, and what is shown of it.
    fn rebuild(&mut self) {
        self.report = build(&self.dataset, self.period).map(Rc::new);
        self.shown = match (&self.report, self.suppression) {
            (Some(r), Some(t)) => Some(Rc::new(suppress::apply(r, t))),
            (r, None) => r.clone(),
            (None, _) => None,
        };
    }

    /// What a share link carries of the view.
    pub fn shared_view(&self) -> SharedView {
        SharedView {
            period: self.period.map(|p| p.to_string()),
            filter: self.filter.clone(),
            selected: self.selected.clone(),
            suppression: self.suppression,
        }
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
                s.files.clear();
                s.selected = None;
                s.recompute();
            }
            Action::SetPeriod(p) => {
                s.period = p;
                s.rebuild();
            }
            Action::Select(code) => s.selected = code,
            Action::Filter(f) => s.filter = f,
            Action::SetSuppression(t) => {
                s.suppression = t;
                s.rebuild();
            }
            Action::Restore {
                view,
                files,
                remember_data,
            } => {
                if !files.is_empty() {
                    s.files = files.into_iter().map(Rc::new).collect();
                }
                s.period = view.period.as_deref().and_then(Period::parse);
                s.filter = view.filter;
                s.selected = view.selected;
                s.suppression = view.suppression;
                s.remember_data = remember_data;
                s.recompute();
            }
            Action::LinkError(e) => s.link_error = Some(e),
            Action::RememberData(on) => s.remember_data = on,
            Action::ClearEverything => s = State::default(),
        }
        Rc::new(s)
    }
}

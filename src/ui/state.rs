//! The application state: the files the user gave, what the engine made of them, and the
//! view choices. One reducer; no side effects in `reduce` (requests to the engine are
//! sent by the callbacks that dispatch these actions).

use std::rc::Rc;

use yew::Reducible;

use crate::ui::bridge::UserFile;
use scorecard_core::engine::{Data, Response};
use scorecard_core::period::Period;
use scorecard_core::report::{Report, Row};
use scorecard_core::share::SharedView;
use scorecard_core::suppress;
use scorecard_core::view::ViewFilter;

/// How far a long read has got, in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The files in the order they were given; later values replace earlier ones.
    pub files: Vec<UserFile>,
    /// What the engine last said of them: sources and notices (its report is `report`).
    pub data: Rc<Data>,
    /// The report the engine last computed.
    pub report: Option<Rc<Report>>,
    /// The report period the user chose; `None` for the latest with data.
    pub period: Option<Period>,
    /// Requests that change the report and have not been answered yet.
    pub pending: usize,
    /// The files as they were before the pending requests (what Cancel goes back to).
    pub before: Option<Vec<UserFile>>,
    /// How far the current read has got, once it takes a while.
    pub progress: Option<Progress>,
    /// The PI whose details are open.
    pub selected: Option<String>,
    /// Search, filters and sort order.
    pub filter: ViewFilter,
    /// Small-number suppression threshold, where it is on.
    pub suppression: Option<u32>,
    /// The report as every view and export shows it (after suppression).
    pub shown: Option<Rc<Report>>,
    /// The open PI's row with its whole history, as the engine sent it.
    pub detail: Option<Rc<Row>>,
    /// That row as shown (after suppression).
    pub detail_shown: Option<Rc<Row>>,
    /// Why a share link could not be opened.
    pub link_error: Option<String>,
    /// Keep the data in this browser's storage (opt-in).
    pub remember_data: bool,
    /// The files packed for a link or storage, once the engine has packed them.
    pub packed: Option<Result<Rc<String>, String>>,
    /// Why the last workbook could not be made.
    pub xlsx_error: Option<String>,
}

pub enum Action {
    /// Files given (chosen, dropped, pasted, the sample, or a link's data); the engine
    /// has been asked to read them.
    Add(Vec<UserFile>),
    Remove(usize),
    ClearFiles,
    /// The files were replaced (a link's or storage's data); the engine is reading them.
    SetFiles(Vec<UserFile>),
    SetPeriod(Option<Period>),
    /// The user cancelled a long read: back to the files before it.
    Cancel,
    /// The engine answered.
    Engine(Response),
    Select(Option<String>),
    Filter(ViewFilter),
    SetSuppression(Option<u32>),
    /// A view from a share link or this browser's storage.
    Restore {
        view: SharedView,
        remember_data: bool,
    },
    LinkError(String),
    RememberData(bool),
    /// Forget files, view and link error (storage is cleared by the caller).
    ClearEverything,
}

impl State {
    /// A request that changes the report went to the engine.
    fn asked(&mut self) {
        if self.pending == 0 {
            self.before = Some(self.files.clone());
        }
        self.pending += 1;
    }

    fn files_changed(&mut self) {
        self.packed = None;
        self.asked();
    }

    /// The report as shown (after suppression).
    fn reshow(&mut self) {
        self.shown = match (&self.report, self.suppression) {
            (Some(r), Some(t)) => Some(Rc::new(suppress::apply(r, t))),
            (r, None) => r.clone(),
            (None, _) => None,
        };
        self.detail_shown = match (&self.detail, self.suppression) {
            (Some(row), Some(t)) => {
                let mut row = (**row).clone();
                suppress::apply_row(&mut row, t);
                Some(Rc::new(row))
            }
            (d, None) => d.clone(),
            (None, _) => None,
        };
    }

    /// Whether the engine is still working on something the user asked for.
    pub fn busy(&self) -> bool {
        self.pending > 0
    }

    /// What a share link carries of the view.
    pub fn shared_view(&self) -> SharedView {
        SharedView {
            period: self.period,
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
            Action::Add(files) => {
                s.files_changed();
                s.files.extend(files);
            }
            Action::Remove(i) => {
                if i < s.files.len() {
                    s.files_changed();
                    s.files.remove(i);
                }
            }
            Action::ClearFiles => {
                s.files_changed();
                s.files.clear();
                s.selected = None;
            }
            Action::SetFiles(files) => {
                s.files_changed();
                s.files = files;
            }
            Action::SetPeriod(p) => {
                s.asked();
                s.period = p;
            }
            Action::Cancel => {
                // The caller restarted the engine and asked it to read these files again.
                s.files = s.before.take().unwrap_or_default();
                s.pending = 1;
                s.before = Some(s.files.clone());
                s.progress = None;
                s.packed = None;
            }
            Action::Engine(Response::Data(data)) => {
                s.pending = s.pending.saturating_sub(1);
                if s.pending == 0 {
                    s.before = None;
                    s.progress = None;
                }
                let mut data = *data;
                s.period = data.period;
                s.report = data.report.take().map(Rc::new);
                s.data = Rc::new(data);
                // The open PI's history is asked for again for the new report.
                s.detail = None;
                s.reshow();
            }
            Action::Engine(Response::Progress { done, total }) => {
                if s.pending > 0 {
                    s.progress = Some(Progress { done, total });
                }
            }
            Action::Engine(Response::Packed(p)) => s.packed = Some(p.map(Rc::new)),
            Action::Engine(Response::Xlsx(r)) => s.xlsx_error = r.err(),
            Action::Engine(Response::Unpacked(_)) => {}
            Action::Engine(Response::Detail(row)) => {
                s.detail = row
                    .map(|r| Rc::new(*r))
                    .filter(|r| s.selected.as_deref() == Some(r.code.as_str()));
                s.reshow();
            }
            Action::Select(code) => {
                if code != s.selected {
                    s.detail = None;
                    s.detail_shown = None;
                }
                s.selected = code;
            }
            Action::Filter(f) => s.filter = f,
            Action::SetSuppression(t) => {
                s.suppression = t;
                s.reshow();
            }
            Action::Restore {
                view,
                remember_data,
            } => {
                s.period = view.period;
                s.filter = view.filter;
                s.selected = view.selected;
                s.suppression = view.suppression;
                s.remember_data = remember_data;
                s.reshow();
            }
            Action::LinkError(e) => s.link_error = Some(e),
            Action::RememberData(on) => s.remember_data = on,
            Action::ClearEverything => s = State::default(),
        }
        Rc::new(s)
    }
}

//! The state and its reducer. Side effects (sending, storage, downloads, the address bar)
//! belong to the page's effects, which read what `reduce` left here.

use std::collections::BTreeMap;
use std::rc::Rc;

use scorecard_core::complaints::calendar::{parse_holiday_lines, HolidaySettings};
use scorecard_core::engine::{Data, Download, EngineView, ExportFormat, Request, Response};
use scorecard_core::load::mapping::{ColumnMapping, TablePlace, Unplaced};
use scorecard_core::period::Period;
use scorecard_core::report::{Report, Row};
use scorecard_core::share::SharedView;
use scorecard_core::view::ViewFilter;

use crate::conversation::{Asked, Conversation, EngineBuild, Outgoing};
use crate::files::{FileEntry, FileId, Held};
use crate::mapping::MappingDraft;

/// How far a long read has got, in bytes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    pub done: u64,
    pub total: u64,
}

/// Where data being opened came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// A share link's fragment.
    Link,
    /// This browser's storage ("keep my data").
    Storage,
}

/// What the page's side of the engine saw go wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EngineTrouble {
    /// The engine stopped (a crash, or it ran out of memory).
    Stopped(String),
    /// The engine speaks another version of the messages (an old cached script).
    Stale { protocol: u32 },
    /// No engine could be started at all.
    CouldNotStart(String),
}

const REREADING: &str =
    "Scorecard's engine stopped while reading your files and was restarted; they are being read again.";
const REREAD: &str =
    "Scorecard's engine stopped while reading your files and was restarted; every file has been read again.";

const UPDATED: &str = "Scorecard has been updated since this page was opened: the engine was restarted. If this keeps happening, reload the page.";

/// How many times in a row the engine is restarted before the page gives up and asks
/// the user to reload.
pub const MAX_RESTARTS: u32 = 4;

pub enum Action {
    /// Files given (chosen, dropped, pasted, the sample); the page keeps their contents.
    Add(Vec<FileEntry>),
    Remove(FileId),
    ClearFiles,
    SetPeriod(Option<Period>),
    /// Small-number suppression on (a threshold from 1 to 99) or off.
    SetSuppression(Option<u32>),
    /// The user cancelled a long read: back to the files before it.
    Cancel,
    Select(Option<String>),
    Filter(ViewFilter),
    /// A view (and maybe data) from a share link or this browser's storage.
    Open {
        view: SharedView,
        data: Option<String>,
        origin: Origin,
    },
    /// A link that could not be opened at all.
    LinkError(String),
    RememberData(bool),
    /// This browser would not keep the data (its storage is full or turned off).
    StorageFailed(String),
    /// The share panel wants the files packed for a link.
    NeedPack,
    Export(ExportFormat),
    /// The page has done everything queued up to this number.
    Sent {
        upto: u64,
    },
    /// The engine answered the request with this id.
    Engine {
        id: u64,
        response: Response,
    },
    EngineTrouble(EngineTrouble),
    /// The download has been handed to the browser.
    Downloaded,
    /// The first screen is painted and the browser idle: a good moment to start the
    /// engine, so the first file finds it compiled and warm.
    PageIdle,
    /// The engine (started now or earlier) listens.
    EngineReady,
    /// Forget files, view and messages (the page clears storage and the address).
    ClearEverything,
    /// The user's council (or area) for files of many areas' figures, by name or code;
    /// `None` to choose again. The page keeps it in this browser and gives it back at
    /// start.
    ChooseArea(Option<String>),
    /// The column mappings this browser keeps (read from its storage on opening).
    LoadMappings(Vec<ColumnMapping>),
    /// The user opens the column mapping step for a table that was not read.
    OpenMapping(TablePlace),
    /// Another of the rows shown is the table's header.
    ChooseHeaderRow {
        place: TablePlace,
        row: usize,
    },
    /// A column's role chosen (its key in the list), with the period written beside it.
    ChooseRole {
        place: TablePlace,
        column: usize,
        key: String,
        period: String,
    },
    /// Read the table with the mapping chosen, and every later table with its headers.
    ApplyMapping(TablePlace),
    /// "Not now": the step is closed; the table stays offered.
    CloseMapping(TablePlace),
    /// Forget the mapping kept for the headers with this signature: the tables that used
    /// it are offered again.
    ForgetMapping(String),
    /// The council's calendar for complaints' working days: local holidays typed one a
    /// line, and whether Easter Monday is a holiday.
    SetHolidays {
        text: String,
        easter_monday: bool,
    },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// The files in the order they were given; later values replace earlier ones.
    pub files: Vec<FileEntry>,
    /// Files that stopped the engine, with why: listed, never sent again.
    pub failed: BTreeMap<FileId, String>,
    /// What the engine last said of the files: sources and notices.
    pub data: Rc<Data>,
    /// The report as the engine computed and suppressed it.
    pub report: Option<Rc<Report>>,
    /// The report period the user chose; `None` for the latest with data.
    pub period: Option<Period>,
    /// The files as they were before the reads in flight (what Cancel goes back to).
    pub before: Option<Vec<FileEntry>>,
    pub progress: Option<Progress>,
    /// The PI whose details are open, and its whole history once the engine sent it.
    pub selected: Option<String>,
    pub detail: Option<Rc<Row>>,
    pub filter: ViewFilter,
    pub suppression: Option<u32>,
    /// Why a link or the stored data could not be opened.
    pub open_error: Option<String>,
    /// The engine's own trouble, for an alert.
    pub engine_problem: Option<String>,
    pub remember_data: bool,
    /// The view came from a share link: it is not written over the view this browser
    /// keeps for its user.
    pub from_link: bool,
    /// Why this browser would not keep the data.
    pub storage_problem: Option<String>,
    /// The files packed for a link or storage, once the engine has packed them.
    pub packed: Option<Result<Rc<String>, String>>,
    pub export_error: Option<String>,
    /// A file for the page to hand to the browser as a download.
    pub download: Option<Rc<Download>>,
    /// The column mappings the user chose, kept in this browser and used for every read.
    pub mappings: Vec<ColumnMapping>,
    /// Whether `mappings` are this browser's (read from storage, or chosen since): only
    /// then are they written back.
    pub mappings_loaded: bool,
    /// The column mapping steps open, by table.
    pub drafts: BTreeMap<TablePlace, MappingDraft>,
    conversation: Conversation,
    /// Where the data being unpacked came from.
    unpacking: Option<Origin>,
    /// Restarts since the engine last answered a read.
    restarts: u32,
    /// How often each file was being read when the engine died.
    strikes: BTreeMap<FileId, u32>,
    /// Whether the engine has been told the view since it (re)started: it is told only
    /// when there is something to read, so opening a page starts no engine.
    engine_has_view: bool,
    /// The user's council for files of many areas' figures (LGBF, statistics downloads,
    /// population estimates): the engine is told it whenever it (re)starts.
    pub area: Option<String>,
    /// The column mappings the engine holds: none once it (re)starts.
    engine_mappings: Vec<ColumnMapping>,
    /// The calendar for complaints' working days, as the engine is told it.
    pub holidays: HolidaySettings,
    /// The local holidays as the user typed them, and a sentence for each line that is
    /// not a date.
    pub holidays_text: String,
    pub holiday_problems: Vec<String>,
    /// Whether the engine has been told the calendar since it (re)started.
    engine_has_holidays: bool,
    /// Whether the engine has said it listens since it was last (re)started.
    pub engine_ready: bool,
    /// Whether the first screen has been painted and the browser was idle since.
    page_idle: bool,
    /// Stale engines started afresh before any file came.
    early_restarts: u32,
}

impl State {
    /// What the page's effect must do next, in order.
    pub fn outbox(&self) -> &[Outgoing] {
        &self.conversation.outbox
    }

    /// Contents the page must keep (as Blobs) before it sends the outbox.
    pub fn held(&self) -> impl Iterator<Item = &Held> {
        self.conversation.held.iter().map(|(_, h)| h)
    }

    /// Changes whenever something new is queued: the effect's trigger.
    pub fn last_queued(&self) -> u64 {
        self.conversation.last_queued()
    }

    /// Whether the engine is working on something that changes the report.
    pub fn busy(&self) -> bool {
        self.conversation.busy()
    }

    /// Whether the page still knows this file (its contents may be dropped otherwise).
    pub fn knows(&self, id: FileId) -> bool {
        self.files.iter().any(|f| f.id == id)
            || self
                .before
                .as_ref()
                .is_some_and(|b| b.iter().any(|f| f.id == id))
            || self.conversation.held.iter().any(|(_, h)| h.id == id)
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

    fn engine_view(&self) -> EngineView {
        EngineView {
            period: self.period,
            suppression: self.suppression,
        }
    }

    /// The files that are sent to the engine: all but those that stopped it.
    fn readable(&self) -> Vec<FileEntry> {
        self.files
            .iter()
            .filter(|f| !self.failed.contains_key(&f.id))
            .cloned()
            .collect()
    }

    /// Before a read: remember the files to go back to, and forget packed data.
    fn files_changing(&mut self) {
        if !self.busy() {
            self.before = Some(self.files.clone());
        }
        self.packed = None;
    }

    fn read(
        &mut self,
        files: &[FileEntry],
        request: impl FnOnce(Vec<scorecard_core::InputFile>) -> Request,
    ) {
        self.give_mappings();
        // A new (or restarted) engine hears of a calendar other than the default before
        // it reads, so case lists are worked out with it.
        if !self.engine_has_holidays && self.holidays != HolidaySettings::default() {
            self.ask_holidays();
        }
        let ids = files.iter().map(|f| f.id).collect();
        self.conversation
            .ask_with_files(files, request, Asked::Read { files: ids });
    }

    /// Before a read: the engine gets the column mappings, where it holds others.
    fn give_mappings(&mut self) {
        if self.engine_mappings != self.mappings {
            self.engine_mappings.clone_from(&self.mappings);
            let mappings = self.mappings.clone();
            self.conversation
                .ask(Request::Mappings(mappings), Vec::new(), Asked::Mappings);
        }
    }

    /// Asks the engine to read exactly the readable files, for the current view.
    fn replace(&mut self) {
        self.tell_area_before_reading();
        self.engine_has_view = true;
        let files = self.readable();
        let view = self.engine_view();
        self.read(&files, |files| Request::Replace { files, view });
    }

    /// Tells the engine the user's council before a read that may be its first since it
    /// (re)started: an engine keeps the council across reads, not across restarts.
    fn tell_area_before_reading(&mut self) {
        if let Some(area) = self.area.clone() {
            self.conversation
                .ask(Request::ChooseArea(Some(area)), Vec::new(), Asked::View);
        }
    }

    fn ask_view(&mut self) {
        self.engine_has_view = true;
        let view = self.engine_view();
        self.conversation
            .ask(Request::View(view), Vec::new(), Asked::View);
    }

    /// A new view: the engine hears of it now if it holds files, else with the first read.
    fn tell_view(&mut self) {
        if self.files.is_empty() {
            self.engine_has_view = false;
        } else {
            self.ask_view();
        }
    }

    fn ask_holidays(&mut self) {
        self.engine_has_holidays = true;
        let settings = self.holidays.clone();
        self.conversation
            .ask(Request::Holidays(settings), Vec::new(), Asked::View);
    }

    /// A new calendar: the engine hears of it now if it holds files, else before the
    /// first read.
    fn set_holidays(&mut self, text: String, easter_monday: bool) {
        let (local, problems) = parse_holiday_lines(&text);
        self.holidays_text = text;
        self.holiday_problems = problems;
        let settings = HolidaySettings {
            easter_monday,
            local,
        };
        if settings == self.holidays {
            return;
        }
        self.holidays = settings;
        if self.files.is_empty() {
            self.engine_has_holidays = false;
        } else {
            self.ask_holidays();
        }
    }

    fn ask_detail(&mut self) {
        if let (Some(code), Some(_)) = (&self.selected, &self.report) {
            let code = code.clone();
            self.conversation
                .ask(Request::Detail { code }, Vec::new(), Asked::Detail);
        }
    }

    fn ask_pack(&mut self) {
        let files = self.readable();
        if self.packed.is_none()
            && !files.is_empty()
            && !self.conversation.waiting_for(&Asked::Pack)
        {
            self.conversation
                .ask_with_files(&files, Request::Pack, Asked::Pack);
        }
    }

    /// Applies one action. Nothing here touches the browser: what is to be sent waits in
    /// the outbox, and the page's effects act on the fields.
    pub fn reduce(&mut self, action: Action) {
        match action {
            Action::Add(files) => {
                if files.is_empty() {
                    return;
                }
                self.files_changing();
                if self.files.is_empty() {
                    self.tell_area_before_reading();
                }
                if !self.engine_has_view && self.engine_view() != EngineView::default() {
                    self.ask_view();
                }
                self.read(&files, Request::Add);
                self.files.extend(files);
            }
            Action::Remove(id) => {
                if self.files.iter().any(|f| f.id == id) {
                    self.files_changing();
                    self.files.retain(|f| f.id != id);
                    self.failed.remove(&id);
                    self.replace();
                }
            }
            Action::ClearFiles => {
                self.files_changing();
                self.files.clear();
                self.failed.clear();
                self.selected = None;
                self.period = None;
                self.replace();
            }
            Action::SetPeriod(p) => {
                self.period = p;
                self.tell_view();
            }
            Action::SetSuppression(t) => {
                self.suppression = t.map(|t| t.clamp(1, 99));
                self.tell_view();
            }
            Action::Cancel => {
                self.files = self.before.take().unwrap_or_else(|| self.files.clone());
                self.conversation.restart();
                self.engine_ready = false;
                self.engine_has_view = false;
                self.engine_mappings.clear();
                self.engine_has_holidays = false;
                self.progress = None;
                self.packed = None;
                self.before = Some(self.files.clone());
                self.replace();
            }
            Action::Select(code) => {
                if code != self.selected {
                    self.detail = None;
                }
                self.selected = code;
                self.ask_detail();
            }
            Action::Filter(f) => self.filter = f,
            Action::Open { view, data, origin } => self.open(view, data, origin),
            Action::LinkError(e) => self.open_error = Some(e),
            Action::RememberData(on) => {
                self.remember_data = on;
                self.storage_problem = None;
                if on && !self.busy() {
                    self.ask_pack();
                }
            }
            Action::StorageFailed(why) => {
                self.remember_data = false;
                self.storage_problem = Some(format!(
                    "Your data could not be kept in this browser: {why}. The report is not affected; the box has been unticked."
                ));
            }
            Action::NeedPack => self.ask_pack(),
            Action::Export(format) => {
                self.export_error = None;
                self.conversation
                    .ask(Request::Export(format), Vec::new(), Asked::Export(format));
            }
            Action::Sent { upto } => self.conversation.done(upto),
            Action::Engine { id, response } => self.answer(id, response),
            Action::EngineTrouble(trouble) => self.trouble(trouble),
            Action::Downloaded => self.download = None,
            Action::ClearEverything => {
                let mut conversation = std::mem::take(&mut self.conversation);
                conversation.restart();
                *self = State {
                    conversation,
                    // The page forgets the kept mappings too: there are none now.
                    mappings_loaded: true,
                    page_idle: self.page_idle,
                    ..State::default()
                };
                self.warm();
            }
            Action::PageIdle => {
                self.page_idle = true;
                self.warm();
            }
            Action::EngineReady => self.engine_ready = true,
            Action::ChooseArea(area) => {
                let area = area.map(|a| a.trim().to_string()).filter(|a| !a.is_empty());
                if area == self.area {
                    return;
                }
                self.area = area.clone();
                // An engine that holds files hears it now; else it hears it with the
                // first read.
                if !self.files.is_empty() {
                    self.conversation
                        .ask(Request::ChooseArea(area), Vec::new(), Asked::View);
                }
            }
            Action::LoadMappings(mappings) => {
                self.mappings_loaded = true;
                if mappings != self.mappings {
                    self.mappings = mappings;
                    self.mappings_changed();
                }
            }
            Action::OpenMapping(place) => {
                if let Some(table) = self.unplaced(&place) {
                    let draft = MappingDraft::new(table, &self.mappings);
                    self.drafts.insert(place, draft);
                }
            }
            Action::ChooseHeaderRow { place, row } => {
                if let (Some(table), Some(draft)) = (
                    self.data.unplaced.iter().find(|u| u.place == place),
                    self.drafts.get_mut(&place),
                ) {
                    draft.choose_header(table, &self.mappings, row);
                }
            }
            Action::ChooseRole {
                place,
                column,
                key,
                period,
            } => {
                if let Some(draft) = self.drafts.get_mut(&place) {
                    draft.choose(column, key, period);
                }
            }
            Action::ApplyMapping(place) => self.apply_mapping(place),
            Action::CloseMapping(place) => {
                self.drafts.remove(&place);
            }
            Action::ForgetMapping(signature) => {
                let before = self.mappings.len();
                self.mappings.retain(|m| m.signature != signature);
                if self.mappings.len() != before {
                    self.mappings_loaded = true;
                    self.mappings_changed();
                }
            }
            Action::SetHolidays {
                text,
                easter_monday,
            } => self.set_holidays(text, easter_monday),
        }
    }

    /// The table not read at this place, as the engine last described it.
    fn unplaced(&self, place: &TablePlace) -> Option<&Unplaced> {
        self.data.unplaced.iter().find(|u| u.place == *place)
    }

    /// Reads the table with the mapping chosen, or says why it cannot be used yet.
    fn apply_mapping(&mut self, place: TablePlace) {
        let (Some(table), Some(draft)) = (self.unplaced(&place), self.drafts.get(&place)) else {
            return;
        };
        match draft.mapping(table) {
            Ok(mapping) => {
                self.drafts.remove(&place);
                self.mappings.retain(|m| m.signature != mapping.signature);
                self.mappings.push(mapping);
                self.mappings_loaded = true;
                self.mappings_changed();
            }
            Err(why) => {
                if let Some(d) = self.drafts.get_mut(&place) {
                    d.problem = Some(why);
                }
            }
        }
    }

    /// The engine gets the new mappings and reads the files again with them.
    fn mappings_changed(&mut self) {
        if self.files.is_empty() {
            return;
        }
        self.files_changing();
        self.replace();
    }

    fn open(&mut self, view: SharedView, data: Option<String>, origin: Origin) {
        self.period = view.period;
        self.filter = view.filter;
        self.selected = view.selected;
        self.suppression = view.suppression;
        self.remember_data = origin == Origin::Storage && data.is_some();
        self.from_link = origin == Origin::Link;
        // The engine learns the view with the first read, so a page opened from a link
        // without data starts no engine.
        self.engine_has_view = false;
        if let Some(d) = data {
            self.unpacking = Some(origin);
            self.conversation
                .ask(Request::Unpack(d), Vec::new(), Asked::Unpack);
        }
    }

    fn answer(&mut self, id: u64, response: Response) {
        if let Response::Progress { done, total } = response {
            if matches!(self.conversation.asked(id), Some(Asked::Read { .. })) {
                self.progress = Some(Progress { done, total });
            }
            return;
        }
        // An answer nobody waits for: from before a restart or a cancelled read.
        let Some(asked) = self.conversation.answered(id) else {
            return;
        };
        match response {
            Response::Progress { .. } => {}
            Response::Data(data) => self.data(*data, asked),
            Response::Export(Ok(d)) => self.download = Some(Rc::new(d)),
            Response::Export(Err(e)) => self.export_error = Some(e),
            Response::Packed(p) => self.packed = Some(p.map(Rc::new)),
            Response::Unpacked(result) => self.unpacked(result),
            Response::Detail(row) => {
                self.detail = row
                    .map(|r| Rc::new(*r))
                    .filter(|r| self.selected.as_deref() == Some(r.code.as_str()));
            }
            Response::Failed(e) => {
                self.engine_problem = Some(format!(
                    "Scorecard's engine could not do what was asked: {e}."
                ));
            }
            Response::MappingsSet => {}
            Response::NeedsFullEngine => self.needs_full_engine(asked),
        }
    }

    /// The small engine cannot do what was asked (a workbook to read or write): the full
    /// engine takes over, is told what the small one was told, reads the files again and
    /// is asked for the downloads still waiting.
    fn needs_full_engine(&mut self, asked: Asked) {
        if self.conversation.build == EngineBuild::Full {
            // The full engine has everything; an engine saying otherwise is not ours.
            self.engine_problem =
                Some("Scorecard's engine could not do what was asked: it lacks the workbook reader and writer. Reload the page to start again.".to_string());
            return;
        }
        let mut exports = self.conversation.exports_waiting();
        if let Asked::Export(format) = asked {
            exports.insert(0, format);
        }
        self.conversation.upgrade();
        self.engine_has_view = false;
        self.engine_mappings.clear();
        self.engine_has_holidays = false;
        self.progress = None;
        if !self.files.is_empty() {
            self.replace();
        }
        for format in exports {
            self.conversation
                .ask(Request::Export(format), Vec::new(), Asked::Export(format));
        }
    }

    fn data(&mut self, mut data: Data, asked: Asked) {
        if matches!(asked, Asked::Read { .. }) {
            self.restarts = 0;
        }
        if self.engine_problem.as_deref() == Some(REREADING) && !self.busy() {
            self.engine_problem = Some(REREAD.to_string());
        }
        if !self.busy() {
            self.before = None;
            self.progress = None;
        }
        self.period = data.period;
        // A table read now (or gone with its file) needs no mapping step.
        self.drafts
            .retain(|place, _| data.unplaced.iter().any(|u| u.place == *place));
        self.report = data.report.take().map(Rc::new);
        self.data = Rc::new(data);
        // The open PI's history is asked for again for the new report.
        self.detail = None;
        self.ask_detail();
        if self.remember_data && !self.busy() {
            self.ask_pack();
        }
    }

    /// Starts the engine ahead of the first file, once the first screen is up and while
    /// nothing else is asked of it (a request starts it anyway).
    fn warm(&mut self) {
        if self.page_idle && !self.engine_ready && self.conversation.asks_nothing() {
            self.conversation.warm();
        }
    }

    fn unpacked(&mut self, result: Result<Vec<scorecard_core::InputFile>, String>) {
        let origin = self.unpacking.take();
        match result {
            Ok(files) => {
                self.files_changing();
                self.failed.clear();
                self.files = files
                    .into_iter()
                    .map(|f| {
                        let entry = FileEntry::new(f.name, f.bytes.len() as u64);
                        self.conversation.hold(Held {
                            id: entry.id,
                            bytes: Rc::new(f.bytes),
                        });
                        entry
                    })
                    .collect();
                self.replace();
            }
            Err(e) => {
                self.open_error = Some(match origin {
                    Some(Origin::Storage) => format!(
                        "The data kept in this browser could not be read: {e}. They have been left as they were."
                    ),
                    _ => format!("This share link could not be opened: {e}."),
                });
            }
        }
    }

    /// The engine died or could not be used: restart it with the user's files, and find
    /// the file that killed it by reading the suspects one at a time. A file is blamed
    /// only when it stops the engine twice, the second time alone: one crash may have
    /// had another cause.
    fn trouble(&mut self, trouble: EngineTrouble) {
        if self.files.is_empty() && self.conversation.outstanding.is_empty() {
            return self.early_engine_trouble(trouble);
        }
        let suspects = self.conversation.files_being_read();
        self.restarts += 1;
        if self.restarts > MAX_RESTARTS || matches!(trouble, EngineTrouble::CouldNotStart(_)) {
            self.conversation.give_up();
            self.progress = None;
            self.engine_problem = Some(match trouble {
                EngineTrouble::CouldNotStart(e) => format!(
                    "Scorecard's engine could not start in this browser ({e}). Reload the page to try again."
                ),
                _ => "Scorecard's engine stopped several times in a row. Reload the page to start again; your files have not been changed.".to_string(),
            });
            return;
        }
        self.conversation.restart();
        self.engine_ready = false;
        self.engine_has_view = false;
        self.engine_mappings.clear();
        self.engine_has_holidays = false;
        self.progress = None;
        let why = match trouble {
            EngineTrouble::Stopped(why) => why,
            EngineTrouble::Stale { .. } => {
                self.engine_problem = Some(UPDATED.to_string());
                return self.replace();
            }
            EngineTrouble::CouldNotStart(_) => return,
        };
        for id in &suspects {
            *self.strikes.entry(*id).or_default() += 1;
        }
        match suspects.as_slice() {
            [one] if self.strikes.get(one).copied().unwrap_or_default() >= 2 => {
                self.blame(*one, &why);
                self.replace();
            }
            [] => {
                // Not while reading: the view is the likeliest cause, so go back to the
                // latest period.
                self.period = None;
                self.engine_problem = Some(format!(
                    "Scorecard's engine stopped while working out the report ({why}) and was restarted with your files."
                ));
                self.replace();
            }
            suspects => {
                self.engine_problem = Some(REREADING.to_string());
                self.reread_one_at_a_time(suspects);
            }
        }
    }

    /// An engine with nothing to do (started early, or left with no files) stopped: there
    /// is nothing to read again. It is dropped; a stale one (this page is older than the
    /// site) is said so and started afresh, twice at most; one that died or could not
    /// start is left for the first file to start again, which meets the usual restarts
    /// and, if it keeps failing, the usual message.
    fn early_engine_trouble(&mut self, trouble: EngineTrouble) {
        self.conversation.restart();
        self.engine_ready = false;
        self.engine_has_view = false;
        self.engine_mappings.clear();
        self.engine_has_holidays = false;
        if let EngineTrouble::Stale { .. } = trouble {
            self.engine_problem = Some(UPDATED.to_string());
            if self.early_restarts < 2 {
                self.early_restarts += 1;
                self.warm();
            }
        }
    }

    /// Reads the files that were not in flight, then each suspect on its own: if one
    /// stops the engine again, it is the only one in flight and can be named.
    fn reread_one_at_a_time(&mut self, suspects: &[FileId]) {
        let (innocent, suspect): (Vec<FileEntry>, Vec<FileEntry>) = self
            .readable()
            .into_iter()
            .partition(|f| !suspects.contains(&f.id));
        let view = self.engine_view();
        self.tell_area_before_reading();
        self.engine_has_view = true;
        self.read(&innocent, |files| Request::Replace { files, view });
        for f in suspect {
            self.read(std::slice::from_ref(&f), Request::Add);
        }
    }

    fn blame(&mut self, id: FileId, why: &str) {
        let name = self.name_of(id);
        self.failed.insert(
            id,
            format!("it stopped Scorecard's engine ({why}), so it was not read"),
        );
        self.engine_problem = Some(format!(
            "{name} stopped Scorecard's engine twice, so it was left out; every other file still counts. Remove it, or check it and add it again."
        ));
    }

    fn name_of(&self, id: FileId) -> String {
        self.files
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| "A file".to_string(), |f| f.name.clone())
    }
}

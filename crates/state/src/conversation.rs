//! The conversation with the engine, as the state keeps it: what is still to be sent, and
//! what was asked and not yet answered.

use std::collections::BTreeMap;

use scorecard_core::engine::{ExportFormat, Request};
use scorecard_core::InputFile;

use crate::files::{FileEntry, FileId, Held};

/// Which build of the engine the page runs. The small one comes first: CSV files need
/// nothing else, and it is a fraction of the download. The full one (workbooks in and out)
/// takes over for good once a request needs it; the small one says so
/// ([`scorecard_core::engine::Response::NeedsFullEngine`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EngineBuild {
    /// Reads CSV and writes CSV: no workbook reader or writer.
    #[default]
    Csv,
    /// Everything, workbooks too.
    Full,
}

/// Something for the page's one effect to do with the engine, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Outgoing {
    /// Stop the engine, whatever it is doing, and start a fresh one of this build.
    Restart { id: u64, build: EngineBuild },
    /// Start the engine now, if it is not running, though nothing is asked of it yet:
    /// its code is fetched, compiled and warmed while the user looks at the first screen.
    Warm { id: u64 },
    /// Send this request; the contents of `files` travel beside it, in order.
    Send {
        id: u64,
        request: Request,
        files: Vec<FileId>,
    },
}

/// What a request still unanswered was for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Asked {
    /// Files to read (added, replaced, or the view changed): the report will change.
    Read {
        files: Vec<FileId>,
    },
    /// A new period or suppression: the report will change.
    View,
    Detail,
    Export(ExportFormat),
    /// Files packed for a link or this browser's storage.
    Pack,
    /// A link's or this browser's data part.
    Unpack,
    /// The column mappings given to the engine.
    Mappings,
}

impl Asked {
    /// Whether the page waits for this answer before it shows a settled report.
    pub fn changes_report(&self) -> bool {
        matches!(self, Asked::Read { .. } | Asked::View)
    }
}

impl Outgoing {
    /// Its place in the order things were queued.
    pub fn id(&self) -> u64 {
        match self {
            Outgoing::Restart { id, .. } | Outgoing::Warm { id } | Outgoing::Send { id, .. } => *id,
        }
    }
}

/// The outbox and the requests in flight. One counter numbers everything queued, so the
/// page can tell what it has already done, and an answer to a request from before a
/// restart is recognised as nobody's.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Conversation {
    pub outbox: Vec<Outgoing>,
    /// Contents to keep before the requests that name them are sent.
    pub held: Vec<(u64, Held)>,
    pub outstanding: BTreeMap<u64, Asked>,
    next_id: u64,
    /// The build the engine is (or will be, once started).
    pub build: EngineBuild,
}

impl Conversation {
    fn next(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// The number of the last thing queued: it changes whenever there is more to do.
    pub fn last_queued(&self) -> u64 {
        self.next_id
    }

    /// Queues a request and remembers what it was for.
    pub fn ask(&mut self, request: Request, files: Vec<FileId>, asked: Asked) -> u64 {
        let id = self.next();
        self.outstanding.insert(id, asked);
        self.outbox.push(Outgoing::Send { id, request, files });
        id
    }

    /// Queues the engine's start, with nothing asked of it yet.
    pub fn warm(&mut self) {
        let id = self.next();
        self.outbox.push(Outgoing::Warm { id });
    }

    /// Whether no request is queued or awaited (a restart may be).
    pub fn asks_nothing(&self) -> bool {
        self.outstanding.is_empty()
            && !self
                .outbox
                .iter()
                .any(|o| matches!(o, Outgoing::Send { .. } | Outgoing::Warm { .. }))
    }

    /// Queues contents for the page to keep.
    pub fn hold(&mut self, held: Held) {
        let id = self.next();
        self.held.push((id, held));
    }

    /// The page has done everything queued up to `upto`.
    pub fn done(&mut self, upto: u64) {
        self.outbox.retain(|o| o.id() > upto);
        self.held.retain(|(id, _)| *id > upto);
    }

    /// Queues a request carrying `files`: their names travel in the message, their
    /// contents beside it.
    pub fn ask_with_files(
        &mut self,
        files: &[FileEntry],
        request: impl FnOnce(Vec<InputFile>) -> Request,
        asked: Asked,
    ) -> u64 {
        let named = files
            .iter()
            .map(|f| InputFile {
                name: f.name.clone(),
                bytes: Vec::new(),
            })
            .collect();
        self.ask(request(named), files.iter().map(|f| f.id).collect(), asked)
    }

    /// Everything in flight is forgotten and the engine restarted: its answers, if any
    /// still come, are for requests nobody waits for.
    pub fn restart(&mut self) {
        self.outstanding.clear();
        self.outbox.clear();
        let id = self.next();
        self.outbox.push(Outgoing::Restart {
            id,
            build: self.build,
        });
    }

    /// From now on the full engine: everything in flight is forgotten, as in a restart.
    pub fn upgrade(&mut self) {
        self.build = EngineBuild::Full;
        self.restart();
    }

    /// The downloads asked for and not yet answered.
    pub fn exports_waiting(&self) -> Vec<ExportFormat> {
        self.outstanding
            .values()
            .filter_map(|a| match a {
                Asked::Export(format) => Some(*format),
                _ => None,
            })
            .collect()
    }

    /// Nothing more is sent or awaited: the engine cannot be used.
    pub fn give_up(&mut self) {
        self.outstanding.clear();
        self.outbox.clear();
    }

    /// Takes an answer: what its request was for, or `None` for one nobody waits for.
    pub fn answered(&mut self, id: u64) -> Option<Asked> {
        self.outstanding.remove(&id)
    }

    /// What the request with this id was for, while it is unanswered.
    pub fn asked(&self, id: u64) -> Option<&Asked> {
        self.outstanding.get(&id)
    }

    /// Whether the report is about to change.
    pub fn busy(&self) -> bool {
        self.outstanding.values().any(Asked::changes_report)
    }

    /// The files of the reads in flight (the suspects when the engine dies).
    pub fn files_being_read(&self) -> Vec<FileId> {
        let mut ids: Vec<FileId> = self
            .outstanding
            .values()
            .flat_map(|a| match a {
                Asked::Read { files } => files.clone(),
                _ => Vec::new(),
            })
            .collect();
        ids.sort();
        ids.dedup();
        ids
    }

    /// Whether a request of this kind is queued or in flight.
    pub fn waiting_for(&self, asked: &Asked) -> bool {
        self.outstanding.values().any(|a| a == asked)
    }
}

//! Records -> [`Report`]: completion status rolled up the org hierarchy (SPEC §7).
//!
//! Every number of every format is computed here, once; renderers only lay it out. The parts:
//! the counts that add up ([`counts`]), the report they make ([`report`]), org paths and what
//! `--org` names ([`org`]), the builder ([`build`](mod@build)), what `--public` withholds
//! (`public`), the units that report to the org ([`reporting`]), stored reports read back ([`stored`]) and added up ([`merge`]).

pub mod build;
pub mod counts;
pub mod figures;
pub mod merge;
pub mod order;
pub mod org;
mod public;
pub mod report;
mod reporting;
pub mod stored;

pub use build::{By, Options, Parts, assemble, assemble_parts, build, files_with_errors};
pub use counts::{ItemCounts, SelfCheckCounts, Totals};
pub use org::{
    CANDIDATES_SHOWN, OrgError, enclosing_org, folders_holding, is_within, org_folders, resolve_in,
    resolve_org,
};
pub use report::{
    AreaRow, CampaignInfo, DueItem, FORMAT, GENERATOR, GroupRow, ItemRow, LeftOut, LinkedItem,
    Notices, OrgRow, Progress, RemindReasons, Report, ReviewNote, ShownTexts, SourceInfo, TaskRow,
    UnitArea, UnitRow, VERSION, Withheld, overdue_by_age,
};

//! Looking back over git (SPEC §11): revisions read straight from the repository's objects.
//!
//! A revision's tree is read through the same decode -> parse -> model path as the work tree
//! (a [`Snapshot`] is an [`Origin`]), with no checkout and no git binary: nothing in the work
//! tree changes. A revision is what git accepts (`HEAD~3`, a tag, a hash) or `@DATE`, the
//! last commit on the first-parent line at or before the end of that day (in the commit's own
//! time zone).

pub mod diff;
pub mod rebound;
pub mod trend;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use gix::ObjectId;
use gix::bstr::ByteSlice;
use jiff::civil::Date;
use rayon::prelude::*;

use crate::diagnostic::outcome::Fatal;
use crate::diagnostic::{Code, Diagnostic};
use crate::load::discover::{self, Entry, EntryKind};
use crate::load::origin::{Look, Origin, Reader};
use crate::load::source::FileId;
use crate::load::{self, MAX_FILE_SIZE};
use crate::model::records::{Records, Reuse};
use crate::rollup::SourceInfo;
use crate::text::messages::files::FileMsg;
use crate::text::messages::history::{HistoryMsg, RevisionWhy};

/// The object cache of each reading thread: enough to read a province's tree at once.
const OBJECT_CACHE: usize = 64 * 1024 * 1024;

/// The repository that holds a records root.
pub struct Repo {
    repo: gix::ThreadSafeRepository,
    /// The root's folder inside the repository's trees, `/`-separated; `""` at the top.
    prefix: String,
    shallow: bool,
}

/// One commit, with what the commands need of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commit {
    pub id: ObjectId,
    /// The committer's date, in the committer's time zone.
    pub date: Date,
    tree: ObjectId,
    first_parent: Option<ObjectId>,
}

impl Commit {
    pub fn hex(&self) -> String {
        self.id.to_string()
    }
}

fn git_error(e: impl std::fmt::Display) -> Fatal {
    Fatal::from(HistoryMsg::GitError {
        detail: e.to_string(),
    })
}

impl Repo {
    /// The repository whose work tree holds `root`; exit 2 outside one.
    pub fn open(root: &Path) -> Result<Repo, Fatal> {
        let not_a_repository = || Fatal {
            message: HistoryMsg::NotARepository {
                path: root.display().to_string(),
            }
            .into(),
            help: Some(HistoryMsg::NotARepositoryHelp.into()),
        };
        let repo = gix::ThreadSafeRepository::discover(root).map_err(|_| not_a_repository())?;
        let workdir = repo
            .work_dir()
            .map(Path::to_path_buf)
            .ok_or_else(not_a_repository)?;
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
        let (root_abs, workdir_abs) = (canonical(root), canonical(&workdir));
        let rel: PathBuf = root_abs
            .strip_prefix(&workdir_abs)
            .map_err(|_| not_a_repository())?
            .to_path_buf();
        let prefix = discover::relative(Path::new(""), &rel);
        let shallow = repo.to_thread_local().is_shallow().unwrap_or(false);
        Ok(Repo {
            repo,
            prefix,
            shallow,
        })
    }

    fn local(&self) -> gix::Repository {
        let mut repo = self.repo.to_thread_local();
        repo.object_cache_size(OBJECT_CACHE);
        repo
    }

    /// HEAD's commit; `None` before the first commit.
    pub fn head(&self) -> Option<Commit> {
        let repo = self.local();
        let id = repo.head_id().ok()?.detach();
        commit_of(&repo, id).ok()
    }

    /// What `rev` names: a revision git accepts, or `@DATE`.
    pub fn resolve(&self, rev: &str) -> Result<Commit, Fatal> {
        let repo = self.local();
        if let Some(day) = rev.strip_prefix('@')
            && let Ok(date) = day.parse::<Date>()
        {
            return self.at_date(&repo, rev, date);
        }
        let found = repo
            .rev_parse_single(rev.as_bytes().as_bstr())
            .map_err(|e| e.to_string())
            .and_then(|id| commit_of(&repo, id.detach()));
        found.map_err(|detail| self.unknown(rev, RevisionWhy::Git(detail)))
    }

    fn unknown(&self, rev: &str, why: RevisionWhy) -> Fatal {
        // A revision is echoed at most this long, and the reader's words about it with it.
        const SHOWN: usize = 100;
        let shown = crate::text::escape::shorten(rev, SHOWN);
        let why = match why {
            RevisionWhy::Git(detail) => {
                let detail = if rev.chars().count() > SHOWN {
                    first_line(&detail).replace(rev, &shown)
                } else {
                    first_line(&detail)
                };
                RevisionWhy::Git(crate::text::escape::shorten(&detail, 2 * SHOWN))
            }
            other => other,
        };
        let rev = shown.as_str();
        if self.shallow {
            Fatal {
                message: HistoryMsg::ShallowLacks {
                    rev: rev.to_owned(),
                }
                .into(),
                help: Some(HistoryMsg::ShallowHelp.into()),
            }
        } else {
            Fatal {
                message: HistoryMsg::UnknownRevision {
                    rev: rev.to_owned(),
                    why,
                }
                .into(),
                help: Some(HistoryMsg::UnknownRevisionHelp.into()),
            }
        }
    }

    fn at_date(&self, repo: &gix::Repository, rev: &str, date: Date) -> Result<Commit, Fatal> {
        let head = self
            .head()
            .ok_or_else(|| self.unknown(rev, RevisionWhy::NoCommit))?;
        let line = self.first_parents_of(repo, head)?;
        line.into_iter()
            .find(|c| c.date <= date)
            .ok_or_else(|| self.unknown(rev, RevisionWhy::NoneBy(date)))
    }

    /// The first-parent line from `from` back to the first commit, newest first. In a shallow
    /// clone it ends where the clone does.
    pub fn first_parents(&self, from: &Commit) -> Result<Vec<Commit>, Fatal> {
        self.first_parents_of(&self.local(), from.clone())
    }

    fn first_parents_of(&self, repo: &gix::Repository, from: Commit) -> Result<Vec<Commit>, Fatal> {
        let mut line = vec![from];
        while let Some(parent) = line.last().and_then(|c| c.first_parent) {
            match commit_of(repo, parent) {
                Ok(commit) => line.push(commit),
                Err(_) if self.shallow => break,
                Err(detail) => return Err(git_error(detail)),
            }
        }
        Ok(line)
    }

    /// Whether the clone is shallow (its history cut short).
    pub fn is_shallow(&self) -> bool {
        self.shallow
    }

    /// The records tree at `commit`, listed (nothing is read yet).
    pub fn snapshot(&self, commit: &Commit) -> Result<Snapshot, Fatal> {
        self.snapshot_after(commit, None)
    }

    /// [`Repo::snapshot`], taking over from `before` (another commit's tree) the listing of
    /// every folder whose tree is the same at the same path: only the folders that changed are
    /// read.
    pub fn snapshot_after(
        &self,
        commit: &Commit,
        before: Option<&Snapshot>,
    ) -> Result<Snapshot, Fatal> {
        let repo = self.local();
        let root_tree = if self.prefix.is_empty() {
            Some(commit.tree)
        } else {
            let tree = repo.find_tree(commit.tree).map_err(git_error)?;
            tree.lookup_entry_by_path(&self.prefix)
                .map_err(git_error)?
                .filter(|e| e.mode().is_tree())
                .map(|e| e.object_id())
        };
        let mut listing = Listing::default();
        if let Some(tree) = root_tree {
            listing.dirs.push((String::new(), tree, true));
            let walk = Walk { before, depth: 1 };
            list(&repo, tree, "", walk, &mut listing)?;
        }
        let Listing {
            mut files,
            mut entries,
            mut others,
            mut dirs,
        } = listing;
        files.sort_by(|a, b| a.0.cmp(&b.0));
        entries.sort_by(|a: &Entry, b| a.rel.cmp(&b.rel));
        others.sort_by(|a, b| a.0.cmp(&b.0));
        dirs.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Snapshot {
            repo: self.repo.clone(),
            commit: commit.clone(),
            root_tree,
            files,
            others,
            dirs,
            entries,
        })
    }

    /// The records at `commit`, loaded as the work tree is.
    pub fn load(&self, root: &Path, commit: &Commit) -> Result<Records, Fatal> {
        Ok(self.snapshot(commit)?.load(root, None))
    }

    /// [`Repo::load`], taking over the models of `before` (another state of the tree) for the
    /// files whose blob is the same: only what changed is read and parsed.
    pub fn load_after(
        &self,
        root: &Path,
        commit: &Commit,
        before: &Records,
    ) -> Result<Records, Fatal> {
        Ok(self.snapshot(commit)?.load(root, Some(before)))
    }

    /// The record files of the work tree (`records`, loaded from disk) that differ from
    /// `snapshot`: changed or added (by path, relative to the root), and whether any record of
    /// the snapshot is gone from the work tree.
    pub fn changed_files(&self, snapshot: &Snapshot, records: &Records) -> (Vec<String>, bool) {
        let known: HashMap<&str, Node> = snapshot
            .files
            .iter()
            .map(|(rel, node)| (rel.as_str(), *node))
            .collect();
        let ids: Vec<FileId> = (0..records.files.len() as u32).map(FileId).collect();
        let changed: Vec<String> = ids
            .par_iter()
            .filter_map(|&id| {
                let file = records.files.get(id);
                let on_disk = records.root.join(file.path());
                let same = known.get(file.path()).is_some_and(|node| match node.kind {
                    Look::File => {
                        file.text().is_ok_and(|t| blob_id(t.as_bytes()) == node.id) || {
                            // As it is on disk now, read as a record is read: a file
                            // swapped for a pipe or a large file meanwhile is no wait.
                            let mut bytes = Vec::new();
                            load::read_record_bytes(&on_disk, &mut bytes).is_ok()
                                && blob_id(&bytes) == node.id
                        }
                    }
                    Look::Link => std::fs::symlink_metadata(&on_disk)
                        .is_ok_and(|m| m.file_type().is_symlink()),
                    Look::Other | Look::Missing => false,
                });
                (!same).then(|| file.path().to_string())
            })
            .collect();
        let present: std::collections::HashSet<&str> = (0..records.files.len() as u32)
            .map(|i| records.files.path(FileId(i)))
            .collect();
        let gone = snapshot
            .entries
            .iter()
            .any(|e| matches!(e.kind, EntryKind::Toml) && !present.contains(e.rel.as_str()));
        let mut changed = changed;
        changed.sort();
        (changed, gone)
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_owned()
}

fn blob_id(bytes: &[u8]) -> ObjectId {
    gix::objs::compute_hash(gix::hash::Kind::Sha1, gix::objs::Kind::Blob, bytes)
        .unwrap_or_else(|_| ObjectId::null(gix::hash::Kind::Sha1))
}

fn commit_of(repo: &gix::Repository, id: ObjectId) -> Result<Commit, String> {
    let object = repo.find_object(id).map_err(|e| e.to_string())?;
    let commit = object.peel_to_commit().map_err(|e| e.to_string())?;
    let time = commit.time().map_err(|e| e.to_string())?;
    let date = jiff::Timestamp::from_second(time.seconds)
        .ok()
        .zip(jiff::tz::Offset::from_seconds(time.offset).ok())
        .map(|(ts, offset)| ts.to_zoned(jiff::tz::TimeZone::fixed(offset)).date())
        .ok_or_else(|| format!("commit {id} has an impossible date"))?;
    Ok(Commit {
        id: commit.id,
        date,
        tree: commit.tree_id().map_err(|e| e.to_string())?.detach(),
        first_parent: commit.parent_ids().next().map(|p| p.detach()),
    })
}

/// One path of a snapshot: what it is and its object.
#[derive(Clone, Copy, Debug)]
struct Node {
    kind: Look,
    id: ObjectId,
}

/// Lists the tree `id` at `rel` (depth 1: the root's entries) as the walk would: skipped
/// names are not entered, links are listed and not followed.
/// What the walk of a revision's tree finds.
#[derive(Default)]
struct Listing {
    /// Record files and links, by path.
    files: Vec<(String, Node)>,
    entries: Vec<Entry>,
    /// Every other blob of a listed folder (a report file, a hidden file), by path.
    others: Vec<(String, Node)>,
    /// Every folder met, by path, and whether its entries were listed (a skipped folder's are
    /// not).
    dirs: Vec<(String, ObjectId, bool)>,
}

/// How deep a listing is, and the listing of another commit to take same folders from.
#[derive(Clone, Copy)]
struct Walk<'b> {
    before: Option<&'b Snapshot>,
    depth: usize,
}

impl Walk<'_> {
    fn below(self) -> Self {
        Walk {
            depth: self.depth + 1,
            ..self
        }
    }
}

/// The longest path (in bytes, from the root) of a folder the listing enters: what a file
/// system lets the work-tree walk open (`PATH_MAX`). A deeper folder of a commit is reported
/// as the walk would report it, as a folder that cannot be read.
const MAX_PATH: usize = 4096;

/// Lists the tree `id` at `rel` (`walk.depth` 1: the root's entries) as the walk would: skipped
/// names are not entered, links are listed and not followed, a name listed twice in one tree
/// is listed once and reported. Folders are listed from a stack, not by recursion, so a
/// commit thousands of folders deep costs no stack; below the root, the top folders (the
/// cities) are listed two at a time.
fn list(
    repo: &gix::Repository,
    id: ObjectId,
    rel: &str,
    walk: Walk<'_>,
    out: &mut Listing,
) -> Result<(), Fatal> {
    let mut stack = vec![(id, rel.to_owned(), walk.depth)];
    let mut top = Vec::new();
    while let Some((id, rel, depth)) = stack.pop() {
        let walk = Walk { depth, ..walk };
        list_one(repo, id, &rel, walk, out, &mut |oid, path| {
            if depth == 1 {
                top.push((oid, path));
            } else {
                stack.push((oid, path, depth + 1));
            }
        })?;
    }
    if top.is_empty() {
        return Ok(());
    }
    let sync = repo.clone().into_sync();
    let listed: Vec<Result<Listing, Fatal>> = top
        .into_par_iter()
        .map_init(
            || sync.to_thread_local(),
            |repo, (oid, path)| {
                let mut listing = Listing::default();
                list(repo, oid, &path, walk.below(), &mut listing).map(|()| listing)
            },
        )
        .collect();
    for listing in listed {
        let listing = listing?;
        out.files.extend(listing.files);
        out.entries.extend(listing.entries);
        out.others.extend(listing.others);
        out.dirs.extend(listing.dirs);
    }
    Ok(())
}

/// The entries of one tree; each folder to enter is handed to `enter`.
fn list_one(
    repo: &gix::Repository,
    id: ObjectId,
    rel: &str,
    walk: Walk<'_>,
    out: &mut Listing,
    enter: &mut dyn FnMut(ObjectId, String),
) -> Result<(), Fatal> {
    let depth = walk.depth;
    let tree = repo.find_tree(id).map_err(git_error)?;
    let decoded = tree.decode().map_err(git_error)?;
    let join = |name: &str| {
        if rel.is_empty() {
            name.to_owned()
        } else {
            format!("{rel}/{name}")
        }
    };
    let mut names = std::collections::HashSet::new();
    for entry in &decoded.entries {
        let is_dir = entry.mode.is_tree();
        if !names.insert(entry.filename) {
            // A tree that lists a name twice (git writes none; a tool may): the first is
            // read, the second reported, so nothing is counted twice.
            let shown = String::from_utf8_lossy(entry.filename);
            out.entries.push(Entry {
                rel: join(&shown),
                path: None,
                kind: EntryKind::Error("listed twice in the commit's tree".into()),
            });
            continue;
        }
        let Ok(name) = std::str::from_utf8(entry.filename) else {
            if let Some((shown, kind)) = discover::name_not_utf8(entry.filename, is_dir) {
                out.entries.push(Entry {
                    rel: join(&shown),
                    path: None,
                    kind,
                });
            }
            continue;
        };
        let path = join(name);
        let oid = entry.oid.to_owned();
        if discover::skipped_name(name, depth, is_dir) {
            if is_dir {
                out.dirs.push((path, oid, false));
            } else if entry.mode.is_blob() {
                out.others.push((path, node(Look::File, oid)));
            } else if entry.mode.is_link() {
                out.others.push((path, node(Look::Link, oid)));
            }
            continue;
        }
        if is_dir {
            if let Some(before) = walk.before
                && before.take_folder(&path, oid, out)
            {
                continue;
            }
            if path.len() >= MAX_PATH {
                out.dirs.push((path.clone(), oid, false));
                out.entries.push(Entry {
                    rel: path,
                    path: None,
                    kind: EntryKind::Error("path too long: not entered".into()),
                });
                continue;
            }
            out.dirs.push((path.clone(), oid, true));
            enter(oid, path);
        } else if entry.mode.is_link() {
            out.files.push((path.clone(), node(Look::Link, oid)));
            out.entries.push(Entry {
                rel: path,
                path: None,
                kind: EntryKind::Symlink,
            });
        } else if entry.mode.is_blob() {
            match discover::file_kind(name) {
                Some(kind) => {
                    out.files.push((path.clone(), node(Look::File, oid)));
                    out.entries.push(Entry {
                        rel: path,
                        path: None,
                        kind,
                    });
                }
                None => out.others.push((path, node(Look::File, oid))),
            }
        }
    }
    Ok(())
}

fn node(kind: Look, id: ObjectId) -> Node {
    Node { kind, id }
}

/// The records tree of one commit, read from the repository's objects.
pub struct Snapshot {
    repo: gix::ThreadSafeRepository,
    pub commit: Commit,
    /// The tree of the root's folder; `None` where the commit has no such folder.
    root_tree: Option<ObjectId>,
    /// The files the walk lists, by path.
    files: Vec<(String, Node)>,
    /// The other blobs and the folders of the walk, by path: what [`Snapshot::find`] answers
    /// without reading a tree.
    others: Vec<(String, Node)>,
    dirs: Vec<(String, ObjectId, bool)>,
    /// What the walk lists, by path, as the loader takes them.
    entries: Vec<Entry>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("commit", &self.commit)
            .field("files", &self.files.len())
            .finish()
    }
}

impl Snapshot {
    /// Where this tree has the folder `path` listed with the tree `id`: puts the folder and
    /// everything listed below it into `out`, and says so.
    fn take_folder(&self, path: &str, id: ObjectId, out: &mut Listing) -> bool {
        let found = self
            .dirs
            .binary_search_by(|(p, _, _)| p.as_str().cmp(path))
            .ok()
            .map(|i| &self.dirs[i]);
        if !found.is_some_and(|(_, was, listed)| *was == id && *listed) {
            return false;
        }
        // Everything below `path/` sorts between it and `path0` ('0' follows '/').
        let (from, to) = (format!("{path}/"), format!("{path}0"));
        fn below<'l, T>(list: &'l [T], key: fn(&T) -> &str, from: &str, to: &str) -> &'l [T] {
            let start = list.partition_point(|x| key(x) < from);
            let end = list.partition_point(|x| key(x) < to);
            &list[start..end.max(start)]
        }
        fn first(x: &(String, Node)) -> &str {
            &x.0
        }
        out.dirs.push((path.to_owned(), id, true));
        out.files
            .extend_from_slice(below(&self.files, first, &from, &to));
        out.others
            .extend_from_slice(below(&self.others, first, &from, &to));
        out.dirs
            .extend_from_slice(below(&self.dirs, |x| &x.0, &from, &to));
        out.entries
            .extend_from_slice(below(&self.entries, |e| &e.rel, &from, &to));
        true
    }

    /// The records of this tree, `root` standing for its top; with `before`, the models of the
    /// files whose blob is the same in both are taken over from it.
    pub fn load(self, root: &Path, before: Option<&Records>) -> Records {
        let origin = Arc::new(self);
        match before {
            Some(before) => Records::load_reusing(root, origin, &Reuse::of(before)),
            None => Records::load_from(root, origin),
        }
    }

    /// What is at `rel`, step by step from the root's tree, never through a link.
    fn find(&self, repo: &gix::Repository, rel: &str) -> Option<Node> {
        match self.listed(rel) {
            Some(found) => found,
            None => self.walk(repo, rel),
        }
    }

    /// What the walk's lists say is at `rel`: `None` where they cannot tell (a path through a
    /// skipped folder, a file or a link, or not written plainly), and the tree must be read.
    fn listed(&self, rel: &str) -> Option<Option<Node>> {
        let search = |list: &[(String, Node)]| {
            list.binary_search_by(|(p, _)| p.as_str().cmp(rel))
                .ok()
                .map(|i| list[i].1)
        };
        if let Some(found) = search(&self.files).or_else(|| search(&self.others)) {
            return Some(Some(found));
        }
        let dir = |path: &str| {
            self.dirs
                .binary_search_by(|(p, _, _)| p.as_str().cmp(path))
                .ok()
                .map(|i| &self.dirs[i])
        };
        if let Some((_, id, _)) = dir(rel) {
            return Some(Some(node(Look::Other, *id)));
        }
        if rel.split('/').any(|p| p.is_empty() || p == ".") {
            return None;
        }
        let parent = rel.rsplit_once('/').map_or("", |(parent, _)| parent);
        // Every entry of a listed folder is known: anything else there is missing.
        match dir(parent) {
            Some((_, _, true)) => Some(None),
            _ => None,
        }
    }

    /// What is at `rel`, read step by step from the root's tree.
    fn walk(&self, repo: &gix::Repository, rel: &str) -> Option<Node> {
        let mut current = node(Look::Other, self.root_tree?);
        for part in rel.split('/').filter(|p| !p.is_empty() && *p != ".") {
            if current.kind != Look::Other {
                return Some(current);
            }
            let tree = repo.find_tree(current.id).ok()?;
            let decoded = tree.decode().ok()?;
            let entry = decoded
                .entries
                .iter()
                .find(|e| e.filename.as_bytes() == part.as_bytes())?;
            let kind = if entry.mode.is_tree() {
                Look::Other
            } else if entry.mode.is_link() {
                Look::Link
            } else if entry.mode.is_blob() {
                Look::File
            } else {
                // A submodule: nothing of it is in this repository.
                return None;
            };
            current = node(kind, entry.oid.to_owned());
        }
        Some(current)
    }
}

impl Origin for Snapshot {
    fn entries(&self, _root: &Path) -> Vec<Entry> {
        self.entries.clone()
    }

    fn reader(&self) -> Box<dyn Reader + '_> {
        let mut repo = self.repo.to_thread_local();
        repo.object_cache_size(OBJECT_CACHE);
        Box::new(SnapshotReader {
            snapshot: self,
            repo,
        })
    }

    fn content_id(&self, rel: &str) -> Option<ObjectId> {
        match self.listed(rel) {
            Some(Some(n)) if n.kind == Look::File => Some(n.id),
            _ => None,
        }
    }

    fn look_up(&self, _root: &Path, rel: &str) -> Look {
        let found = match self.listed(rel) {
            Some(found) => found,
            None => self.walk(&self.repo.to_thread_local(), rel),
        };
        match found {
            Some(n) if n.kind == Look::Link => Look::Link,
            Some(n) => n.kind,
            None => Look::Missing,
        }
    }
}

struct SnapshotReader<'a> {
    snapshot: &'a Snapshot,
    repo: gix::Repository,
}

impl Reader for SnapshotReader<'_> {
    fn read(&mut self, _root: &Path, entry: &Entry, file: FileId) -> Result<String, Diagnostic> {
        let unreadable = |detail: String| {
            Diagnostic::whole_file(Code::Unreadable, file, FileMsg::Unreadable { detail })
        };
        let found = self.snapshot.find(&self.repo, &entry.rel);
        let id = match found {
            Some(n) if n.kind == Look::File => n.id,
            Some(_) => {
                return Err(Diagnostic::whole_file(
                    Code::Unreadable,
                    file,
                    FileMsg::NotRegularFile,
                )
                .with_help(FileMsg::NotRegularFileHelp));
            }
            None => {
                return Err(unreadable(
                    HistoryMsg::NotInCommit {
                        commit: self.snapshot.commit.hex(),
                    }
                    .text(crate::text::i18n::Lang::En),
                ));
            }
        };
        let size = self
            .repo
            .find_header(id)
            .map_err(|e| unreadable(e.to_string()))?
            .size();
        if size > MAX_FILE_SIZE {
            return Err(
                Diagnostic::whole_file(Code::TooLarge, file, FileMsg::TooLarge { size })
                    .with_help(FileMsg::TooLargeHelp),
            );
        }
        let blob = self
            .repo
            .find_blob(id)
            .map_err(|e| unreadable(e.to_string()))?;
        load::decode(blob.data.clone(), file)
    }
}

impl SourceInfo {
    /// Records read at a commit: that commit, with nothing uncommitted.
    pub fn at(commit: &Commit) -> SourceInfo {
        SourceInfo {
            commit: Some(commit.hex()),
            dirty: Some(false),
        }
    }

    /// The work tree at `root`, loaded as `records`: HEAD and whether a record differs from it;
    /// nothing when no repository holds the root, or when HEAD holds none of its records (a
    /// folder the repository ignores); no commit but changes where the repository has no
    /// commit yet.
    pub fn of_work_tree(root: &Path, records: &Records) -> SourceInfo {
        let Ok(repo) = Repo::open(root) else {
            return SourceInfo::default();
        };
        let Some(head) = repo.head() else {
            return SourceInfo {
                commit: None,
                dirty: Some(true),
            };
        };
        let dirty = match repo.snapshot(&head) {
            // The repository holds none of these records (they are in a folder it ignores, or
            // was never given): they are no state of it.
            Ok(snapshot) if snapshot.entries.is_empty() => return SourceInfo::default(),
            Ok(snapshot) => {
                let (changed, gone) = repo.changed_files(&snapshot, records);
                !changed.is_empty() || gone
            }
            Err(_) => true,
        };
        SourceInfo {
            commit: Some(head.hex()),
            dirty: Some(dirty),
        }
    }
}

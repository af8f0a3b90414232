"""Translation status from git history: which translations fell behind their source, and where.

"Brought up to date" means, in this order: the source commit named by a marker in the
translation's front matter (``default_lang_commit``, ``l10n.sourceCommit``, or a configured
key), else the last commit that touched the translation (Kubernetes' ``lsync.sh``), else, for a
translation that is edited but not committed (or never committed), the working tree: it is
being brought up to date now. A translation is behind when its source's content differs from
the source at that point: commits since then touched the source (counted, with the date of the
oldest), or the source has uncommitted changes. A source that was changed and changed back is
not behind (as opentelemetry.io's ``check-i18n.sh``, which compares content).

Everything here is a pure function of git's output except the few functions at the end
(``run_git``, ``discover``, ``load_history``, ``diff_hunks``) that call the ``git`` executable.
One repository is read with two ``git log`` passes whatever the number of pages (the commit
graph, and the files each commit touched), one ``git ls-tree`` for the blobs at HEAD, and one
``git diff`` per distinct sync point of the pages that are behind.
"""

from __future__ import annotations

import hashlib
import heapq
import os
import re
import subprocess
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterable, Literal, Sequence

from msgspec import Struct, field


from transcheck.lazyre import lazy_compile
from transcheck.history.markers import DRIFT_KEYS as DRIFT_KEYS, declared_drift as declared_drift  # read from here too
from transcheck.history.markers import SOURCE_MARKER_KEYS
from transcheck.wording import quote

DEFAULT_MARKER_KEYS: tuple[str, ...] = SOURCE_MARKER_KEYS
GIT_TIMEOUT = 300  # seconds: a huge history is slow, a hung git is a bug to report
_HEX = lazy_compile(r"[0-9a-fA-F]{4,40}")
_HUNK = lazy_compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")

State = Literal["up-to-date", "behind", "missing", "no-source"]
UP_TO_DATE: State = "up-to-date"
BEHIND: State = "behind"
MISSING: State = "missing"
NO_SOURCE: State = "no-source"
# what changed in the source: a section, the text before the first heading, the front matter
Part = Literal["section", "preamble", "front matter"]


class GitError(Exception):
    """git is missing, the folder is no repository, or git failed: one line for the user."""


# ---------------------------------------------------------------------------------------------
# The history model and pure functions over it


class History(Struct):
    """What status needs of a repository at one HEAD, for the files below ``scope``."""

    top: Path
    head: str  # "" for a repository without commits
    parents: dict[str, tuple[str, ...]]  # every commit reachable from HEAD
    times: dict[str, int]  # commit → committer time (Unix seconds)
    touched: dict[str, list[str]]  # repo-relative path → commits that changed it, newest first
    blobs: dict[str, str]  # repo-relative path → blob id at HEAD
    shallow: bool = False
    scope: tuple[str, ...] = ()  # repo-relative folders or files read ("" is everything)
    _generation: dict[str, int] = field(default_factory=dict)
    _since: dict[str, frozenset[str]] = field(default_factory=dict)
    _resolved: dict[str, str | None] = field(default_factory=dict)
    _hunks: dict[tuple[str, str, int, int], list[Hunk]] = field(default_factory=dict)  # (base, path, mtime, size)
    _dirty: dict[tuple[str, int, int], bool] = field(default_factory=dict)  # (path, mtime, size)

    def covers(self, relative: str) -> bool:
        return any(s == "" or relative == s or relative.startswith(s.rstrip("/") + "/") for s in self.scope)

    def generation(self) -> dict[str, int]:
        """1 + the longest parent chain below each commit: the order of the walk in :meth:`since`."""
        if not self._generation and self.parents:
            gen: dict[str, int] = {}
            for sha in reversed(list(self.parents)):  # parents come after children (topo order)
                gen[sha] = 1 + max((gen.get(p, 0) for p in self.parents[sha]), default=0)
            self._generation = gen
        return self._generation

    def resolve(self, marker: str) -> str | None:
        """The commit a marker names (full or abbreviated id) if HEAD's history holds it."""
        marker = marker.strip().lower()
        if marker in self._resolved:
            return self._resolved[marker]
        found: str | None = None
        if _HEX.fullmatch(marker):
            if marker in self.parents:
                found = marker
            elif len(marker) >= 7:
                matches = [sha for sha in self.parents if sha.startswith(marker)]
                found = matches[0] if len(matches) == 1 else None
        self._resolved[marker] = found
        return found

    def since(self, base: str) -> frozenset[str]:
        """Commits reachable from HEAD but not from ``base`` (git's ``base..HEAD``).

        Walks both from HEAD and from ``base`` by descending generation and stops as soon
        as everything left is reachable from ``base``: the cost is the commits since, not
        the whole history."""
        if base in self._since:
            return self._since[base]
        gen = self.generation()
        if not self.head or base == self.head:
            return frozenset()
        colour: dict[str, int] = {self.head: 1, base: 2}
        heap = [(-gen.get(self.head, 0), self.head), (-gen.get(base, 0), base)]
        heapq.heapify(heap)
        queued = {self.head, base}
        pending = 1  # queued commits reached from HEAD only
        result: set[str] = set()
        while heap and pending:
            _, sha = heapq.heappop(heap)
            queued.discard(sha)
            here = colour[sha]
            if here == 1:
                pending -= 1
                result.add(sha)
            for parent in self.parents.get(sha, ()):
                if parent not in gen:
                    continue  # beyond a shallow clone's boundary
                old = colour.get(parent, 0)
                new = old | here
                if new == old:
                    continue
                colour[parent] = new
                if parent in queued:
                    if old == 1:
                        pending -= 1
                else:
                    heapq.heappush(heap, (-gen[parent], parent))
                    queued.add(parent)
                    if new == 1:
                        pending += 1
        frozen = frozenset(result)
        self._since[base] = frozen
        return frozen


class Hunk(Struct, frozen=True):
    """One hunk of a ``--unified=0`` diff: lines removed from the old side, added on the new."""

    old_start: int
    old_count: int
    new_start: int
    new_count: int


class SectionChange(Struct, frozen=True):
    """Lines of one source section changed since the sync point, and its translation's counterpart."""

    source_title: str
    source_line: int
    added: int
    removed: int
    kind: Part = "section"
    translation_title: str | None = None
    translation_line: int | None = None
    translation_kind: Part | Literal[""] = ""  # as kind, for the counterpart; "" when there is none


class PairStatus(Struct, frozen=True):
    """One page of one language: up to date, behind, missing, or without source."""

    language: str
    source_language: str
    translation: str | None  # path as planned; None when missing
    source: str | None  # None when the translation has no source
    state: State
    synced_at: str = ""  # the commit the translation was brought up to date with
    synced_by: str = ""  # "marker default_lang_commit", "last commit", "uncommitted edit", "never committed"
    marker: str = ""  # the marker value as written
    marker_problem: str = ""  # e.g. a commit this repository's history does not hold
    commits: tuple[str, ...] = ()  # source commits since, newest first
    oldest: int | None = None  # committer time of the oldest of them
    uncommitted: bool = False  # the source has uncommitted changes
    changes: tuple[SectionChange, ...] = ()
    whole_file: bool = False  # the source did not exist at the sync point (new or renamed)


def parse_graph(text: str) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """``git log --topo-order --format='%H %ct %P'`` → parents and committer times."""
    parents: dict[str, tuple[str, ...]] = {}
    times: dict[str, int] = {}
    for line in text.splitlines():
        parts = line.split()
        if len(parts) < 2:
            continue
        parents[parts[0]] = tuple(parts[2:])
        try:
            times[parts[0]] = int(parts[1])
        except ValueError:
            times[parts[0]] = 0
    return parents, times


def parse_name_log(text: str) -> dict[str, list[str]]:
    """``git log -z --format=format:%x01%H --name-only`` → path → commits, in log order."""
    touched: dict[str, list[str]] = {}
    for chunk in text.split("\x01"):
        if not chunk:
            continue
        sha, _, names = chunk.partition("\n")
        for name in names.split("\0"):
            if name:
                touched.setdefault(name, []).append(sha.strip())
    return touched


def parse_ls_tree(text: str) -> dict[str, str]:
    """``git ls-tree -r -z HEAD`` → path → blob id."""
    blobs: dict[str, str] = {}
    for record in text.split("\0"):
        meta, tab, path = record.partition("\t")
        parts = meta.split()
        if tab and len(parts) == 3 and parts[1] == "blob":
            blobs[path] = parts[2]
    return blobs


def parse_diff(text: str) -> dict[str, list[Hunk]]:
    """``git diff --unified=0 --no-renames`` → new-side path → hunks (a new file: one hunk from 0)."""
    result: dict[str, list[Hunk]] = {}
    current: str | None = None
    old_path: str | None = None
    for line in text.split("\n"):
        if line.startswith("diff --git "):
            current = old_path = None
        elif line.startswith("--- "):
            old_path = _diff_path(line[4:])
        elif line.startswith("+++ "):
            current = _diff_path(line[4:]) or old_path
            if current is not None:
                result.setdefault(current, [])
        elif line.startswith("@@") and current is not None:
            match = _HUNK.match(line)
            if match:
                old_start, old_count, new_start, new_count = match.groups()
                result[current].append(Hunk(
                    int(old_start), 1 if old_count is None else int(old_count),
                    int(new_start), 1 if new_count is None else int(new_count),
                ))
    return result


def _diff_path(text: str) -> str | None:
    text = text.rstrip("\t")
    if text == "/dev/null":
        return None
    if text.startswith('"'):
        text = _unquote_c(text)
    return text[2:] if text[:2] in ("a/", "b/") else text


def _unquote_c(text: str) -> str:
    """A path git quoted C-style ("\\303\\251" for é)."""
    inner = text[1:-1] if text.endswith('"') else text[1:]
    raw = inner.encode("latin-1", "backslashreplace").decode("unicode_escape").encode("latin-1")
    return raw.decode("utf-8", "surrogateescape")


def blob_id(data: bytes) -> str:
    """git's id of a blob with these bytes: a file equal to HEAD's has HEAD's id."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def marker_of(front_matter: dict[str, Any], keys: Sequence[str] = DEFAULT_MARKER_KEYS) -> tuple[str, str]:
    """(key, value) of the first marker key the front matter has (dotted keys reach into tables)."""
    for key in keys:
        value: Any = front_matter
        for part in key.split("."):
            if not isinstance(value, dict):
                value = None
                break
            value = next((v for k, v in value.items() if str(k).lower() == part.lower()), None)
        if isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip():
            return key, str(value).strip()
    return "", ""


def evaluate(
    history: History | None,
    translation: str,
    source: str,
    marker: tuple[str, str] = ("", ""),
    translation_dirty: bool = False,
    source_dirty: bool = False,
) -> tuple[str, str, str, tuple[str, ...], State]:
    """(sync commit, how it was found, marker problem, source commits since, state) of one pair.

    ``translation`` and ``source`` are repository-relative paths; "dirty" means the working
    tree's file differs from HEAD's (or is not committed)."""
    key, value = marker
    problem = ""
    sync = ""
    how = ""
    if history is None or not history.head:
        return "", "never committed", "", (), UP_TO_DATE
    if value:
        found = history.resolve(value)
        if found:
            sync, how = found, f"marker {key}"
        else:
            shallow = " (this is a shallow clone: fetch more history)" if history.shallow else \
                " (a shallow clone or rewritten history?)"
            problem = f"{key} {value[:12]} is not a commit in this repository's history{shallow}"
    if not sync:
        if translation_dirty:
            return "", "uncommitted edit" if translation in history.blobs else "never committed", problem, (), UP_TO_DATE
        last = history.touched.get(translation)
        if not last:
            return "", "never committed", problem, (), UP_TO_DATE
        sync, how = last[0], "last commit"
    newer = history.since(sync)
    commits = tuple(sha for sha in history.touched.get(source, ()) if sha in newer)
    state = BEHIND if commits or source_dirty else UP_TO_DATE
    return sync, how, problem, commits, state


def sections_changed(hunks: Sequence[Hunk], source_sections: Sequence[tuple[str, int, str]],
                     front_matter_end: int) -> list[tuple[int, int, int]]:
    """(index into ``source_sections``, lines added, lines removed) per section a diff touches.

    ``source_sections`` are (title, first line, kind) in line order (index 0 the text before
    the first heading); lines up to ``front_matter_end`` are the front matter (index -1). Added
    lines count in the section they stand in; removed lines where the removal is (the line
    before it, as git numbers a pure removal)."""
    starts = [line for _, line, _ in source_sections]

    def section_of(line: int) -> int:
        if front_matter_end and line <= front_matter_end:
            return -1
        index = 0
        for i, start in enumerate(starts):
            if start <= line:
                index = i
            else:
                break
        return index

    added: dict[int, int] = {}
    removed: dict[int, int] = {}
    for hunk in hunks:
        for line in range(hunk.new_start, hunk.new_start + hunk.new_count):
            index = section_of(line)
            added[index] = added.get(index, 0) + 1
        if hunk.old_count:
            where = hunk.new_start if hunk.new_count else max(hunk.new_start, 1)
            index = section_of(where)
            removed[index] = removed.get(index, 0) + hunk.old_count
    indexes = sorted(set(added) | set(removed))
    return [(i, added.get(i, 0), removed.get(i, 0)) for i in indexes]


def format_date(seconds: int | None) -> str:
    if seconds is None:
        return ""
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%d")


def change_phrase(change: SectionChange, source_language: str) -> str:
    """'en "Requirements" changed (+3 −1 lines)'."""
    if change.kind == "front matter":
        what = "front matter"
    elif change.kind == "preamble":
        what = "text before the first heading"
    else:
        what = quote(change.source_title, 50) if change.source_title.strip() else "an untitled section"
    return f"{source_language}: {what} changed (+{change.added} \u2212{change.removed} lines)"


def update_phrase(change: SectionChange, language: str) -> str:
    """'update "Krav" (sv line 40)', or where there is no counterpart."""
    if change.translation_line is None:
        return f"no counterpart in {language}: translate it"
    if change.translation_kind == "front matter":
        return f"update the front matter ({language} line {change.translation_line})"
    if change.translation_kind == "preamble":
        return f"update the text before the first heading ({language} line {change.translation_line})"
    title = quote(change.translation_title or "", 50) if (change.translation_title or "").strip() else "an untitled section"
    return f"update {title} ({language} line {change.translation_line})"


def behind_phrase(status: PairStatus) -> str:
    """'2 commits since 1a2b3c4 (marker default_lang_commit), oldest change 2026-01-02'."""
    parts = []
    if status.commits:
        count = len(status.commits)
        parts.append(f"{count} commit{'s' if count != 1 else ''}")
    if status.uncommitted:
        parts.append("uncommitted changes")
    since = f" since {status.synced_at[:7]} ({status.synced_by})" if status.synced_at else ""
    oldest = f", oldest change {format_date(status.oldest)}" if status.oldest is not None else ""
    return " and ".join(parts) + since + oldest


# ---------------------------------------------------------------------------------------------
# The edge: calls of the git executable


def run_git(args: Sequence[str], cwd: Path, check: bool = True) -> str:
    """git's standard output (UTF-8, undecodable bytes kept as escapes); GitError on failure."""
    env = dict(os.environ, GIT_OPTIONAL_LOCKS="0", LC_ALL="C")
    try:
        done = subprocess.run(
            ["git", "-c", "core.quotepath=off", *args], cwd=cwd, capture_output=True, timeout=GIT_TIMEOUT, env=env,
        )
    except FileNotFoundError:
        raise GitError("git is not installed") from None
    except (OSError, subprocess.SubprocessError) as error:
        raise GitError(f"git could not run: {error}") from None
    if check and done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(message[0] if message else f"git {args[0]} failed")
    return done.stdout.decode("utf-8", "surrogateescape")


class Repository(Struct, frozen=True):
    top: Path
    git_dir: Path
    common_dir: Path
    shallow: bool


_REPOSITORIES: dict[str, Repository | None] = {}


def discover(path: Path) -> Repository:
    """The git repository ``path`` (a file or folder) is in; GitError when none."""
    folder = path if path.is_dir() else path.parent
    folder = folder.resolve()
    key = str(folder)
    if key not in _REPOSITORIES:
        inside = _known_inside(folder)
        if inside is not None:
            _REPOSITORIES[key] = inside
    if key in _REPOSITORIES:
        found = _REPOSITORIES[key]
        if found is None:
            raise GitError(f"{folder} is not in a git repository")
        return found
    try:
        out = run_git(["rev-parse", "--show-toplevel", "--absolute-git-dir", "--git-common-dir",
                       "--is-shallow-repository"], folder).splitlines()
    except GitError as error:
        if "not a git repository" in str(error).lower():
            _REPOSITORIES[key] = None
            raise GitError(f"{folder} is not in a git repository") from None
        raise
    if len(out) < 4:
        raise GitError(f"{folder}: git rev-parse gave no repository")
    common = Path(out[2])
    if not common.is_absolute():
        common = (folder / common).resolve()
    repo = Repository(Path(out[0]).resolve(), Path(out[1]), common, out[3].strip() == "true")
    _REPOSITORIES[key] = repo
    return repo


def _known_inside(folder: Path) -> Repository | None:
    """A known repository holding ``folder`` with no other repository (``.git``) in between:
    a site's folders cost no git call after the first."""
    for repo in {r for r in _REPOSITORIES.values() if r is not None}:
        try:
            folder.relative_to(repo.top)
        except ValueError:
            continue
        current = folder
        while current != repo.top:
            if (current / ".git").exists():
                break
            current = current.parent
        else:
            return repo
    return None


def head_of(repo: Repository) -> str:
    """HEAD's commit id, read from the ref files (no process), else from git; "" without commits."""
    try:
        head = (repo.git_dir / "HEAD").read_text(encoding="utf-8").strip()
        if not head.startswith("ref: "):
            if re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", head):
                return head
        else:
            ref = head[5:].strip()
            for base in (repo.git_dir, repo.common_dir):
                target = base / ref
                if target.is_file():
                    value = target.read_text(encoding="utf-8").strip()
                    if re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", value):
                        return value
            packed = repo.common_dir / "packed-refs"
            if packed.is_file():
                for line in packed.read_text(encoding="utf-8").splitlines():
                    if line.endswith(" " + ref) and not line.startswith(("#", "^")):
                        return line.split()[0]
            return ""  # a branch without commits yet
    except (OSError, UnicodeDecodeError):
        pass
    out = run_git(["rev-parse", "--verify", "-q", "HEAD"], repo.top, check=False).strip()
    return out


_HISTORIES: list[History] = []


def load_history(repo: Repository, scope: Iterable[str]) -> History:
    """The history below ``scope`` (repo-relative; "" for all), remembered per HEAD: a scan and
    its workers read it once."""
    wanted = tuple(sorted(set(scope))) or ("",)
    head = head_of(repo)
    for known in _HISTORIES:
        if known.top == repo.top and known.head == head and all(known.covers(s) for s in wanted):
            return known
    if not head:
        history = History(repo.top, "", {}, {}, {}, {}, repo.shallow, wanted)
    else:
        pathspec = ["--", *(s or "." for s in wanted)]
        graph = run_git(["log", "--topo-order", "--format=%H %ct %P", head], repo.top)
        names = run_git(["log", "-z", "--format=format:%x01%H", "--name-only", "--no-renames", head, *pathspec],
                        repo.top)
        tree = run_git(["ls-tree", "-r", "-z", head, *pathspec], repo.top)
        parents, times = parse_graph(graph)
        history = History(repo.top, head, parents, times, parse_name_log(names), parse_ls_tree(tree),
                          repo.shallow, wanted)
    _HISTORIES.insert(0, history)
    del _HISTORIES[4:]
    return history


def diff_hunks(history: History, base: str, paths: Sequence[str]) -> dict[str, list[Hunk]]:
    """The changes of ``paths`` from commit ``base`` to the working tree, one git call for all."""
    if not paths:
        return {}
    out = run_git(["diff", "--no-color", "--no-ext-diff", "--no-renames", "--unified=0", base, "--", *paths],
                  history.top)
    return parse_diff(out)


def parse_renames(text: str) -> dict[str, str]:
    """``git diff --name-status -z -M`` → new path → old path, for renamed files."""
    parts = text.split("\0")
    renames: dict[str, str] = {}
    i = 0
    while i < len(parts) and parts[i]:
        status = parts[i]
        if status[:1] in ("R", "C") and i + 2 < len(parts):
            if status[:1] == "R":
                renames[parts[i + 2]] = parts[i + 1]
            i += 3
        else:
            i += 2
    return renames


def source_hunks(history: History, base: str, path: str, hunks: list[Hunk] | None = None) -> list[Hunk]:
    """The source's changes since ``base``; a file renamed since then is followed to its old
    name (two more git calls, only for a file that did not exist at ``base``)."""
    if hunks is None:
        try:
            stat = (history.top / path).stat()
            key: tuple[str, str, int, int] | None = (base, path, stat.st_mtime_ns, stat.st_size)
        except OSError:
            key = None
        remembered = history._hunks.get(key) if key else None
        if remembered is None:
            remembered = diff_hunks(history, base, [path]).get(path, [])
            if key:
                history._hunks[key] = remembered
        hunks = remembered  # translations synced at one commit share the source's diff
    if not is_whole_file(hunks):
        return hunks
    old = parse_renames(run_git(["diff", "--name-status", "-z", "-M", base, "--", "."], history.top)).get(path)
    if old is None:
        return hunks
    out = run_git(["diff", "--no-color", "--no-ext-diff", "-M", "--unified=0", base, "--", old, path], history.top)
    return parse_diff(out).get(path, [])  # a rename without changes has no hunks: up to date


def relative_to_top(path: Path, top: Path) -> str | None:
    try:
        relative = path.relative_to(top).as_posix() if path.is_absolute() and ".." not in path.parts else None
        if relative is None:  # a relative path, or one through a link: resolved (a stat per part)
            relative = path.resolve().relative_to(top).as_posix()
    except (ValueError, OSError):
        try:
            relative = path.resolve().relative_to(top).as_posix()
        except (ValueError, OSError):
            return None
    return "" if relative == "." else relative


def file_dirty(history: History, relative: str, path: Path) -> bool:
    """The working tree's file differs from HEAD's (or HEAD has none)."""
    known = history.blobs.get(relative)
    if known is None:
        return True
    try:
        stat = path.stat()
        key = (relative, stat.st_mtime_ns, stat.st_size)  # a source of seven translations is hashed once
        if key not in history._dirty:
            history._dirty[key] = blob_id(path.read_bytes()) != known
        return history._dirty[key]
    except OSError:
        return True


def reset_memory() -> None:
    """Forget repositories and histories (tests that turn a folder into a repository)."""
    _REPOSITORIES.clear()
    _HISTORIES.clear()


# ---------------------------------------------------------------------------------------------
# Pairs: the status of one translation, with the sections that changed


def map_changes(hunks: Sequence[Hunk], alignment: Any, source_front_matter_end: int,
                translation_front_matter_end: int) -> tuple[SectionChange, ...]:
    """The source's changed lines per section, each with its counterpart in the translation.

    ``alignment`` is the translation (a) ↔ source (b) section alignment of a Comparison."""
    infos = sorted(alignment.b, key=lambda info: (info.line, info.index))
    listed: list[tuple[str, int, Part]] = [(info.title, info.line, "preamble" if info.section is None else "section")
                                           for info in infos]
    partner = alignment.partner_of_b()
    changes = []
    for index, added, removed in sections_changed(hunks, listed, source_front_matter_end):
        if index < 0:
            changes.append(SectionChange("", 1, added, removed, "front matter",
                                         None, 1 if translation_front_matter_end else None,
                                         "front matter" if translation_front_matter_end else ""))
            continue
        info = infos[index]
        kind = listed[index][2]
        other = partner.get(info.index)
        if other is None:
            changes.append(SectionChange(info.title, info.line, added, removed, kind))
        else:
            changes.append(SectionChange(info.title, info.line, added, removed, kind, other.title, other.line,
                                         "preamble" if other.section is None else "section"))
    return tuple(changes)


def is_whole_file(hunks: Sequence[Hunk]) -> bool:
    """The file did not exist on the old side (new, or renamed since)."""
    return len(hunks) == 1 and hunks[0].old_start == 0 and hunks[0].old_count == 0


class Located(Struct):
    """A pair placed in its repository."""

    history: History
    translation: str  # repo-relative
    source: str


def locate_pair(translation: Path, source: Path, scope: Sequence[str] | None = None) -> Located | None:
    """The history both files belong to (None when they are in no repository, or in two).

    ``scope``: what to read when no remembered history covers the pair (default: the two files)."""
    repo = discover(source)
    rel_t = relative_to_top(translation, repo.top)
    rel_s = relative_to_top(source, repo.top)
    if rel_t is None or rel_s is None:
        return None
    history = load_history(repo, scope if scope is not None else (rel_t, rel_s))
    return Located(history, rel_t, rel_s)


def front_matter_dict(entries: Iterable[Any]) -> dict[str, Any]:
    return {entry.key: entry.value for entry in entries}


def pair_status(
    located: Located,
    translation_path: Path,
    source_path: Path,
    front_matter: dict[str, Any],
    language: str,
    source_language: str,
    marker_keys: Sequence[str] = DEFAULT_MARKER_KEYS,
) -> PairStatus:
    """Where the translation stands by history alone (sections are added by :func:`with_changes`)."""
    history = located.history
    marker = marker_of(front_matter, marker_keys)
    source_dirty = file_dirty(history, located.source, source_path)
    sync, how, problem, commits, state = evaluate(
        history, located.translation, located.source, marker,
        file_dirty(history, located.translation, translation_path), source_dirty,
    )
    uncommitted = state != UP_TO_DATE and bool(history.head) and source_dirty
    oldest = min((history.times.get(sha, 0) for sha in commits), default=None) if commits else None
    return PairStatus(
        language, source_language, str(translation_path), str(source_path), state, sync, how, marker[1], problem,
        commits, oldest, uncommitted,
    )


def with_changes(status: PairStatus, hunks: Sequence[Hunk], alignment: Any | None,
                 source_front_matter_end: int, translation_front_matter_end: int) -> PairStatus:
    """The status once the source's diff since the sync point is known: no change is up to date."""
    from msgspec.structs import replace

    if status.state != BEHIND:
        return status
    if not hunks:
        return replace(status, state=UP_TO_DATE, commits=(), oldest=None, uncommitted=False)
    if is_whole_file(hunks):
        return replace(status, whole_file=True)
    if alignment is None:
        return status
    return replace(status, changes=map_changes(hunks, alignment, source_front_matter_end, translation_front_matter_end))


def scan_salt(root: Path, enabled: set[str]) -> str:
    """What a scan's cache key needs beyond the files' bytes when stale-translation runs: the
    repository's HEAD (its findings depend on history). Reads the site's history now, in the
    scanning process, so forked workers share it."""
    if "stale-translation" not in enabled:
        return ""
    try:
        repo = discover(root)
        relative = relative_to_top(root, repo.top)
        history = load_history(repo, [relative or ""] if relative is not None else [""])
    except GitError:
        return ""
    shallow = ""
    if repo.shallow:  # fetching more history changes what markers can be followed
        try:
            shallow = hashlib.sha256((repo.common_dir / "shallow").read_bytes()).hexdigest()[:16]
        except OSError:
            shallow = "?"
    return f"|git:{history.head}{'|shallow:' + shallow if shallow else ''}"


# ---------------------------------------------------------------------------------------------
# A site: every pair, missing translations and translations without source


class LanguageSummary(Struct):
    language: str
    source_pages: int = 0  # pages of the source language this language is expected to translate
    translated: int = 0
    up_to_date: int = 0
    behind: int = 0
    missing: int = 0
    no_source: int = 0

    @property
    def percent(self) -> int:
        return int(100 * self.translated / self.source_pages) if self.source_pages else 100


class SiteStatus(Struct):
    top: Path
    head: str
    pairs: list[PairStatus]
    languages: list[LanguageSummary]
    notes: list[str]
    shallow: bool = False


def _read_front_matter(path: Path, max_bytes: int, keys: Sequence[str] = DEFAULT_MARKER_KEYS) -> tuple[dict[str, Any], str]:
    """The markers of the front matter (all status needs of an up-to-date page); a problem as text.

    A plain top-level ``key: value`` line of YAML is read directly (every opentelemetry.io
    translation has one); anything else that names a key is parsed in full."""
    from transcheck.document.frontmatter import parse_front_matter, split_front_matter
    from transcheck.document.source import InputError, read_source

    try:
        text = read_source(path, max_bytes).text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
        split = split_front_matter(text, str(path))
        lowered = split.text.lower()
        if not any(key.split(".")[-1].lower() in lowered for key in keys):
            return {}, ""  # no marker can be there
        if split.format == "yaml":
            plain = {}
            for key in keys:
                if "." not in key:
                    match = re.search(rf"^{re.escape(key)}:[ \t]*([\"']?)([0-9a-fA-F]{{4,64}})\1[ \t]*(?:#.*)?$", split.text, re.M)
                    if match:
                        plain[key] = match.group(2)
            if plain and len(plain) == sum(1 for key in keys if key.split(".")[-1].lower() in lowered):
                return plain, ""
        return front_matter_dict(parse_front_matter(split, str(path)).entries), ""
    except InputError as error:
        return {}, str(error)
    except (RecursionError, ValueError) as error:
        return {}, f"{path}: front matter cannot be read ({type(error).__name__})"


def site_status(plan: Any, marker_keys: Sequence[str] = DEFAULT_MARKER_KEYS, max_bytes: int = 10_000_000,
                only: Path | None = None) -> SiteStatus:
    """The status of every pair of a planned site (``site.plan_pairs``). GitError outside a repository.

    ``only``: list the pages of this folder or file (a translation or source in it), with the
    completeness of their languages over the whole site."""
    root = plan.layout.root
    repo = discover(root)
    scopes = sorted({relative_to_top(layout.root, repo.top) or "" for layout in plan.layouts
                     if relative_to_top(layout.root, repo.top) is not None}) or [""]
    history = load_history(repo, scopes)
    notes: list[str] = []
    if repo.shallow:
        notes.append("this is a shallow clone: commits before its boundary are unknown, so older markers "
                     "cannot be followed (fetch the full history: git fetch --unshallow)")
    results: list[PairStatus] = []
    behind: dict[str, list[int]] = {}  # sync commit → indexes of results
    for translation, source in plan.pairs:
        translation_path, source_path = Path(translation.path), Path(source.path)  # planned pages hold strings
        rel_t, rel_s = relative_to_top(translation_path, repo.top), relative_to_top(source_path, repo.top)
        front, problem = _read_front_matter(translation_path, max_bytes, marker_keys)
        if problem:
            notes.append(problem)
        if rel_t is None or rel_s is None:
            results.append(PairStatus(translation.language, source.language, str(translation.path), str(source.path),
                                      UP_TO_DATE, synced_by="outside the repository"))
            continue
        found = pair_status(Located(history, rel_t, rel_s), translation_path, source_path, front,
                            translation.language, source.language, marker_keys)
        if found.state == BEHIND:
            behind.setdefault(found.synced_at or history.head, []).append(len(results))
        results.append(found)
    hunks_of: dict[int, list[Hunk]] = {}
    for base, indexes in sorted(behind.items()):
        sources = sorted({relative_to_top(Path(results[i].source or ""), repo.top) or "" for i in indexes})
        hunks = diff_hunks(history, base, sources)
        for i in indexes:
            relative = relative_to_top(Path(results[i].source or ""), repo.top) or ""
            hunks_of[i] = source_hunks(history, base, relative, hunks.get(relative, []))
    parsed: dict[str, Any] = {}  # the source of the pairs at hand: parsed once for all its translations
    for i in sorted(hunks_of, key=lambda i: (results[i].source or "", i)):
        if results[i].source not in parsed:
            parsed.clear()
        results[i] = _with_sections(results[i], hunks_of[i], max_bytes, parsed)
    defaults = {layout.default_language for layout in plan.layouts if layout.default_language}
    sources_of = defaults or {src.language for _, src in plan.pairs}  # a site's default language is its source
    for page, missing in plan.orphans:
        if page.language in sources_of:
            for language in missing:
                results.append(PairStatus(language, page.language, None, str(page.path), MISSING))
        else:
            source_language = next((m for m in missing if m in sources_of), "")
            if source_language:  # a translation whose source page is gone (not one lacking a third language)
                results.append(PairStatus(page.language, source_language, str(page.path), None, NO_SOURCE))
    results.sort(key=lambda s: (s.language, s.translation or s.source or "", s.source or ""))
    summaries = summarise(results)
    if only is not None:
        results = [r for r in results if any(_under(Path(p), only) for p in (r.translation, r.source) if p)]
        shown = {r.language for r in results}
        summaries = [summary for summary in summaries if summary.language in shown]
    return SiteStatus(repo.top, history.head, results, summaries, list(dict.fromkeys(notes)), repo.shallow)


def _under(path: Path, folder: Path) -> bool:
    try:
        path.resolve().relative_to(folder)
        return True
    except (ValueError, OSError):
        return False


def _with_sections(found: PairStatus, hunks: Sequence[Hunk], max_bytes: int, parsed: dict[str, Any] | None = None) -> PairStatus:
    """Parse both pages and align them only for a page that is behind (``parsed``: sources already read)."""
    from transcheck.align.alignment import align_sections
    from transcheck.document.read import parse_file
    from transcheck.document.source import InputError

    if not hunks or is_whole_file(hunks):
        return with_changes(found, hunks, None, 0, 0)
    parsed = {} if parsed is None else parsed
    try:
        doc_t = parse_file(found.translation or "", max_bytes)
        source = found.source or ""
        doc_s = parsed[source] if source in parsed else parsed.setdefault(source, parse_file(source, max_bytes))
        alignment = align_sections(doc_t, doc_s)
    except (InputError, RecursionError):
        return with_changes(found, hunks, None, 0, 0)
    return with_changes(found, hunks, alignment, doc_s.front_matter.end_line, doc_t.front_matter.end_line)


def summarise(results: Sequence[PairStatus]) -> list[LanguageSummary]:
    """Per language: pages translated out of the source pages it is expected to translate."""
    summaries: dict[str, LanguageSummary] = {}
    for found in results:
        summary = summaries.setdefault(found.language, LanguageSummary(found.language))
        if found.state == NO_SOURCE:
            summary.no_source += 1
            continue
        summary.source_pages += 1
        if found.state == MISSING:
            summary.missing += 1
            continue
        summary.translated += 1
        if found.state == BEHIND:
            summary.behind += 1
        else:
            summary.up_to_date += 1
    return [summaries[key] for key in sorted(summaries)]


def stale_messages(found: PairStatus, source_name: str) -> list[tuple[int, int, str, str]]:
    """(translation line, source line, message, key) of each stale-translation finding of a pair
    that is behind: one per changed source section, or one for the whole page."""
    if found.state != BEHIND:
        return []
    language = found.language or "the translation"
    source_language = found.source_language or "the source"
    lag = behind_phrase(found)
    problem = f"; {found.marker_problem}, so the translation's last commit counts" if found.marker_problem else ""
    if found.whole_file or not found.changes:
        what = "did not exist then (new or renamed since)" if found.whole_file else "changed"
        return [(1, 1, f"{source_language} version {source_name} {what} since {language} was updated; {lag}{problem}",
                 f"{found.synced_at}|file")]
    return [
        (change.translation_line or 1, change.source_line,
         f"{change_phrase(change, source_language)} since {language} was updated \u2192 "
         f"{update_phrase(change, language)}; {lag}{problem}", f"{change.kind}|{change.source_title}")
        for change in found.changes
    ]

"""Regular expressions compiled on first use, not at import, and not again in the next run.

Python compiles a pattern in Python code (the parser and compiler of ``re``), some 0.1 ms
for a plain one and several ms for the large ones of the value rules; the package has about
150 at module level, and a one-pair check uses about half of them. A module writes
``NAME = lazy_compile(r"...")`` where it would write ``re.compile``; the first use of any
attribute compiles the pattern and binds the compiled pattern's methods to the object, so
later calls cost what a compiled pattern's do.

Compiling them still cost a cold one-pair check some 45 ms of CPU in every run. So the
compiled program of each pattern (what ``re``'s compiler hands to ``_sre.compile``) is kept
the way Python keeps bytecode: in ``__pycache__`` beside this module (or under
``sys.pycache_prefix``), one file per interpreter version and regex engine, written
atomically at exit when the run compiled something new, never when Python is told not to
write bytecode. A run that finds the file builds each pattern from its program, which is
what ``re.compile`` would have built: the same program, the same flags and groups. Any
problem with the file (missing, unreadable, another format) means compiling as before.
"""

from __future__ import annotations

import atexit
import marshal
import os
import re
import sys
from typing import Any, Iterable, cast

_FORWARDED = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner",
              "flags", "groups", "groupindex")


class _LazyPattern:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern  # as a compiled pattern's: the source text, readable without compiling
        self._flags = flags

    def __getattr__(self, name: str) -> Any:  # only called for what is not set yet: the first use
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = cached_compile(self.pattern, self._flags)
        for forwarded in _FORWARDED:
            setattr(self, forwarded, getattr(compiled, forwarded))
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return repr(re.compile(self.pattern, self._flags))


def lazy_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used."""
    return cast("re.Pattern[str]", _LazyPattern(pattern, flags))


def words_alternation(words: Iterable[str]) -> str:
    """A non-capturing group matching exactly ``words``, written as a trie ("f(?:em|ive)"
    for "fem" and "five"): the regex engine tries one branch per character instead of every
    word in turn (a third of the time of the flat alternation in the neutral tokens).

    At any place the words that match are prefixes of each other; the group tries them
    longest first, as an alternation sorted by length does.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def branch(node: dict[str, Any]) -> str:
        ends = "" in node
        parts = [re.escape(char) + branch(child) for char, child in sorted(node.items()) if char]
        if not parts:
            return ""
        if len(parts) == 1 and not ends:
            return parts[0]
        return "(?:" + "|".join(parts) + ")" + ("?" if ends else "")

    return "(?:" + branch(trie) + ")"


# İ ı ſ K: the only non-ASCII characters that an ASCII letter matches under re.I (lower()
# turns the first three into no ASCII letter)
_CASE_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def folds_to_ascii(text: str) -> bool:
    """Has ``text`` a character that an ASCII letter matches under re.I but that str.lower()
    turns into no ASCII letter? (A pre-check on lowered text must then let the search run.)"""
    return any(char in text for char in _CASE_FOLDS_TO_ASCII)


def may_contain(text: str, literals: Iterable[str]) -> bool:
    """False only when no case-insensitive pattern (re.I) that needs one of ``literals`` can
    match ``text``: a pre-check in C before a search that tries every place of the text.

    ``literals`` are in lower case, of ASCII letters or of characters that every character
    matching them under re.I lowers to (å, ö, €, $)."""
    if folds_to_ascii(text):
        return True
    lowered = text.lower()
    return any(literal in lowered for literal in literals)


# --- compiled programs kept between runs ---------------------------------------------

# (flags as compiled, program, number of groups - 1, group index, index group)
_Program = tuple[int, list[int], int, dict[str, int], tuple["str | None", ...]]
_MAX_KEPT = 1000  # the package has some 200; older versions' patterns must not grow the file without end

_programs: dict[tuple[str, int], _Program] | None = None  # read on first use
_compiled_now: dict[tuple[str, int], _Program] = {}


def cached_compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the program a previous run kept when there is one."""
    try:
        import _sre  # type: ignore[import-not-found]
        from re import _compiler, _parser  # type: ignore[attr-defined]
    except ImportError:  # another Python: no such internals
        return re.compile(pattern, flags)
    if isinstance(flags, re.RegexFlag):
        flags = flags.value
    if not isinstance(pattern, str) or flags & (re.DEBUG | getattr(re, "TEMPLATE", 0)):
        return re.compile(pattern, flags)
    key = (pattern, flags)
    program = _read_programs().get(key)
    if program is not None:
        try:
            return cast("re.Pattern[str]", _sre.compile(pattern, *program))
        except Exception:  # noqa: BLE001 - a program this engine does not take: compiled again
            pass
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    # the program as plain ints (re's opcodes are int subclasses, which marshal does not write)
    program = (int(flags | parsed.state.flags), [int(op) for op in code], parsed.state.groups - 1, groupindex,
               tuple(indexgroup))
    compiled = _sre.compile(pattern, *program)
    if not _compiled_now:
        atexit.register(_write_programs)
    _compiled_now[key] = program
    return cast("re.Pattern[str]", compiled)


def _programs_file() -> str | None:
    """Where the programs are kept: as Python keeps this module's bytecode (None: nowhere)."""
    try:
        import _sre
        from importlib.util import cache_from_source

        tag = sys.implementation.cache_tag
        if tag is None:
            return None
        bytecode = cache_from_source(__file__)  # honours sys.pycache_prefix
    except (ImportError, NotImplementedError, ValueError):
        return None
    return os.path.join(os.path.dirname(bytecode), f"transcheck-re.{tag}.sre{_sre.MAGIC}-{sys.maxunicode}.marshal")


def _read_programs() -> dict[tuple[str, int], _Program]:
    global _programs
    if _programs is None:
        _programs = {}
        path = _programs_file()
        if path is not None:
            try:
                with open(path, "rb") as handle:
                    data = marshal.loads(handle.read())  # marshal.load reads a file in small pieces: 40× slower
                if isinstance(data, dict):
                    _programs = {key: value for key, value in data.items() if _well_formed(key, value)}
            except (OSError, EOFError, ValueError, TypeError):
                _programs = {}
    return _programs


def _well_formed(key: object, value: object) -> bool:
    return (isinstance(key, tuple) and len(key) == 2 and isinstance(key[0], str) and isinstance(key[1], int)
            and isinstance(value, tuple) and len(value) == 5 and isinstance(value[0], int)
            and isinstance(value[1], list) and isinstance(value[2], int) and isinstance(value[3], dict)
            and isinstance(value[4], tuple))


def _write_programs() -> None:
    """At exit: this run's new programs added to the file (atomically); never an error."""
    if sys.dont_write_bytecode or not _compiled_now:
        return
    path = _programs_file()
    if path is None:
        return
    global _programs
    _programs = None  # another run may have written since: merge with what is there now
    kept = dict(_read_programs())
    kept.update(_compiled_now)
    if len(kept) > _MAX_KEPT:
        kept = dict(_compiled_now)
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            marshal.dump(kept, handle)
        os.replace(temporary, path)
    except (OSError, ValueError):
        try:
            os.unlink(temporary)
        except OSError:
            pass

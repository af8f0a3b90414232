"""Checking a pair of files: parse, compare, run the rules, apply settings. No I/O but reading."""

from __future__ import annotations

import dataclasses

from msgspec import Struct



from transcheck.rules.problems import INTERNAL_ERROR as INTERNAL_ERROR_RULE, PARSE_ERROR
from transcheck.pair.comparison import Check, Comparison, Side
from transcheck.pair.settings import Settings
from transcheck.findings import Finding, Location, Severity, sort_findings
from transcheck.rules import BY_NAME, resolve
from transcheck.rules.stale import STALE_TRANSLATION
from transcheck.languages.declared import declared, expected_language
from transcheck.document.expiry import expiry_of
from transcheck.document.model import Document
from transcheck.document.read import collector_paused, parse_file, parse_text
from transcheck.rules import CHECKS
from transcheck.rules.language import declared_copy, says_it_is_kept_in_another_language
from transcheck.document.source import InputError
from transcheck.checking.decide import decide, enabled_rules
from transcheck.history.markers import declared_drift, follows_source
from transcheck.checking.suppress import read_suppressions
from transcheck.wording import listed, quote

INTERNAL_ERROR = INTERNAL_ERROR_RULE.name


def _needed(check: Check, enabled: set[str]) -> bool:
    return any(reported.name in enabled for reported in check.reports)


class FileInfo(Struct):
    path: str
    language: str | None
    language_source: str = ""
    expires: str = ""  # the page's expiry date (ISO 8601, UTC), "" when it has none
    follows_source: bool = False  # it records the source commit it follows (default_lang_commit)


class PairResult(Struct):
    files: list[FileInfo]
    findings: list[Finding]
    io_error: bool = False  # a file could not be read at all (exit status 2)


def _load(path: str, max_bytes: int) -> tuple[Document | None, Finding | None, bool]:
    try:
        return parse_file(path, max_bytes), None, False
    except InputError as error:
        meta = PARSE_ERROR
        finding = Finding(path, error.line or 1, meta.name, meta.code, meta.severity, error.message)
        unreadable = error.line is None  # nothing was read: missing, unreadable, too big
        return None, finding, unreadable
    except RecursionError as error:
        return None, internal_error(path, error, "reading the file (nested too deeply)"), False
    except Exception as error:  # noqa: BLE001 - a page must never end the run
        return None, internal_error(path, error, "reading the file"), False


def compare_documents(
    doc_a: Document,
    doc_b: Document,
    settings: Settings | None = None,
    languages: tuple[str | None, str | None] = (None, None),
    sources: tuple[str, str] = ("", ""),
) -> tuple[Comparison, list[Finding]]:
    """The comparison (alignment included, for reports) and its findings, sorted."""
    # the checks make no reference cycles either (62 objects for a 2 MiB page) while the
    # collections their allocations trigger walk both pages: 5.1 -> 1.6 s to align 6 MiB
    with collector_paused():
        return _compare_documents(doc_a, doc_b, settings, languages, sources)


def _compare_documents(
    doc_a: Document,
    doc_b: Document,
    settings: Settings | None,
    languages: tuple[str | None, str | None],
    sources: tuple[str, str],
) -> tuple[Comparison, list[Finding]]:
    settings = settings or Settings()
    sides = []
    for doc, expected, source in ((doc_a, languages[0], sources[0]), (doc_b, languages[1], sources[1])):
        sides.append(
            Side(
                doc,
                doc.path,
                expected or declared(doc.front_matter, dict(settings.language_aliases)),
                expected,
                source or ("path" if expected else ""),
            )
        )
    comparison = Comparison(sides[0], sides[1], settings)
    enabled = enabled_rules(settings)
    for check in CHECKS:
        if not _needed(check, enabled):
            continue  # a rule that is not selected costs nothing (no detection, no value extraction)
        try:
            check.run(comparison)
        except Exception as error:  # noqa: BLE001 - one failing check must not end the run
            comparison.findings.append(internal_error(doc_a.path, error, check.description, doc_b.path))
    try:
        return comparison, _finish(comparison.findings, settings, [doc_a, doc_b])
    except Exception as error:  # noqa: BLE001 - e.g. a suppression directive nobody foresaw
        kept = [f for f in comparison.findings if f.rule == INTERNAL_ERROR]
        return comparison, sort_findings(kept + [internal_error(doc_a.path, error, "applying the settings", doc_b.path)])


def internal_error(path: str, error: BaseException, what: str, other: str = "") -> Finding:
    """A finding for an exception inside transcheck: the pair is reported, the run goes on."""
    meta = INTERNAL_ERROR_RULE
    against = f" against {other}" if other else ""
    detail = " ".join(str(error).split())[:200]
    message = (
        f"transcheck failed in {what} while checking this file{against}: "
        f"{type(error).__name__}{': ' + detail if detail else ''} (a bug; please report it with both files)"
    )
    return Finding(path, 1, meta.name, meta.code, meta.severity, message, key=f"{what}|{type(error).__name__}")


def check_documents(
    doc_a: Document,
    doc_b: Document,
    settings: Settings | None = None,
    languages: tuple[str | None, str | None] = (None, None),
    sources: tuple[str, str] = ("", ""),
) -> list[Finding]:
    """Compare two parsed documents and return the findings, sorted.

    ``languages`` are the languages the files are expected to be in (from the
    command line, file names, paths or config) and ``sources`` say where from.
    """
    return compare_documents(doc_a, doc_b, settings, languages, sources)[1]


def _finish(findings: list[Finding], settings: Settings, docs: list[Document] | None = None) -> list[Finding]:
    """The settings applied (checking.decide), with the pair's inline directives and whether
    a page of the pair says it is behind its source."""
    suppressions = {doc.path: read_suppressions(doc.text, doc) for doc in docs} if docs else None
    # a page that says it lags its source, that it is an untranslated copy shown until a
    # translation exists, or in its text that its content is only in another language
    # ("Vår dokumentation är bara tillgänglig på engelska"): its differences are known
    known_drift = any(declared_drift(doc.front_matter.entries) is not None or declared_copy(doc)
                      or says_it_is_kept_in_another_language(doc) for doc in docs or ())
    decided = decide(findings, settings, suppressions, known_drift)
    configured = {r.name for selector, _ in settings.severity for r in resolve(selector)}
    if known_drift and not settings.select and not settings.ignore and STALE_TRANSLATION.name not in configured:
        decided = _drift_not_seen(decided)
    behind = [doc.path for doc in docs or () if declared_drift(doc.front_matter.entries) is not None]
    if len(behind) == 1 and len(docs or ()) == 2:
        decided = _left_over(decided, behind[0], configured)
    return decided


def _left_over(findings: list[Finding], behind: str, configured: set[str]) -> list[Finding]:
    """One page of the pair says it is behind its source: what it has and the other lacks is
    most likely left over from an older source (a section, key or link since removed there),
    so a finding in the other, up-to-date page is information that says so, not work for its
    editor. (A severity ``configured`` for the rule still wins.)"""
    kept = []
    for finding in findings:
        rule = BY_NAME.get(finding.rule)
        if finding.path != behind and rule is not None and rule.compares and finding.rule not in configured \
                and finding.severity >= Severity.WARNING and any(r.path == behind for r in finding.related):
            finding = dataclasses.replace(
                finding, severity=Severity.INFO,
                message=f"{finding.message} (the other version says it is behind its source: likely left over there)")
        kept.append(finding)
    return sort_findings(kept)


def _drift_not_seen(findings: list[Finding]) -> list[Finding]:
    """A page that says it is behind its source while every rule found nothing to act on
    (and nothing failed): its mark, not its content, is what is likely out of date
    (information, not a warning)."""
    marks = [f for f in findings if f.rule == STALE_TRANSLATION.name and f.key.startswith("declared|")]
    # a key only the page has, which its source has since dropped, is such a difference too
    # (information, told where it stands: see frontmatter-missing-key)
    if not marks or any((f.severity >= Severity.WARNING or _extra_key(f)) and f not in marks for f in findings):
        return findings
    seen = [f for f in findings if f not in marks]
    for mark in marks:
        other = mark.related[0].path if mark.related else "its source"
        key = mark.key.split("|", 1)[1]
        message = (f"the page says it is behind its source ({key}: true), but transcheck finds no difference "
                   f"from {other} worth a look: the mark may be out of date")
        seen.append(dataclasses.replace(mark, message=message, severity=Severity.INFO))
    return sort_findings(seen)


def _extra_key(finding: Finding) -> bool:
    """A front-matter key only the translation has, told there (frontmatter-missing-key)."""
    return finding.rule == "frontmatter-missing-key" and finding.key.startswith("extra|")


def check_texts(
    text_a: str,
    text_b: str,
    path_a: str = "a.md",
    path_b: str = "b.md",
    settings: Settings | None = None,
    languages: tuple[str | None, str | None] = (None, None),
) -> list[Finding]:
    """The Python API for two texts: parse errors become parse-error findings.

    Languages come from ``languages``, else the paths' names, else the front matter."""
    docs: list[Document | None] = []
    errors: list[Finding] = []
    for text, path in ((text_a, path_a), (text_b, path_b)):
        try:
            docs.append(parse_text(text, path))
        except InputError as error:
            meta = PARSE_ERROR
            errors.append(Finding(path, error.line or 1, meta.name, meta.code, meta.severity, error.message))
            docs.append(None)
    if docs[0] is None or docs[1] is None:
        return _finish(errors, settings or Settings())
    found = [expected_language(path, lang) for lang, path in zip(languages, (path_a, path_b))]
    return check_documents(docs[0], docs[1], settings, (found[0][0], found[1][0]), (found[0][1], found[1][1]))


def check_paths(path_a: str, path_b: str, settings: Settings | None = None, languages: tuple[str | None, str | None] = (None, None)) -> PairResult:
    """The Python API for two files."""
    return compare_paths(path_a, path_b, settings, languages)[1]


def check_group(
    source: str, source_language: str | None, translations: list[tuple[str, str | None]], settings: Settings | None = None
) -> list[PairResult]:
    """Each translation checked against one source, which is read and parsed once.

    Documents are not changed by the checks, so one parsed source serves every pair.
    """
    settings = settings or Settings()
    return settle_group(source, check_group_pairs(source, source_language, translations, settings), settings)


def check_group_pairs(
    source: str, source_language: str | None, translations: list[tuple[str, str | None]], settings: Settings
) -> list[PairResult]:
    """Each pair's own findings, before :func:`settle_group` weighs them across the group
    (what a cache keeps: a group's pairs may come from it one by one)."""
    loaded = {source: _load(source, settings.max_bytes)}
    return [
        compare_paths(path, source, settings, (language, source_language), loaded, given_by="site")[1]
        for path, language in translations
    ]


def settle_group(source: str, results: list[PairResult], settings: Settings) -> list[PairResult]:
    """What only the whole group of a source's translations tells (``results`` are changed
    in place and returned): one defect said once, and what only one translation has."""
    return _source_outnumbered(source, _local_to_one(source, _said_once(source, results), settings))


# other translations that lack what one translation alone has: then it is that one's own. A
# front-matter key one translation alone has (a stray "section", a metatitle of its own) needs
# one other translation to agree: the page's text is weighed by more. So does anything of a
# translation that records the source commit it follows (default_lang_commit): there the
# source leads, and what one translation alone has is its own (added there, or since removed
# from the source), not the source's to add. Between peers (no such record) one translation
# against one other cannot tell "left over there" from "newer there".
MIN_AGREEING: dict[str, int] = {"": 3, "frontmatter-missing-key": 1}
MIN_AGREEING_FOLLOWING = 1


def _local_to_one(source: str, results: list[PairResult], settings: Settings) -> list[PairResult]:
    """What the source is told it lacks, because one translation has it, while three or more
    other translations of the page (one, for a front-matter key) lack it too (no finding of the rule near that line of the
    source from their pairs): content local to that translation (a note for its own readers,
    a link to a community mirror) or left over there, not work for the source's editor. It
    becomes information that says so. (A severity configured for the rule still wins.)"""
    usable = [not result.io_error and not any(f.rule == INTERNAL_ERROR for f in result.findings) for result in results]
    if sum(usable) < min(MIN_AGREEING.values()) + 1:
        return results
    marks = [{mark for f in result.findings if f.path == source for mark in _marks(f)} for result in results]
    configured = {r.name for selector, _ in settings.severity for r in resolve(selector)}
    for index, result in enumerate(results):
        if not usable[index] or not result.files:
            continue
        translation, language = result.files[0].path, result.files[0].language or "other"
        others = [marks[j] for j in range(len(results)) if j != index and usable[j]]
        lacking = "the other translation lacks" if len(others) == 1 else f"the {len(others)} other translations lack"
        notes = {pronoun: (f"(only the {language} version has {pronoun}; {lacking} {pronoun} too: "
                           "local to that version, or left over there)") for pronoun in ("it", "them")}
        changed = False
        kept: list[Finding] = []
        local: set[int] = set()  # lines of the translation that hold content local to it
        for finding in result.findings:
            rule = BY_NAME.get(finding.rule)
            if (finding.path == source and rule is not None and rule.compares and finding.rule not in configured
                    and not finding.key.endswith("|misspelt")  # the source's own typo: nothing the translation has
                    and len(others) >= (MIN_AGREEING_FOLLOWING if result.files[0].follows_source
                                        else MIN_AGREEING.get(finding.rule, MIN_AGREEING[""]))
                    and finding.severity >= Severity.WARNING and finding.related
                    and all(r.path == translation for r in finding.related)
                    and not any(_told_in(finding, mark) for mark in others)):
                note = notes["them" if finding.key.startswith("keys|") else "it"]  # several keys told together
                finding = dataclasses.replace(finding, severity=Severity.INFO, message=f"{finding.message} {note}")
                local.update(r.line for r in finding.related)
                changed = True
            kept.append(finding)
        if local:
            # the numbers of that content, told in the translation ("PR #5891" in the link to a
            # community mirror): the same content, local to it
            for index, finding in enumerate(kept):
                if (finding.path == translation and _only_extra_numbers(finding) and finding.rule not in configured
                        and finding.severity >= Severity.WARNING
                        and any(abs(finding.line - line) <= 2 for line in local)):
                    kept[index] = dataclasses.replace(finding, severity=Severity.INFO, message=f"{finding.message} {notes['it']}")
        if changed:
            result.findings = sort_findings(kept)
    return results


def _missing_keys(finding: Finding) -> list[str]:
    """The keys a frontmatter-missing-key finding names, lower-cased as Hugo reads them, from
    its key's forms in rules/frontmatter.py: "section"; "keys|metatitle|section" and
    "extra|a|b" for several told together; "language|lang" (any language key: one
    "language"); "tags|language-name" (the key, then what)."""
    key = finding.key
    for prefix in ("keys|", "extra|"):
        if key.startswith(prefix):
            return [name.lower() for name in key[len(prefix):].split("|")]
    if key.startswith("language|"):
        return ["language"]
    return [key.split("|")[0].lower()]


def _marks(finding: Finding) -> list[tuple[str, object]]:
    """What a finding in the source tells, for another pair's finding to be "told there too":
    its rule and line, or for a missing key its rule and key. Every missing key is told at
    the closing ``---``: by line, a translation lacking "metatitle" would seem to lack
    "section" too."""
    if finding.rule == "frontmatter-missing-key":
        if finding.key.endswith("|misspelt"):
            return []  # a key the source has, misspelt: not one it lacks
        return [(finding.rule, f"key:{name}") for name in _missing_keys(finding)]
    return [(finding.rule, finding.line)]


def _told_in(finding: Finding, marks: set[tuple[str, object]]) -> bool:
    """Does another pair tell the source what ``finding`` tells it (``_marks``; a finding of
    the rule within two lines of it, or a missing key of the same name)?"""
    if finding.rule == "frontmatter-missing-key":
        return any((finding.rule, f"key:{name}") in marks for name in _missing_keys(finding))
    return any((finding.rule, line) in marks for line in range(finding.line - 2, finding.line + 3))


def _source_outnumbered(source: str, results: list[PairResult]) -> list[PairResult]:
    """Two or more translations that each have the same numbers where the source has the same
    others ("paragraf 92" in sv and nb, "paragraph 82" in en): the translations agree, so the
    source is likely the one to fix. Their findings become one, told in the source at its
    number, naming each translation's place. Not where a translation records the source
    commit it follows: there the source leads, and translations that agree are behind alike."""
    agreeing: dict[tuple[int, str], list[tuple[PairResult, Finding]]] = {}
    for result in results:
        for finding in result.findings:
            here, separator, there = finding.key.partition("||")
            if (finding.rule == "number-mismatch" and finding.path != source and separator and there
                    and here.startswith("numbers|") and here != "numbers|" and not here.startswith("numbers|moved|")
                    and len(finding.related) == 1 and finding.related[0].path == source):
                agreeing.setdefault((finding.related[0].line, finding.key), []).append((result, finding))
    for (line, key), found in sorted(agreeing.items()):
        if len({id(result) for result, _ in found}) < 2 or any(
                result.files and result.files[0].follows_source for result, _ in found):
            continue
        ours, _, theirs = key.partition("||")
        numbers_here = listed([quote(text) for text in theirs.split("|")], 4)
        numbers_there = listed([quote(text) for text in ours[len("numbers|"):].split("|")], 4)
        places = listed([f"{finding.path}:{finding.line}" for _, finding in found], 4)
        first = found[0][1]
        told = Finding(
            source, line, first.rule, first.code, max(finding.severity for _, finding in found),
            f"{numbers_here} here, where {len(found)} translations agree on {numbers_there} instead ({places}): "
            f"likely this version is the one to fix",
            tuple(Location(finding.path, finding.line) for _, finding in found),
            key=f"agreed|{key}",
        )
        for result, finding in found:
            result.findings = [f for f in result.findings if f is not finding]
        found[0][0].findings = sort_findings(found[0][0].findings + [told])
    return results


def _only_extra_numbers(finding: Finding) -> bool:
    """A number-mismatch that names one number of its own file alone ("none in" the other):
    its line is that number's (a finding of several names only the first one's line)."""
    here, separator, there = finding.key.partition("||")
    return finding.rule == "number-mismatch" and here.startswith("numbers|") and separator == "||" \
        and not there and here.count("|") == 1 and here != "numbers|" and not here.startswith("numbers|moved|")


def _said_once(source: str, results: list[PairResult]) -> list[PairResult]:
    """A source block in a translation's language is untranslated against that translation
    and language-detected against the others (Swedish text on the English page, compared
    with the Swedish and the Norwegian page): one defect, reported once, as untranslated
    (a page identical in many sections to a translation: its block findings go; one that
    says the whole page is in another language stays)."""
    untranslated = [f for result in results for f in result.findings if f.rule == "untranslated" and f.path == source]
    if not untranslated:
        return results
    lines = {f.line for f in untranslated}
    # identical text in many sections is told once for the page (its lines in the message)
    whole_page = any(f.key.startswith("page|") for f in untranslated)
    for result in results:
        result.findings = [f for f in result.findings if not (
            f.rule == "language-detected" and f.path == source and not f.key.startswith("doc|")
            and (whole_page or f.line in lines))]
    return results


def compare_paths(
    path_a: str,
    path_b: str,
    settings: Settings | None = None,
    languages: tuple[str | None, str | None] = (None, None),
    loaded: dict[str, tuple[Document | None, Finding | None, bool]] | None = None,
    given_by: str = "command line",
) -> tuple[Comparison | None, PairResult]:
    """Like :func:`check_paths`, also returning the comparison (None when a file is unusable).

    ``loaded`` holds files already parsed (see :func:`check_group`)."""
    # paused from the first parse to the findings: a collection between the two pages'
    # parses, or while the findings are sorted, walks all of the first page's model
    with collector_paused():
        return _compare_paths(path_a, path_b, settings, languages, loaded, given_by)


def _compare_paths(
    path_a: str,
    path_b: str,
    settings: Settings | None,
    languages: tuple[str | None, str | None],
    loaded: dict[str, tuple[Document | None, Finding | None, bool]] | None,
    given_by: str,
) -> tuple[Comparison | None, PairResult]:
    settings = settings or Settings()
    files: list[FileInfo] = []
    docs: list[Document | None] = []
    errors: list[Finding] = []
    io_error = False
    for path, override in ((path_a, languages[0]), (path_b, languages[1])):
        doc, error, unreadable = loaded[path] if loaded and path in loaded else _load(path, settings.max_bytes)
        docs.append(doc)
        io_error = io_error or unreadable
        if error is not None:
            errors.append(error)
        language, source = expected_language(path, override)
        if override and source == "command line":
            source = given_by  # scan's languages come from the site, not from --lang
        files.append(FileInfo(path, language, source))
    comparison = None
    findings: list[Finding] = []
    if docs[0] is not None and docs[1] is not None:
        try:
            comparison, findings = compare_documents(
                docs[0], docs[1], settings, (files[0].language, files[1].language),
                (files[0].language_source, files[1].language_source),
            )
        except Exception as error:  # noqa: BLE001 - e.g. building the comparison itself
            findings = [internal_error(path_a, error, "comparing the two versions", path_b)]
        for info, doc in zip(files, docs):
            if info.language is None and doc is not None:
                info.language, info.language_source = declared(doc.front_matter), "front matter"
    for info, doc in zip(files, docs):
        if doc is not None:
            try:
                info.expires = expiry_of(doc.front_matter)
            except Exception:  # noqa: BLE001 - a date nobody foresaw: the page counts as published
                info.expires = ""
            info.follows_source = follows_source(doc.front_matter.entries)
    findings = sort_findings(findings + _finish(errors, settings))
    return comparison, PairResult(files, findings, io_error)


__all__ = [
    "Settings", "PairResult", "FileInfo", "check_paths", "check_group", "check_group_pairs", "settle_group", "compare_paths", "check_texts", "check_documents",
    "compare_documents", "Location",
]

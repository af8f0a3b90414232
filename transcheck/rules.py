"""Every rule transcheck knows: code, name, default severity and its documentation.

The names and codes are part of the interface (configs, suppressions and
baselines name them); a renamed rule keeps its old name in ``aliases``.
"""

from __future__ import annotations

from dataclasses import dataclass

from .findings import Severity

E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    summary: str
    doc: str
    aliases: tuple[str, ...] = ()


_RULES: tuple[Rule, ...] = (
    Rule("TC001", "parse-error", E, "A file cannot be read or parsed.",
         "The file is missing, unreadable, not UTF-8/UTF-16 text, or its front matter is "
         "malformed. The message names the line where known. Checks that need the file are "
         "skipped; the other file is still checked on its own."),
    Rule("TC002", "internal-error", E, "transcheck failed on this pair (a bug): the other checks still ran.",
         "A check or the parser raised an exception on this page. The message names the check, "
         "the rules it reports and the exception; every other check of the pair and every other "
         "pair are still checked, and the exit status is 2 (not 1, which means drift). It cannot "
         "be selected away or suppressed. Please report it with the two files."),
    Rule("TC003", "content-skipped", W, "Part of a page could not be read as Markdown and was not compared.",
         "An HTML comment that is never closed (`<!--` without `-->`) hides the rest of the page from "
         "readers and from transcheck; lists or quotes nested deeper than Markdown parsers follow are "
         "read as plain text; a code fence glued to the end of a sentence (`Run:```bash`) opens no "
         "code block, so the page shows the code as text and the rest inside out (transcheck reads "
         "it as meant, so the rest of the page is still compared). The message names the line; "
         "close the comment, flatten the nesting, or put the fence on a line of its own."),
    Rule("TC101", "missing-section", E, "A section of one version has no counterpart in the other.",
         "Reported in the file that lacks the section, at the place where it belongs, with the "
         "section's title, level and line in the other file. Sections are aligned by structure "
         "and language-neutral content (ids, numbers, links, code, names), never by translated "
         "heading text, so one missing section gives exactly one finding. A heading whose content "
         "stands in the other version anyway (all its names and numbers in one section there, or "
         "its text merged into its parent without sub-headings) is a warning."),
    Rule("TC102", "heading-level", W, "Aligned headings have different levels (or one is a bold line).",
         "`## Pay` in one version and `### Lön` in the other, or a bold-only line used as a "
         "heading where the other version has a real heading."),
    Rule("TC103", "section-order", W, "Aligned sections stand in a different order.",
         "The section exists in both versions but was moved: reported once, on the moved section."),
    Rule("TC104", "bullet-count", E, "Aligned lists have a different number of items.",
         "Compares the items of aligned lists, nested lists too, and names the item that has no "
         "counterpart where it can be told. A list present in one version and absent in the "
         "aligned section of the other is reported too; where the other version has text of about "
         "the same size without counterpart in that place (the list written as prose, a table, a "
         "card grid) it is a warning that names it."),
    Rule("TC105", "list-kind", W, "An ordered list in one version is a bullet list in the other.", ""),
    Rule("TC106", "paragraph-count", I, "Aligned sections have a different number of paragraphs.",
         "Translators merge and split paragraphs, so this is information, not an error."),
    Rule("TC107", "table-shape", E, "Aligned tables have different numbers of rows or columns.",
         "Tables are read as GFM and Hugo render them (a row with extra cells keeps the table). A "
         "table without counterpart is a warning where the other version writes it as a list or "
         "prose, and an error that says so where its rows ran together into a paragraph that does "
         "not render as a table."),
    Rule("TC108", "code-mismatch", W, "Code blocks or inline code differ between aligned places.",
         "Code is not translated: a fenced block or an inline `code` span must be the same in both "
         "versions. Whitespace at line ends is ignored. An inline span the other version writes "
         "as plain or quoted text is information."),
    Rule("TC201", "shortcode-mismatch", E, "Shortcodes differ between aligned places.",
         "A shortcode missing or extra, a different shortcode in the same place, or a non-text "
         "argument (URL, path, id, colour, icon, number) with another value. Text arguments "
         "such as title=, text=, description= are expected to be translated. Looks are warnings, "
         "content stays an error: a styling wrapper ({{< ingress >}}) whose text stands unwrapped, "
         "a button whose target the other version links another way, a contact card whose address "
         "and phone stand elsewhere, an argument that is a plain word (\"update\"/\"uppdatering\"), "
         "icons, colours and ids; an argument naming each page's own language (language=\"sv\") is "
         "quiet and a spacer ({{< distance >}}) is information."),
    Rule("TC202", "shortcode-unclosed", E, "A shortcode is never closed, closed twice, or malformed.",
         "A closing tag without an opening tag, an opening tag whose counterpart in the other "
         "version is closed (or that is closed elsewhere in the same page), a tag that never "
         "ends, or a pair that opens and closes at different nesting levels."),
    Rule("TC301", "frontmatter-missing-key", W, "A front-matter key of one version is missing in the other.",
         "Keys are compared as Hugo reads them: case-insensitively. Keys that are naturally "
         "per-translation (language fields, ai, slug, url, aliases, lastmod, translationKey, "
         "default_lang_commit, drifted_from_default, l10n, cSpell:ignore, and keys configured "
         "as local) are not compared, nor a key whose value says nothing (\"\", false, 0, [], {}). "
         "A language or lang key in one version while the other declares no language is reported."),
    Rule("TC302", "frontmatter-mismatch", E, "A front-matter value that must be the same differs.",
         "Booleans such as draft, numbers, URLs, paths and images must be equal across languages; "
         "translated text is expected to differ and is not compared. Dates and a page's place in "
         "a listing (weight, cardorder …) differing are a warning: a translation is often dated "
         "when it was written."),
    Rule("TC401", "salary-mismatch", E, "Money amounts or ranges differ in amount, currency or period.",
         "Amounts are read by value in every common spelling: €50,000, 50 000 €, 50k EUR, 50 tkr, "
         "50 000:-, ranges with -, –, to, till, från … till, between … and, mellan … och, and "
         "periods (per år, annually, /mån, monthly, timlön, /h). \"€50,000 - €80,000 annually\" "
         "equals \"50 000–80 000 euro per år\"; an amount present in one version only is a "
         "mismatch too. A currency or period written in one version only is not compared. A page "
         "that prices everything in its market's currency (kr here, € there) gets one information "
         "finding instead."),
    Rule("TC402", "number-mismatch", E, "Other numbers in aligned sections differ.",
         "Counts, percentages, years, versions and sizes are compared by value (1 000,5 = "
         "1,000.5; \"fem\" = 5 = \"five\"; 1st = 1:a; \"90-talet\" = \"the nineties\" = 1990s; "
         "\"1800-talet\" = 19th century). A number whose grouping is ambiguous matches every reading; a "
         "number written as a word is never reported alone; clock times, footnote markers and "
         "numbers the other version writes inside code are not compared."),
    Rule("TC403", "date-mismatch", E, "Dates in aligned sections differ.",
         "ISO dates, \"16 februari 2026\", \"February 16, 2026\", \"16 Feb 2026\", \"16/2 2026\", "
         "\"16.2.2026\", \"andra februari\" and 2026年2月16日 are compared by value. The same day with a year "
         "in one version and without in the other is a warning. Front-matter dates are "
         "compared by frontmatter-mismatch."),
    Rule("TC404", "link-mismatch", E, "Link targets of aligned sections differ.",
         "Markdown links, autolinks, bare URLs, <a href>, URL arguments of shortcodes (link=, "
         "url=, href=) and URL-valued front-matter fields. Scheme and host case, default ports, "
         "trailing slashes and language codes in paths, subdomains and queries (/en/, sv-SE, "
         "?lang=sv) do not matter; ref/relref to the same content file are equal; in-page "
         "anchors are equal when they point at aligned headings. Configured rewrites make "
         "language-specific URLs equal. Site-internal paths that differ only in words (a "
         "translated slug such as /kontakt/ and /contact/) are a warning, as is one repository "
         "file at another branch or commit. A mailto: whose address the page shows is compared "
         "by contact-mismatch."),
    Rule("TC405", "image-mismatch", E, "Images of aligned sections differ.",
         "Markdown images, <img src>, image arguments of shortcodes (src=, image=) and "
         "image-valued front-matter fields, compared like links. Numbered copies of one picture "
         "(key-points-1.svg / key-points-3.svg, often one per language) are a warning."),
    Rule("TC406", "contact-mismatch", E, "E-mail addresses or phone numbers differ.",
         "Phone numbers are compared in international form: +46 8 123 45 67 = 08-123 45 67 "
         "(in a Swedish page) = +46812345 67."),
    Rule("TC501", "language-conflict", E, "Two language fields of one file disagree.",
         "language, Language, lang, languageCode, locale, hreflang … are compared as language "
         "tags, case-insensitively: En and en agree, sv and En do not. nb, nn and no all count "
         "as Norwegian."),
    Rule("TC502", "language-code", W, "A language field holds no valid code, or almost certainly the wrong one.",
         "Not a BCP 47 tag (\"Nei\", \"Svenska\"), a country code (dk, jp), a code that is valid "
         "but a likely slip (se is Northern Sami on a Swedish page), en-UK for en-GB, or a YAML "
         "boolean where a code was meant (language: no is read as false). House conventions "
         "are declared as aliases (Se = \"sv\") and are then quiet."),
    Rule("TC503", "language-mismatch", E, "A file declares another language than expected, or both declare the same.",
         "The expected language comes from --lang, the file name (x.sv.md), a path segment "
         "(content/sv/) or config."),
    Rule("TC504", "language-detected", E, "The text is not in the declared or expected language.",
         "An error for a whole document, a warning for a block. langdetect is restricted to the "
         "pair's languages and their neighbours (sv, no, da, en) and seeded, so results are "
         "deterministic; short blocks are judged together per section; headings, code, URLs "
         "and names are not judged. Text in the other version's language is untranslated."),
    Rule("TC505", "untranslated", W, "Text is identical in both versions or in the other version's language.",
         "Paragraphs, list items, translatable front-matter fields (title, intro, description, "
         "sidebarlinkname …) and shortcode text arguments (title=, text=). Proper names, "
         "product names, numbers and code alone are not flagged."),
    Rule("TC507", "sentence-missing", W, "A sentence of an aligned paragraph or list item has no counterpart.",
         "The sentences of each aligned paragraph and list item are aligned (1–1, 1–2, 2–1, 1–0, 0–1, "
         "by a length ratio calibrated per language pair and shared numbers, names and code). Reported "
         "in the file that lacks the sentence only when the evidence is strong: the unit has at least "
         "two sentences, the sentence is long, its numbers and names are not on the other side, and "
         "the unit is as much longer as the sentence. Two sentences merged into one stay quiet."),
    Rule("TC508", "clause-drift", I, "An aligned sentence is far longer or shorter than its counterpart.",
         "A clause added or dropped in a sentence both versions have: its length ratio is far outside "
         "the page's own distribution (and at least 1.7 times and 25 characters off). Information by "
         "default, a warning when the difference is extreme."),
    Rule("TC509", "sentence-replaced", W, "An aligned sentence says something else than its counterpart.",
         "A sentence replaced by one about another subject, at about the same length. Reported only on "
         "strong evidence: the two sentences share no name, number, loan word or word stem, one of them "
         "names something (a name, a number) that the other version's whole paragraph lacks, and the "
         "paragraph's other sentences are shown to translate each other. With the optional semantic "
         "backend (`--semantic`), the meanings decide: a pair less than 0.80 alike is reported even "
         "when it names nothing, the lexical evidence needs them under 0.86, and the paragraph's "
         "other pairs must be alike."),
    Rule("TC601", "orphan", W, "A page has no version in one of the site's languages.",
         "Reported by scan for each page whose translation is missing; configure "
         "[orphans] ignore = [\"blog/**\"] for sections that are not translated."),
    Rule("TC602", "suppression-invalid", W, "A transcheck directive is malformed.",
         "A directive must name the rules it silences: <!-- transcheck-disable-next-line "
         "bullet-count -->. A bare directive or one naming an unknown rule silences nothing."),
    Rule("TC603", "suppression-unused", I, "A transcheck directive silences nothing.",
         "The finding it was written for is gone: remove the directive."),
    Rule("TC701", "stale-translation", W, "The source changed in git since the translation was brought up to date.",
         "Inside a git repository: the source commits since the translation's marker "
         "(default_lang_commit, l10n.sourceCommit) or, without one, since the last commit that "
         "touched the translation, and the source's uncommitted changes. Reported per changed "
         "source section at its counterpart in the translation, with the lines added and removed, "
         "the number of commits and the date of the oldest. A source changed and changed back is "
         "up to date. Silent outside a git repository or without git; `transcheck status` lists "
         "every page."),
    Rule("TC303", "duplicate-key", E, "A front-matter key is written twice.",
         "YAML keeps only the last of two equal keys and Hugo reads keys case-insensitively, so "
         "`language` and `Language` in one front matter are one key written twice: only one "
         "value survives."),
)

RULES: tuple[Rule, ...] = tuple(sorted(_RULES, key=lambda r: r.code))

BY_NAME: dict[str, Rule] = {}
for _rule in RULES:
    BY_NAME[_rule.name] = _rule
    for _alias in _rule.aliases:
        BY_NAME[_alias] = _rule
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in RULES}


def rule(name: str) -> Rule:
    return BY_NAME[name]


def resolve(selector: str) -> list[Rule]:
    """Rules named by a code, a name, or a prefix of a code (``TC1``) or name (``shortcode-``)."""
    text = selector.strip()
    if text.upper() in BY_CODE:
        return [BY_CODE[text.upper()]]
    if text in BY_NAME:
        return [BY_NAME[text]]
    matches = [r for r in RULES if r.code.startswith(text.upper()) or r.name.startswith(text)]
    return matches

"""Names in code that a translation writes in its own language.

Tutorials name their examples ('instrumentation-scope-name', 'yourServiceName', 'Error'),
and translators often give those placeholders their own language's words, alike in the code
and in the prose that names them ('nome-do-escopo-de-instrumentacao', 'nomeDoServico',
'Erro'). Such a name is not changed code. It is told from a renamed setting (en
'otel.config.file' where a stale translation keeps 'otel.experimental.config.file') by its
words: every one of them is absent from the other version, and the page's own prose uses
them. A name that its page's comments explain ("# Cria um rastreador" above
`get_tracer("meu.rastreador.nome")`) counts when the n-gram model reads it as the page's
language too: comments are often left in the source's language, prose seldom.
"""

from __future__ import annotations

import re
import unicodedata

from transcheck.document.memo import ByIdentity
from transcheck.document.model import CodeBlock, Document, ListItem, Paragraph, walk_nodes
from transcheck.languages.detect import log_likelihoods, ngrams
from transcheck.languages.tags import detector_code
from transcheck.lazyre import lazy_compile

_WORD = lazy_compile(r"[^\W\d_]+")
_CAMEL = lazy_compile(r"[A-Z]?[a-z\u00df-\u024f]+|[A-Z\u00c0-\u00de]+(?![a-z])")
MIN_LETTERS = 3  # shorter words ("do", "de", "my") say nothing of a language
# the text of a comment in code: a whole line after "#", "//", "--", "/*", "*" or "%%", or the
# end of a line after "#" or "//" that follows white space ("x = 1  # o valor"; not "a * b")
_COMMENT = lazy_compile(r"(?:^[ \t]*(?:#+|//|--|/\*+|\*|%%)|[ \t](?:#|//))[ \t]+(\S.*)$", re.M)


def fold(word: str) -> str:
    """Lower case without accents: 'Serviço' and the identifier 'Servico' are one word."""
    if word.isascii():  # most words: nothing to take off (a page's every word is folded)
        return word.lower()
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


def name_words(name: str) -> list[str]:
    """The words of a name, folded: 'nomeDoServico' → nome, servico; 'scope-name' → scope, name."""
    words: list[str] = []
    for part in _WORD.findall(name):
        words.extend(fold(w) for w in (_CAMEL.findall(part) or [part]) if len(w) >= MIN_LETTERS)
    return words


class PageWords:
    """The folded words of a page: all of them, those of its prose (code spans left out) and
    those of the comments in its code."""

    __slots__ = ("everything", "prose", "comments")

    def __init__(self, everything: frozenset[str], prose: frozenset[str], comments: frozenset[str]) -> None:
        self.everything = everything
        self.prose = prose
        self.comments = comments


def _read_page_words(doc: Document) -> PageWords:
    prose: set[str] = set()
    comments: set[str] = set()
    blocks = list(doc.body.blocks)
    for section in doc.iter_sections():
        blocks.extend(section.blocks)
    for node in walk_nodes(blocks):
        if isinstance(node, (Paragraph, ListItem)):
            text = node.text
            for code in node.inline.code:
                text = text.replace(code, " ")
            prose.update(fold(word) for word in _WORD.findall(text) if len(word) >= MIN_LETTERS)
        elif isinstance(node, CodeBlock) and node.code:
            for comment in _COMMENT.findall(node.code):
                comments.update(fold(word) for word in _WORD.findall(comment) if len(word) >= MIN_LETTERS)
    everything = {fold(word) for word in set(_WORD.findall(doc.text)) if len(word) >= MIN_LETTERS}
    for word in list(everything):  # an identifier's parts count as the page's words too
        everything.update(name_words(word))
    return PageWords(frozenset(everything), frozenset(prose), frozenset(comments))


# a source page's words are read once for all its translations
page_words = ByIdentity[Document, PageWords](_read_page_words, kept=8)


MIN_WORDS = 2  # a one-word value ('production' / 'staging') may be a changed setting


def in_own_language(name: str, own: PageWords, other: PageWords) -> bool:
    """Is ``name`` a placeholder in its page's own words: two words or more, none of them
    anywhere in the other version, and most of them in its own page's prose? One word is
    not enough: a setting changed in one version ('staging' for 'production', said in its
    prose too) looks just like it."""
    words = name_words(name)
    if len(words) < MIN_WORDS or any(word in other.everything for word in words):
        return False
    return 2 * sum(word in own.prose for word in words) >= len(words)


MIN_LEAN = 0.1  # nats an n-gram by which a name must read as its own page's language


def _lean(words: list[str], own: str, other: str) -> float:
    """How much better ``words`` read as language ``own`` than as ``other``: the difference of
    their log-likelihoods under langdetect's n-gram profiles, per n-gram (0 when unknown)."""
    text = " " + " ".join(words) + " "
    scores = dict(log_likelihoods(text, tuple(sorted((own, other)))))
    grams = len(ngrams(text))
    if own not in scores or other not in scores or not grams:
        return 0.0
    return (scores[own] - scores[other]) / grams


def reads_as_translated(name: str, counterpart: str, own: PageWords, other: PageWords,
                        own_language: str | None, other_language: str | None) -> bool:
    """Weaker evidence than :func:`in_own_language`, for a name whose words the page's prose
    does not all use ('meu.rastreador.nome', where only a comment says "rastreador"): two
    changed words or more, none anywhere in the other version, one at least in its own page's text,
    and the name reads as its page's language while the name it stands for reads as the
    other's ('my.tracer.name'). Two English words for two others ('staging.cluster' for
    'production.cluster') read as one language and are no translation."""
    mine, theirs = detector_code(own_language or ""), detector_code(other_language or "")
    if not mine or not theirs or mine == theirs:
        return False
    # the words the renaming changed: 'website' and 'com' kept in 'nome.do.seu.website.exemplo.com'
    # for 'name.of.your.website.example.com' are no evidence either way
    all_words, all_others = name_words(name), name_words(counterpart)
    words = [word for word in all_words if word not in all_others]
    others = [word for word in all_others if word not in all_words]
    if len(words) < MIN_WORDS or not others or any(word in other.everything for word in words):
        return False
    if not any(word in own.prose or word in own.comments for word in words):
        return False
    # a short English name ('my.meter.name') leans only a little, either way: that it does
    # not lean clearly to the other language is enough
    return _lean(words, mine, theirs) >= MIN_LEAN and _lean(others, theirs, mine) > -MIN_LEAN / 2


# a string literal on one line, a name (letters first, any script), a number, any other sign
_CODE_TOKEN = lazy_compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'|[^\W\d]\w*|\d[\w.]*|\S")


def renamed_names(code_a: str, code_b: str) -> list[tuple[str, str]] | None:
    """The names and strings renamed between two pieces of code that are otherwise the same,
    each renamed the same way wherever it stands (``do_work`` → ``fazer_trabalho`` in the
    ``def`` and in the call, "do_work" → "fazer_trabalho" in a string): [(name in a, name in
    b)], without the unchanged ones. None when anything else differs (a sign, a number, the
    order) or a name is renamed two ways, or two names to one."""
    tokens_a, tokens_b = _CODE_TOKEN.findall(code_a), _CODE_TOKEN.findall(code_b)
    if len(tokens_a) != len(tokens_b):
        return None
    forward: dict[str, str] = {}
    backward: dict[str, str] = {}
    for x, y in zip(tokens_a, tokens_b):
        if x == y and not _renameable(x):
            continue
        if not (_renameable(x) and _renameable(y)) or (x[0] in "\"'") != (y[0] in "\"'"):
            return None  # a sign or number changed, or a name became a string
        if x[0] in "\"'":
            if x[1:-1] == "…" or y[1:-1] == "…":
                continue  # a string of prose, folded before: its text is for the reader
            # strings and names apart: "print" → "imprimindo" leaves the function print alone
            x, y = "\"" + x[1:-1], "\"" + y[1:-1]
        if forward.setdefault(x, y) != y or backward.setdefault(y, x) != x:
            return None
    return [(x.lstrip('"'), y.lstrip('"')) for x, y in forward.items() if x != y]


def _renameable(token: str) -> bool:
    return token[0] in "\"'" or not (token[0].isdigit() or len(token) == 1 and not token.isalnum())


_DIGITS = lazy_compile(r"\d+")


def renamed_into_own_words(renamed: list[tuple[str, str]], words_a: PageWords, words_b: PageWords,
                           language_a: str | None, language_b: str | None) -> bool:
    """Are the renamings a translation of the example's names, the numbers in them kept?
    One of them at least must show it as :func:`in_own_language` or
    :func:`reads_as_translated` ask ('rastreador' in meu.rastreador, said in the page's
    prose). Then the names of one side, read together, must lean to their page's language
    and those of the other side not the other way ('meu rastreador imprimindo caracter' /
    'tracer print printed string'). A value swapped for another of the same language
    ("gzip" for "none", 'dice.roll' for 'dice.rolls') does neither."""
    if not renamed or any(_DIGITS.findall(x) != _DIGITS.findall(y) for x, y in renamed):
        return False
    code_a, code_b = language_a or "", language_b or ""
    if not any(in_own_language(x, words_a, words_b) or in_own_language(y, words_b, words_a)
               or reads_as_translated(x, y, words_a, words_b, code_a, code_b)
               or reads_as_translated(y, x, words_b, words_a, code_b, code_a) for x, y in renamed):
        return False
    mine, theirs = detector_code(code_a), detector_code(code_b)
    if not mine or not theirs or mine == theirs:
        return False
    old = [word for x, _ in renamed for word in name_words(x)]
    new = [word for _, y in renamed for word in name_words(y)]
    # one side leans clearly, the other not the wrong way ('meter name' reads as either)
    lean_old, lean_new = _lean(old, mine, theirs), _lean(new, theirs, mine)
    return max(lean_old, lean_new) >= MIN_LEAN and min(lean_old, lean_new) > -MIN_LEAN / 2

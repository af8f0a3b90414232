"""Names in code that a translation writes in its own language.

Tutorials name their examples ('instrumentation-scope-name', 'yourServiceName', 'Error'),
and translators often give those placeholders their own language's words, alike in the code
and in the prose that names them ('nome-do-escopo-de-instrumentacao', 'nomeDoServico',
'Erro'). Such a name is not changed code. It is told from a renamed setting (en
'otel.config.file' where a stale translation keeps 'otel.experimental.config.file') by its
words: every one of them is absent from the other version, and the page's own prose uses
them.
"""

from __future__ import annotations

import unicodedata

from transcheck.document.memo import ByIdentity
from transcheck.document.model import Document, ListItem, Paragraph, walk_nodes
from transcheck.lazyre import lazy_compile

_WORD = lazy_compile(r"[^\W\d_]+")
_CAMEL = lazy_compile(r"[A-Z]?[a-z\u00df-\u024f]+|[A-Z\u00c0-\u00de]+(?![a-z])")
MIN_LETTERS = 3  # shorter words ("do", "de", "my") say nothing of a language


def fold(word: str) -> str:
    """Lower case without accents: 'Serviço' and the identifier 'Servico' are one word."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", word.lower()) if not unicodedata.combining(ch))


def name_words(name: str) -> list[str]:
    """The words of a name, folded: 'nomeDoServico' → nome, servico; 'scope-name' → scope, name."""
    words: list[str] = []
    for part in _WORD.findall(name):
        words.extend(fold(w) for w in (_CAMEL.findall(part) or [part]) if len(w) >= MIN_LETTERS)
    return words


class PageWords:
    """The folded words of a page: all of them, and those of its prose (code spans left out)."""

    __slots__ = ("everything", "prose")

    def __init__(self, everything: frozenset[str], prose: frozenset[str]) -> None:
        self.everything = everything
        self.prose = prose


def _read_page_words(doc: Document) -> PageWords:
    prose: set[str] = set()
    blocks = list(doc.body.blocks)
    for section in doc.iter_sections():
        blocks.extend(section.blocks)
    for node in walk_nodes(blocks):
        if isinstance(node, (Paragraph, ListItem)):
            text = node.text
            for code in node.inline.code:
                text = text.replace(code, " ")
            prose.update(fold(word) for word in _WORD.findall(text) if len(word) >= MIN_LETTERS)
    everything = {fold(word) for word in _WORD.findall(doc.text) if len(word) >= MIN_LETTERS}
    for word in list(everything):  # an identifier's parts count as the page's words too
        everything.update(name_words(word))
    return PageWords(frozenset(everything), frozenset(prose))


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

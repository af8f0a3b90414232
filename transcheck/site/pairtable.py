"""A scan's pairs and its files' languages, held compactly.

A site of 10 000 pairs has 20 000 files; held as Python strings, tuples and a dict their paths
cost some 3 MiB that live to the end of the scan (the report lists every file and pair). Here
every distinct path is stored once, UTF-8 encoded, in one block of bytes (sorted, the part
they all share said once), with the pairs and the languages as small arrays of indexes: about
a third of that, and no per-path objects for the collector to walk. Paths come back as
strings when asked for; answers are those of the list and dict this replaces.
"""

from __future__ import annotations

import os
from array import array
from bisect import bisect_left
from typing import Collection, Iterable, Iterator, Mapping, Sequence, overload

# Path strings may carry lone surrogates (undecodable file names); encoding them this way keeps
# byte order the same as the strings' order, which the look-ups by bisection rely on.
_ERRORS = "surrogatepass"


class PairTable(Sequence[tuple[str, str]]):
    """The (translation, source) path pairs of a scan, in the order given; ``languages`` maps
    each of their paths to the language it was paired in (the later pair's where two differ)."""

    def __init__(self, pairs: Iterable[tuple[str, str, str, str]]) -> None:
        """``pairs``: (translation path, its language, source path, its language)."""
        listed = list(pairs)
        language_of: dict[str, str] = {}
        for translation, translation_language, source, source_language in listed:
            language_of[translation] = translation_language
            language_of[source] = source_language
        paths = sorted(language_of)
        self._prefix = os.path.commonprefix([paths[0], paths[-1]]) if paths else ""
        cut = len(self._prefix)
        encoded = [path[cut:].encode("utf-8", _ERRORS) for path in paths]
        self._block = b"".join(encoded)
        self._ends = array("Q")
        end = 0
        for item in encoded:
            end += len(item)
            self._ends.append(end)
        self._names: tuple[str, ...] = tuple(sorted(set(language_of.values())))
        code = {name: index for index, name in enumerate(self._names)}
        self._language = array("H", (code[language_of[path]] for path in paths))
        index = {path: i for i, path in enumerate(paths)}
        self._pairs = array("Q")
        for translation, _, source, _ in listed:
            self._pairs.append(index[translation])
            self._pairs.append(index[source])
        self.languages: Mapping[str, str] = _Languages(self)
        self.files: Collection[tuple[str, str]] = _Files(self)

    def path(self, index: int) -> str:
        """The index-th path in sorted order."""
        start = self._ends[index - 1] if index else 0
        return self._prefix + self._block[start:self._ends[index]].decode("utf-8", _ERRORS)

    def language(self, index: int) -> str:
        return self._names[self._language[index]]

    def index_of(self, path: str) -> int:
        """The index of ``path``, or -1 when it is not one of the table's."""
        if not path.startswith(self._prefix):
            return -1
        count = len(self._ends)
        found = bisect_left(range(count), path, key=self.path)
        return found if found < count and self.path(found) == path else -1

    def __len__(self) -> int:
        return len(self._pairs) // 2

    @property
    def path_count(self) -> int:
        return len(self._ends)

    def indexes(self) -> Iterator[tuple[int, int]]:
        """Each pair as the indexes of its two paths."""
        pairs = self._pairs
        return ((pairs[i], pairs[i + 1]) for i in range(0, len(pairs), 2))

    @overload
    def __getitem__(self, index: int) -> tuple[str, str]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, str]]: ...

    def __getitem__(self, index: int | slice) -> tuple[str, str] | list[tuple[str, str]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.path(self._pairs[2 * index]), self.path(self._pairs[2 * index + 1])

    def __iter__(self) -> Iterator[tuple[str, str]]:
        pairs = self._pairs
        for i in range(0, len(pairs), 2):
            yield self.path(pairs[i]), self.path(pairs[i + 1])


class _Languages(Mapping[str, str]):
    """Path → language of a :class:`PairTable`, iterated in path order."""

    def __init__(self, table: PairTable) -> None:
        self._table = table

    def __getitem__(self, path: str) -> str:
        index = self._table.index_of(path)
        if index < 0:
            raise KeyError(path)
        return self._table.language(index)

    def __contains__(self, path: object) -> bool:
        return isinstance(path, str) and self._table.index_of(path) >= 0

    def __iter__(self) -> Iterator[str]:
        table = self._table
        return (table.path(i) for i in range(table.path_count))

    def __len__(self) -> int:
        return self._table.path_count


class _Files(Collection[tuple[str, str]]):
    """(path, language) of every file of a :class:`PairTable`, in path order."""

    def __init__(self, table: PairTable) -> None:
        self._table = table

    def __iter__(self) -> Iterator[tuple[str, str]]:
        table = self._table
        return ((table.path(i), table.language(i)) for i in range(table.path_count))

    def __len__(self) -> int:
        return self._table.path_count

    def __contains__(self, item: object) -> bool:
        if not (isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str)):
            return False
        index = self._table.index_of(item[0])
        return index >= 0 and self._table.language(index) == item[1]

"""The pipeline users would otherwise reach for: translate-toolkit's md2po (English file as
template, Swedish as translation) then pofilter, per pair.

Run with a Python that has translate-toolkit[markdown]:
    TT_VENV/bin/python bench/peer_translate_toolkit.py SITE OUT_DIR [START COUNT]
checks the pairs START .. START+COUNT-1 (sorted by path; all when not given) in this one
process. Prints: pairs, seconds, pofilter flags.

Called pair after pair in one process, md2po + pofilter keep something of every file: at
10 000 pairs the process passed 15 GB. bench/scale.py therefore runs it in chunks of
500 pairs, one process each (the start-up, ~0.3 s, is counted in its time).
"""
import contextlib
import io
import sys
import time
from pathlib import Path

from translate.convert import md2po
from translate.filters import pofilter


def sv_pairs(root: Path) -> list[tuple[Path, Path]]:
    pairs = []
    for sv in sorted((root / "content" / "sv").rglob("*.md")):
        en = root / "content" / "en" / sv.relative_to(root / "content" / "sv")
        if en.exists():
            pairs.append((sv, en))
    return pairs


def main() -> None:
    root, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    pairs = sv_pairs(root)
    if len(sys.argv) > 4:
        start, count = int(sys.argv[3]), int(sys.argv[4])
        pairs = pairs[start : start + count]
    started = time.perf_counter()
    flags = 0
    for number, (sv, en) in enumerate(pairs):
        po = out / f"{sv.stem}-{number}.po"
        filtered = out / f"{sv.stem}-{number}.f.po"
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            try:
                md2po.main(["-t", str(en), "-i", str(sv), "-o", str(po)])
            except SystemExit:
                pass
            try:
                sys.argv = ["pofilter", "-i", str(po), "-o", str(filtered)]
                pofilter.main()
            except SystemExit:
                pass
        if filtered.exists():
            flags += filtered.read_text(encoding="utf-8").count("(pofilter)")
            filtered.unlink()
        po.unlink(missing_ok=True)
    print(f"{len(pairs)} {time.perf_counter() - started:.2f} {flags}")


if __name__ == "__main__":
    main()

"""The pipeline users would otherwise reach for: translate-toolkit's md2po (English file as
template, Swedish as translation) then pofilter, per pair, in one process.

Run with a Python that has translate-toolkit[markdown]:
    TT_VENV/bin/python bench/peer_translate_toolkit.py SITE OUT_DIR
Prints: pairs, seconds, pofilter flags.
"""
import sys, time, io, contextlib
from pathlib import Path
from translate.convert import md2po
from translate.filters import pofilter
root = Path(sys.argv[1]); out = Path(sys.argv[2]); out.mkdir(parents=True, exist_ok=True)
started = time.perf_counter(); flags = 0; pairs = 0
for sv in sorted((root / "content" / "sv").rglob("*.md")):
    en = root / "content" / "en" / sv.relative_to(root / "content" / "sv")
    if not en.exists():
        continue
    po = out / (sv.stem + f"-{pairs}.po"); filtered = out / (sv.stem + f"-{pairs}.f.po")
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            md2po.main(["-t", str(en), "-i", str(sv), "-o", str(po)])
        except SystemExit:
            pass
        try:
            sys.argv = ["pofilter", "-i", str(po), "-o", str(filtered)]; pofilter.main()
        except SystemExit:
            pass
    if filtered.exists():
        flags += filtered.read_text(encoding="utf-8").count("(pofilter)")
    pairs += 1
print(f"{pairs} {time.perf_counter() - started:.2f} {flags}")

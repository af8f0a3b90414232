"""A Zola site made from a real Hugo site's pages, for issue 15's Zola row.

Usage: python bench/zola_site.py HUGO_SITE OUT_DIR   (prints the languages and page counts)

The row ("scan -j 1 of a real 2,500-pair Zola site / parse floor") was measured on organicmaps,
which is not in the shared corpus and cannot be fetched here. This rewrites a multilingual Hugo
site whose content folders are ``content/<language>/`` (opentelemetry.io: 11 languages) into
Zola's layout: the default language's page at ``content/<path>.md`` and each translation beside
it as ``content/<path>.<language>.md``, with a Zola ``config.toml``. The pages' text is copied as
it is (into OUT_DIR, outside the repository), so the scan reads real pages through Zola's
pairing: one source with many translations, as organicmaps has.
"""

from __future__ import annotations

import sys
from pathlib import Path


def convert(hugo: Path, out: Path, default: str = "en") -> dict[str, int]:
    """Write the Zola site; pages per language."""
    content = hugo / "content"
    languages = sorted(p.name for p in content.iterdir() if p.is_dir())
    counts: dict[str, int] = {}
    for language in languages:
        for page in sorted((content / language).rglob("*.md")):
            relative = page.relative_to(content / language)
            target = out / "content" / relative
            if language != default:
                target = target.with_name(f"{target.stem}.{language}.md")
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.read_bytes())
            counts[language] = counts.get(language, 0) + 1
    lines = ['base_url = "https://example.org"', f'default_language = "{default}"', ""]
    for language in languages:
        if language != default:
            lines += [f"[languages.{language}]", ""]
    (out / "config.toml").write_text("\n".join(lines), encoding="utf-8")
    return counts


if __name__ == "__main__":
    out = Path(sys.argv[2]).resolve()
    if Path(__file__).resolve().parent.parent in (out, *out.parents):
        sys.exit("zola_site.py: OUT_DIR must be outside the repository (the pages are not ours to commit)")
    found = convert(Path(sys.argv[1]), out)
    print(" ".join(f"{language}:{count}" for language, count in found.items()), f"total {sum(found.values())}")

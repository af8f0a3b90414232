"""A synthetic bilingual Hugo site of N page pairs with a known number of injected drifts.

Usage: python bench/generate_site.py N OUT_DIR   (prints how many drifts it injected)

Every page is a job posting or a service page built from the clean sample's
structure with varied sizes; every 10th pair gets one drift (a deleted section,
a dropped list item, a changed salary, a changed link or draft flag), in turn.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

SV_WORDS = "vi bygger moln för kunder som vill ha kontroll över sina data och en stabil plattform i Sverige".split()
EN_WORDS = "we build clouds for customers who want control over their data and a stable platform in Sweden".split()
TITLES = [("Om rollen", "About the role"), ("Vad du gör", "What you do"), ("Vad vi erbjuder", "What we offer"),
          ("Så arbetar vi", "How we work"), ("Ansök", "Apply"), ("Teknik", "Technology"), ("Kunder", "Customers")]
DRIFTS = ["section", "item", "salary", "link", "draft"]


def paragraph(rng: random.Random, words: list[str], length: int) -> str:
    return " ".join(rng.choice(words) for _ in range(length)).capitalize() + "."


def page(rng: random.Random, number: int, sections: int, language: str) -> list[str]:
    words = SV_WORDS if language == "sv" else EN_WORDS
    out = ["---", f'title: "{"Sida" if language == "sv" else "Page"} {number}"', "date: 2026-03-02",
           "draft: false", f'language: "{language}"', 'image: "/images/p.png"', "---", ""]
    for index in range(sections):
        sv_title, en_title = TITLES[index % len(TITLES)]
        out += [f"## {sv_title if language == 'sv' else en_title} {index}", ""]
        out += [paragraph(rng, words, 25), ""]
        out += [f"- {paragraph(rng, words, 6)} Kubernetes {index}" for _ in range(4)] + [""]
        if index == 1:
            salary = "50 000–80 000 € per år" if language == "sv" else "€50,000 - €80,000 annually"
            out += [f"{'Lön' if language == 'sv' else 'Salary'}: {salary}", ""]
            out += [f"[{'Ansök' if language == 'sv' else 'Apply'}](https://jobs.example/apply/{number})", ""]
        if index == 2:
            out += ["{{% note %}}", paragraph(rng, words, 12), "{{% /note %}}", ""]
    return out


def inject(lines: list[str], drift: str) -> list[str]:
    if drift == "section":
        start = next(i for i, line in enumerate(lines) if line.startswith("## ") and line.endswith(" 2"))
        end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("## ")), len(lines))
        return lines[:start] + lines[end:]
    if drift == "item":
        index = next(i for i, line in enumerate(lines) if line.startswith("- "))
        return lines[:index] + lines[index + 1 :]
    if drift == "salary":
        return [line.replace("80 000", "85 000") for line in lines]
    if drift == "link":
        return [line.replace("/apply/", "/apply-old/") for line in lines]
    return [line.replace("draft: false", "draft: true") for line in lines]


def generate(count: int, root: Path) -> int:
    # each pair's text comes from random.Random(its number): the same site for the same N
    (root / "content" / "sv").mkdir(parents=True, exist_ok=True)
    (root / "content" / "en").mkdir(parents=True, exist_ok=True)
    (root / "hugo.toml").write_text(
        'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\n'
        '[languages.sv]\ncontentDir = "content/sv"\n', encoding="utf-8"
    )
    injected = 0
    for number in range(count):
        sections = 4 + number % 5
        folder = f"section-{number % 20}"
        sv = page(random.Random(number), number, sections, "sv")
        en = page(random.Random(number), number, sections, "en")
        if number % 10 == 0:
            sv = inject(sv, DRIFTS[(number // 10) % len(DRIFTS)])
            injected += 1
        for language, lines in (("sv", sv), ("en", en)):
            path = root / "content" / language / folder / f"page-{number}.md"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return injected


if __name__ == "__main__":
    print(generate(int(sys.argv[1]), Path(sys.argv[2])))

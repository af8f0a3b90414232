import json

from click.testing import CliRunner

from transcheck.cli import main
from conftest import SAMPLES


def run(*args):
    return CliRunner().invoke(main, list(args))


def test_tree_text_outline_shows_lines_and_structure():
    result = run("tree", str(SAMPLES / "clean" / "posting.en.md"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert any(line.split() == ["11", "##", "About", "the", "role", "{#about}"] for line in lines)
    assert any("shortcode {{% accordion" in line and line.lstrip().startswith("48") for line in lines)
    assert any(line.strip().startswith("5") and "language:" in line for line in lines)


def test_tree_json_has_the_documented_shape():
    result = run("tree", "--format", "json", str(SAMPLES / "clean" / "posting.sv.md"))
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["path"].endswith("posting.sv.md")
    assert {"key": "language", "line": 5} .items() <= data["front_matter"][3].items()

    def check(section):
        assert {"title", "level", "line", "blocks", "sections"} <= section.keys()
        for block in section["blocks"]:
            assert {"type", "line"} <= block.keys()
        for sub in section["sections"]:
            check(sub)

    for section in data["sections"]:
        check(section)
    assert [s["title"] for s in data["sections"]][:2] == ["Om rollen", "Vad du kommer att göra"]


def test_tree_bad_inputs_exit_2_with_one_line_each_and_no_traceback(tmp_path):
    good = tmp_path / "good.md"
    good.write_text("# Fine\n")
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [x\n---\n")
    missing = tmp_path / "missing.md"
    result = CliRunner().invoke(main, ["tree", str(bad), str(missing), str(good)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line]
    assert len(errors) == 2
    assert f"{bad}:2: malformed YAML front matter" in errors[0]
    assert f"{missing}: no such file" in errors[1]
    assert "Traceback" not in result.output + result.stderr
    assert "# Fine" in result.stdout  # the good file is still shown


def test_python_dash_m_works():
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "transcheck", "--version"], capture_output=True, text=True, check=True
    )
    assert "transcheck" in out.stdout


def test_tree_shows_zola_shortcodes_html_text_and_problems_with_lines(tmp_path):
    page = tmp_path / "index.sv.md"
    page.write_text(
        '+++\ntitle = "Stöd"\n+++\n\n{{ crypto_table(currencies=["btc", "eth"], compact=true) }}\n\n'
        '{% note(kind="info") %}\nLäs *först*.\n{% end %}\n\n<div><p>3&nbsp;PB år 2023</p></div>\n\n'
        "<!-- never closed\n\nHidden.\n"
    )
    outline = run("tree", str(page))
    assert outline.exit_code == 0, outline.output
    lines = [line.strip() for line in outline.output.splitlines()]
    assert '5    shortcode {{ crypto_table(currencies=["btc", "eth"], compact=true) }}' in lines
    assert '7    shortcode {% note(kind="info") %} … closed on line 9' in lines
    assert any(line.startswith("13  ! unclosed-comment: HTML comment '<!--' is never closed") for line in lines)
    data = json.loads(run("tree", "--format", "json", str(page)).output)
    table, note, html, comment = data["blocks"]
    assert (table["syntax"], table["delimiter"], table["named"]) == ("zola", "{", {"currencies": '["btc", "eth"]', "compact": "true"})
    assert (note["syntax"], note["delimiter"], note["body"]["blocks"][0]["text"]) == ("zola", "%", "Läs först.")
    assert (html["line"], html["text"]) == (11, "3 PB år 2023")
    assert [(p["kind"], p["line"]) for p in data["problems"]] == [("unclosed-comment", 13)]

"""The README's quickstart and CI must run the same commands, so they cannot drift apart."""

import re

from conftest import REPO


def quickstart_commands() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line.strip() for block in blocks for line in block.splitlines() if line.strip()]


def test_quickstart_is_exactly_two_commands():
    commands = quickstart_commands()
    assert len(commands) == 2, commands
    assert "transcheck" in commands[0] and "samples/" in commands[0]
    assert "pytest" in commands[1]


def test_ci_runs_the_readme_commands_verbatim():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    ci_lines = [line.strip() for line in ci.splitlines()]
    for command in quickstart_commands():
        assert command in ci_lines, f"{command!r} is in the README but not in .ci/run"


def test_readme_lists_every_rule_and_its_broken_sample_output_is_current():
    from click.testing import CliRunner

    from transcheck.cli import main
    from transcheck.rules import RULES

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for item in RULES:
        assert f"| {item.code} | {item.name} | {item.severity.label} |" in readme
    import os

    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        result = CliRunner().invoke(main, ["check", "samples/broken/posting.sv.md", "samples/broken/posting.en.md"])
    finally:
        os.chdir(cwd)
    assert result.output.strip() in readme


def test_the_readme_python_api_example_runs(tmp_path, monkeypatch):
    """The README's Python API block runs as written (on the sample pair as posting.*.md)."""
    import re
    import shutil

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Python API\n\n```python\n(.*?)```", readme, re.S)
    assert block is not None
    for name in ("posting.sv.md", "posting.en.md"):
        shutil.copy(REPO / "samples" / "broken" / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    scope: dict[str, object] = {}
    exec(compile(block.group(1), "README.md", "exec"), scope)  # noqa: S102 - the README's own example
    assert scope["result"].findings and isinstance(scope["findings"], list)  # type: ignore[attr-defined]
    assert all(f.rule != "paragraph-count" for f in scope["findings"])  # type: ignore[attr-defined]
    assert scope["doc"].front_matter.format == "yaml"  # type: ignore[attr-defined]

"""The README's CI recipes run as written: their shell lines, on a throw-away git repository
whose Hugo site lives in a subfolder, with transcheck installed from git pinned to this
repository's HEAD commit (what `TRANSCHECK` names in the recipes)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import venv
from pathlib import Path

import pytest
import yaml

from conftest import REPO

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("git") is None or not (REPO / ".git").exists(), reason="needs git and a git checkout"),
]

EN = "---\ntitle: Jobs\n---\n## Jobs\n\n- One\n- Two\n- Three\n"
SV_GOOD = "---\ntitle: Jobb\n---\n## Jobb\n\n- Ett\n- Två\n- Tre\n"
SV_BAD = "---\ntitle: Jobb\n---\n## Jobb\n\n- Ett\n- Två\n"
GIT_ENV = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}


def _git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env={**os.environ, **GIT_ENV}, check=True,
                          capture_output=True, text=True).stdout.strip()


def _recipes() -> dict[str, dict]:
    """The YAML blocks of the README's CI section, parsed."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## CI integration"): readme.index("## How it aligns")]
    blocks = [yaml.safe_load(b) for b in re.findall(r"```yaml\n(.*?)```", section, re.S)]
    found = {}
    for block in blocks:
        if isinstance(block, dict) and "jobs" in block:
            found["github"] = block
        elif isinstance(block, dict) and "repos" in block:
            found["pre-commit"] = block
        elif isinstance(block, dict) and "transcheck" in block:
            found["gitlab"] = block
    assert set(found) == {"github", "gitlab", "pre-commit"}
    return found


@pytest.fixture(scope="module")
def head() -> str:
    return _git(REPO, "rev-parse", "HEAD")


@pytest.fixture(scope="module")
def tools(tmp_path_factory) -> Path:
    """A fresh virtual environment, as a CI runner's Python: its bin folder."""
    folder = tmp_path_factory.mktemp("runner")
    venv.create(folder / "venv", with_pip=True)
    return folder / "venv" / "bin"


@pytest.fixture
def site_repo(tmp_path) -> Path:
    """A repository with its Hugo site in website/, main pushed to origin, a branch changing sv."""
    origin = tmp_path / "origin.git"
    repo = tmp_path / "repo"
    _git(tmp_path, "init", "-q", "--bare", str(origin))
    files = {
        "website/hugo.toml": 'baseURL = "https://x.example/"\ndefaultContentLanguage = "en"\n'
                             '[languages.en]\ncontentDir = "content/en"\n[languages.sv]\ncontentDir = "content/sv"\n',
        "website/content/en/jobs.md": EN, "website/content/sv/jobs.md": SV_GOOD,
        "website/content/en/about.md": EN, "website/content/sv/about.md": SV_GOOD,
        "README.md": "# our site\n",
    }
    for name, text in files.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text, encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "site")
    _git(repo, "remote", "add", "origin", str(origin))
    _git(repo, "push", "-q", "origin", "main")
    _git(repo, "checkout", "-q", "-b", "translate")
    (repo / "website/content/sv/jobs.md").write_text(SV_BAD, encoding="utf-8")
    _git(repo, "commit", "-q", "-am", "a bullet lost")
    _git(repo, "fetch", "-q", "origin")
    return repo


def _sh(line: str, cwd: Path, tools: Path, head: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_ENV, "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}",
           "TRANSCHECK": f"git+file://{REPO}@{head}", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=env, capture_output=True, text=True, timeout=900)


def test_github_actions_recipe(site_repo, tools, head):
    steps = _recipes()["github"]["jobs"]["transcheck"]["steps"]
    lines = [step["run"].replace("${{ github.base_ref }}", "main") for step in steps if "run" in step]
    assert lines[0].startswith("pip install")
    install = _sh(lines[0], site_repo, tools, head)
    assert install.returncode == 0, install.stderr[-2000:]
    changed = _sh(lines[1], site_repo, tools, head)
    # the branch lost a bullet in the Swedish page: an annotation on that page, repository-relative
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert "::error file=website/content/sv/jobs.md,line=6" in changed.stdout
    assert "about.md" not in changed.stdout  # unchanged pairs are left out
    sarif = _sh(lines[2], site_repo, tools, head)
    assert sarif.returncode == 0
    log = json.loads((site_repo / "transcheck.sarif").read_text(encoding="utf-8"))
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in log["runs"][0]["results"]}
    assert uris == {"website/content/sv/jobs.md"}


def test_gitlab_recipe(site_repo, tools, head):
    job = _recipes()["gitlab"]["transcheck"]
    assert "TRANSCHECK" in job["variables"]
    results = [_sh(line, site_repo, tools, head) for line in job["script"]]
    assert results[0].returncode == 0, results[0].stderr[-2000:]
    assert results[1].returncode == 0  # the Code Quality report never fails the job itself
    quality = json.loads((site_repo / job["artifacts"]["reports"]["codequality"]).read_text(encoding="utf-8"))
    assert [(q["location"]["path"], q["location"]["lines"]["begin"]) for q in quality] == [("website/content/sv/jobs.md", 6)]
    assert results[2].returncode == 1  # the test report's step fails the job on the lost bullet …
    report = (site_repo / job["artifacts"]["reports"]["junit"]).read_text(encoding="utf-8")
    assert 'failures="1"' in report and "website/content/sv/jobs.md" in report  # … and says where


def test_pre_commit_recipe(site_repo, tools, head, tmp_path):
    config = _recipes()["pre-commit"]
    hook = config["repos"][0]
    assert [h["id"] for h in hook["hooks"]] == ["transcheck"] and re.fullmatch(r"[0-9a-f]{40}", hook["rev"])
    hook["repo"], hook["rev"] = str(REPO), head
    (site_repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    install = _sh("pip install -q pre-commit", site_repo, tools, head)
    assert install.returncode == 0, install.stderr[-2000:]
    env_home = f"PRE_COMMIT_HOME={tmp_path / 'pc-home'}"
    bad = _sh(f"{env_home} pre-commit run --files website/content/sv/jobs.md", site_repo, tools, head)
    assert bad.returncode == 1, bad.stdout[-3000:]
    assert "website/content/sv/jobs.md:6:1" in bad.stdout and "bullet-count" in bad.stdout
    good = _sh(f"{env_home} pre-commit run --files website/content/sv/about.md README.md", site_repo, tools, head)
    assert good.returncode == 0, good.stdout[-3000:]

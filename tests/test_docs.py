"""A command or an option that is not documented is not done: README.md and docs/ must name each one."""
from __future__ import annotations

from pathlib import Path

import typer.main

from dyad.cli import app

ROOT = Path(__file__).resolve().parents[1]


def _docs() -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))])


def test_docs_every_command_and_option_documented():
    docs = _docs()
    group = typer.main.get_command(app)
    missing = []
    for name, command in group.commands.items():
        if f"dyad {name}" not in docs:
            missing.append(f"dyad {name}")
        for param in command.params:
            for opt in [*param.opts, *param.secondary_opts]:
                if opt.startswith("--") and opt != "--help" and opt not in docs:
                    missing.append(f"dyad {name} {opt}")
    assert not missing, f"undocumented: {missing}"


def test_docs_quickstart_is_two_commands():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def test_docs_pages_exist():
    for page in ("event-record.md", "store.md", "lexicons.md", "scoring.md", "enrich.md", "coding.md"):
        assert (ROOT / "docs" / page).exists(), page

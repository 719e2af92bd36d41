"""The `dyad` command: formats, bad input accounted for, exit codes, a fast --help."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from dyad.cli import app

pytestmark = pytest.mark.slow

ARTICLE = "Russia condemned the sanctions.\n\nOn Monday Iranian troops attacked rebels in Syria."


@pytest.fixture
def runner():
    return CliRunner()


def _run(runner, *args, input=None):
    result = runner.invoke(app, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_cli_code_txt_table(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = _run(runner, "code", str(path), "--published", "2015-12-15")
    assert code == 0 and "RUS" in out and "condemned" in out
    assert "coded 1 article(s)" in err


def test_cli_code_jsonl_records(runner, tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = _run(runner, "code", str(path), "--format", "jsonl")
    records = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and records and all(r["doc_id"] and r["trigger"]["text"] for r in records)


def test_cli_code_stdin_jsonl_to_csv(runner):
    lines = "\n".join(json.dumps({"id": f"n{i}", "published": "2020-01-0%d" % (i + 1), "text": ARTICLE}) for i in range(2))
    code, out, _ = _run(runner, "code", "-", "--format", "csv", input=lines)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and {r["doc_id"] for r in rows} == {"n0", "n1"}
    assert rows[0]["date"].startswith("2020-01-0")


def test_cli_code_html(runner, tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><head><title>T</title><meta property='article:published_time' content='2019-03-02'>"
                    "</head><body><nav>Home | World</nav><article><h1>Clashes</h1><p>" + ARTICLE.replace("\n\n", "</p><p>") +
                    " The fighting went on for hours, residents said, and many families fled the town.</p></article>"
                    "<footer>Share this</footer></body></html>", encoding="utf-8")
    code, out, _ = _run(runner, "code", str(page), "--format", "jsonl")
    assert code == 0 and any(json.loads(line)["date"] == "2019-03-02" for line in out.splitlines())


def test_cli_bad_input_reported_and_rest_coded(runner, tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02garbage\x00" * 50)
    (tmp_path / "latin.txt").write_bytes("Fran\xe7ois Hollande condemned Russia.".encode("latin-1"))
    (tmp_path / "lines.jsonl").write_text('{"id": "x", "text": "Iran condemned Israel."}\nnot json\n{"id": "y"}\n',
                                          encoding="utf-8")
    code, _, err = _run(runner, "code", str(tmp_path))
    assert code == 0
    assert "empty.txt" in err and "binary.txt" in err
    assert "lines.jsonl:2" in err and "lines.jsonl:3" in err
    assert "coded 3 article(s)" in err and "rejected 4" in err


def test_cli_nothing_coded_exits_nonzero(runner, tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    code, _, err = _run(runner, "code", str(tmp_path))
    assert code == 1 and "rejected 1" in err


def test_cli_misuse_exits_2(runner, tmp_path):
    assert _run(runner, "code", str(tmp_path / "missing.txt"))[0] == 2
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, _, err = _run(runner, "code", str(path), "--format", "xml")
    assert code == 2 and "E003" in err
    assert _run(runner, "code", str(path), "--published", "yesterday")[0] == 2


def test_cli_help_is_instant_without_spacy():
    probe = "import sys, dyad.cli; assert 'spacy' not in sys.modules, 'spacy imported at startup'"
    subprocess.run([sys.executable, "-c", probe], check=True)

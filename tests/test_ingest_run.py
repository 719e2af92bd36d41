"""ingest_run: nothing lost, nothing doubled; a killed run resumes to the same database."""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad.ingest import iter_articles
from dyad.ingest_run import run
from dyad.store import TABLES, Store, row_id

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPORA = SHARED / "corpora"
SAMPLES = Path(__file__).resolve().parents[1] / "dyad" / "samples"

pytestmark = pytest.mark.slow  # every test here loads the spaCy model

COUNTRIES = [("the United States", "Washington"), ("Russia", "Moscow"), ("France", "Paris"),
             ("Germany", "Berlin"), ("China", "Beijing"), ("Turkey", "Ankara"), ("Iran", "Tehran"),
             ("Japan", "Tokyo"), ("Israel", "Jerusalem"), ("Egypt", "Cairo")]
TEMPLATES = ["{a} and {b} held talks in {city} on Monday about trade and security.",
             "{a} accused {b} of violating the ceasefire agreement.",
             "The government of {a} sent humanitarian aid to {b} after the floods.",
             "{a} threatened to impose new sanctions on {b}.",
             "Officials in {city} said {a} had agreed to cooperate with {b} on energy.",
             "Police in {city} arrested dozens of protesters outside the embassy of {b}.",
             "{a} rejected the proposal made by {b} at the summit.",
             "The foreign minister of {a} visited {b} for the first time in a decade."]


def corpus(path: Path, n: int = 30) -> Path:
    """n made-up news articles as JSON Lines; the last is a syndicated copy of the fourth."""
    rng = random.Random(7)
    lines = []
    for i in range(n - 1):
        sents = []
        for _ in range(12):
            (a, city), (b, _) = rng.sample(COUNTRIES, 2)
            sents.append(rng.choice(TEMPLATES).format(a=a, b=b, city=city))
        text = f"Report number {i}\n\n" + " ".join(s[0].upper() + s[1:] for s in sents)
        lines.append({"id": f"art{i:02d}", "source": f"outlet{i % 4}.example",
                      "published": f"2018-07-{1 + i % 28:02d}", "text": text})
    copy = dict(lines[3], id="art-copy", source="syndicator.example",
                text="Share this article\n\n" + lines[3]["text"] + "\n\nAll rights reserved.")
    lines.append(copy)
    lines.append("not json at all")  # one rejected line, recorded with its reason
    path.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n")
    return path


def dump(db: Path) -> dict[str, list]:
    with Store(db, read_only=True) as store:
        return {t: store.con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in TABLES}


RUNNER = """
import sys
from pathlib import Path
from dyad.ingest_run import run
marker = Path(sys.argv[3])
def progress(s):  # written whole, then renamed: the test never reads a half-written count
    tmp = marker.with_suffix(".tmp")
    tmp.write_text(str(s.coded + s.rejected))
    tmp.replace(marker)
if __name__ == "__main__":
    run([sys.argv[1]], sys.argv[2], workers=1, on_progress=progress, write_batch=2)  # small batches: killable mid-run
"""


def test_ingest_run_kill_and_resume_matches_uninterrupted(tmp_path):
    src = corpus(tmp_path / "news.jsonl")
    script = tmp_path / "runner.py"
    script.write_text(RUNNER)
    killed_db, marker = tmp_path / "killed.duckdb", tmp_path / "progress"
    cmd = [sys.executable, str(script), str(src), str(killed_db), str(marker)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        count = marker.read_text().strip() if marker.exists() else ""
        if count.isdigit() and int(count) >= 5:
            os.kill(proc.pid, signal.SIGKILL)
            break
        time.sleep(0.01)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL, proc.stderr.read().decode()[-2000:]
    partial = dump(killed_db)
    assert 5 <= len(partial["articles"]) < 31  # killed half-way
    assert not partial["events"]  # clustering had not run yet
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=300)

    straight_db = tmp_path / "straight.duckdb"
    summary = run([str(src)], straight_db, workers=1)
    assert summary.coded == 30 and summary.rejected == 1
    assert dump(killed_db) == dump(straight_db)


def test_ingest_run_twice_adds_nothing(tmp_path):
    db = tmp_path / "e.duckdb"
    first = run([str(SAMPLES)], db, workers=1)
    before = dump(db)
    second = run([str(SAMPLES)], db, workers=1)
    assert first.coded > 0 and second.coded == 0 and second.skipped == first.read
    assert dump(db) == before


def test_ingest_run_syndicated_copy_collapses_events(tmp_path):
    db = tmp_path / "e.duckdb"
    run([str(corpus(tmp_path / "news.jsonl", n=6))], db, workers=1)
    with Store(db, read_only=True) as store:
        cluster = dict(store.con.execute("SELECT id, cluster_id FROM articles").fetchall())
        assert cluster["art-copy"] == cluster["art03"] == "art-copy"  # the smallest id names it
        assert len(set(cluster.values())) == len(cluster) - 1
        copied = store.con.execute("SELECT min(num_articles), min(num_sources) FROM events WHERE cluster_id = 'art-copy'").fetchone()
        assert copied == (2, 2)


def test_ingest_run_workers_give_the_same_database(tmp_path):
    src = corpus(tmp_path / "news.jsonl", n=10)
    run([str(src)], tmp_path / "one.duckdb", workers=1)
    run([str(src)], tmp_path / "two.duckdb", workers=2)
    assert dump(tmp_path / "one.duckdb") == dump(tmp_path / "two.duckdb")


@pytest.mark.skipif(not CORPORA.exists(), reason="../shared/corpora is not on this machine")
def test_ingest_run_html_and_warc_every_record_accounted_for(tmp_path):
    paths = [str(CORPORA / "html" / "trafilatura-tests"), str(CORPORA / "warc")]
    expected = {row_id(item) for item in iter_articles(paths)}
    db = tmp_path / "e.duckdb"
    summary = run(paths, db, workers=2)
    assert summary.read == summary.coded + summary.rejected + summary.skipped
    with Store(db, read_only=True) as store:
        assert store.known_ids() == expected
        truncated = store.con.execute("""SELECT count(*) FROM articles WHERE status = 'rejected'
                                         AND origin LIKE '%clipped.warc.gz' AND reject_reason LIKE 'truncated WARC%'""").fetchone()
        assert truncated == (1,)
        unexplained = store.con.execute("""SELECT count(*) FROM articles
                                           WHERE status = 'rejected' AND coalesce(reject_reason, '') = ''""").fetchone()
        assert unexplained == (0,)

"""Quotes are stored with their speaker and the events they report (the store's `quotes` table)."""
from __future__ import annotations

from datetime import date

import pytest

from dyad.records import Article
from dyad.store import Store

pytestmark = pytest.mark.slow

TEXT = ("Russia and Ukraine traded accusations on Monday.\n\n"
        "\u201cWe will never accept this occupation,\u201d Ukrainian President Volodymyr Zelensky said. "
        "Moscow rejected the demand.")


def test_store_quotes_table_holds_speaker(coder, tmp_path):
    (result,) = list(coder.code_many([Article(id="q1", text=TEXT, published=date(2023, 3, 6))]))
    with Store(tmp_path / "q.duckdb") as store:
        store.add(result)
        store.add(result)  # a second time adds nothing
        rows = store.con.execute("SELECT article_id, kind, text, speaker_code, speaker_entity FROM quotes").fetchall()
    assert len(rows) == 1
    article_id, kind, text, speaker_code, speaker_entity = rows[0]
    assert (article_id, kind, speaker_code, speaker_entity) == ("q1", "direct", "UKRGOV", "Volodymyr Zelensky")
    assert text.startswith("We will never accept this occupation")

"""enrich.dates: an event's date from the text, resolved against the publication date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dyad.enrich.dates import resolve_date

pytestmark = pytest.mark.slow
SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed"
TUESDAY = date(2015, 12, 15)


def event_date(coder, text: str, lemma: str, published: date | None = TUESDAY):
    """The date of the first event whose trigger words include `lemma`."""
    doc = coder.annotate(text, published)
    for ev in doc._.events:
        tokens = [doc[i] for i in ev.trigger]
        if any(t.lemma_.lower() == lemma or t.lower_ == lemma for t in tokens):
            found = resolve_date(ev.sentence, tokens, published)
            if found.text is not None:
                assert doc.text[found.start_char:found.end_char] == found.text
            return found
    raise AssertionError(f"no event triggered by {lemma!r} in {text!r}")


def test_dates_last_night_is_the_day_before(coder):
    d = event_date(coder, "Last night Mr Kerry flew to Moscow.", "fly")
    assert (d.date, d.precision, d.text, d.source) == ("2015-12-14", "day", "Last night", "text")


def test_dates_future_weekday_is_the_coming_one(coder):
    d = event_date(coder, "Kerry and Lavrov will hold talks on Friday.", "talks")
    assert (d.date, d.precision, d.text) == ("2015-12-18", "day", "Friday")


def test_dates_past_weekday_is_the_one_before(coder):
    assert event_date(coder, "Kerry met Lavrov on Friday.", "meet").date == "2015-12-11"


def test_dates_late_on_monday_of_a_governing_clause(coder):
    d = event_date(coder, "Russia's foreign ministry said late on Monday that Kerry and Lavrov had agreed "
                          "in a phone call.", "agree")
    assert (d.date, d.text) == ("2015-12-14", "late on Monday")


def test_dates_yesterday(coder):
    assert event_date(coder, "Israel attacked Hamas yesterday.", "attack").date == "2015-12-14"


def test_dates_earlier_this_week_has_week_precision(coder):
    d = event_date(coder, "Obama met Putin earlier this week.", "meet")
    assert (d.date, d.precision, d.text) == ("2015-12-14", "week", "earlier this week")


def test_dates_abbreviated_month_day(coder):
    d = event_date(coder, "Israel attacked Hamas on Dec. 14.", "attack")
    assert (d.date, d.precision, d.text) == ("2015-12-14", "day", "Dec. 14")


def test_dates_month_day_in_the_past_takes_the_year_before(coder):
    assert event_date(coder, "Russia and Turkey signed a deal on January 1.", "sign").date == "2015-01-01"


def test_dates_planned_month_day_is_next_year(coder):
    d = event_date(coder, "Russia and Turkey agreed on a planned January 1 ceasefire.", "ceasefire")
    assert d.date == "2016-01-01"


def test_dates_next_month_has_month_precision(coder):
    d = event_date(coder, "Egypt will host talks next month.", "host")
    assert (d.date, d.precision) == ("2016-01-01", "month")


def test_dates_in_february_future(coder):
    d = event_date(coder, "Putin will visit China in February.", "visit")
    assert (d.date, d.precision, d.text) == ("2016-02-01", "month", "February")


def test_dates_days_ago(coder):
    d = event_date(coder, "Iran accused Israel of the attack two days ago.", "accuse")
    assert (d.date, d.text) == ("2015-12-13", "two days ago")


def test_dates_date_of_another_clause_is_not_used(coder):
    d = event_date(coder, "Kerry, who arrived on Monday, met Lavrov.", "meet")
    assert (d.date, d.source) == ("2015-12-15", "publication")


def test_dates_no_expression_falls_back_to_publication(coder):
    d = event_date(coder, "Kerry met Lavrov.", "meet")
    assert (d.date, d.precision, d.text, d.source) == ("2015-12-15", "day", None, "publication")


def test_dates_relative_without_publication_is_null(coder):
    d = event_date(coder, "Kerry met Lavrov on Friday.", "meet", published=None)
    assert (d.date, d.precision, d.source) == (None, None, None)


def test_dates_absolute_without_publication_is_resolved(coder):
    d = event_date(coder, "Kerry met Lavrov on December 14, 2015.", "meet", published=None)
    assert (d.date, d.source) == ("2015-12-14", "text")


def test_dates_seed_last_night_kerry_flew_to_moscow(coder):
    files = sorted(SEED.glob("*.txt"))
    if not files:
        pytest.skip(f"seed article not found under {SEED}")
    d = event_date(coder, files[0].read_text(encoding="utf-8"), "fly")
    assert (d.date, d.text) == ("2015-12-14", "Last night")

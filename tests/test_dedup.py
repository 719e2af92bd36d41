"""dedup: syndicated and spun copies cluster together; other stories on the same event do not."""
from __future__ import annotations

import numpy as np

from dyad import dedup
from dyad.dedup import Clusterer, Signature, cluster_all, signature, similar

BASE = """Trump and Putin meet in Helsinki

HELSINKI - U.S. President Donald Trump and Russian President Vladimir Putin met for more than
two hours in Helsinki on Monday, their first formal summit, and said they had found common ground
with Russia on Syria and on nuclear arms control. Trump told reporters at the Finnish Presidential
Palace that relations between Washington and Moscow had never been worse but had changed about
four hours ago. Putin said the two leaders had agreed to continue talks between their national
security councils and that Russia was ready to extend the New START treaty, which expires in 2021.
The meeting came three days after the U.S. Justice Department indicted 12 Russian military
intelligence officers for hacking Democratic Party computers during the 2016 election. Senator
John McCain called the press conference one of the most disgraceful performances by an American
president in memory, and Speaker Paul Ryan said Russia was not an ally of the United States."""

# The same wire story as a syndicating site prints it: other furniture around the same body.
SYNDICATED = ("Share this article\nAdvertisement\n" + BASE.split("\n", 2)[2]
              + "\n\nCopyright 2018 The Associated Press. All rights reserved.\nRelated: More world news")

# A "spun" copy: nearly every sentence reworded with synonyms, the names and figures kept.
SPUN = """Trump and Putin convene in Helsinki

HELSINKI - U.S. leader Donald Trump and Russian head of state Vladimir Putin conferred for over
two hours in Helsinki on Monday, their initial official summit, and stated they had discovered
shared territory with the Russian side on Syria and on atomic weapons control. Trump informed
journalists at the Finnish Presidential Palace that ties among Washington and Moscow had at no time
been poorer but had shifted roughly four hours earlier. Putin stated the pair of leaders had consented
to carry on discussions among their national safety councils and that Russia was prepared to
lengthen the New START pact, which runs out in 2021. The gathering arrived three days following
the U.S. Justice Department charged 12 Russian armed forces intelligence agents over breaking into
Democratic Party machines throughout the 2016 vote. Senator John McCain termed the news conference
among the most shameful displays by an American leader in recollection, and Speaker Paul Ryan stated
Russia was not a partner of the United States."""

# Another report on the same summit: many of the same names, a different text.
OTHER_STORY = """Protesters march in Helsinki before the summit

Thousands of people marched through central Helsinki on Sunday, a day before Donald Trump and
Vladimir Putin were due to meet at the Presidential Palace, calling for human rights and press
freedom. Organisers said the Helsinki Calling march drew about 2,500 people. Finnish police said
the demonstrations were peaceful and that no arrests had been made. Some marchers carried
placards criticising Russia over Crimea and others criticised the U.S. president over his trade
policies. The Finnish president, Sauli Niinisto, is hosting the two leaders and said Finland was
glad to offer a place for dialogue."""

UNRELATED = """Floods hit northern Italy

Heavy rain caused rivers to burst their banks across Piedmont and Lombardy on Tuesday, forcing
hundreds of residents from their homes and closing several motorways, the civil protection agency
said. Regional officials asked the government in Rome for emergency funds."""


def text_jaccard(a: str, b: str) -> float:
    sa, sb = dedup._shingles(a), dedup._shingles(b)
    return len(sa & sb) / len(sa | sb)


def test_dedup_syndicated_copy_is_similar():
    assert similar(signature(BASE), signature(SYNDICATED))


def test_dedup_spun_copy_is_similar_through_names():
    assert text_jaccard(BASE, SPUN) < dedup.TEXT_JACCARD  # the 5-gram check alone would miss it
    assert similar(signature(BASE), signature(SPUN))


def test_dedup_same_event_other_story_is_not_similar():
    assert not similar(signature(BASE), signature(OTHER_STORY))
    assert not similar(signature(BASE), signature(UNRELATED))


def test_dedup_names_skip_sentence_initial_words():
    names = dedup._names("The talks ended. Putin said the 12,000 troops left Crimea on Monday.")
    assert {"putin", "12000", "crimea", "monday"} <= names
    assert "the" not in names


def test_dedup_clusters_copies_and_keeps_the_rest_apart():
    docs = {"a": BASE, "b": SYNDICATED, "c": SPUN, "d": OTHER_STORY, "e": UNRELATED}
    clusters = cluster_all((k, signature(t)) for k, t in docs.items())
    assert clusters["a"] == clusters["b"] == clusters["c"] == "a"  # the smallest id names it
    assert clusters["d"] == "d" and clusters["e"] == "e"


def test_dedup_clusters_do_not_depend_on_order():
    sigs = [(k, signature(t)) for k, t in {"a": BASE, "b": SYNDICATED, "c": SPUN, "d": OTHER_STORY}.items()]
    assert cluster_all(sigs) == cluster_all(reversed(sigs))


def _synthetic(seed: int) -> np.ndarray:
    return np.random.default_rng(seed).integers(0, 2**32 - 1, dedup.NUM_PERM, dtype=np.uint32)


def test_dedup_incremental_bridge_merges_clusters():
    half = dedup.NUM_PERM // 2
    a, c = _synthetic(1), _synthetic(2)
    b = np.concatenate([a[:half], c[half:]])  # Jaccard 0.5 with both a and c; a and c unrelated
    sig = lambda v: Signature(v, v, 100, 0)  # noqa: E731 - no names: the text sketch decides
    clusterer = Clusterer()
    clusterer.add("x1", sig(a))
    clusterer.add("x3", sig(c))
    first = clusterer.assign()
    assert first.assign == {"x1": "x1", "x3": "x3"} and not first.retired
    clusterer.add("x2", sig(b))
    second = clusterer.assign()
    assert second.assign == {"x1": "x1", "x2": "x1", "x3": "x1"}
    assert second.retired == {"x3"}
    one_shot = cluster_all([("x1", sig(a)), ("x2", sig(b)), ("x3", sig(c))])
    assert one_shot == second.assign


def test_dedup_signature_survives_storage():
    sig = signature(BASE)
    back = Signature.from_row(*sig.to_row())
    assert np.array_equal(back.text, sig.text) and np.array_equal(back.names, sig.names)
    assert (back.n_shingles, back.n_names) == (sig.n_shingles, sig.n_names)


def test_dedup_signature_of_clean_text_is_the_signature_of_the_article():
    from datasketch import MinHash

    from dyad.clean import clean
    from dyad.dedup import NUM_PERM, SCHEME, SEED, _minhash

    page = BASE + "\n\nShare this article\n\nRead more: Related stories"
    assert np.array_equal(signature(clean(page).text, cleaned=True).text, signature(page).text)
    # the permutations drawn once give the sketch a fresh MinHash gives
    fresh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    fresh.update_batch([b"a b c d e", b"f g h i j"])
    assert np.array_equal(_minhash({"a b c d e", "f g h i j"}), fresh.hashvalues.astype(np.uint32))

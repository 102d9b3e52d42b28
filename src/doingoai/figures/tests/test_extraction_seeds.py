"""The extractor against the hand-annotated seed articles (see data/ANNOTATIONS.md)."""

from __future__ import annotations

import re
import unicodedata

import pytest

from doingoai.figures.extraction import extract
from doingoai.figures.extraction.evaluate import load_annotations, score, seed_paths

GOLD = load_annotations()


def _read(path) -> str:
    return path.read_text(encoding="utf-8")


def _run(transform=lambda text: text) -> list[dict]:
    predicted = []
    for path in seed_paths():
        predicted += [f.to_dict() for f in extract(transform(_read(path)), doc=path.name)]
    return predicted


def _comparable(figures: list[dict]) -> list[tuple]:
    return sorted(
        (f["doc"], f["indicator"], f["value"], f["unit"], f["of"], f["qualifier"], f["period"],
         f["place"], str(f["equivalent"]), f["start"], f["end"])
        for f in figures
    )  # fmt: skip


_NEW_TO_OLD = {}
for _tone in "\u0300\u0301\u0303\u0309\u0323":
    for _first, _second in (("o", "a"), ("o", "e"), ("u", "y")):
        for _upper in (False, True):
            a, b = (_first.upper(), _second) if _upper else (_first, _second)
            new = unicodedata.normalize("NFC", a + _tone) + b
            old = a + unicodedata.normalize("NFC", b + _tone)
            _NEW_TO_OLD[new] = old
_NEW_TO_OLD_RE = re.compile("|".join(map(re.escape, _NEW_TO_OLD)))


def old_style_tones(text: str) -> str:
    """hòa -> hoà, thủy -> thuỷ: the older placement of the tone mark, same length in NFC."""
    return _NEW_TO_OLD_RE.sub(lambda m: _NEW_TO_OLD[m.group(0)], text)


def test_the_annotations_point_at_the_text_they_quote():
    texts = {p.name: unicodedata.normalize("NFC", _read(p)) for p in seed_paths()}
    for figure in GOLD:
        assert texts[figure["doc"]][figure["start"] : figure["end"]] == figure["text"], figure


def test_it_finds_the_annotated_figures_with_an_f1_of_at_least_095():
    result = score(GOLD, _run())
    assert result.f1 >= 0.95, result.report()


def test_every_figure_quotes_the_slice_of_the_text_its_offsets_point_at():
    texts = {p.name: unicodedata.normalize("NFC", _read(p)) for p in seed_paths()}
    for figure in _run():
        assert texts[figure["doc"]][figure["start"] : figure["end"]] == figure["text"]


@pytest.mark.parametrize("value", [18001282, 262, 4, 36, 32, 22, 209, 111, 60, 2017, 2023])
def test_it_never_takes_a_phone_number_a_border_marker_or_a_document_number_as_a_figure(value):
    offenders = [
        f for f in _run()
        if f["value"] == value and f["indicator"] not in {g["indicator"] for g in GOLD
                                                          if g["value"] == value and
                                                          g["doc"] == f["doc"]}
    ]  # fmt: skip
    assert not offenders


def test_it_takes_nothing_from_the_related_news_after_the_article():
    for path in seed_paths():
        text = unicodedata.normalize("NFC", _read(path))
        cut = min((text.find(h) for h in ("Cùng chuyên mục", "Ý kiến bạn đọc") if h in text),
                  default=len(text))  # fmt: skip
        assert all(f.end <= cut for f in extract(text, doc=path.name))


def test_it_finds_the_same_figures_in_decomposed_unicode():
    assert _comparable(_run(lambda t: unicodedata.normalize("NFD", t))) == _comparable(_run())


def test_it_finds_the_same_figures_when_spaces_are_non_breaking():
    assert _comparable(_run(lambda t: t.replace(" ", "\u00a0"))) == _comparable(_run())


def test_it_finds_the_same_figures_with_old_style_tone_marks():
    changed = old_style_tones(_read(seed_paths()[0]))
    assert "hoà" in changed or "Hoà" in changed
    assert _comparable(_run(old_style_tones)) == _comparable(_run())


def test_it_reads_the_13_cum_34_xa_of_2017_as_34_border_communes_in_13_clusters():
    path = next(p for p in seed_paths() if p.name.startswith("002"))
    communes = [f for f in extract(_read(path), doc=path.name)
                if f.indicator == "friendship.border_communes"]  # fmt: skip
    assert [(int(f.value), f.of) for f in communes] == [(34, None)]


def test_it_resolves_trong_10_nam_against_the_dateline_of_22_04_2021():
    path = next(p for p in seed_paths() if p.name.startswith("004"))
    periods = {f.period for f in extract(_read(path), doc=path.name)}
    assert periods == {"2011-2021"}


def test_a_publication_date_given_by_the_caller_overrides_the_dateline():
    from datetime import date

    path = next(p for p in seed_paths() if p.name.startswith("004"))
    periods = {f.period for f in extract(_read(path), doc=path.name, published=date(2022, 1, 5))}
    assert periods == {"2012-2022"}

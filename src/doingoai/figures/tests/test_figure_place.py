"""Issue 11 §1: a figure accepted from a text belongs to the place the text names, in force
in the figure's period; a user who may not record figures for that place is told so and
the figure is not saved."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from doingoai.accounts.scope import readable_unit_ids
from doingoai.figures import review
from doingoai.figures.models import Candidate, ReportedFigure, SourceDocument
from doingoai.testing import legacy_province, make_user

TEXT = "Năm 2022, tỉnh Hà Giang đã ký mới được 12 thỏa thuận."


def candidate(owner, place, period="2022"):
    source = SourceDocument.objects.create(owner=owner, title="Bài báo", text=TEXT,
                                           published_on=dt.date(2023, 2, 1))
    start = TEXT.index("12 thỏa thuận")
    return Candidate.objects.create(
        source=source, indicator_id="agreements.signed", value=12, unit="count",
        qualifier="exact", period=period, place=place, start=start, end=start + 13,
        text="12 thỏa thuận")


def test_a_figure_of_2022_about_hà_giang_goes_to_hà_giang_of_2022(ha_giang, tuyen_quang):
    user = make_user("tq.specialist", "specialist", tuyen_quang)
    figure = review.accept(candidate(tuyen_quang, "Hà Giang"), user, readable_unit_ids(user))
    assert figure.place == ha_giang


def test_a_name_used_before_and_after_the_merger_means_the_province_of_the_period(
        tuyen_quang):
    user = make_user("tq.specialist", "specialist", tuyen_quang)
    old = legacy_province("Tuyên Quang")
    assert review.accept(candidate(tuyen_quang, "Tuyên Quang", "2022"), user,
                         readable_unit_ids(user)).place == old
    assert review.accept(candidate(tuyen_quang, "tỉnh Tuyên Quang", "2026"), user,
                         readable_unit_ids(user)).place == tuyen_quang


def test_a_figure_about_a_province_the_user_may_not_write_for_is_refused(ha_giang, bac_kan,
                                                                        hg_specialist):
    with pytest.raises(ValidationError) as refused:
        review.accept(candidate(ha_giang, "Bắc Kạn"), hg_specialist,
                      readable_unit_ids(hg_specialist))
    assert "Bắc Kạn" in str(refused.value)
    assert not ReportedFigure.objects.exists()


def test_a_text_naming_no_province_gives_the_documents_own(ha_giang, hg_specialist):
    figure = review.accept(candidate(ha_giang, ""), hg_specialist,
                           readable_unit_ids(hg_specialist))
    assert figure.place == ha_giang

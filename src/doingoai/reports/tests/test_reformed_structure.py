"""Issue 12 §4: a report for a period after 1 July 2025 reads as a post-reform report. The
districts are gone and "thị trấn" with them; the pacts of abolished communes and districts
are counted through the communes and wards that took them over (distinct new communes)."""

import datetime as dt

import pytest

from doingoai.core.models import AdminUnit
from doingoai.friendship.models import FriendshipPact
from doingoai.lib.periods import parse_period
from doingoai.reports.exports.tables import rows
from doingoai.reports.report import build_report
from doingoai.reports.tests.records import declare_complete

PRE_REFORM_WORDS = ("thị trấn", "cấp huyện", "cặp huyện")

# Hà Giang's border communes of before the reform, by their district, and the commune each
# went into on 1 July 2025 (the converter data of core.reference):
#   Thượng Phùng, Xín Cái (Mèo Vạc) -> Xã Sơn Vĩ
#   Tùng Vài, Tả Ván (Quản Bạ)      -> Xã Tùng Vài
#   Thắng Mố (Yên Minh)             -> Xã Thắng Mố
# Five pacts, three communes of today.
BORDER_COMMUNES = [("Thượng Phùng", "Mèo Vạc"), ("Xín Cái", "Mèo Vạc"),
                   ("Tùng Vài", "Quản Bạ"), ("Tả Ván", "Quản Bạ"), ("Thắng Mố", "Yên Minh")]
BORDER_COMMUNES_TODAY = 3
# The 18 communes of Huyện Mèo Vạc went into 7 of today: Khâu Vai, Mèo Vạc, Sủng Máng,
# Niêm Sơn, Tát Ngà, Sơn Vĩ and Đồng Văn (Xã Pải Lủng went into Xã Đồng Văn).
MEO_VAC_COMMUNES_TODAY = 7


def legacy(level, name, **within):
    return AdminUnit.objects.get(generation="legacy", level=level, name=name, **within)


@pytest.fixture
def pacts(ha_giang, tuyen_quang):
    for commune, district in BORDER_COMMUNES:
        unit = legacy("commune", commune, parent=legacy("district", district,
                                                        province=ha_giang))
        FriendshipPact.objects.create(
            owner=ha_giang, kind="border_commune", title=f"Kết nghĩa {commune}",
            our_side=unit.full_name, our_unit=unit, counterpart="Trấn đối diện",
            country_id="CN", signed_on=dt.date(2015, 1, 1))
    meo_vac = legacy("district", "Mèo Vạc", province=ha_giang)
    FriendshipPact.objects.create(
        owner=ha_giang, kind="district_pair", title="Kết nghĩa Mèo Vạc – Phú Ninh",
        our_side=meo_vac.full_name, our_unit=meo_vac, counterpart="Huyện Phú Ninh",
        country_id="CN", signed_on=dt.date(2016, 1, 1))
    declare_complete(ha_giang, dt.date(2010, 1, 1), ["friendship"])
    declare_complete(tuyen_quang, dt.date(2025, 7, 1), ["friendship"])


def report_of(place, period):
    return build_report([place], parse_period(period), details=False)


@pytest.mark.parametrize("period", ["2025", "2026"])
def test_tuyên_quangs_report_after_the_reform_says_no_district_and_no_thị_trấn(
        pacts, tuyen_quang, period):
    report = report_of(tuyen_quang, period)
    text = report.prose("vi")
    annex = " ".join(row["name"] for row in rows(report, "vi"))
    assert "xã, phường biên giới" in text
    assert "Số xã, phường biên giới" in annex
    for words in PRE_REFORM_WORDS:
        assert words not in text.lower()
        assert words not in annex.lower()


@pytest.mark.parametrize("period", ["2025", "2026"])
def test_border_communes_after_the_reform_are_counted_in_the_communes_that_took_them_over(
        pacts, tuyen_quang, period):
    line = report_of(tuyen_quang, period).line("friendship.border_communes")
    assert line.value == BORDER_COMMUNES_TODAY
    assert line.of == BORDER_COMMUNES_TODAY
    assert f"{BORDER_COMMUNES_TODAY}/{BORDER_COMMUNES_TODAY} xã, phường biên giới" in \
        report_of(tuyen_quang, period).prose("vi")


def test_a_district_pair_after_the_reform_is_counted_in_the_districts_communes_of_today(
        pacts, tuyen_quang):
    line = report_of(tuyen_quang, "2026").line("friendship.district_pairs")
    assert line.value == MEO_VAC_COMMUNES_TODAY


def test_hà_giangs_report_before_the_reform_keeps_the_words_and_the_count_of_its_time(
        pacts, ha_giang):
    report = report_of(ha_giang, "2024")
    assert report.line("friendship.border_communes").value == len(BORDER_COMMUNES)
    assert report.line("friendship.district_pairs").value == 1
    assert "xã, thị trấn biên giới" in report.prose("vi")
    assert "Số cặp huyện" in " ".join(row["name"] for row in rows(report, "vi"))

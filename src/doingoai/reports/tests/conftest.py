"""Fixtures of the report tests: the figures the seed articles report for Hà Giang
(2015–2020) and Bắc Kạn (2011–2021), entered as reported figures with their quotes."""

import datetime as dt
from decimal import Decimal

import pytest

from doingoai.figures.models import ReportedFigure, SourceDocument

HA_GIANG_2015_2020 = [
    # indicator, value, unit, of, qualifier, quote
    ("agreements.signed", 85, "count", None, "exact", "ký kết và triển khai 85 thỏa thuận"),
    ("ngo.projects", 223, "count", None, "exact", "223 chương trình, dự án viện trợ"),
    ("ngo.amount_disbursed", 350_000_000_000, "VND", None, "under",
     "kinh phí đã thực hiện gần 350 tỷ đồng"),
    ("oda.projects", 21, "count", None, "exact", "21 chương trình, dự án viện trợ phát triển"),
    ("conferences.organised", 25, "count", None, "exact", "tổ chức 25 hội nghị, hội thảo"),
    ("conferences.attended", 22, "count", None, "exact", "tham dự 22 hội nghị, hội thảo"),
    ("delegations.outgoing", 422, "count", None, "exact", "422 đoàn/2.689 lượt cán bộ"),
    ("delegations.outgoing_persons", 2689, "persons", None, "exact",
     "422 đoàn/2.689 lượt cán bộ"),
    ("delegations.incoming", 381, "count", None, "exact", "381 đoàn/3.236 lượt người"),
    ("delegations.incoming_persons", 3236, "persons", None, "exact",
     "381 đoàn/3.236 lượt người"),
    ("friendship.border_communes", 34, "count", 34, "exact", "34/34 xã, thị trấn biên giới"),
    ("friendship.district_pairs", 3, "count", None, "exact", "3 cặp huyện, thành phố"),
    ("friendship.border_posts", 12, "count", 12, "exact", "12/12 Đồn Biên phòng"),
]

BAC_KAN_2011_2021 = [
    ("ngo.organisations", 25, "count", None, "exact",
     "vận động thu hút được 25 tổ chức phi chính phủ nước ngoài"),
    ("ngo.projects", 97, "count", None, "exact", "viện trợ 97 khoản"),
    ("ngo.amount_total", 12_900_000, "USD", None, "exact", "tổng giá trị 12,9 triệu USD"),
]


def report_figures(place, period, rows, title, published_on):
    source = SourceDocument.objects.create(owner=place, title=title, published_on=published_on)
    return [
        ReportedFigure.objects.create(
            owner=place, place=place, period=period, indicator_id=code, value=Decimal(value),
            unit=unit, of=None if of is None else Decimal(of), qualifier=qualifier,
            source=source, quote=quote)
        for code, value, unit, of, qualifier, quote in rows
    ]


@pytest.fixture
def ha_giang_figures(ha_giang):
    return report_figures(ha_giang, "2015-2020", HA_GIANG_2015_2020,
                          "Hà Giang: đối ngoại giai đoạn 2015 – 2020", dt.date(2021, 1, 20))


@pytest.fixture
def bac_kan_figures(bac_kan):
    return report_figures(bac_kan, "2011-2021", BAC_KAN_2011_2021,
                          "Nâng cao hiệu quả công tác đối ngoại Nhân dân", dt.date(2021, 4, 22))

"""The figures the seed articles report, written by hand: one ``Reported`` per figure.

This list is the reference the figure extractor (figures/extraction/) will be checked
against, so it follows figures/data/figures-format.md: values in plain units (22,3 triệu USD
is 22300000), money in the currency the text gives, ``of`` for "34/34", the qualifier the
text uses (gần → under, trên → over, ước đạt → about).

Choices where the text leaves room, and why:
- Seed 000 (conference of 29.3.2024) gives 2023 results ("năm 2023") and stock figures as
  of the conference; the stock figures (34/34, 6 district pairs, 12/12) are put at the end
  of 2023. Its NGO totals (250 programmes; 119 newly signed, 22,3 triệu USD) have no period
  in the text; 250 in one year is out of line with 223 in the whole 2015–2020 term (seed
  001) and 25 signed in 2022 (seed 003), so they are read as the 2020–2025 term to date.
  "riêng trong quý I.2024" figures are 2024-Q1.
- Seed 002 (22/02/2017) says "Đến nay đã có 13 cụm/34 xã, thị trấn biên giới ký kết hữu
  nghị": read like "422 đoàn/2.689 lượt" (groups/members), i.e. the 34 border communes and
  towns, in 13 clusters, had pacts: value 34, no denominator in the text. This is the
  reading of figures/data/ANNOTATIONS.md too; "13 of 34" would misread "cụm" (cluster) and
  clash with nothing else in the seeds. "Đến nay" is put at the end of 2016 (the paragraph
  reviews 2016; a pact count is a stock, and a year lets the report compare it with pacts
  in force on 31/12/2016). The "2 địa phương của Trung Quốc" with province-level
  cooperation are partners.foreign_localities for the same period.
- Seed 001 gives the 2015–2020 term; its border length (trên 277 km) is given the same
  period for want of a better one.
- Seed 004 (Bắc Kạn, 22/04/2021): "Từ năm 2011 đến nay … Trong 10 năm" is 2011-2021; the
  97 "khoản" are grants (ngo.projects) and 12,9 triệu USD is ngo.amount_total, since the
  text does not say whether it was committed or spent.
- Figures without a numeral in the text (the three friendship associations) are left out.
"""

import datetime as dt
import unicodedata
from decimal import Decimal
from importlib import resources
from typing import NamedTuple

HG = "Hà Giang"
BK = "Bắc Kạn"

SEEDS_PACKAGE = "doingoai.figures"
SEEDS_FOLDER = ("data", "seeds")


class Source(NamedTuple):
    file_name: str
    place: str
    title: str
    published_on: dt.date | None
    url: str = ""
    note: str = ""


SOURCES = [
    Source("000_3e326dc1344137e4.txt", HG,
           "Phổ biến, quán triệt và thông tin tình hình công tác đối ngoại, ngoại giao của Đảng, "
           "Nhà nước và nhân dân",
           # The dateline says "Sáng 29.3"; the year follows from "quý I.2024" in the text.
           dt.date(2024, 3, 29)),
    Source("001_de5b6a5233451576.txt", HG,
           "Đối ngoại nâng vị thế Hà Giang trên trường quốc tế",
           # No headline or dateline in the file; the headline is the one at the address.
           None,
           url="http://baohagiang.vn/HOI-NHAP-KINH-TE-QUOC-TE/202102/"
               "doi-ngoai-nang-vi-the-ha-giang-tren-truong-quoc-te-772572/"),
    Source("002_f3e63e9dac1db461.txt", HG,
           "Thứ trưởng Bộ Ngoại giao Lê Hoài Trung làm việc tại tỉnh ta", dt.date(2017, 2, 22)),
    Source("003_6bb18e9a3ba038bf.txt", HG,
           "Tăng cường đối ngoại, hợp tác quốc tế", dt.date(2023, 2, 1)),
    Source("004_bdb3a1b5035e8be1.txt", BK,
           "Nâng cao hiệu quả công tác đối ngoại Nhân dân trong tình hình mới",
           dt.date(2021, 4, 22)),
]


class Reported(NamedTuple):
    doc: str  # seed number, "000" … "004"
    indicator: str
    period: str
    value: str
    unit: str
    quote: str
    of: str | None = None
    qualifier: str = "exact"
    equivalent: str | None = None
    equivalent_unit: str = ""


R = Reported

FIGURES = [
    # --- 000: Hà Giang, conference of 29 March 2024 ---------------------------------------
    R("000", "economy.grdp_growth", "2023", "5", "percent",
      "Tốc độ tăng trưởng kinh tế đạt 5%"),
    R("000", "economy.grdp_per_capita", "2023", "36800000", "VND",
      "GRDP bình quân đầu người ước đạt 36,8 triệu đồng/năm", qualifier="about"),
    R("000", "economy.targets_met", "2023", "14", "count",
      "14/17 chỉ tiêu đạt và vượt so với mục tiêu", of="17"),
    R("000", "tourism.visitors", "2023", "3000000", "persons",
      "lượng khách du lịch đến tỉnh đạt trên 3 triệu lượt khách", qualifier="over"),
    R("000", "ngo.projects", "2020-2025", "250", "count",
      "tiếp nhận và triển khai 250 chương trình, dự án viện trợ không hoàn lại (NGO)"),
    R("000", "ngo.projects_signed", "2020-2025", "119", "count",
      "ký kết mới 119 chương trình dự án"),
    R("000", "ngo.amount_committed", "2020-2025", "22300000", "USD",
      "kinh phí cam kết là 22,3 triệu USD (tương đương 523 tỷ đồng)",
      equivalent="523000000000", equivalent_unit="VND"),
    R("000", "ngo.projects_signed", "2024-Q1", "10", "count",
      "ký và làm thủ tục tiếp nhận trên 10 chương trình, dự án", qualifier="over"),
    R("000", "ngo.amount_committed", "2024-Q1", "3000000", "USD",
      "nguồn viện trợ ký kết tài trợ trên 3 triệu USD", qualifier="over"),
    R("000", "friendship.border_communes", "2023", "34", "count",
      "34/34 xã, trấn biên giới", of="34"),
    R("000", "friendship.district_pairs", "2023", "6", "count",
      "6 cặp huyện, thành phố ký kết hữu nghị với phía đối đẳng Trung Quốc"),
    R("000", "friendship.border_posts", "2023", "12", "count",
      "12/12 đồn biên phòng ký kết nghĩa “đồn-trạm hữu nghị, biên giới bình yên”", of="12"),
    # --- 001: Hà Giang, the 2015–2020 term -------------------------------------------------
    R("001", "geography.border_length_km", "2015-2020", "277", "km",
      "tiếp giáp trên 277 km đường biên", qualifier="over"),
    R("001", "agreements.signed", "2015-2020", "85", "count",
      "ký kết và triển khai 85 thỏa thuận, biên bản hợp tác"),
    R("001", "ngo.projects", "2015-2020", "223", "count",
      "tiếp nhận và triển khai 223 chương trình, dự án viện trợ không hoàn lại (NGO)"),
    R("001", "ngo.amount_disbursed", "2015-2020", "350000000000", "VND",
      "kinh phí đã thực hiện gần 350 tỷ đồng", qualifier="under"),
    R("001", "oda.projects", "2015-2020", "21", "count",
      "21 chương trình, dự án viện trợ phát triển chính thức (ODA)"),
    R("001", "conferences.organised", "2015-2020", "25", "count",
      "tổ chức 25 hội nghị, hội thảo"),
    R("001", "conferences.attended", "2015-2020", "22", "count",
      "tham dự 22 hội nghị, hội thảo quốc tế trong và ngoài nước"),
    R("001", "delegations.outgoing", "2015-2020", "422", "count",
      "cho phép 422 đoàn/2.689 lượt cán bộ đi làm việc, học tập và khảo sát tại nước ngoài"),
    R("001", "delegations.outgoing_persons", "2015-2020", "2689", "persons",
      "cho phép 422 đoàn/2.689 lượt cán bộ đi làm việc, học tập và khảo sát tại nước ngoài"),
    R("001", "delegations.incoming", "2015-2020", "381", "count",
      "đón tiếp 381 đoàn/3.236 lượt người nước ngoài đến thăm, làm việc chính thức tại tỉnh"),
    R("001", "delegations.incoming_persons", "2015-2020", "3236", "persons",
      "đón tiếp 381 đoàn/3.236 lượt người nước ngoài đến thăm, làm việc chính thức tại tỉnh"),
    R("001", "friendship.border_communes", "2015-2020", "34", "count",
      "34/34 xã, thị trấn biên giới", of="34"),
    R("001", "friendship.district_pairs", "2015-2020", "3", "count",
      "3 cặp huyện, thành phố ký kết hợp tác hữu nghị với phía đối đẳng Trung Quốc"),
    R("001", "friendship.border_posts", "2015-2020", "12", "count",
      "12/12 Đồn Biên phòng ký kết nghĩa “Đồn – Trạm hữu nghị, biên giới bình yên”", of="12"),
    # --- 002: Hà Giang, working visit of 22 February 2017 ----------------------------------
    R("002", "partners.foreign_localities", "2016", "2", "count",
      "thiết lập quan hệ hợp tác cấp tỉnh với 2 địa phương của Trung Quốc"),
    R("002", "friendship.border_communes", "2016", "34", "count",
      "13 cụm/34 xã, thị trấn biên giới ký kết hữu nghị với phía đối đẳng"),
    # --- 003: Hà Giang, 2022 -------------------------------------------------------------
    R("003", "agreements.signed", "2022", "12", "count", "ký mới được 12 thỏa thuận"),
    R("003", "agreements.implementing", "2022", "24", "count",
      "tiếp tục triển khai 24 thỏa thuận hợp tác quốc tế"),
    R("003", "conferences.organised", "2022", "26", "count",
      "tổ chức 26 hội nghị, hội đàm trực tuyến"),
    R("003", "conferences.attended", "2022", "8", "count",
      "tham dự 8 hội nghị trực tuyến"),
    R("003", "oda.projects", "2022", "3", "count",
      "vận động được 3 dự án sử dụng vốn ODA không hoàn lại"),
    R("003", "fdi.projects", "2022", "5", "count", "5 dự án FDI còn hiệu lực hoạt động"),
    R("003", "fdi.capital", "2022", "4040000", "USD",
      "tổng vốn đầu tư đăng ký là 4,04 triệu USD"),
    R("003", "ngo.projects_signed", "2022", "25", "count",
      "25 chương trình, dự án, khoản viện trợ phi chính phủ được ký kết mới"),
    R("003", "ngo.amount_committed", "2022", "52000000000", "VND",
      "ngân sách cam kết tài trợ trên 52 tỷ đồng", qualifier="over"),
    # --- 004: Bắc Kạn, 2011–2021 -----------------------------------------------------------
    R("004", "ngo.organisations", "2011-2021", "25", "count",
      "vận động thu hút được 25 tổ chức phi chính phủ nước ngoài"),
    R("004", "ngo.projects", "2011-2021", "97", "count", "viện trợ 97 khoản"),
    R("004", "ngo.amount_total", "2011-2021", "12900000", "USD",
      "tổng giá trị 12,9 triệu USD"),
]


def source_for(figure: Reported) -> Source:
    return next(s for s in SOURCES if s.file_name.startswith(figure.doc + "_"))


def seed_text(file_name: str) -> str:
    """A seed article as the system stores it: UTF-8, NFC."""
    path = resources.files(SEEDS_PACKAGE).joinpath(*SEEDS_FOLDER, file_name)
    return unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))


def offsets(figure: Reported, text: str) -> tuple[int, int]:
    start = text.find(figure.quote)
    if start < 0:
        raise ValueError(f"quote not found in seed {figure.doc}: {figure.quote!r}")
    return start, start + len(figure.quote)


def _number(value: str | None):
    if value is None:
        return None
    number = Decimal(value)
    return int(number) if number == number.to_integral_value() else float(number)


def expected_extraction() -> list[dict]:
    """FIGURES in the extractor's exchange format (figures-format.md), for comparing the
    extractor's output with this hand-written list."""
    texts = {}
    rows = []
    for figure in FIGURES:
        source = source_for(figure)
        text = texts.setdefault(source.file_name, seed_text(source.file_name))
        start, end = offsets(figure, text)
        rows.append({
            "doc": source.file_name,
            "indicator": figure.indicator,
            "value": _number(figure.value),
            "unit": figure.unit,
            "of": _number(figure.of),
            "qualifier": figure.qualifier,
            "period": figure.period,
            "place": source.place,
            "equivalent": ({"value": _number(figure.equivalent), "unit": figure.equivalent_unit}
                           if figure.equivalent else None),
            "start": start,
            "end": end,
            "text": text[start:end],
        })
    return rows

"""The cue table: which words make a number a figure of which indicator.

Everything the extractor knows about the vocabulary of foreign-affairs reports lives here, as
data. A number becomes a figure when

* its unit fits the rule's ``kind`` (a currency for ``money``, ``%`` for ``percent``, ``km``),
  or, for ``count`` and ``persons``, one of the rule's ``nouns`` follows it directly
  ("85 *thỏa thuận*", "422 *đoàn*", "34/34 *xã*");
* every group in ``require`` has at least one phrase present in the figure's *window*: the
  words from the previous figure (or the start of the clause) to the next one, so that in
  "tổ chức 26 hội nghị ... và tham dự 8 hội nghị" the 26 sees "tổ chức" and the 8 "tham dự".
  With ``scope="clause"`` the whole clause counts, for enumerations whose verb comes last
  ("34/34 xã, thị trấn biên giới, 3 cặp huyện ... ký kết hợp tác hữu nghị");
* no phrase of ``forbid`` is in the window, nor of ``forbid_in_sentence`` in the sentence up to
  the number ("GDP của Trung Quốc năm 2024 tăng trưởng 5%" is not the province's growth), and
  one of ``require_in_sentence`` (if any) is in the sentence (person-trips are those of
  delegations: "đón 3,1 triệu lượt khách" alone is tourism);
* for rules with a ``domain`` (``ngo``, ``oda``, ``fdi``), the aid or investment the window is
  about is that domain ("21 chương trình, dự án viện trợ phát triển chính thức (ODA)").

Among the rules that fit, the one with the highest ``weight`` plus total length of matched
phrases wins: longer phrases are more specific, and a required phrase before the number weighs
more than one after it ("tham dự 15 hội nghị do Bộ Ngoại giao tổ chức" is attended). A phrase
ending in ``$`` must stand right before the number ("tiếp 20 đoàn"; "tiếp" alone elsewhere
is "tiếp tục", "tiếp nhận").
Phrases are ordinary Vietnamese; they are folded (see :mod:`normalize`) when compiled, and
nouns may use regular-expression syntax (lower case only, as they are folded).

A rule whose indicator is not in ``indicators.csv`` is switched off, so adding a row to the
catalogue (e.g. ``trade.total`` for "kim ngạch xuất nhập khẩu") is enough to switch it on.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import fold

__all__ = [
    "Rule",
    "RULES",
    "DOMAINS",
    "QUALIFIERS",
    "NOT_A_FIGURE_BEFORE",
    "CHANGE_BEFORE",
    "EQUIVALENT",
    "NUMBER_WORDS",
    "PART_OF",
    "TARGET_BEFORE",
    "TIMELESS",
    "WEAK_DOMAIN_WORDS",
    "active_rules",
    "catalogue_codes",
]

CATALOGUE = Path(__file__).resolve().parent.parent / "data" / "indicators.csv"


@dataclass(frozen=True)
class Rule:
    indicator: str
    kind: str  # "count" | "persons" | "money" | "percent" | "km"
    nouns: tuple[str, ...] = ()
    require: tuple[tuple[str, ...], ...] = ()
    cues: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    domain: str | None = None
    scope: str = "window"
    weight: int = 0
    forbid_in_sentence: tuple[str, ...] = ()
    require_in_sentence: tuple[str, ...] = ()
    noun_re: re.Pattern[str] | None = field(default=None, compare=False, repr=False)


# --- shared vocabulary -------------------------------------------------------------------

AGREEMENTS = (
    "thỏa thuận",
    "biên bản ghi nhớ",
    "bản ghi nhớ",
    "biên bản",
    "văn bản hợp tác",
    "văn bản thỏa thuận",
    "văn kiện hợp tác",
    "văn kiện",
    "hiệp định",
    "hiệp ước",
    "mou",
)
CONFERENCES = (
    r"lần (?:hội nghị|hội thảo|hội đàm|diễn đàn|tọa đàm)",
    "hội nghị",
    "hội thảo",
    "hội đàm",
    "diễn đàn",
    "tọa đàm",
    "cuộc hội đàm",
    "cuộc hội nghị",
    "cuộc tọa đàm",
    "cuộc gặp",
    "cuộc họp",
    "cuộc hội kiến",
)
DELEGATIONS = (r"(?:lượt )?đoàn(?!\s+(?:viên|thể|kết|thanh niên|đại biểu quốc hội))",)
PERSONS = (
    "lượt người",
    "lượt cán bộ",
    "lượt khách",
    "lượt đại biểu",
    "lượt thành viên",
    r"lượt(?!\s+(?:đoàn|dự án|phương tiện|xe|tàu|chuyến))",
    r"người(?!\s+lao động)",  # "15.320 người lao động đi làm việc ở nước ngoài" emigrate
    "cán bộ",
    "đại biểu",
    "thành viên",
)
OUTGOING = (
    "cho phép",
    "cử$",
    "cử",
    "đoàn ra",
    "đi nước ngoài",
    "ra nước ngoài",
    "tại nước ngoài",
    "ở nước ngoài",
    "đi công tác",
    "đi làm việc",
    "đi học tập",
    "đi khảo sát",
    "đi thăm",
    "xuất cảnh",
    "cán bộ đi",
    "sang thăm",
    "sang làm việc",
    "đi dự",
    "đi",
)
INCOMING = (
    "đón",
    "đón tiếp",
    "tiếp đón",
    "tiếp$",
    "đoàn vào",
    "người nước ngoài",
    "khách nước ngoài",
    "đến thăm",
    "đến làm việc",
    "vào thăm",
    "vào làm việc",
    "đến tỉnh",
    "tại tỉnh",
    "khách quốc tế",
    "tiếp, làm việc",
    "tiếp và làm việc",
    "thăm tỉnh",
    "làm việc với tỉnh",
)
PROJECTS = (
    "chương trình, dự án",
    "chương trình dự án",
    "chương trình",
    "dự án",
    "khoản viện trợ",
    "khoản tài trợ",
    "khoản",
    "gói viện trợ",
    "gói hỗ trợ",
    "hợp phần",
    "tiểu dự án",
)
SIGNED = ("ký",)
#: New NGO projects: signed, or said to be new ("9 dự án mới trong năm 2018").
NEW = SIGNED + (
    "dự án mới",
    "chương trình mới",
    "chương trình, dự án mới",
    "khoản viện trợ mới",
    "khoản mới",
    "viện trợ mới",
    "phi chính phủ mới",
    "phi chính phủ nước ngoài mới",
    "pcpnn mới",
)
CITIZENS_HELPED = (
    "bảo hộ",
    # fishermen freed after the Ministry's note: "cùng 5 thuyền viên đã được thả tự do"
    "được thả",
    "thả tự do",
    "trả tự do",
    "giải cứu",
    "trao trả",
    "hỗ trợ",
    "lãnh sự",
    "hồi hương",
    "về nước",
    "tiếp nhận",
)
#: Money given at home, by the friendship union itself, FDI firms or donors at a drive
#: ("VUFO ủng hộ 1 tỷ đồng để xây dựng 20 căn nhà"): not foreign NGO aid.
DONATED = ("ủng hộ", "quyên góp", "đóng góp")
#: Domestic investment beside foreign ("190 doanh nghiệp DDI", "dự án đầu tư trong nước"): not FDI.
DOMESTIC = ("trong nước", "ddi", "nhà đầu tư việt nam", "doanh nghiệp việt nam")
#: A project broken ground on ("khởi công dự án ... vốn khoảng 1.500 triệu USD") is one project's
#: event, not the period's registered capital.
STARTED = ("khởi công", "động thổ", "khánh thành")
#: Punished or wanted people ("xử phạt vi phạm hành chính 53 người", "bắt 2 người bị truy nã")
#: are not citizens helped.
PUNISHED = ("xử phạt", "vi phạm hành chính", "truy nã", "phạt tiền", "khởi tố")
FRIENDSHIP = ("hữu nghị", "kết nghĩa", "ký kết", "giao lưu", "hợp tác")

#: Foreign countries and the like: a figure whose sentence is about them is not the province's.
FOREIGN_SUBJECTS = (
    "trung quốc",
    "lào",
    "campuchia",
    "thái lan",
    "hàn quốc",
    "nhật bản",
    "nước bạn",
    "thế giới",
    "toàn cầu",
    "cả nước",
    "khu vực",
    "asean",
)

#: Words naming the kind of aid or investment, most specific first within each domain.
DOMAINS: dict[str, tuple[str, ...]] = {
    "oda": (
        "oda",
        "hỗ trợ phát triển chính thức",
        "viện trợ phát triển chính thức",
        "vốn vay ưu đãi",
        # donors whose aid is official by definition
        "jica",
        "koica",
        "ngân hàng thế giới",
        "ngân hàng phát triển châu á",
        # a foreign government's grant is official aid ("do Chính phủ Hà Lan viện trợ"), and so
        # is that of its development agency
        *(
            "chính phủ " + country
            for country in (
                "hà lan",
                "nhật bản",
                "úc",
                "australia",
                "hàn quốc",
                "đức",
                "pháp",
                "anh",
                "hoa kỳ",
                "mỹ",
                "canada",
                "new zealand",
                "bỉ",
                "đan mạch",
                "thụy điển",
                "thụy sĩ",
                "na uy",
                "phần lan",
                "ireland",
                "luxembourg",
                "italia",
                "tây ban nha",
                "áo",
                "israel",
                "singapore",
                "ấn độ",
            )
        ),
        "cơ quan phát triển pháp",
        "afd",
    ),
    "fdi": (
        "fdi",
        "đầu tư trực tiếp nước ngoài",
        "có vốn đầu tư nước ngoài",
        "vốn đầu tư nước ngoài",
        "nhà đầu tư nước ngoài",
        "dự án đầu tư nước ngoài",
        "đầu tư nước ngoài",
    ),
    "ngo": (
        "ngo",
        "phi chính phủ",
        "pcpnn",
        # the office that mobilises NGO aid in every province
        "liên hiệp các tổ chức hữu nghị",
        "ingo",
        "viện trợ không hoàn lại",
        "viện trợ",
        "tài trợ",
        "nhà tài trợ",
    ),
}
#: Generic words of the table above: the ODA of the World Bank is "tài trợ" too, so an explicit
#: word ("ODA", "FDI", "phi chính phủ") near the figure wins over these.
WEAK_DOMAIN_WORDS = ("viện trợ", "tài trợ", "nhà tài trợ", "viện trợ không hoàn lại")

#: Small counts written as words ("cử hai đoàn", "tổ chức ba hội nghị"): a figure only when a
#: noun of the table follows. "một" (also "a") and "năm" (also "year") are left out on purpose.
NUMBER_WORDS = {
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}

#: A number after these, in the sentence of an earlier figure, is a part of that figure.
PART_OF = ("trong đó", "trong số đó", "riêng", "gồm", "bao gồm")

#: A number after these in its clause is a target or a plan, not a result.
TARGET_BEFORE = (
    "phấn đấu",
    "dự kiến",
    "mục tiêu",
    "kế hoạch năm",
    "chỉ tiêu kế hoạch",
    "sẽ",
    "định hướng",
    "kế hoạch",
    "đề ra",
    "hướng tới",
    "đặt ra",
    "tầm nhìn",
    "nhằm đạt",
    "dự báo",
    "đề xuất",
    "thống nhất tổ chức",
)

#: Indicator families that describe the province, not a period's activity: no period.
TIMELESS = ("geography",)

#: Words right before a number that say how exact it is. Longest first.
QUALIFIERS: dict[str, str] = {
    "gần như": "under",
    "chưa đến": "under",
    "chưa tới": "under",
    "gần": "under",
    "dưới": "under",
    "ngót": "under",
    "trên": "over",
    "hơn": "over",
    "ngoài": "over",
    "khoảng chừng": "about",
    "khoảng": "about",
    "ước đạt": "about",
    "ước tính": "about",
    "ước khoảng": "about",
    "ước": "about",
    "xấp xỉ": "about",
    "chừng": "about",
    "khoảng gần": "about",
}

#: A number right after these is an identifier, an ordinal or a date, never a figure.
NOT_A_FIGURE_BEFORE = (
    "chỉ thị",
    "chỉ thị số",
    "kế hoạch",
    "kế hoạch số",
    "nghị quyết",
    "nghị quyết số",
    "quyết định",
    "quyết định số",
    "thông tư",
    "nghị định",
    "công văn",
    "văn bản số",
    "thông báo số",
    "tờ trình",
    "báo cáo số",
    "luật số",
    "mốc",
    "cột mốc",
    "mốc giới",
    "lần thứ",
    "lần",
    "khóa",
    "kỳ họp",
    "kỳ họp thứ",
    "thứ",
    "quốc lộ",
    "tỉnh lộ",
    "đường tỉnh",
    "km",
    "điện thoại",
    "đường dây nóng",
    "hotline",
    "tổng đài",
    "phòng",
    "tầng",
    "mã",
    "ngày",
    "sáng",
    "chiều",
    "tối",
    "trưa",
    "đêm",
    "hôm",
    "tháng",
    "năm",
    "giai đoạn",
    "top",
    "hạng",
    "xếp thứ",
    "đứng thứ",
    "thế kỷ",
    "nhóm",
    # a unit's number: "Cụm 12 Đồn Biên phòng", "Cụm số 3"
    "cụm",
    "cụm số",
    # the people of one incident told as an example: "Điển hình như vụ 56 người ..."
    "như vụ",
    "hoặc vụ",
    "tổ",
    "khu",
    "tiểu khu",
    "điều",
    "khoản",
    "mục",
    "số",
)

#: A number right after these is a change ("tăng 3,1 triệu đồng so với năm 2022"), not a level.
CHANGE_BEFORE = (
    "tăng",
    "giảm",
    "tăng thêm",
    "giảm bớt",
    "tăng lên",
    "giảm xuống",
    "tăng gần",
    "gấp",
    "vượt",
    "cao hơn",
    "thấp hơn",
    "nhiều hơn",
    "ít hơn",
)

#: Introduces a second amount of the same money: "22,3 triệu USD (tương đương 523 tỷ đồng)".
EQUIVALENT = ("tương đương", "tương đương với", "tương ứng", "quy đổi", "quy ra", "≈")

# --- the table ---------------------------------------------------------------------------

RULES: tuple[Rule, ...] = (
    # International agreements.
    Rule(
        "agreements.implementing",
        "count",
        AGREEMENTS,
        require=(
            (
                "tiếp tục triển khai",
                "tiếp tục thực hiện",
                "đang triển khai",
                "đang thực hiện",
                "duy trì",
                "còn hiệu lực",
                "tiếp tục",
            ),
        ),
        weight=10,
    ),
    Rule(
        "agreements.signed",
        "count",
        AGREEMENTS,
        require=(SIGNED + ("thiết lập", "đàm phán", "đạt được", "ký kết mới"),),
        # "3 văn kiện pháp lý về biên giới ... Chính phủ hai nước ... ký kết": the states'.
        forbid=("hai nước", "văn kiện pháp lý"),
        weight=5,
    ),
    Rule(
        "partners.foreign_localities",
        "count",
        (
            "địa phương",
            "tỉnh, thành phố",
            "tỉnh, thành",
            "tỉnh, bang",
            "thành phố, tỉnh",
            # "4 tỉnh Bắc Lào", "6 tỉnh của Lào", "3 tỉnh Attapư, Sê Kông (Lào)"
            r"tỉnh(?= (?:của |thuộc )?(?:nước bạn|bạn|bắc lào|nam lào|trung lào|lào|campuchia"
            r"|trung quốc|thái lan|hàn quốc|nhật bản)(?!\w))",
            r"tỉnh(?= [^.;()\d]{1,60}\((?:lào|campuchia|trung quốc|thái lan|hàn quốc|nhật bản)\))",
        ),
        require=(("quan hệ", "hợp tác", "kết nghĩa", "hữu nghị", "nước ngoài", "ký kết"),),
        # "đầu tư vào 54 tỉnh, thành phố trên cả nước": Vietnamese provinces.
        forbid=(
            "trong tỉnh",
            "trong nước",
            "các huyện",
            "giáp",
            "tiếp giáp",
            "biên giới với",
            "cả nước",
            "đầu tư",
            "giữa",  # "ký kết hợp tác hữu nghị giữa 2 địa phương": the two parties
        ),
        scope="clause",
    ),
    # Foreign non-governmental aid, ODA, FDI.
    Rule("ngo.projects_signed", "count", PROJECTS, require=(NEW,), domain="ngo", weight=5),
    Rule("ngo.projects", "count", PROJECTS, domain="ngo"),
    Rule(
        "oda.projects",
        "count",
        PROJECTS,
        domain="oda",
        forbid_in_sentence=("doanh nghiệp tư nhân",),  # JICA's private-sector proposals
    ),
    # Enterprises are not projects: "557 doanh nghiệp FDI" are the firms foreigners work for.
    Rule("fdi.projects", "count", PROJECTS, domain="fdi", forbid=DOMESTIC + STARTED),
    Rule(
        "ngo.organisations",
        "count",
        ("tổ chức", "nhà tài trợ"),
        require=(("phi chính phủ", "pcpnn", "ngo", "ingo", "nhà tài trợ", "tài trợ", "viện trợ"),),
    ),
    # "các dự án viện trợ phi Chính phủ ... thông qua 197 dự án của 38 tổ chức": organisations
    # in a sentence about NGO aid are its donors.
    Rule("ngo.organisations", "count", ("tổ chức",), domain="ngo", forbid=("trong nước",)),
    Rule(
        "ngo.amount_committed",
        "money",
        domain="ngo",
        weight=20,
        # a donor's decision or a programme approved for funding is money committed:
        # "tổ chức GPI/Hàn Quốc đã quyết định tài trợ 286 triệu đồng cho dự án"
        require=(
            (
                "cam kết",
                "ký",
                "tài trợ ký kết",
                "ký kết",
                "quyết định tài trợ",
                "đồng ý tài trợ",
                # "Quyết định ... phê duyệt tiếp nhận khoản viện trợ ... trị giá 625.000.000 VNĐ"
                "phê duyệt tiếp nhận",
                "phê duyệt việc tiếp nhận",
            ),
        ),
        forbid=DONATED,
    ),
    Rule(
        "ngo.amount_disbursed",
        "money",
        domain="ngo",
        weight=20,
        # Not plain "thực hiện": "viện trợ ... 2 triệu USD thực hiện Chương trình vùng" is the
        # programme it pays for, not money spent.
        forbid=DONATED,
        require=(
            (
                "đã thực hiện",
                "thực hiện được",
                "giải ngân",
                "đã chi",
                "kinh phí thực hiện",
                "vốn thực hiện",
                "giá trị thực hiện",
                "thực hiện đạt",
            ),
        ),
    ),
    Rule(
        "ngo.amount_total",
        "money",
        domain="ngo",
        cues=("tổng giá trị", "trị giá", "giá trị"),
        forbid=DONATED,
    ),
    Rule("oda.amount", "money", domain="oda", cues=("tổng vốn", "vốn")),
    # Registered capital only: disbursed FDI ("vốn FDI giải ngân được 1,05 tỷ USD") is not.
    Rule(
        "fdi.capital",
        "money",
        domain="fdi",
        cues=("vốn đầu tư đăng ký", "vốn đăng ký", "vốn đầu tư", "tổng vốn", "thu hút"),
        # nor what FDI firms give: "các doanh nghiệp FDI đã ủng hộ 5 tỷ đồng cho quỹ"
        forbid=(
            "giải ngân",
            "vốn thực hiện",
            # "Tổng vốn lũy kế thực hiện các dự án đạt trên 7 tỷ USD": disbursed to date
            "lũy kế thực hiện",
            "luỹ kế thực hiện",
            "thực hiện được",
            "đã thực hiện",
            "ủng hộ",
            "trao tặng",
            "quyên góp",
            "tặng",
            "đóng góp",
            "an sinh xã hội",
            "từ thiện",
        )
        + DOMESTIC
        + STARTED,
    ),
    # Conferences.
    Rule(
        "conferences.organised",
        "count",
        CONFERENCES,
        weight=5,
        require=(("tổ chức", "đăng cai", "chủ trì", "phối hợp tổ chức"),),
    ),
    Rule(
        "conferences.attended",
        "count",
        CONFERENCES,
        weight=5,
        require=(("tham dự", "tham gia", "dự$", "cử đại biểu", "cử đoàn"),),
    ),
    # Delegations. The persons of "422 đoàn/2.689 lượt" are paired in the engine.
    Rule("delegations.outgoing", "count", DELEGATIONS, require=(OUTGOING,)),
    Rule("delegations.incoming", "count", DELEGATIONS, require=(INCOMING,)),
    Rule(
        "delegations.outgoing_persons",
        "persons",
        PERSONS,
        require=(OUTGOING,),
        forbid=("du lịch", "du khách", "công dân"),
        require_in_sentence=("đoàn",),
    ),
    Rule(
        "delegations.incoming_persons",
        "persons",
        PERSONS,
        require=(INCOMING,),
        forbid=("du lịch", "du khách", "cư trú", "sinh sống", "đang làm việc"),
        require_in_sentence=("đoàn",),
    ),
    # People-to-people friendship.
    Rule(
        "friendship.border_communes",
        "count",
        (
            "cặp xã",
            "xã, phường, thị trấn",
            "xã, thị trấn",
            "xã, trấn",
            "xã, phường",
            "xã",
        ),
        require=(("biên giới",), FRIENDSHIP),
        scope="clause",
    ),
    Rule(
        "friendship.district_pairs",
        "count",
        (r"cặp (?:huyện|thành phố|thị xã|quận|huyện, thành phố|huyện, thị)",),
    ),
    Rule(
        "friendship.village_pairs",
        "count",
        (r"cặp (?:thôn|bản|làng|cụm dân cư|khu dân cư|khu phố|tổ dân phố|xóm|ấp)",),
    ),
    Rule(
        "friendship.border_posts",
        "count",
        ("đồn biên phòng", "đồn", "trạm kiểm soát biên phòng"),
        require=(("kết nghĩa", "hữu nghị", "ký kết", "giao lưu"),),
        scope="clause",
    ),
    Rule(
        "friendship.associations",
        "count",
        ("hội hữu nghị", "chi hội hữu nghị", "tổ chức hữu nghị", "hội hữu nghị song phương"),
    ),
    # Consular work, foreigners, the border.
    Rule(
        "consular.cases",
        "count",
        ("vụ việc", "vụ", "trường hợp", "sự việc"),
        weight=5,
        require=(("bảo hộ công dân", "bảo hộ", "lãnh sự", "công dân", "ngư dân"),),
        scope="clause",
    ),
    # Citizens named as such may find their cue anywhere in the clause ("xử lý 42 vụ với 387
    # ngư dân và 51 tàu cá bị nước ngoài bắt giữ"); plain "người" needs it close by.
    Rule(
        "consular.persons",
        "persons",
        ("công dân", "ngư dân", "thuyền viên", "nạn nhân", "lượt công dân"),
        require=(CITIZENS_HELPED,),
        forbid=("người nước ngoài", "đón", "đoàn", "du lịch") + PUNISHED,
        scope="clause",
    ),
    # Arrested is not yet helped: "35 tàu cá với hơn 250 ngư dân lại mới bị bắt" counts only
    # where the clause says what was done for them ("xử lý 42 vụ với 387 ngư dân ... bị bắt giữ").
    Rule(
        "consular.persons",
        "persons",
        ("công dân", "ngư dân", "nạn nhân", "lượt công dân"),
        require=(("bắt giữ", "bị bắt"), ("xử lý", "giải quyết", "can thiệp", "vụ việc", "vụ")),
        forbid=("người nước ngoài", "đón", "đoàn", "du lịch") + PUNISHED,
        scope="clause",
    ),
    Rule(
        "consular.persons",
        "persons",
        ("lao động", "người"),
        require=(CITIZENS_HELPED,),
        forbid=("người nước ngoài", "đón", "đoàn", "du lịch") + PUNISHED,
    ),
    Rule(
        "foreigners.resident",
        "persons",
        (
            "người nước ngoài",
            "lao động nước ngoài",
            "chuyên gia nước ngoài",
            # students and teachers among the foreigners who live in the province
            "sinh viên, giảng viên",
            "sinh viên",
            "giảng viên",
            "lưu học sinh",
            "người",
            "lao động",
            "chuyên gia",
        ),
        require=(
            ("nước ngoài",),
            ("cư trú", "lưu trú", "làm việc", "sinh sống", "tạm trú", "thường trú", "đang"),
        ),
        forbid=(
            "đến thăm",
            "đón",
            "đoàn",
            "lượt",
            "ở nước ngoài",
            "tại nước ngoài",
            "đi làm việc",
            "ra nước ngoài",
            "đi nước ngoài",
        ),
        weight=5,
    ),
    Rule(
        "border.incidents",
        "count",
        ("vụ việc", "vụ", "sự vụ", "sự việc"),
        require=(("biên giới", "đường biên"),),
        forbid=("bảo hộ", "lãnh sự"),
    ),
    # Context: economy, trade, tourism, geography.
    Rule(
        "economy.grdp_growth",
        "percent",
        require=(("tăng trưởng",),),
        forbid=("xuất khẩu", "nhập khẩu", "khách", "bình quân đầu người"),
        forbid_in_sentence=FOREIGN_SUBJECTS,
    ),
    Rule(
        "economy.grdp_per_capita",
        "money",
        weight=30,
        require=(("bình quân đầu người", "grdp bình quân", "bình quân/người"),),
        forbid=("thu nhập",),
        forbid_in_sentence=FOREIGN_SUBJECTS,
    ),
    Rule(
        "economy.targets_met",
        "count",
        ("chỉ tiêu",),
        require=(("đạt", "vượt", "hoàn thành"),),
        scope="clause",
    ),
    Rule(
        "trade.exports",
        "money",
        weight=30,
        require=(("xuất khẩu",),),
        forbid=("xuất nhập khẩu", "xuất, nhập khẩu", "xnk", "nhập khẩu"),
    ),
    Rule(
        "trade.imports",
        "money",
        weight=30,
        require=(("nhập khẩu",),),
        forbid=("xuất nhập khẩu", "xuất, nhập khẩu", "xnk", "xuất khẩu"),
    ),
    Rule(
        "trade.total",
        "money",
        weight=30,
        require=(("xuất nhập khẩu", "xuất, nhập khẩu", "xnk", "kim ngạch thương mại"),),
    ),
    Rule(
        "tourism.visitors",
        "persons",
        (
            "lượt khách",
            "lượt du khách",
            "du khách",
            "lượt người",
            # "36 lượt nhà đầu tư ... đến tỉnh tìm hiểu đầu tư" are investors' visits
            r"lượt(?!\s+(?:đoàn|nhà đầu tư|doanh nghiệp))",
            "khách",
            "người",
        ),
        require=(
            (
                "du lịch",
                "du khách",
                "khách quốc tế",
                "khách nội địa",
                "khách tham quan",
                "tham quan",
                "đón",
            ),
        ),
        weight=10,
    ),
    Rule(
        "geography.border_length_km",
        "km",
        require=(("biên giới", "đường biên", "biên"),),
        # a stretch patrolled or lived beside ("tuần tra ... đoạn biên giới từ mốc 399 đến mốc
        # 401, dài 6,748 km", "nằm sát biên giới với chiều dài gần 10 cây số") is not the border's
        forbid=("trên biển", "bờ biển", "hàng hải", "đoạn biên giới", "sát biên giới", "đoạn"),
        forbid_in_sentence=("tuần tra", "đoạn biên giới", "từ mốc", "sát biên giới"),
        scope="clause",  # only the first length of a sentence is taken, see extract.TIMELESS
    ),
)


def catalogue_codes(path: Path = CATALOGUE) -> frozenset[str] | None:
    """Indicator codes of the catalogue, or None when it cannot be read (then nothing is off)."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return frozenset(row["code"] for row in csv.DictReader(handle))
    except (OSError, KeyError):
        return None


def _compile_nouns(nouns: tuple[str, ...]) -> re.Pattern[str] | None:
    if not nouns:
        return None
    alternatives = sorted((fold(n) for n in nouns), key=len, reverse=True)
    return re.compile(r"\s*(?:" + "|".join(alternatives) + r")(?!\w)")


def active_rules(codes: frozenset[str] | None = None) -> tuple[Rule, ...]:
    """The table with nouns compiled, restricted to the catalogue's indicators."""
    if codes is None:
        codes = catalogue_codes()
    rules = []
    for rule in RULES:
        if codes is not None and rule.indicator not in codes:
            continue
        rules.append(
            Rule(
                rule.indicator,
                rule.kind,
                rule.nouns,
                rule.require,
                rule.cues,
                rule.forbid,
                rule.domain,
                rule.scope,
                rule.weight,
                rule.forbid_in_sentence,
                rule.require_in_sentence,
                _compile_nouns(rule.nouns),
            )
        )
    return tuple(rules)

"""The report's paragraphs, written from the printed figures in the register of the
province's own reports and press articles ("Giai đoạn 2015 – 2020, tỉnh đã ký kết và triển
khai 85 thỏa thuận, biên bản hợp tác; …"), with an English version.

Numbers are written the Vietnamese way (2.689; 22,3 triệu USD; 523 tỷ đồng) and a reported
figure keeps its qualifier ("gần 350 tỷ đồng", "trên 3 triệu lượt khách"). A clause whose
figure is not printed is left out rather than written with a zero.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from decimal import Decimal

from doingoai.lib.money import format_quantity
from doingoai.lib.periods import HALF, QUARTER, RANGE
from doingoai.reports.computations import reformed

QUALIFIERS = {
    "vi": {"exact": "", "over": "trên ", "under": "gần ", "about": "khoảng "},
    "en": {"exact": "", "over": "over ", "under": "nearly ", "about": "about "},
}
SCALES = {
    "vi": [(Decimal(10) ** 9, "tỷ"), (Decimal(10) ** 6, "triệu")],
    "en": [(Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million")],
}


def number(value, lang: str = "vi", decimals: int = 2) -> str:
    """2.689 and 22,3 in Vietnamese; 2,689 and 22.3 in English (trailing zeros dropped)."""
    return format_quantity(value, lang, decimals)


def amount(value, unit: str, lang: str = "vi") -> str:
    """523 tỷ đồng, 22,3 triệu USD, 4,04 triệu USD; 350 billion VND in English."""
    value = Decimal(value)
    currency = ("đồng" if lang == "vi" else "VND") if unit == "VND" else unit
    for scale, word in SCALES[lang]:
        if abs(value) >= scale:
            return f"{number(value / scale, lang)} {word} {currency}"
    return f"{number(value, lang, 0)} {currency}"


def quantity(value, lang: str = "vi") -> str:
    """A count or a number of persons; millions are written in words (3 triệu lượt)."""
    value = Decimal(value)
    if abs(value) >= Decimal(10) ** 6:
        return f"{number(value / Decimal(10) ** 6, lang)} {SCALES[lang][1][1]}"
    return number(value, lang, 0)


def figure_text(line, lang: str = "vi") -> str:
    """The printed figure of ``line`` as a report writes it, qualifier included."""
    qualifier = QUALIFIERS[lang].get(line.qualifier, "")
    if line.unit in ("count", "persons"):
        text = quantity(line.value, lang)
        if line.of is not None:
            text = f"{text}/{quantity(line.of, lang)}"
    elif line.unit == "percent":
        text = f"{number(line.value, lang)}%"
    elif line.unit == "km":
        text = f"{number(line.value, lang)} km"
    else:
        text = amount(line.value, line.unit, lang)
    return qualifier + text


class _Figures:
    def __init__(self, report, lang):
        self.report, self.lang = report, lang

    def __call__(self, code):
        line = self.report.line(code)
        # A report does not write "0 hội nghị": a clause with nothing to say is left out.
        if line is None or not line.printed or not line.value:
            return None
        return figure_text(line, self.lang)


def _subject(report, lang: str) -> tuple[str, str]:
    """How the paragraph names the place: ("tỉnh Hà Giang", "Tỉnh") or the plural."""
    places = report.places
    if lang == "en":
        if len(places) == 1:
            kind = "city" if places[0].kind.lower().startswith("thành phố") else "province"
            return f"{places[0].name} {kind}", "The province"
        return ", ".join(p.name for p in places), "The provinces"
    if len(places) == 1:
        kind = places[0].kind.lower() or "tỉnh"
        return f"{kind} {places[0].name}", "Tỉnh" if kind == "tỉnh" else kind.capitalize()
    return "các tỉnh, thành phố " + ", ".join(p.name for p in places), "Các địa phương"


def _opening(report, lang: str) -> str:
    period = report.period
    text = period.describe(lang)
    if lang == "vi":
        return text[0].upper() + text[1:]
    if period.kind == RANGE:
        return f"From {text}"
    if period.kind in (QUARTER, HALF):
        return f"In the {text}"
    return f"In {text}"


def _term(report) -> bool:
    """Whether the report sums up a term of several years: its signed agreements are then
    told the way the provinces' term reviews tell them ("đã ký kết và triển khai 85 thỏa
    thuận, biên bản hợp tác"); a year's or a quarter's report counts what was signed."""
    return len(report.period.years) > 1


# The fields of part I of a báo cáo công tác đối ngoại each sentence of the prose belongs to.
COOPERATION, EXCHANGES, PEOPLE, CONSULAR, BORDER, ECONOMY, NOTE = (
    "cooperation", "exchanges", "people", "consular", "border", "economy", "note")


# The lettered fields of part I's "by field" section each clause belongs to (a clause is
# written once, here; ``reports.pillars`` arranges them under their headings).
(LOCALITIES, NGO_AID, ODA, FDI, DELEGATIONS, CONFERENCES, BORDER_WORK, CONSULAR_WORK,
 INFORMATION, FRIENDSHIP, CONTEXT) = (
    "localities", "ngo", "oda", "fdi", "delegations", "conferences", "border_work",
    "consular_work", "information", "friendship", "context")


@dataclass
class Part:
    """A clause of a sentence and the field it tells of. ``glue`` joins it to the clause
    before it in the running prose ("… viện trợ phi chính phủ nước ngoài và 3 chương trình
    ODA"); ``alone`` is how it reads when its field is told on its own."""

    field: str
    text: str
    glue: str | None = None
    alone: str | None = None


@dataclass
class Sentence:
    """A sentence of the running prose: its lead ("Năm 2023, tỉnh Hà Giang đã "), its
    clauses, and the lead each field's sentence takes when told alone ("Năm 2023, tỉnh đã ")."""

    topic: str
    lead: str
    parts: list[Part]
    alone_lead: str | None = None
    joiner: str = "; "

    @property
    def text(self) -> str:
        clauses: list[str] = []
        for part in self.parts:
            if part.glue and clauses:
                clauses[-1] += part.glue + part.text
            else:
                clauses.append(part.alone or part.text)
        return self.lead + self.joiner.join(clauses) + "."

    def told_alone(self, field: str) -> str | None:
        clauses = [part.alone or part.text for part in self.parts if part.field == field]
        if not clauses:
            return None
        return (self.alone_lead if self.alone_lead is not None else self.lead) + \
            self.joiner.join(clauses) + "."

    @property
    def fields(self) -> list[str]:
        return list(dict.fromkeys(part.field for part in self.parts))


def write(report, lang: str = "vi") -> str:
    return " ".join(text for _topic, text in topics(report, lang))


def by_field(report, lang: str = "vi") -> list[tuple[str, str]]:
    """The prose told field by field: (field, sentence) pairs, each field's clauses in one
    sentence of their own ("Năm 2023, tỉnh đã tiếp nhận 3 chương trình, dự án ODA …"), the
    notes under ``NOTE``. Same clauses, same words as ``topics``."""
    found = []
    for sentence in _sentences(report, lang):
        if sentence.topic == NOTE:
            found.append((NOTE, sentence.text))
            continue
        for name in sentence.fields:
            found.append((name, sentence.told_alone(name)))
    if not any(name != NOTE for name, _text in found):
        found.insert(0, (NOTE, _nothing(report, lang)))
    return found


def _sentences(report, lang: str) -> list[Sentence]:
    return (_vietnamese if lang == "vi" else _english)(report)


def topics(report, lang: str = "vi") -> list[tuple[str, str]]:
    """The prose as (field, sentence) pairs, in the order it is read. A period without any
    printed figure gives one sentence saying so (never "Năm 2017, tỉnh Tuyên Quang:")."""
    found = [(sentence.topic, sentence.text) for sentence in _sentences(report, lang)]
    if not any(topic != NOTE for topic, _text in found):
        found.insert(0, (NOTE, _nothing(report, lang)))
    return found


def _nothing(report, lang: str) -> str:
    subject, _short = _subject(report, lang)
    if lang == "vi":
        return (f"{_opening(report, 'vi')}, chưa có số liệu về công tác đối ngoại của "
                f"{subject}.")
    return (f"{_opening(report, 'en')}, no foreign affairs figures are available for "
            f"{subject}.")


def _after_reform(report) -> bool:
    """The period ends after the 2025 reform: no districts, no "thị trấn" any more."""
    return reformed(report.period.end)


# The words of a report for a period ending after the 2025 reform, by the words of before:
# the districts are gone and the communes and wards (cấp xã) are the level below the
# province; the pacts of the abolished districts and communes are counted in the communes
# and wards that took them over (``computations._successor_communes``).
REFORMED_NAMES = {
    "vi": {
        "xã, thị trấn biên giới": "xã, phường biên giới",
        "cặp huyện, thành phố": ("xã, phường tiếp nối quan hệ kết nghĩa hữu nghị do các địa "
                                 "phương cũ ký kết trước ngày 01/07/2025"),
        "Số xã, thị trấn biên giới ký kết hữu nghị với phía đối đẳng":
            "Số xã, phường biên giới ký kết hữu nghị với phía đối đẳng",
        "Số cặp huyện, thành phố kết nghĩa hữu nghị":
            "Số xã, phường kế thừa quan hệ kết nghĩa hữu nghị trước ngày 01/07/2025",
    },
    "en": {
        "border communes and towns": "border communes and wards",
        "district and city pairs": ("communes and wards carried on the twinning pacts the "
                                    "former localities signed before 1 July 2025"),
        "Border communes / towns with friendship pacts with their counterparts":
            "Border communes / wards with friendship pacts with their counterparts",
        "Twinned district / city pairs":
            "Communes / wards carrying on the twinning pacts of before 1 July 2025",
    },
}


def words(report, text: str, lang: str = "vi") -> str:
    """``text`` in the words of the report's period: after the reform, today's."""
    if not _after_reform(report):
        return text
    return REFORMED_NAMES[lang].get(text, text)


def reword_indicators(report) -> None:
    """Give the lines of a report after the reform the indicators' names of today (the
    annex's rows) and their source notes: a copy of the indicator, the catalogue left as it
    is."""
    if not _after_reform(report):
        return
    for line in report.lines:
        line.reformed = True
        for _unit, part in line.parts:
            part.reformed = True
        name_vi = REFORMED_NAMES["vi"].get(line.indicator.name_vi)
        name_en = REFORMED_NAMES["en"].get(line.indicator.name_en)
        if name_vi or name_en:
            line.indicator = copy.copy(line.indicator)
            line.indicator.name_vi = name_vi or line.indicator.name_vi
            line.indicator.name_en = name_en or line.indicator.name_en


def _vietnamese(report) -> list[Sentence]:
    f = _Figures(report, "vi")
    subject, short = _subject(report, "vi")
    opening = _opening(report, "vi")
    alone = f"{opening}, {short.lower()} đã "
    sentences: list[Sentence] = []

    parts = []
    if f("agreements.signed") and _term(report):
        parts.append(Part(LOCALITIES, f"ký kết và triển khai {f('agreements.signed')} thỏa "
                          "thuận, biên bản hợp tác"))
    elif f("agreements.signed"):
        parts.append(Part(LOCALITIES, f"ký kết {f('agreements.signed')} thỏa thuận, biên bản "
                          "hợp tác quốc tế"))
    if f("agreements.implementing"):
        parts.append(Part(LOCALITIES, f"tiếp tục triển khai {f('agreements.implementing')} "
                          "thỏa thuận hợp tác quốc tế"))
    if f("ngo.organisations"):
        parts.append(Part(NGO_AID, f"vận động thu hút {f('ngo.organisations')} tổ chức phi "
                          "chính phủ nước ngoài"))
    tie = tied_to(report, "ngo.amount_committed", ["ngo.projects", "ngo.projects_signed"])
    committed_said = not f("ngo.amount_committed")
    aid = ""
    if f("ngo.projects"):
        aid = (f"tiếp nhận và triển khai {f('ngo.projects')} chương trình, dự án viện trợ phi "
               "chính phủ nước ngoài")
        if f("ngo.amount_disbursed"):
            aid += f" với kinh phí đã thực hiện {f('ngo.amount_disbursed')}"
        elif f("ngo.amount_total"):
            aid += f" với tổng giá trị {f('ngo.amount_total')}"
        elif not committed_said and tie == "ngo.projects":
            aid += f" với kinh phí cam kết {f('ngo.amount_committed')}"
            committed_said = True
        parts.append(Part(NGO_AID, aid))
    if f("oda.projects"):
        oda = f"{f('oda.projects')} chương trình, dự án viện trợ phát triển chính thức (ODA)"
        if f("oda.amount"):
            oda += f" với tổng vốn {f('oda.amount')}"
        parts.append(Part(ODA, oda, glue=" và " if aid else None, alone=f"tiếp nhận {oda}"))
    if f("ngo.projects_signed"):
        signed = (f"ký kết mới {f('ngo.projects_signed')} chương trình, dự án viện trợ phi "
                  "chính phủ nước ngoài")
        if not committed_said and tie == "ngo.projects_signed":
            signed += f" với kinh phí cam kết {f('ngo.amount_committed')}"
            committed_said = True
        parts.append(Part(NGO_AID, signed))
    if not committed_said:
        parts.append(Part(NGO_AID, "tổng kinh phí cam kết tài trợ phi chính phủ nước ngoài "
                          f"trong kỳ đạt {f('ngo.amount_committed')}"))
    if f("fdi.projects"):
        fdi = f"có {f('fdi.projects')} dự án đầu tư trực tiếp nước ngoài (FDI) còn hiệu lực"
        if f("fdi.capital"):
            fdi += f" với tổng vốn đầu tư đăng ký {f('fdi.capital')}"
        parts.append(Part(FDI, fdi))
    if parts:
        sentences.append(Sentence(COOPERATION, f"{opening}, {subject} đã ", parts, alone))

    parts = []
    if f("conferences.organised"):
        parts.append(Part(CONFERENCES, f"tổ chức {f('conferences.organised')} hội nghị, hội "
                          "thảo quốc tế"))
    if f("conferences.attended"):
        parts.append(Part(CONFERENCES, f"tham dự {f('conferences.attended')} hội nghị, hội "
                          "thảo quốc tế trong và ngoài nước"))
    if f("delegations.outgoing"):
        persons = (f"/{f('delegations.outgoing_persons')} lượt"
                   if f("delegations.outgoing_persons") else "")
        parts.append(Part(DELEGATIONS, f"cho phép {f('delegations.outgoing')} đoàn{persons} "
                          "cán bộ đi làm việc, học tập và khảo sát tại nước ngoài"))
    if f("delegations.incoming"):
        persons = (f"/{f('delegations.incoming_persons')} lượt"
                   if f("delegations.incoming_persons") else "")
        parts.append(Part(DELEGATIONS, f"đón tiếp {f('delegations.incoming')} đoàn{persons} "
                          "người nước ngoài đến thăm, làm việc chính thức tại tỉnh"))
    if parts:
        lead = (f"Ngoài ra, {short.lower()}" if sentences else f"{opening}, {subject}")
        sentences.append(Sentence(EXCHANGES, f"{lead} đã ", parts, alone))

    parts = []
    pacts = []
    if f("friendship.border_communes"):
        pacts.append(f"{f('friendship.border_communes')} "
                     f"{words(report, 'xã, thị trấn biên giới')}")
    if f("friendship.district_pairs") and not _after_reform(report):
        pacts.append(f"{f('friendship.district_pairs')} cặp huyện, thành phố")
    if pacts:
        parts.append(Part(BORDER_WORK, ", ".join(pacts) + " ký kết hợp tác hữu nghị với phía "
                          "đối đẳng"))
    if f("friendship.district_pairs") and _after_reform(report):
        # The districts are gone: their pacts live on in the communes that took them over.
        parts.append(Part(BORDER_WORK, f"{f('friendship.district_pairs')} "
                          f"{words(report, 'cặp huyện, thành phố')}"))
    if f("friendship.border_posts"):
        parts.append(Part(BORDER_WORK, f"{f('friendship.border_posts')} đồn biên phòng ký kết "
                          "nghĩa “Đồn – Trạm hữu nghị, biên giới bình yên”"))
    if f("friendship.village_pairs"):
        parts.append(Part(BORDER_WORK, f"{f('friendship.village_pairs')} cặp thôn, bản hai bên "
                          "biên giới kết nghĩa"))
    if f("partners.foreign_localities"):
        parts.append(Part(LOCALITIES, "quan hệ hợp tác, hữu nghị với "
                          f"{f('partners.foreign_localities')} địa phương nước ngoài"))
    if f("friendship.associations"):
        # A stock: the associations standing at the period's end, not founded in it.
        parts.append(Part(FRIENDSHIP, f"{f('friendship.associations')} hội hữu nghị đang hoạt "
                          "động"))
    if parts:
        sentences.append(Sentence(PEOPLE, "Công tác đối ngoại nhân dân được tăng cường, có ",
                                  parts, f"{short} có "))

    sentences += _vietnamese_office_work(f)

    parts = []
    if f("economy.grdp_growth"):
        parts.append(Part(CONTEXT, f"tốc độ tăng trưởng kinh tế đạt {f('economy.grdp_growth')}"))
    if f("economy.grdp_per_capita"):
        parts.append(Part(CONTEXT, "GRDP bình quân đầu người đạt "
                          f"{f('economy.grdp_per_capita')}/năm"))
    if f("tourism.visitors"):
        parts.append(Part(CONTEXT, f"lượng khách du lịch đạt {f('tourism.visitors')} lượt "
                          "khách"))
    if parts:
        sentences.append(Sentence(ECONOMY, "Về kinh tế - xã hội, ", parts))

    merged, silent = report.merged_units, report.silent_units
    if merged:
        text = f"Số liệu gồm cả số liệu của {_names_vi(report, merged)} trước khi hợp nhất"
        if silent:
            text += f"; chưa có số liệu của {_names_vi(report, silent)}"
        sentences.append(_note(text))
    elif silent:
        sentences.append(_note(f"Chưa có số liệu của {_names_vi(report, silent)}"))
    return sentences


def _note(text: str) -> Sentence:
    return Sentence(NOTE, "", [Part(NOTE, text)])


# The end of a sentence or clause ("2.689" is a number, not one).
SENTENCE_BREAK = re.compile(r"[.;](\s|$)|\n")


def tied_to(report, amount_code: str, count_codes: list[str]) -> str | None:
    """The count an amount was reported with: the printed, reported count of the same
    source whose quote ends nearest before the amount's, in the same sentence ("ký kết mới
    119 chương trình dự án với kinh phí cam kết là 22,3 triệu USD"). A computed amount, or
    one reported on its own, is tied to no count and is written in a clause of its own."""
    amount = _single_figure(report, amount_code)
    if amount is None or amount.source_id is None or amount.start is None:
        return None
    best, nearest = None, None
    for code in count_codes:
        count = _single_figure(report, code)
        if (count is None or count.source_id != amount.source_id or count.end is None
                or count.end > amount.start):
            continue
        between = amount.source.text[count.end:amount.start] if amount.source.text else ""
        if SENTENCE_BREAK.search(between):
            continue
        if nearest is None or count.end > nearest:
            best, nearest = code, count.end
    return best


def _single_figure(report, code):
    line = report.line(code)
    if (line is None or line.basis != "reported" or line.combined is not None
            or len(line.reported.figures) != 1):
        return None
    return line.reported.figures[0]


def _join(names: list[str], word: str) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" {word} " + names[-1]


def _names_vi(report, units) -> str:
    """"tỉnh Hà Giang và tỉnh Tuyên Quang (cũ)": a predecessor of the same name as the
    province it merged into is the former one ("cũ")."""
    own = {fold_name(place.name) for place in report.places}
    names = [f"{(u.kind or 'tỉnh').lower()} {u.name}"
             + (" (cũ)" if fold_name(u.name) in own else "") for u in units]
    return _join(names, "và")


def _names_en(report, units) -> str:
    own = {fold_name(place.name) for place in report.places}
    names = [("the former " if fold_name(u.name) in own else "") + u.name for u in units]
    return _join(names, "and")


def fold_name(name: str) -> str:
    return name.casefold().strip()


def _english(report) -> list[Sentence]:
    f = _Figures(report, "en")
    subject, short = _subject(report, "en")
    opening = _opening(report, "en")
    alone = f"{opening}, {short[0].lower()}{short[1:]} "
    sentences: list[Sentence] = []

    parts = []
    if f("agreements.signed") and _term(report):
        parts.append(Part(LOCALITIES, f"signed and implemented {f('agreements.signed')} "
                          "cooperation agreements, memoranda and minutes"))
    elif f("agreements.signed"):
        parts.append(Part(LOCALITIES, f"signed {f('agreements.signed')} international "
                          "cooperation agreements, memoranda and minutes"))
    if f("agreements.implementing"):
        parts.append(Part(LOCALITIES, "continued to implement "
                          f"{f('agreements.implementing')} international agreements"))
    if f("ngo.organisations"):
        parts.append(Part(NGO_AID, f"attracted {f('ngo.organisations')} foreign "
                          "non-governmental organisations"))
    tie = tied_to(report, "ngo.amount_committed", ["ngo.projects", "ngo.projects_signed"])
    committed_said = not f("ngo.amount_committed")
    aid = ""
    if f("ngo.projects"):
        aid = (f"received and implemented {f('ngo.projects')} foreign NGO aid programmes and "
               "projects")
        if f("ngo.amount_disbursed"):
            aid += f", with {f('ngo.amount_disbursed')} spent"
        elif f("ngo.amount_total"):
            aid += f" worth {f('ngo.amount_total')} in total"
        elif not committed_said and tie == "ngo.projects":
            aid += f", with {f('ngo.amount_committed')} committed"
            committed_said = True
        parts.append(Part(NGO_AID, aid))
    if f("oda.projects"):
        oda = (f"{f('oda.projects')} official development assistance (ODA) programmes and "
               "projects")
        if f("oda.amount"):
            oda += f" worth {f('oda.amount')}"
        parts.append(Part(ODA, oda, glue=", and " if aid else None, alone=f"received {oda}"))
    if f("ngo.projects_signed"):
        signed = f"signed {f('ngo.projects_signed')} new foreign NGO aid programmes"
        if not committed_said and tie == "ngo.projects_signed":
            signed += f" with {f('ngo.amount_committed')} committed"
            committed_said = True
        parts.append(Part(NGO_AID, signed))
    if not committed_said:
        parts.append(Part(NGO_AID, "foreign NGO commitments in the period totalled "
                          f"{f('ngo.amount_committed')}"))
    if f("fdi.projects"):
        fdi = f"had {f('fdi.projects')} foreign direct investment (FDI) projects in force"
        if f("fdi.capital"):
            fdi += f" with {f('fdi.capital')} of registered capital"
        parts.append(Part(FDI, fdi))
    if parts:
        sentences.append(Sentence(COOPERATION, f"{opening}, {subject} ", parts, alone))

    parts = []
    if f("conferences.organised"):
        parts.append(Part(CONFERENCES, f"organised {f('conferences.organised')} international "
                          "conferences and seminars"))
    if f("conferences.attended"):
        parts.append(Part(CONFERENCES, f"attended {f('conferences.attended')} international "
                          "conferences and seminars at home and abroad"))
    if f("delegations.outgoing"):
        persons = (f" ({f('delegations.outgoing_persons')} person-trips)"
                   if f("delegations.outgoing_persons") else "")
        parts.append(Part(DELEGATIONS, f"sent {f('delegations.outgoing')} delegations of "
                          f"officials abroad{persons}"))
    if f("delegations.incoming"):
        persons = (f" ({f('delegations.incoming_persons')} visitors)"
                   if f("delegations.incoming_persons") else "")
        parts.append(Part(DELEGATIONS, f"received {f('delegations.incoming')} foreign "
                          f"delegations{persons}"))
    if parts:
        lead = f"{short} also" if sentences else f"{opening}, {subject}"
        sentences.append(Sentence(EXCHANGES, f"{lead} ", parts, alone))

    parts = []
    pacts = []
    if f("friendship.border_communes"):
        pacts.append(f"{f('friendship.border_communes')} "
                     f"{words(report, 'border communes and towns', 'en')}")
    if f("friendship.district_pairs") and not _after_reform(report):
        pacts.append(f"{f('friendship.district_pairs')} district and city pairs")
    if pacts:
        parts.append(Part(BORDER_WORK, " and ".join(pacts) + " had friendship pacts with their "
                          "counterparts"))
    if f("friendship.district_pairs") and _after_reform(report):
        parts.append(Part(BORDER_WORK, f"{f('friendship.district_pairs')} "
                          f"{words(report, 'district and city pairs', 'en')}"))
    if f("friendship.border_posts"):
        parts.append(Part(BORDER_WORK, f"{f('friendship.border_posts')} border posts were "
                          "twinned with the facing stations"))
    if f("friendship.village_pairs"):
        parts.append(Part(BORDER_WORK, f"{f('friendship.village_pairs')} village pairs across "
                          "the border were twinned"))
    if f("partners.foreign_localities"):
        parts.append(Part(LOCALITIES, "relations stood with "
                          f"{f('partners.foreign_localities')} foreign localities"))
    if f("friendship.associations"):
        parts.append(Part(FRIENDSHIP, f"{f('friendship.associations')} friendship "
                          "associations were active"))
    if parts:
        sentences.append(Sentence(PEOPLE, "People-to-people diplomacy was strengthened: ",
                                  parts, f"{opening}, "))

    sentences += _english_office_work(f)

    parts = []
    if f("economy.grdp_growth"):
        parts.append(Part(CONTEXT, f"the economy grew by {f('economy.grdp_growth')}"))
    if f("economy.grdp_per_capita"):
        parts.append(Part(CONTEXT, f"GRDP per capita reached {f('economy.grdp_per_capita')} a "
                          "year"))
    if f("tourism.visitors"):
        parts.append(Part(CONTEXT, f"the province received {f('tourism.visitors')} tourist "
                          "visits"))
    if parts:
        sentences.append(Sentence(ECONOMY, "In the economy, ", parts))

    merged, silent = report.merged_units, report.silent_units
    if merged:
        text = f"The figures include those of {_names_en(report, merged)} before the merger"
        if silent:
            text += f"; none were given for {_names_en(report, silent)}"
        sentences.append(_note(text))
    elif silent:
        sentences.append(_note(f"No figures were given for {_names_en(report, silent)}"))
    return sentences


def _vietnamese_office_work(f) -> list[Sentence]:
    """Consular work, foreigners and official passports; the border; foreign trade."""
    sentences = []
    parts = []
    if f("consular.cases"):
        cases = f"tiếp nhận {f('consular.cases')} vụ việc lãnh sự, bảo hộ công dân"
        if f("consular.cases_closed"):
            cases += f", giải quyết xong {f('consular.cases_closed')} vụ"
        parts.append(cases)
    elif f("consular.cases_closed"):
        parts.append(f"giải quyết xong {f('consular.cases_closed')} vụ việc lãnh sự, bảo hộ "
                       "công dân")
    if f("consular.persons"):
        parts.append(f"hỗ trợ, bảo hộ {f('consular.persons')} công dân")
    if f("passports.handed_out"):
        passports = (f"giao {f('passports.handed_out')} lượt hộ chiếu ngoại giao, công vụ cho "
                     "cán bộ đi công tác")
        if f("passports.overdue"):
            passports += f", {f('passports.overdue')} hộ chiếu chưa nộp lại đúng hạn"
        parts.append(passports)
    elif f("passports.overdue"):
        parts.append(f"{f('passports.overdue')} hộ chiếu ngoại giao, công vụ chưa nộp lại "
                       "đúng hạn")
    if f("foreigners.resident"):
        parts.append(f"trên địa bàn có {f('foreigners.resident')} người nước ngoài cư trú, "
                       "làm việc")
    if parts:
        sentences.append(Sentence(CONSULAR, "Về công tác lãnh sự, ",
                                  [Part(CONSULAR_WORK, text) for text in parts]))
    if f("border.incidents"):
        sentences.append(Sentence(BORDER, "Trên tuyến biên giới ", [Part(
            BORDER_WORK, f"xảy ra {f('border.incidents')} vụ việc, sự vụ")]))
    parts = []
    if f("trade.exports"):
        parts.append(f"kim ngạch xuất khẩu đạt {f('trade.exports')}")
    if f("trade.imports"):
        parts.append(f"kim ngạch nhập khẩu đạt {f('trade.imports')}")
    if parts:
        sentences.append(Sentence(ECONOMY, "Về kinh tế đối ngoại, ",
                                  [Part(FDI, text) for text in parts]))
    return sentences


def _en(text: str, one: str, many: str) -> str:
    """English agreement with a written figure: "1 case was", "2 cases were"."""
    return one if text == "1" else many


def _english_office_work(f) -> list[Sentence]:
    sentences = []
    parts = []
    if f("consular.cases"):
        cases = (f"{f('consular.cases')} consular and citizen-protection "
                 f"{_en(f('consular.cases'), 'case was', 'cases were')} opened")
        if f("consular.cases_closed"):
            cases += f" and {f('consular.cases_closed')} closed"
        parts.append(cases)
    elif f("consular.cases_closed"):
        parts.append(f"{f('consular.cases_closed')} consular and citizen-protection "
                       f"{_en(f('consular.cases_closed'), 'case was', 'cases were')} closed")
    if f("consular.persons"):
        parts.append(f"{f('consular.persons')} "
                       f"{_en(f('consular.persons'), 'citizen was', 'citizens were')} assisted")
    if f("passports.handed_out"):
        passports = (f"{f('passports.handed_out')} official and diplomatic "
                     f"{_en(f('passports.handed_out'), 'passport was', 'passports were')} "
                     "handed out for trips")
        if f("passports.overdue"):
            passports += f", {f('passports.overdue')} not returned on time"
        parts.append(passports)
    elif f("passports.overdue"):
        parts.append(f"{f('passports.overdue')} official and diplomatic "
                       f"{_en(f('passports.overdue'), 'passport was', 'passports were')} not "
                       "returned on time")
    if f("foreigners.resident"):
        parts.append(f"{f('foreigners.resident')} "
                       f"{_en(f('foreigners.resident'), 'foreigner was', 'foreigners were')} "
                       "residing or working in the province")
    if parts:
        sentences.append(Sentence(CONSULAR, "In consular work, ",
                                  [Part(CONSULAR_WORK, text) for text in parts]))
    if f("border.incidents"):
        sentences.append(Sentence(BORDER, "", [Part(
            BORDER_WORK, f"{f('border.incidents')} "
            f"{_en(f('border.incidents'), 'incident', 'incidents')} occurred on the border")]))
    parts = []
    if f("trade.exports"):
        parts.append(f"exports reached {f('trade.exports')}")
    if f("trade.imports"):
        parts.append(f"imports {f('trade.imports')}")
    if parts:
        sentences.append(Sentence(ECONOMY, "In foreign trade, ",
                                  [Part(FDI, text) for text in parts], joiner=" and "))
    return sentences

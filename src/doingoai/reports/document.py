"""The report as a document the office issues: who issues it (``issuer_for``) and its
structure (``outline``), shared by the DOCX and the PDF.

A báo cáo công tác đối ngoại reads: I. the situation and results, field by field (the
figures part, generated from the printed figures, with the foreign localities, the main
agreements and the donors named from the registers); II. the assessment (strengths,
shortcomings, causes), III. directions and tasks, IV. proposals, written by the specialist;
then the annex of tables (phụ lục). Until the specialist's text is given, the draft says
where it goes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q

from doingoai.core.models import AdminUnit
from doingoai.reports import prose


@dataclass
class Issuer:
    """The header and signature of the document: "UBND TỈNH TUYÊN QUANG / SỞ NGOẠI VỤ",
    "Số: …/BC-SNV", the place of the date line, and "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"."""

    province: AdminUnit
    parent: str
    body: str
    symbol: str
    place_name: str
    authority: str = ""
    signer_title: str = ""
    signer_name: str = ""

    @property
    def author(self) -> str:
        return f"{self.body} {self.parent}".strip()


WORDS = {
    "vi": {"parent": "UBND {kind} {name}", "body": "SỞ NGOẠI VỤ", "signer": "GIÁM ĐỐC"},
    "en": {"parent": "{name} PEOPLE'S COMMITTEE", "body": "DEPARTMENT OF FOREIGN AFFAIRS",
           "signer": "DIRECTOR"},
}


def standing_province(place: AdminUnit, on: dt.date) -> AdminUnit:
    """The province in force on ``on``: a document dated after 30/06/2025 is never headed by
    a province abolished then (Hà Giang's report of 2023, issued today, is Tuyên Quang's)."""
    seen = set()
    while place.valid_to is not None and place.valid_to < on and place.successor_id \
            and place.pk not in seen:
        seen.add(place.pk)
        place = place.successor
    return place


def issuer_for(place: AdminUnit, on: dt.date, lang: str = "vi") -> Issuer:
    """Who issues the report of ``place`` dated ``on``: the foreign-affairs office of the
    province in force on that date, as the organisations register has it then (its name of
    that day, its parent body, its symbol, its signer); a province whose register has no
    office yet falls back to "SỞ NGOẠI VỤ", "BC-SNV", signed by its director ("UBND" is the
    abbreviation Decree 30/2020 allows in the parent's name)."""
    from doingoai.organisations.models import Organisation

    province = standing_province(place, on)
    words = WORDS[lang]
    kind = (province.kind or "tỉnh").upper() if lang == "vi" else ""
    parent = words["parent"].format(kind=kind, name=province.name.upper()).strip()
    office = (Organisation.objects.filter(owner=province, kind=Organisation.Kind.OFFICE)
              .in_force(on).select_related("parent").prefetch_related("names")
              .order_by("pk").first())
    if office is None:
        return Issuer(province=province, parent=parent, body=words["body"], symbol="BC-SNV",
                      place_name=province.name, signer_title=words["signer"])
    body = words["body"]
    if lang == "vi":
        # "Sở Ngoại vụ tỉnh Tuyên Quang" is headed "SỞ NGOẠI VỤ" under "UBND TỈNH TUYÊN QUANG".
        name = office.short_name or office.name_on(on)
        suffix = f" {province.kind or 'tỉnh'} {province.name}"
        if name.lower().endswith(suffix.lower()):
            name = name[: -len(suffix)]
        body = name.upper()
        if office.parent_id and office.parent.in_force_on(on):
            parent = office.parent.name_on(on).upper()
    return Issuer(
        province=province, parent=parent, body=body,
        symbol=f"BC-{office.symbol}" if office.symbol else "BC-SNV",
        place_name=province.name,
        signer_title=(office.signer_title.upper() if lang == "vi" and office.signer_title
                      else words["signer"]),
        signer_name=office.signer_name)


# --- the outline ------------------------------------------------------------------------
@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    written: bool = False  # the specialist writes it; the draft says so
    level: int = 1


HEADINGS = {
    "vi": {
        "results": "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN CÔNG TÁC ĐỐI NGOẠI",
        prose.COOPERATION: "Hợp tác quốc tế, ngoại giao kinh tế",
        prose.EXCHANGES: "Đoàn ra, đoàn vào và hội nghị, hội thảo quốc tế",
        prose.PEOPLE: "Đối ngoại nhân dân và công tác biên giới",
        prose.CONSULAR: "Công tác lãnh sự, bảo hộ công dân, người nước ngoài",
        prose.ECONOMY: "Kinh tế đối ngoại và kinh tế - xã hội",
        "assessment": "II. ĐÁNH GIÁ CHUNG",
        "strengths": "1. Ưu điểm", "weaknesses": "2. Tồn tại, hạn chế",
        "causes": "3. Nguyên nhân",
        "tasks": "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "proposals": "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        "to_write": "[Phần này do chuyên viên soạn thảo trước khi trình lãnh đạo.]",
        "localities": "Các địa phương nước ngoài có quan hệ hợp tác, hữu nghị: {names}",
        "agreements": "Các thỏa thuận chủ yếu được ký kết trong kỳ: {names}",
        "donors": "Các nhà tài trợ chính: {names}",
    },
    "en": {
        "results": "I. SITUATION AND RESULTS OF FOREIGN AFFAIRS WORK",
        prose.COOPERATION: "International cooperation and economic diplomacy",
        prose.EXCHANGES: "Delegations and international conferences",
        prose.PEOPLE: "People-to-people diplomacy and the border",
        prose.CONSULAR: "Consular work, citizen protection and foreigners",
        prose.ECONOMY: "External economy and socio-economic context",
        "assessment": "II. ASSESSMENT",
        "strengths": "1. Strengths", "weaknesses": "2. Shortcomings",
        "causes": "3. Causes",
        "tasks": "III. DIRECTIONS AND TASKS",
        "proposals": "IV. PROPOSALS",
        "to_write": "[This part is written by the specialist before it goes to the leader.]",
        "localities": "Foreign localities with cooperation or friendship relations: {names}",
        "agreements": "Main agreements signed in the period: {names}",
        "donors": "Main donors: {names}",
    },
}
FIELDS = [prose.COOPERATION, prose.EXCHANGES, prose.PEOPLE, prose.CONSULAR, prose.ECONOMY]
NAMED = 6  # names listed at most, the rest summed up as "…"


def outline(report, lang: str = "vi", written: dict[str, str] | None = None) -> list[Section]:
    """The sections of the report in order. ``written`` holds the specialist's text of the
    parts II–IV by key (strengths, weaknesses, causes, tasks, proposals)."""
    words = HEADINGS[lang]
    written = written or {}
    by_field: dict[str, list[str]] = {}
    notes = []
    for topic, text in prose.topics(report, lang):
        if topic == prose.BORDER:
            topic = prose.PEOPLE
        if topic == prose.NOTE:
            notes.append(text)
        else:
            # A field of its own is not "in addition" to the one before it.
            text = _standalone(text)
            by_field.setdefault(topic, []).append(text)
    named = register_names(report, lang)
    if named:
        by_field.setdefault(prose.COOPERATION, []).extend(named)
    sections = [Section(words["results"], notes)]
    number = 0
    for topic in FIELDS:
        if topic in by_field:
            number += 1
            sections.append(Section(f"{number}. {words[topic]}", by_field[topic], level=2))
    sections.append(Section(words["assessment"]))
    for key in ("strengths", "weaknesses", "causes"):
        sections.append(_written(words, key, written, level=2))
    sections.append(_written(words, "tasks", written))
    sections.append(_written(words, "proposals", written))
    return sections


def _standalone(text: str) -> str:
    for lead in ("Ngoài ra, ",):
        if text.startswith(lead):
            rest = text[len(lead):]
            return rest[0].upper() + rest[1:]
    if text.startswith(("The province also ", "The provinces also ")):
        return text.replace(" also ", " ", 1)
    return text


def _written(words, key, written, level=1) -> Section:
    text = (written.get(key) or "").strip()
    if text:
        return Section(words[key], [p.strip() for p in text.splitlines() if p.strip()],
                       written=True, level=level)
    return Section(words[key], [words["to_write"]], written=False, level=level)


def _list(names: list[str]) -> str:
    """"A; B; C." or, beyond ``NAMED`` names, "A; B; …" (no full stop after the ellipsis)."""
    shown = names[:NAMED]
    return "; ".join(shown) + ("; …" if len(names) > NAMED else ".")


def register_names(report, lang: str) -> list[str]:
    """Sentences naming, from the registers, the foreign localities the province has
    relations with at the period's end, the agreements signed in it and the main donors."""
    from doingoai.partners.models import Partner, PartnerRelation
    from doingoai.reports import computations

    words = HEADINGS[lang]
    ids = sorted({u.pk for u in report.units})
    end, start = report.period.end, report.period.start
    english = lang == "en"
    found = []
    standing = PartnerRelation.objects.filter(
        kind__in=[PartnerRelation.Kind.FRIENDSHIP, PartnerRelation.Kind.COOPERATION],
    ).filter(Q(started_on__isnull=True) | Q(started_on__lte=end)).filter(
        Q(ended_on__isnull=True) | Q(ended_on__gte=end))
    localities = (Partner.objects.filter(owner_id__in=ids, kind=Partner.Kind.FOREIGN_LOCALITY,
                                         relations__in=standing)
                  .select_related("country").distinct())
    names = []
    for partner in localities:
        name = (partner.name_en if english else partner.name_vi) or partner.name_vi
        country = ""
        if partner.country_id:
            country = partner.country.name_en if english else partner.country.name_vi
        names.append(f"{name} ({country})" if country else name)
    if names:
        found.append(words["localities"].format(names=_list(sorted(names))))
    agreements = [a.title for a in computations.agreements_signed(ids, start, end)
                  .order_by("signed_on", "pk")]
    if agreements:
        found.append(words["agreements"].format(names=_list(agreements)))
    donors = [row["name"] for row in report.breakdowns.get("aid_by_donor", [])]
    if donors:
        found.append(words["donors"].format(names=_list(donors)))
    return found

"""The report as a document the office issues: who issues it (``issuer_for``) and its
structure (``outline``), shared by the DOCX and the PDF.

A báo cáo công tác đối ngoại reads: I. the situation and results, by pillar then by field (the
figures part, generated from the printed figures, with the foreign localities, the main
agreements and the donors named from the registers); II. the assessment (strengths,
shortcomings, causes), III. directions and tasks, IV. proposals, written by the specialist;
then the annex of tables (phụ lục). Until the specialist's text is given, the draft says
where it goes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from doingoai.core.models import AdminUnit
from doingoai.reports import pillars, plan


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
    full_name: str = ""  # in running text: "Sở Ngoại vụ tỉnh Tuyên Quang"

    @property
    def author(self) -> str:
        return f"{self.body} {self.parent}".strip()

    @property
    def in_text(self) -> str:
        """The issuer named in a sentence ("… của Sở Ngoại vụ tỉnh Tuyên Quang"), not the
        heading's capitals lowered ("Sở ngoại vụ")."""
        if self.full_name:
            return self.full_name
        if self.body.isupper():
            kind = (self.province.kind or "tỉnh").lower()
            return f"{self.body.capitalize()} {kind} {self.place_name}"
        return self.body


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
                      place_name=province.name, signer_title=words["signer"],
                      full_name=(f"Sở Ngoại vụ {kind.lower()} {province.name}"
                                 if lang == "vi" else ""))
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
        signer_name=office.signer_name,
        full_name=office.name_on(on) if lang == "vi" else "")


# --- the outline ------------------------------------------------------------------------
@dataclass
class Section:
    heading: str
    paragraphs: list[str] = field(default_factory=list)
    written: bool = False  # the specialist writes it; the draft says so
    level: int = 1
    # A small table after the paragraphs (the plan's implementation): its first row is the
    # header; cells are text or whole numbers.
    table: list[list] = field(default_factory=list)


HEADINGS = {
    "vi": {
        "results": "I. TÌNH HÌNH, KẾT QUẢ THỰC HIỆN CÔNG TÁC ĐỐI NGOẠI",
        "assessment": "II. ĐÁNH GIÁ CHUNG",
        "strengths": "1. Ưu điểm", "weaknesses": "2. Tồn tại, hạn chế",
        "causes": "3. Nguyên nhân",
        "tasks": "III. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI",
        "proposals": "IV. KIẾN NGHỊ, ĐỀ XUẤT",
        "to_write": "[Phần này do chuyên viên soạn thảo trước khi trình lãnh đạo.]",
    },
    "en": {
        "results": "I. SITUATION AND RESULTS OF FOREIGN AFFAIRS WORK",
        "assessment": "II. ASSESSMENT",
        "strengths": "1. Strengths", "weaknesses": "2. Shortcomings",
        "causes": "3. Causes",
        "tasks": "III. DIRECTIONS AND TASKS",
        "proposals": "IV. PROPOSALS",
        "to_write": "[This part is written by the specialist before it goes to the leader.]",
    },
}
# Kept for callers of the earlier outline: the names now come from ``reports.pillars``.
register_names = pillars.register_names


def outline(report, lang: str = "vi", written: dict[str, str] | None = None) -> list[Section]:
    """The sections of the report in order: part I by pillar then by field (level 2 for
    "1. Đối ngoại Đảng", level 3 for "a) Hợp tác với các địa phương nước ngoài"), then the
    parts II–IV. ``written`` holds the specialist's text of the parts II–IV by key
    (strengths, weaknesses, causes, tasks, proposals)."""
    words = HEADINGS[lang]
    written = written or {}
    opening, parts = pillars.results(report, lang)
    sections = [Section(words["results"], opening)]
    for part in parts:
        sections.append(Section(part.heading, part.paragraphs, level=2))
        for heading, paragraphs in part.subsections:
            sections.append(Section(heading, paragraphs, level=3))
    # The plan's implementation closes part I, numbered after its parts (a year's report).
    for n, (heading, paragraphs, table) in enumerate(plan.sections(report, lang),
                                                     start=len(parts) + 1):
        sections.append(Section(f"{n}. {heading}", paragraphs, level=2, table=table))
    sections.append(Section(words["assessment"]))
    for key in ("strengths", "weaknesses", "causes"):
        sections.append(_written(words, key, written, level=2))
    sections.append(_written(words, "tasks", written))
    sections.append(_written(words, "proposals", written))
    return sections


def _written(words, key, written, level=1) -> Section:
    text = (written.get(key) or "").strip()
    if text:
        return Section(words[key], [p.strip() for p in text.splitlines() if p.strip()],
                       written=True, level=level)
    return Section(words[key], [words["to_write"]], written=False, level=level)

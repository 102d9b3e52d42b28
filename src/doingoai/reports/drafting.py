"""The narrow seam between the generated report and the stored document: a draft's text is
taken once from ``reports.document.outline`` (part I, the figures part) and the annex rows
from ``exports.tables.document_rows``; from then on the document's exports print what its
version stores, not what the report would generate today.

A section is stored as ``{"slug", "level", "heading", "paragraphs", "written"}``: ``slug``
is stable across versions (the key of its heading in ``document.HEADINGS``: "results",
"cooperation"…, "strengths", "tasks"), so the edit form and the diff find a section again
whatever its number or heading."""

from __future__ import annotations

import re

from django.utils import timezone
from django.utils.text import slugify

from doingoai.core.models import AdminUnit
from doingoai.lib.text import fold
from doingoai.reports import document
from doingoai.reports.document import Issuer, Section, issuer_for

# The parts II–IV the specialist writes: (slug, level); "assessment" is a heading only.
WRITTEN = (("assessment", 1), ("strengths", 2), ("weaknesses", 2), ("causes", 2),
           ("tasks", 1), ("proposals", 1))
HEADING_ONLY = {"assessment"}
NUMBERED = re.compile(r"^\d+\.\s*")


def slug_of(heading: str, lang: str) -> str:
    bare = NUMBERED.sub("", heading)
    for key, text in document.HEADINGS[lang].items():
        if text in (heading, bare):
            return str(key)
    return slugify(fold(bare)) or "section"


def generated_sections(report, lang: str) -> list[dict]:
    """Part I of ``report`` as stored sections: every section ``outline`` gives before the
    assessment, with its paragraphs as generated today."""
    stop = document.HEADINGS[lang]["assessment"]
    sections, seen = [], set()
    for section in document.outline(report, lang):
        if section.heading == stop:
            break
        slug = slug_of(section.heading, lang)
        while slug in seen:
            slug += "-1"
        seen.add(slug)
        sections.append({"slug": slug, "level": section.level, "heading": section.heading,
                         "paragraphs": list(section.paragraphs), "written": False,
                         **({"table": section.table} if section.table else {})})
    return sections


def written_sections(lang: str, texts: dict[str, str] | None = None) -> list[dict]:
    words, texts = document.HEADINGS[lang], texts or {}
    return [{"slug": slug, "level": level, "heading": words[slug],
             "paragraphs": paragraphs(texts.get(slug, "")), "written": slug not in HEADING_ONLY}
            for slug, level in WRITTEN]


def annex_rows(report, lang: str) -> list[dict]:
    from doingoai.reports.exports.tables import document_rows

    return [{"name": row["name"], "printed_text": row["printed_text"],
             "basis_name": str(row["basis_name"])} for row in document_rows(report, lang)]


def paragraphs(text: str) -> list[str]:
    """A textarea's text as paragraphs: one per non-empty line."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def edited(sections: list[dict], texts: dict[str, str]) -> list[dict]:
    """``sections`` with the paragraphs of each slug in ``texts`` replaced."""
    return [{**section, "paragraphs": paragraphs(texts[section["slug"]])}
            if section["slug"] in texts and section["slug"] not in HEADING_ONLY else section
            for section in sections]


def editable(sections: list[dict]) -> list[dict]:
    return [s for s in sections if s["slug"] not in HEADING_ONLY]


def as_outline(sections: list[dict], lang: str) -> list[Section]:
    """Stored sections as ``document.Section``s for the exporters; a written part left empty
    says where the specialist's text goes, as a generated draft does."""
    to_write = document.HEADINGS[lang]["to_write"]
    out = []
    for s in sections:
        texts = list(s.get("paragraphs") or [])
        written = bool(s.get("written")) and bool(texts)
        if s.get("written") and not texts:
            texts = [to_write]
        out.append(Section(s["heading"], texts, written=written, level=s.get("level", 1),
                           table=s.get("table") or []))
    return out


# --- the issuer, as it was on the day of issue ----------------------------------------
ISSUER_FIELDS = ("parent", "body", "symbol", "place_name", "authority", "signer_title",
                 "signer_name", "full_name")


def issuer_snapshot(issuer: Issuer) -> dict:
    return {"province": issuer.province.pk, **{f: getattr(issuer, f) for f in ISSUER_FIELDS}}


def issuer_of(doc) -> Issuer:
    """The issued document's issuer as it was stored; a draft's, as it would be today."""
    if doc.issuer:
        data = dict(doc.issuer)
        province = AdminUnit.objects.get(pk=data.pop("province"))
        return Issuer(province=province, **{f: data.get(f, "") for f in ISSUER_FIELDS})
    return issuer_for(doc.place, timezone.localdate(), doc.language)


# --- a new draft, and a stored version's files -----------------------------------------
def title_of(report, lang: str) -> str:
    from doingoai.reports.exports.word import WORDS, subtitle

    text = subtitle(report, issuer_for(report.places[0], timezone.localdate(), lang), lang)
    return f"{WORDS[lang]['title'].capitalize()} {text[0].lower()}{text[1:]}"


def create_draft(place: AdminUnit, period, user, lang: str = "vi"):
    """A new draft of ``place``'s report for ``period``: the figures part generated from
    the report as it stands, the written parts empty (version 1)."""
    from django.db import transaction

    from doingoai.reports.models import ReportDocument, ReportVersion
    from doingoai.reports.report import build_report

    report = build_report([place], period, user=user)
    with transaction.atomic():
        doc = ReportDocument(owner=place, place=place, period=period.label, language=lang,
                             title=title_of(report, lang)[:300], created_by=user)
        doc._history_user = user
        doc.save()
        ReportVersion.objects.create(
            document=doc, n=1, author=user,
            sections=generated_sections(report, lang) + written_sections(lang),
            annex=annex_rows(report, lang))
    return doc


def render_version(doc, version, fmt: str) -> bytes:
    """The DOCX, PDF or XLSX of ``version``: its stored text and annex table, the number,
    date and issuer of issue (a draft: "DỰ THẢO", the number blank, today's date and
    issuer). The XLSX sheets and the charts are those of the report for its place and
    period."""
    from django.utils import translation

    from doingoai.lib.periods import parse_period
    from doingoai.reports.exports import render
    from doingoai.reports.report import build_report

    lang = doc.language
    report = build_report([doc.place], parse_period(doc.period))
    options = {}
    if fmt in ("docx", "pdf"):
        options = {"issued_on": doc.issued_on or timezone.localdate(), "issuer": issuer_of(doc),
                   "sections": as_outline(version.sections, lang),
                   "annex_rows": version.annex, "number": doc.number,
                   "draft": not doc.issued}
    with translation.override(lang):
        return render(report, fmt, lang, **options)


def file_name(doc, version, fmt: str) -> str:
    place = fold(doc.place.name).replace(" ", "-")
    number = f"so-{doc.number:02d}-" if doc.number else "du-thao-"
    return f"bao-cao-{number}{place}-{doc.period.replace('/', '_')}-v{version.n}.{fmt}"

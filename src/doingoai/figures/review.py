"""From a document to reviewed figures: store the document once, let the extractor read it,
and turn the figures a person accepts into reported figures with their quote."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from doingoai.core.models import AdminUnit
from doingoai.figures.models import Candidate, Indicator, ReportedFigure, SourceDocument
from doingoai.lib.text import fold, nfc


class UnreadableDocument(ValueError):
    pass


def text_of_upload(name: str, data: bytes) -> str:
    """The text of an uploaded .txt, .html, .docx or .pdf file."""
    from doingoai.figures.extraction.readers import DocumentError, read_bytes

    try:
        return read_bytes(name, data)
    except DocumentError as exc:
        reason = exc.vi if get_language() == "vi" else exc.en
        raise UnreadableDocument(
            _("The file %(name)s could not be read as text (%(reason)s).")
            % {"name": name, "reason": reason}
        ) from exc


def run_extractor(document: SourceDocument) -> list[Candidate]:
    """Read ``document`` and keep every figure found as a candidate for review."""
    from doingoai.figures.extraction import extract

    known = set(Indicator.objects.values_list("code", flat=True))
    found = extract(
        document.text, doc=document.file_name or document.title, published=document.published_on
    )
    candidates = []
    for item in found:
        if item.indicator not in known:
            continue
        equivalent_value, equivalent_unit = item.equivalent or (None, "")
        candidates.append(
            Candidate(
                source=document,
                indicator_id=item.indicator,
                value=item.value,
                unit=item.unit,
                of=item.of,
                qualifier=item.qualifier or "exact",
                period=item.period or "",
                place=item.place or "",
                equivalent_value=equivalent_value,
                equivalent_unit=equivalent_unit,
                start=item.start,
                end=item.end,
                text=item.text,
                why=[list(reason) for reason in item.why],
            )
        )
    return Candidate.objects.bulk_create(candidates)


@transaction.atomic
def add_document(
    *,
    owner,
    user,
    title,
    text,
    file=None,
    file_name="",
    url="",
    published_on: dt.date | None = None,
) -> tuple[SourceDocument, bool]:
    """Store a document and its candidate figures; the same text twice is the same document."""
    text = nfc(text)
    existing = SourceDocument.objects.filter(
        owner=owner, sha256=SourceDocument.digest(text)
    ).first()
    if existing is not None:
        return existing, False
    document = SourceDocument(
        owner=owner,
        created_by=user,
        title=title,
        text=text,
        file_name=file_name,
        url=url,
        published_on=published_on,
    )
    if file is not None:
        document.file = file
    document.save()
    run_extractor(document)
    return document, True


def place_for(candidate: Candidate, readable_ids) -> AdminUnit:
    """The province the figure belongs to: the one the text names, in force in the figure's
    period (a figure of 2022 about Hà Giang goes to Hà Giang, not to the Tuyên Quang of
    2025), resolved as the report resolves it (``reports.places.find_province``); the
    document's province when the text names none. A figure about a province the user may
    not record figures for is refused with a message, never saved under their own."""
    from doingoai.lib.periods import try_parse_period
    from doingoai.reports.places import PlaceNotFound, find_province

    owner = candidate.source.owner
    if not candidate.place:
        return owner
    try:
        unit = find_province(candidate.place, try_parse_period(candidate.period or ""))
    except PlaceNotFound:
        return owner  # not a province's name (a district, a foreign partner): the document's
    if readable_ids is not None and unit.pk not in readable_ids:
        raise ValidationError(_(
            "The text gives this figure for %(place)s, for which you may not record figures: "
            "it was not saved.") % {"place": unit.full_name})
    return unit


@transaction.atomic
def accept(candidate: Candidate, user, readable_ids, changes: dict | None = None):
    """Make ``candidate`` a reported figure, with the person's corrections applied."""
    for name, value in (changes or {}).items():
        setattr(candidate, name, value)
    source = candidate.source
    figure = candidate.figure or ReportedFigure(owner=source.owner, created_by=user)
    figure.indicator_id = candidate.indicator_id
    figure.place = place_for(candidate, readable_ids)
    figure.period = candidate.period
    figure.value = candidate.value
    figure.unit = candidate.unit
    figure.of = candidate.of
    figure.qualifier = candidate.qualifier
    figure.equivalent_value = candidate.equivalent_value
    figure.equivalent_unit = candidate.equivalent_unit
    figure.source = source
    figure.quote = source.text[candidate.start : candidate.end]
    figure.start = candidate.start
    figure.end = candidate.end
    figure.full_clean(exclude=["owner", "created_by"])
    figure.save()
    candidate.figure = figure
    candidate.status = Candidate.Status.ACCEPTED
    candidate.save()
    return figure


class AcceptAllRefused(Exception):
    """Accepting every pending figure stopped at these (candidate, reason) pairs; nothing was
    accepted."""

    def __init__(self, problems):
        super().__init__(problems)
        self.problems = problems


def accept_all(document: SourceDocument, user, readable_ids) -> int:
    """Accept every pending figure of ``document`` in one transaction: all of them, or none
    when one cannot be accepted as read (no period, say), with every such figure named, so
    that the person corrects them and tries again rather than finding half of them done."""
    problems = []
    with transaction.atomic():
        pending = list(
            document.candidates.select_for_update().filter(status=Candidate.Status.PENDING)
            .select_related("indicator").order_by("start", "pk")
        )
        for candidate in pending:
            try:
                # A savepoint per figure, so that the loop goes on to name every bad one.
                with transaction.atomic():
                    accept(candidate, user, readable_ids)
            except ValidationError as error:
                problems.append((candidate, reasons(error, ReportedFigure)))
        if problems:
            raise AcceptAllRefused(problems)  # leaving the block rolls every acceptance back
    return len(pending)


def reasons(error: ValidationError, model) -> str:
    """``Kỳ: Trường này không được để trống.``: each message after its field's label."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for name, messages in error.message_dict.items():
        try:
            label = str(model._meta.get_field(name).verbose_name)
        except Exception:
            label = ""
        text = " ".join(messages)
        parts.append(f"{label[:1].upper()}{label[1:]}: {text}" if label else text)
    return "; ".join(parts)


@transaction.atomic
def reject(candidate: Candidate):
    if candidate.figure is not None:
        candidate.figure.soft_delete()
    candidate.status = Candidate.Status.REJECTED
    candidate.save()


_ACRONYM = re.compile(r"\(([A-Z][A-Za-z]{1,9})\)|\b([A-Z]{2,8})\b")
# Upper-case words of Vietnamese reports that are not partners' acronyms.
_NOT_PARTNERS = {
    "BHG",
    "UBND",
    "HĐND",
    "KT",
    "XH",
    "QP",
    "AN",
    "TW",
    "CT",
    "NQ",
    "KH",
    "TU",
    "GRDP",
    "USD",
    "VND",
    "VNĐ",
    "NGO",
    "ODA",
    "FDI",
    "ĐBQH",
    "BTV",
    "BCH",
    "KCT",
    "APEC",
    "UNESCO",
    "HIV",
    "AIDS",
    "QĐ",
    "TTG",
    "NĐ",
    "CP",
    "XIII",
    "XIV",
    "XVI",
    "XVII",
    "II",
    "III",
    "IV",
}


def partners_named(document: SourceDocument, partners) -> tuple[list, list[str]]:
    """Partners of the register that the text names (by name, alias or acronym), and the
    acronyms the text uses that match no partner, to offer for creation."""
    folded = fold(document.text)
    known = []
    matched_names = set()
    for partner in partners:
        for name in partner.names():
            key = fold(name)
            if len(key) < 2:
                continue
            if re.search(rf"(?<!\w){re.escape(key)}(?!\w)", folded):
                known.append(partner)
                matched_names.update(fold(n) for n in partner.names())
                break
    unknown = []
    for match in _ACRONYM.finditer(document.text):
        word = match.group(1) or match.group(2)
        if word.upper() in _NOT_PARTNERS or fold(word) in matched_names or word in unknown:
            continue
        unknown.append(word)
    return known, unknown


def annotation_lines(document) -> str:
    """The document's reviewed figures as corpus annotation lines (``data/press/*.jsonl``).

    Accepted figures, with the office's corrections, are figures; rejected ones are not, and
    pending ones are not decided yet, so neither is written. One JSON object a line, in the
    exchange format (``data/figures-format.md``), offsets into the document's text.
    """
    import json

    from doingoai.lib.money import to_json_number

    doc = document.file_name or f"source-{document.pk}.txt"
    lines = []
    for c in document.candidates.filter(status="accepted").order_by("start", "pk"):
        equivalent = None
        if c.equivalent_value is not None and c.equivalent_unit:
            equivalent = {"value": to_json_number(c.equivalent_value), "unit": c.equivalent_unit}
        row = {
            "doc": doc,
            "indicator": c.indicator_id,
            "value": to_json_number(c.value),
            "unit": c.unit,
            "of": None if c.of is None else to_json_number(c.of),
            "qualifier": c.qualifier,
            "period": c.period or None,
            "place": c.place or None,
            "equivalent": equivalent,
            "start": c.start,
            "end": c.end,
            "text": document.text[c.start : c.end],
        }
        lines.append(json.dumps(row, ensure_ascii=False) + "\n")
    return "".join(lines)

"""Streaming reader of IATI activity files (2.0x, 1.0x and the pre-1.0 drafts) into plain
``Activity`` objects; no database here.

Hostile files: a DOCTYPE (and with it any entity declaration, the billion laughs among them)
is refused before parsing starts; lxml's iterparse runs with entity resolution, the network
and huge trees off; each activity element is cleared once read, together with the siblings
before it, so memory stays flat however long the file is.
"""

import datetime as dt
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from lxml import etree

from doingoai.aid.iati import codes

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEAD_BYTES = 64 * 1024
MAX_ACTIVITY_BYTES = 20 * 1024 * 1024
ACTIVITY_DATE = gettext_noop("activity date")
TRANSACTION_VALUE_DATE = gettext_noop("transaction value date")
TRANSACTION_DATE = gettext_noop("transaction date")
BUDGET_PERIOD_START = gettext_noop("budget period start")
BUDGET_PERIOD_END = gettext_noop("budget period end")
BUDGET_VALUE_DATE = gettext_noop("budget value date")
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)


class IatiFileError(Exception):
    """The file as a whole cannot be read: nothing of it is imported."""


class ActivityError(Exception):
    """One activity cannot be imported; the others can."""


@dataclass
class Organisation:
    role: str | None
    ref: str
    type: str
    name: str


@dataclass
class Money:
    type: str | None  # 2.0x TransactionType code, "budget" for a budget
    on: dt.date | None  # the value date, else the transaction date
    amount: Decimal
    currency: str
    ref: str = ""
    note: str = ""
    transaction_date: dt.date | None = None


@dataclass
class SectorRow:
    """A sector as the file gave it (``Activity.sectors`` holds the core sectors)."""

    vocabulary: str  # a SectorVocabulary code: "1" DAC 5-digit (the default), "2" DAC 3 ...
    code: str
    percentage: Decimal | None = None
    name: str = ""


@dataclass
class Location:
    ref: str = ""
    name: str = ""
    point: str = ""  # "latitude longitude", as gml:pos
    administrative: list[tuple[str, str, str]] = field(default_factory=list)  # vocab, level, code


@dataclass
class Activity:
    identifier: str
    line: int | None = None
    title: str = ""
    description: str = ""
    other_identifier: str = ""
    countries: set[str] = field(default_factory=set)
    location_texts: list[str] = field(default_factory=list)
    location_codes: set[str] = field(default_factory=set)
    status: str | None = None
    dates: dict[str, dt.date] = field(default_factory=dict)
    reporting_org: Organisation | None = None
    organisations: list[Organisation] = field(default_factory=list)
    sectors: set[str] = field(default_factory=set)
    sector_rows: list[SectorRow] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    default_currency: str = ""
    flow_type: str | None = None
    finance_type: str | None = None
    money: list[Money] = field(default_factory=list)


class _Prefixed(io.RawIOBase):
    """A binary stream that gives ``head`` again before the rest of ``stream``, and refuses
    to give more than ``MAX_ACTIVITY_BYTES`` while one activity is open: an activity is held
    whole in memory until its end tag, so a huge text inside one would otherwise all be kept
    (the parser's own limit is per text node, 10 MB, not per activity)."""

    def __init__(self, head: bytes, stream):
        self.head = head
        self.stream = stream
        self.consumed = 0
        self.activity_from: int | None = None

    def _count(self, chunk: bytes) -> bytes:
        self.consumed += len(chunk)
        if (self.activity_from is not None
                and self.consumed - self.activity_from > MAX_ACTIVITY_BYTES):
            raise IatiFileError(_(
                "One activity of the file is larger than %(limit)d MB; IATI activities are "
                "far smaller, so the file was refused.")
                % {"limit": MAX_ACTIVITY_BYTES // (1024 * 1024)})
        return chunk

    def readable(self):
        return True

    def read(self, size=-1):
        if self.head:
            if size is None or size < 0 or size >= len(self.head):
                chunk, self.head = self.head, b""
            else:
                chunk, self.head = self.head[:size], self.head[size:]
            return self._count(chunk)
        return self._count(self.stream.read(size))


def _check_head(head: bytes) -> None:
    text = head
    if text.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = head.decode("utf-16", "ignore").encode("utf-8")
    text = text.lstrip(b"\xef\xbb\xbf").lstrip()
    if not text.startswith(b"<"):
        raise IatiFileError(_("The file is not XML (an IATI file starts with '<')."))
    if _DOCTYPE.search(text):
        raise IatiFileError(_(
            "The file declares a document type or entities (DOCTYPE/ENTITY), which IATI files "
            "never need and XML bombs use; it was refused."))


def _texts(elements, prefer=("vi", "en")) -> str:
    """The text of ``elements`` (2.0x narratives or 1.0x text), in the preferred language."""
    found = []
    for el in elements:
        narratives = [child for child in el if child.tag == "narrative"]
        if narratives:
            found += [(n.get(XML_LANG) or el.get(XML_LANG), n.text or "") for n in narratives]
        else:
            found.append((el.get(XML_LANG), el.text or ""))
    found = [(lang, text.strip()) for lang, text in found if text and text.strip()]
    if not found:
        return ""
    for lang in prefer:
        for got, text in found:
            if got == lang:
                return text
    for got, text in found:
        if not got:
            return text
    return found[0][1]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _date(value: str | None, what: str) -> dt.date | None:
    value = (value or "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise ActivityError(_("%(what)s: %(value)r is not a date (YYYY-MM-DD)")
                            % {"what": _(what), "value": value[:40]}) from None


def _amount(value: str | None) -> Decimal:
    text = (value or "").strip().replace(" ", "")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise ActivityError(_("the amount %(value)r is not a number")
                            % {"value": text[:40]}) from None
    if not amount.is_finite() or abs(amount) >= Decimal(10) ** 17:
        raise ActivityError(_("the amount %(value)r is out of range") % {"value": text[:40]})
    return amount.quantize(Decimal("0.01"))


# 1.0x sector vocabularies as words; anything else is the reporting organisation's own (99).
SECTOR_VOCABULARY_WORDS = {"": "1", "dac": "1", "dac-3": "2", "dac-5": "1", "co": "3",
                           "cofog": "3", "nace": "4", "ntee": "5"}


def sector_vocabulary(value: str | None) -> str:
    value = (value or "").strip()
    if value.isdigit():
        return value
    return SECTOR_VOCABULARY_WORDS.get(value.lower(), "99")


def _percentage(value: str | None) -> Decimal | None:
    try:
        found = Decimal((value or "").strip())
    except InvalidOperation:
        return None
    return found if found.is_finite() and 0 <= found < 1000 else None


def _location(el) -> Location:
    location = Location(ref=_code(el, "ref")[:100],
                        name=_one_line(_texts(el.findall("name")))[:300])
    pos = el.findtext("point/pos")
    if pos and pos.strip():
        location.point = _one_line(pos)[:60]
    else:
        coordinates = el.find("coordinates")
        if coordinates is not None and coordinates.get("latitude") and coordinates.get(
                "longitude"):
            location.point = f"{coordinates.get('latitude').strip()} " \
                             f"{coordinates.get('longitude').strip()}"[:60]
    for part in el.iterfind("administrative"):
        if part.get("code"):
            location.administrative.append((
                _code(part, "vocabulary"), _code(part, "level"), part.get("code").strip()))
        for level, attr in (("1", "adm1"), ("2", "adm2")):
            if part.get(attr):  # 1.0x: no vocabulary
                location.administrative.append(("", level, part.get(attr).strip()))
    return location


def _code(el, *names) -> str:
    if el is None:
        return ""
    for name in names:
        value = el.get(name)
        if value and value.strip():
            return value.strip()
    return ""


def _country(el) -> str | None:
    code = _code(el, "code").strip("'").upper()
    if len(code) == 2 and codes.is_country(code):
        return code
    if len(code) == 3:
        import pycountry

        found = pycountry.countries.get(alpha_3=code)
        if found:
            return found.alpha_2
    return codes.country_named(_texts([el], prefer=("en",)))


def _children(el) -> dict[str, list]:
    """The child elements of ``el`` by tag, each list in the file's order: one pass over
    them, where each ``find``/``findall`` would make its own (an activity asks for some
    twenty tags, and a transaction for six)."""
    found: dict[str, list] = {}
    for child in el:
        tag = child.tag
        if tag in found:
            found[tag].append(child)
        else:
            found[tag] = [child]
    return found


def _first(children: dict[str, list], tag: str):
    found = children.get(tag)
    return found[0] if found else None


def _text(children: dict[str, list], tag: str) -> str:
    found = children.get(tag)
    return (found[0].text or "") if found else ""


def read_activity(el, default_lang: str | None = None) -> Activity:
    """An ``Activity`` from an <iati-activity> element of any version."""
    kids = _children(el)
    identifier = _one_line(_text(kids, "iati-identifier"))
    reporting = _first(kids, "reporting-org")
    reporting_org = None
    if reporting is not None:
        reporting_org = Organisation(
            None, _code(reporting, "ref"), _code(reporting, "type"),
            _one_line(_texts([reporting])))
    other_el = _first(kids, "other-identifier")
    other = ""
    if other_el is not None:
        other = (_code(other_el, "ref") or _one_line(other_el.text or "")).lstrip("'")
    if not identifier and other:
        # Pre-1.0 files (the World Bank and Global Fund samples) have no iati-identifier;
        # the publisher's own identifier, prefixed with the publisher, stands in for it.
        owner = _code(other_el, "owner-ref") or _code(other_el, "owner-name") or (
            reporting_org.ref or reporting_org.name if reporting_org else "")
        identifier = f"{owner}-{other}" if owner else other
    activity = Activity(identifier=identifier, line=el.sourceline)
    activity.reporting_org = reporting_org
    activity.other_identifier = other
    activity.title = _one_line(_texts(kids.get("title", ())))
    descriptions = kids.get("description", [])
    general = [d for d in descriptions if d.get("type") in (None, "", "1", "general")]
    activity.description = _texts(general or descriptions)

    for country in kids.get("recipient-country", ()):
        code = _country(country)
        if code:
            activity.countries.add(code)
    for location in kids.get("location", ()):
        for tag in ("name", "description", "activity-description", "administrative"):
            for part in location.iterfind(tag):
                text = _texts([part])
                if text:
                    activity.location_texts.append(text)
        for part in location.iter("administrative", "location-id"):
            for attr in ("code", "adm1", "adm2"):
                if part.get(attr):
                    activity.location_codes.add(part.get(attr).strip().upper())
        activity.locations.append(_location(location))

    status = _first(kids, "activity-status")
    if status is not None:
        activity.status = codes.activity_status(
            _code(status, "code", "ref") or _texts([status]))
    for date in kids.get("activity-date", ()):
        kind = codes.date_type(date.get("type"))
        value = date.get("iso-date") or date.get("iso_date") or date.text
        on = _date(value, ACTIVITY_DATE)
        if kind and on:
            activity.dates.setdefault(kind, on)

    for org in kids.get("participating-org", ()):
        name = _one_line(_texts([org], prefer=("en", "vi")))
        ref = _code(org, "ref").lstrip("'")
        if name or ref:
            activity.organisations.append(Organisation(
                codes.organisation_role(org.get("role")), ref, _code(org, "type"), name))
    for sector in kids.get("sector", ()):
        code = _code(sector, "code", "ref")
        core = codes.core_sector(code, sector.get("vocabulary"))
        if core:
            activity.sectors.add(core)
        if code:
            activity.sector_rows.append(SectorRow(
                sector_vocabulary(sector.get("vocabulary")), code[:40],
                _percentage(sector.get("percentage")), _one_line(_texts([sector]))[:200]))

    flow = _first(kids, "default-flow-type")
    flow = flow if flow is not None else _first(kids, "flow-type")
    if flow is not None:
        activity.flow_type = codes.flow_type(_code(flow, "code", "ref") or _texts([flow]))
    finance = _first(kids, "default-finance-type")
    finance = finance if finance is not None else _first(kids, "finance-type")
    if finance is not None:
        activity.finance_type = codes.finance_type(
            _code(finance, "code", "ref") or _texts([finance]))

    currency = _code(el, "default-currency").upper()
    activity.default_currency = currency
    for tx in kids.get("transaction", ()):
        parts = _children(tx)
        type_el = _first(parts, "transaction-type")
        type_code = codes.transaction_type(
            _code(type_el, "code") if type_el is not None else tx.get("type"))
        value = _first(parts, "value")
        if not type_code or value is None:
            continue
        if activity.flow_type is None and "flow-type" in parts:
            activity.flow_type = codes.flow_type(_code(parts["flow-type"][0], "code"))
        if activity.finance_type is None and "finance-type" in parts:
            activity.finance_type = codes.finance_type(_code(parts["finance-type"][0], "code"))
        tx_date = _first(parts, "transaction-date")
        tx_on = (_date(_code(tx_date, "iso-date", "iso_date"), TRANSACTION_DATE)
                 if tx_date is not None else None)
        on = _date(value.get("value-date"), TRANSACTION_VALUE_DATE) or tx_on
        activity.money.append(Money(
            type_code, on, _amount(value.text),
            (_code(value, "currency") or currency).upper(),
            ref=_code(tx, "ref")[:60], note=_one_line(_texts(parts.get("description", ())))[:300],
            transaction_date=tx_on))
    for budget in (*kids.get("budget", ()), *kids.get("budget-planned", ())):
        value = budget.find("value")
        if value is None:
            continue
        start = _date(budget.findtext("period-start") or _code(
            budget.find("period-start"), "iso-date"), BUDGET_PERIOD_START)
        end = _date(budget.findtext("period-end") or _code(
            budget.find("period-end"), "iso-date"), BUDGET_PERIOD_END)
        on = start or _date(value.get("value-date"), BUDGET_VALUE_DATE)
        period = f"{start or ''} – {end or ''}"
        activity.money.append(Money(
            "budget", on, _amount(value.text), (_code(value, "currency") or currency).upper(),
            ref="IATI budget", note=_("IATI budget for %(period)s") % {"period": period}))
    return activity


def iter_activities(source, *, on_version=None):
    """Yield an ``Activity`` (or an ``ActivityError`` for one that cannot be read) for each
    activity of ``source`` (a path or a binary file object), streaming. Raises
    ``IatiFileError`` when the file as a whole is not acceptable."""
    close = False
    if isinstance(source, str | bytes) or hasattr(source, "__fspath__"):
        source = open(source, "rb")  # noqa: SIM115 (closed below)
        close = True
    try:
        head = source.read(HEAD_BYTES)
        if not head:
            raise IatiFileError(_("The file is empty."))
        _check_head(head)
        stream = _Prefixed(head, source)
        events = etree.iterparse(
            stream, events=("start", "end"),
            tag=("iati-activities", "iati-activity"), resolve_entities=False,
            no_network=True, huge_tree=False, load_dtd=False, remove_comments=True,
        )
        root_seen = False
        try:
            for event, el in events:
                if not root_seen:
                    root_seen = True
                    if el.getparent() is not None:
                        raise IatiFileError(_("The file is not an IATI activity file."))
                    if el.getroottree().docinfo.doctype:
                        raise IatiFileError(_("The file declares a document type; refused."))
                    if on_version is not None:
                        on_version(el.get("version") or "")
                if el.tag == "iati-activities":
                    continue
                if event == "start":
                    stream.activity_from = stream.consumed
                    continue
                stream.activity_from = None
                try:
                    yield read_activity(el)
                except ActivityError as error:
                    error.line = el.sourceline
                    error.identifier = _one_line(el.findtext("iati-identifier") or "")
                    yield error
                el.clear(keep_tail=False)
                parent = el.getparent()
                if parent is not None:
                    while el.getprevious() is not None:
                        del parent[0]
        except etree.XMLSyntaxError as error:
            raise IatiFileError(_("The file is not well-formed XML: %(error)s")
                                % {"error": error}) from None
        if not root_seen:
            raise IatiFileError(_(
                "The file is not an IATI activity file (its root element is neither "
                "<iati-activities> nor <iati-activity>)."))
    finally:
        if close:
            source.close()

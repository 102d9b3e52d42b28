"""Export of aid programmes as IATI 2.03 activity XML, written incrementally (lxml's xmlfile)
so that a large register does not sit in memory.

What is written: iati-identifier (the programme's, else ``<reporting-org ref>-<pk>``), the
province as reporting organisation (local government), title, description, donors as funding
organisations (with their IATI identifier when the register knows it), the managing agency as
accountable organisation, project code as other-identifier, status, start and end dates
(actual once passed for a programme under way or finished, planned otherwise), Vietnam as
recipient country, places as locations, sectors as DAC 3-digit categories, the kind as flow
and finance types, and each transaction (commitments as type 2, disbursements as type 3) in
its own currency. Not written, as IATI has no place for them: the approval decision number and
date, and fixed exchange rates.

A programme imported from IATI is written back as its file gave it (``importer`` keeps these
child rows): its participating organisations with their roles, refs and types (the donors
added since on the page are written after them as funders), its sectors in their own
vocabularies and percentages, its locations with name, point and administrative codes, and
each transaction's IATI type and transaction date.
"""

import datetime as dt
from decimal import Decimal
from functools import cache

from django.db.models import Prefetch
from django.utils import timezone
from lxml import etree

from doingoai.aid.iati import codes
from doingoai.aid.iati.importer import ALIAS_PREFIX, reporting_org_ref
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.lib.text import fold

FLOW_AND_FINANCE = {
    "ngo": ("30", "110"), "oda_grant": ("10", "110"), "oda_loan": ("10", "421"),
    "fdi": ("36", "510"),
}
TRANSACTION_TYPE = {"commitment": "2", "disbursement": "3"}


@cache
def schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(codes.SCHEMA)))


def validate(path_or_file) -> list[str]:
    """The schema errors of an IATI activity file (empty when it is valid)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    doc = etree.parse(path_or_file, parser)
    validator = schema()
    if validator.validate(doc):
        return []
    return [f"line {e.line}: {e.message}" for e in validator.error_log]


def _narrative(parent, tag, text, **attrs):
    el = etree.SubElement(parent, tag, **{k: v for k, v in attrs.items() if v})
    etree.SubElement(el, "narrative").text = text
    return el


def _participant(parent, name, **attrs):
    el = etree.SubElement(parent, "participating-org", **{k: v for k, v in attrs.items() if v})
    if name:
        etree.SubElement(el, "narrative").text = name
    return el


def _location(parent, row):
    location = etree.SubElement(parent, "location", **({"ref": row.ref} if row.ref else {}))
    if row.name:
        _narrative(location, "name", row.name)
    for line in row.administrative.splitlines():
        vocabulary, level, code = (line.split("|") + ["", "", ""])[:3]
        if vocabulary and code:  # 1.0x codes came without a vocabulary, which 2.03 requires
            etree.SubElement(location, "administrative", vocabulary=vocabulary, code=code,
                             **({"level": level} if level.isdigit() else {}))
    if row.point:
        point = etree.SubElement(location, "point",
                                 srsName="http://www.opengis.net/def/crs/EPSG/0/4326")
        etree.SubElement(point, "pos").text = row.point
    return location


def _ref_of(partner) -> str:
    for line in partner.aliases.splitlines():
        if line.startswith(ALIAS_PREFIX):
            return line[len(ALIAS_PREFIX):].strip()
    return ""


def _percentages(count: int) -> list[str]:
    if not count:
        return []
    share = (Decimal(100) / count).quantize(Decimal("0.01"))
    shares = [share] * (count - 1)
    return [str(s) for s in shares] + [str(Decimal(100) - sum(shares, Decimal(0)))]


def identifier_of(programme: AidProgramme) -> str:
    return programme.iati_identifier or f"{reporting_org_ref(programme.owner)}-{programme.pk}"


def activity_element(programme: AidProgramme, today: dt.date | None = None):
    today = today or timezone.localdate()
    owner = programme.owner
    el = etree.Element("iati-activity", {
        "{http://www.w3.org/XML/1998/namespace}lang": "vi",
        "last-updated-datetime": programme.updated_at.replace(microsecond=0).isoformat(),
    })
    etree.SubElement(el, "iati-identifier").text = identifier_of(programme)
    _narrative(el, "reporting-org", owner.full_name, ref=reporting_org_ref(owner), type="11")
    _narrative(el, "title", programme.title)
    _narrative(el, "description", programme.description, type="1")
    donors = list(programme.donors.all())
    given = list(programme.participants.all())
    participants = [p for p in given if p.role]
    for org in participants:
        _participant(el, org.name, role=org.role, ref=org.ref, type=org.org_type)
    # The donors the file's organisations became are written once, as the file gave them.
    known = {p.ref.upper() for p in given if p.ref} | {fold(p.name) for p in given if p.name}
    written = len(participants)
    for partner in donors:
        ref = _ref_of(partner)
        if written and ((ref and ref.upper() in known)
                        or {fold(n) for n in partner.names()} & known):
            continue
        _narrative(el, "participating-org", partner.name_en or partner.name_vi, role="1",
                   ref=ref, type=codes.organisation_type(partner.kind))
        written += 1
    if programme.managing_agency and not participants:
        _narrative(el, "participating-org", programme.managing_agency, role="2")
        written += 1
    if not written:  # 2.03 requires one
        _narrative(el, "participating-org", owner.full_name, role="2",
                   ref=reporting_org_ref(owner), type="11")
    if programme.code:
        other = etree.SubElement(el, "other-identifier", ref=programme.code, type="A1")
        _narrative(other, "owner-org", owner.full_name, ref=reporting_org_ref(owner))
    etree.SubElement(el, "activity-status", code=codes.status_code(programme.status))
    begun = programme.status in (AidProgramme.Status.UNDER_WAY, AidProgramme.Status.FINISHED)
    dates = []
    if programme.starts_on:
        dates.append(("2" if begun and programme.starts_on <= today else "1",
                      programme.starts_on))
    if programme.ends_on:
        done = programme.status == AidProgramme.Status.FINISHED and programme.ends_on <= today
        dates.append(("4" if done else "3", programme.ends_on))
    if not dates:
        # IATI requires a date; the approval date, else the day the record was made, is
        # written as the planned start.
        dates.append(("1", programme.decision_date or programme.created_at.date()))
    for kind, on in dates:
        etree.SubElement(el, "activity-date", type=kind, **{"iso-date": on.isoformat()})
    etree.SubElement(el, "recipient-country", code="VN", percentage="100")
    locations = list(programme.iati_locations.all())
    for row in locations:
        _location(el, row)
    if not locations:
        for place in programme.places.all():
            location = etree.SubElement(el, "location")
            _narrative(location, "name", place.full_name)
    given = list(programme.iati_sectors.all())
    for row in given:
        sector = etree.SubElement(el, "sector", vocabulary=row.vocabulary or "1", code=row.code)
        if row.percentage is not None:
            sector.set("percentage", f"{row.percentage.normalize():f}")
        if row.name:
            etree.SubElement(sector, "narrative").text = row.name
    sectors = [] if given else sorted(
        {codes.export_category(s.code) for s in programme.sectors.all()})
    for code, share in zip(sectors, _percentages(len(sectors)), strict=True):
        etree.SubElement(el, "sector", vocabulary="2", code=code, percentage=share)
    flow, finance = FLOW_AND_FINANCE.get(programme.kind, ("10", "110"))
    etree.SubElement(el, "default-flow-type", code=flow)
    etree.SubElement(el, "default-finance-type", code=finance)
    for tx in programme.transactions.all():
        t = etree.SubElement(el, "transaction", **({"ref": tx.tranche} if tx.tranche else {}))
        etree.SubElement(t, "transaction-type", code=tx.iati_type or TRANSACTION_TYPE[tx.kind])
        etree.SubElement(t, "transaction-date",
                         **{"iso-date": (tx.transaction_date or tx.on).isoformat()})
        value = etree.SubElement(t, "value", currency=tx.currency_id,
                                 **{"value-date": tx.on.isoformat()})
        value.text = str(tx.amount)
        if tx.note:
            _narrative(t, "description", tx.note)
    return el


def export(programmes, out) -> int:
    """Write ``programmes`` (a queryset) to ``out`` (a path or binary file); returns the
    number of activities written."""
    qs = programmes.select_related("owner").prefetch_related(
        "donors", "sectors", "places", "iati_sectors", "iati_locations", "participants",
        Prefetch("transactions", queryset=AidTransaction.objects.order_by("on", "pk")),
    ).order_by("pk")
    count = 0
    now = timezone.now().replace(microsecond=0).isoformat()
    with etree.xmlfile(out, encoding="utf-8") as xf:
        xf.write_declaration()
        with xf.element("iati-activities", version="2.03", **{"generated-datetime": now}):
            for programme in qs.iterator(chunk_size=500):
                xf.write(activity_element(programme))
                count += 1
    return count

"""The IATI import saves its activities in batches (issue 15): a few queries per batch however
many activities it holds, and the same result as saving them one at a time, which is also
what a batch the database refuses falls back to."""

import io
from pathlib import Path

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from doingoai.aid.iati import importer as importer_module
from doingoai.aid.iati.importer import Importer, Replay
from doingoai.aid.models import AidProgramme, AidTransaction
from doingoai.partners.models import Partner

pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data"
DONORS = [("XM-DAC-41114", "UNDP", "40"), ("JP-1", "JICA", "10"), ("XI-NGO-7", "Care", "21")]


def activity(n: int, prefix: str, title: str = "Rural roads", currency: str = "USD") -> str:
    ref, name, org_type = DONORS[n % len(DONORS)]
    return (
        f'<iati-activity default-currency="{currency}"><iati-identifier>{prefix}-{n}'
        f"</iati-identifier><title><narrative>{title} {n}</narrative></title>"
        f'<participating-org ref="{ref}" role="1" type="{org_type}"><narrative>{name}'
        f"</narrative></participating-org>"
        f'<activity-status code="2"/><activity-date type="1" iso-date="2020-01-0{1 + n % 9}"/>'
        f'<recipient-country code="VN"/>'
        f"<location><name><narrative>{['Hà Giang', 'Lào Cai'][n % 2]}</narrative></name>"
        f'</location><sector vocabulary="1" code="{["12220", "11220"][n % 2]}"/>'
        f'<transaction><transaction-type code="2"/><value value-date="2020-02-01">'
        f"{1000 + n}</value></transaction>"
        f'<transaction><transaction-type code="3"/><value value-date="2021-02-01">'
        f"{500 + n}</value></transaction></iati-activity>")


def iati_file(activities) -> bytes:
    return ('<iati-activities version="2.03">' + "".join(activities)
            + "</iati-activities>").encode()


def generated(count: int, prefix: str, **options) -> bytes:
    return iati_file(activity(n, prefix, **options) for n in range(count))


def queries_of(owner, content: bytes) -> int:
    """The statements an import sends. SQLite takes at most 999 parameters a statement, so
    Django sends one bulk insert there as several INSERTs into the same table, one after the
    other: those count as one (PostgreSQL has no such limit and gets one INSERT)."""
    with CaptureQueriesContext(connection) as queries:
        summary = Importer(owner).import_file(io.BytesIO(content), "upload.xml")
    assert summary.errors == []
    counted, previous = 0, None
    for query in queries:
        sql = query["sql"]
        table = sql.split("(")[0] if sql.startswith("INSERT") else None
        if table is None or table != previous or connection.vendor != "sqlite":
            counted += 1
        previous = table
    return counted


def test_the_queries_of_an_import_do_not_grow_with_its_activities(ha_giang):
    queries_of(ha_giang, generated(3, "WARM"))  # the donors are made once, here
    ten = queries_of(ha_giang, generated(10, "TEN"))
    hundred = queries_of(ha_giang, generated(100, "HUNDRED"))
    assert AidProgramme.objects.filter(iati_identifier__startswith="HUNDRED-").count() == 100
    assert AidTransaction.objects.filter(
        programme__iati_identifier__startswith="HUNDRED-").count() == 200
    assert hundred <= ten + 2


def test_the_queries_of_a_reimport_that_changes_titles_do_not_grow_either(ha_giang):
    queries_of(ha_giang, generated(10, "TEN"))
    queries_of(ha_giang, generated(100, "HUNDRED"))
    ten = queries_of(ha_giang, generated(10, "TEN", title="Mountain roads"))
    hundred = queries_of(ha_giang, generated(100, "HUNDRED", title="Mountain roads"))
    assert AidProgramme.objects.filter(title__startswith="Mountain roads").count() == 110
    assert hundred <= ten + 2


class Rollback(Exception):
    pass


def describe(summary) -> dict:
    """Everything an import writes, without primary keys (which differ between two runs)."""
    programmes = {}
    for p in AidProgramme.all_objects.prefetch_related("donors", "sectors", "places",
                                                       "transactions"):
        programmes[p.iati_identifier] = (
            p.title, p.kind, p.status, p.starts_on, p.ends_on, p.managing_agency, p.code,
            p.version, p.search_text, p.created_by_id,
            sorted(d.name_en for d in p.donors.all()), sorted(s.pk for s in p.sectors.all()),
            sorted(u.pk for u in p.places.all()),
            sorted((t.kind, t.on, t.amount, t.currency_id, t.tranche, t.note)
                   for t in p.transactions.all()))
    history = {
        model.__name__: sorted(model.history.values_list("history_type", flat=True))
        for model in (AidProgramme, AidTransaction, Partner)}
    partners = sorted(Partner.all_objects.values_list("name_en", "aliases", "kind"))
    return {"summary": summary.as_dict(), "programmes": programmes, "history": history,
            "partners": partners}


FILES = [
    iati_file([activity(1, "A"), activity(2, "A"), activity(1, "A", title="Again"),
               activity(3, "A", currency="XXX"), activity(4, "A")]),
    (DATA / "vietnam-2.03.xml").read_bytes(),
    iati_file([activity(2, "A", title="Changed"), activity(4, "A"), activity(5, "A")]),
]


def import_and_describe(owner, monkeypatch, write_batch=None) -> list[dict]:
    """Import FILES one after the other, describe the database after each, and roll back."""
    with monkeypatch.context() as patch:
        if write_batch is not None:
            patch.setattr(Importer, "write_batch", write_batch)
        patch.setattr(importer_module, "BATCH_SIZE", 2)
        states = []
        try:
            with transaction.atomic():
                for content in FILES:
                    summary = Importer(owner).import_file(io.BytesIO(content), "upload.xml")
                    states.append(describe(summary))
                raise Rollback
        except Rollback:
            pass
    return states


def one_at_a_time(self, batch):
    raise Replay


def refused_after_writing(original):
    def write_batch(self, batch):
        original(self, batch)
        raise IntegrityError("refused after writing")
    return write_batch


def test_batches_give_the_same_result_as_one_activity_at_a_time(ha_giang, monkeypatch):
    batched = import_and_describe(ha_giang, monkeypatch)
    single = import_and_describe(ha_giang, monkeypatch, one_at_a_time)
    assert batched[0]["summary"]["created"] == 3 and batched[0]["summary"]["updated"] == 1
    assert len(batched[0]["summary"]["errors"]) == 1
    assert batched[2]["summary"]["updated"] == 2
    assert batched == single


def test_a_refused_batch_is_rolled_back_and_saved_one_activity_at_a_time(ha_giang,
                                                                        monkeypatch):
    batched = import_and_describe(ha_giang, monkeypatch)
    refused = import_and_describe(ha_giang, monkeypatch,
                                  refused_after_writing(Importer.write_batch))
    assert refused == batched

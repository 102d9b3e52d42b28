"""The batched IATI import writes its rows in raw SQL (lib/bulk.py, issue 15): every column
of every row it writes, and of their history rows, is what the one-at-a-time path writes
through Django's ``save`` and simple_history's ``bulk_create_with_history``."""

import datetime as dt
import io
from pathlib import Path

import pytest
from django.db import models, transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, get_history_model_for_model

from doingoai.aid.iati import importer as importer_module
from doingoai.aid.iati.importer import Importer, Replay
from doingoai.aid.models import (
    AidLocation,
    AidParticipant,
    AidProgramme,
    AidSector,
    AidTransaction,
)
from doingoai.lib import bulk
from doingoai.partners.models import Partner

pytestmark = pytest.mark.usefixtures("english")

DATA = Path(__file__).parent / "data"
MODELS = (AidProgramme, AidTransaction, AidSector, AidLocation, AidParticipant, Partner)
# Differ between two runs whatever writes them: keys and the times of writing.
UNSTABLE = {"id", "history_id", "history_date", "created_at", "updated_at"}


class Rollback(Exception):
    pass


def rows_of(model, identifiers: dict[int, str]) -> list[tuple]:
    """Every row of ``model``'s table, programme keys replaced by IATI identifiers."""
    names = [f.attname for f in model._meta.concrete_fields if f.attname not in UNSTABLE]
    rows = []
    for values in model._base_manager.values_list(*names):
        row = dict(zip(names, values, strict=True))
        if "programme_id" in row:
            row["programme_id"] = identifiers.get(row["programme_id"], row["programme_id"])
        rows.append(tuple(sorted(row.items(), key=lambda item: item[0])))
    return sorted(rows, key=repr)


def state() -> dict:
    identifiers = dict(AidProgramme.all_objects.values_list("pk", "iati_identifier"))
    found = {}
    for model in MODELS:
        found[model.__name__] = rows_of(model, identifiers)
        found[f"history of {model.__name__}"] = rows_of(
            get_history_model_for_model(model), identifiers)
    # Partners are made by the import, so their keys differ between two runs too.
    partners = dict(Partner.all_objects.values_list("pk", "name_en"))
    for name in importer_module.LINKS:
        relation = getattr(AidProgramme, name)
        target = f"{relation.field.m2m_reverse_field_name()}_id"
        found[name] = sorted(
            (identifiers[programme], partners[to] if name == "donors" else to)
            for programme, to in
            relation.through.objects.values_list("aidprogramme_id", target))
    return found


FILES = [
    (DATA / "vietnam-2.03.xml").read_bytes(),
    (DATA / "vietnam-1.03.xml").read_bytes(),
    (DATA / "worked-example.xml").read_bytes(),
    (DATA / "vietnam-2.03.xml").read_bytes().replace(b"<narrative>", b"<narrative>Again "),
]


def import_all(owner, user, monkeypatch, write_batch=None) -> tuple[list, list]:
    with monkeypatch.context() as patch:
        if write_batch is not None:
            patch.setattr(Importer, "write_batch", write_batch)
        patch.setattr(importer_module, "BATCH_SIZE", 3)
        summaries, states = [], []
        try:
            with transaction.atomic():
                for content in FILES:
                    summary = Importer(owner, country="all", user=user).import_file(
                        io.BytesIO(content), "upload.xml")
                    summaries.append(summary.as_dict())
                    states.append(state())
                raise Rollback
        except Rollback:
            pass
    return summaries, states


def one_at_a_time(self, batch):
    raise Replay


def test_the_batched_import_writes_every_column_as_the_one_at_a_time_import(
        ha_giang, hg_specialist, monkeypatch):
    batched = import_all(ha_giang, hg_specialist, monkeypatch)
    single = import_all(ha_giang, hg_specialist, monkeypatch, one_at_a_time)
    first = batched[1][0]
    assert sum(s["created"] for s in batched[0]) > 3
    assert first["AidTransaction"] and first["AidParticipant"] and first["AidSector"]
    assert first["AidLocation"] and first["history of AidTransaction"]
    assert batched == single


def test_the_history_rows_of_a_bulk_insert_say_who_and_when(ha_giang, hg_specialist):
    programme = AidProgramme.objects.create(owner=ha_giang, kind="ngo", title="Roads")
    before = timezone.now()
    rows = [AidSector(programme=programme, code="12220", percentage="12.5"),
            AidSector(programme=programme, vocabulary="99", code="X", name="Rural")]
    bulk.insert(rows, AidSector, user=hg_specialist)
    after = timezone.now()
    assert [row.pk for row in rows] == list(
        AidSector.objects.filter(programme=programme).values_list("pk", flat=True))
    history = list(AidSector.history.order_by("history_id"))
    assert [(h.id, h.history_type, h.history_user, h.code) for h in history] == [
        (rows[0].pk, "+", hg_specialist, "12220"), (rows[1].pk, "+", hg_specialist, "X")]
    assert all(before <= h.history_date <= after for h in history)


def test_a_bulk_insert_stores_the_values_django_stores(ha_giang, hg_specialist):
    """Each kind of value (dates, decimals, enum choices, a file field, none) as Django's
    own bulk insert stores it, in the table and in its history."""
    def programme(title):
        return AidProgramme(
            owner=ha_giang, kind=AidProgramme.Kind.ODA_GRANT, title=title, code="C-1",
            status=AidProgramme.Status.UNDER_WAY, starts_on=dt.date(2024, 2, 29),
            decision_date=None, created_by=hg_specialist, search_text="roads")

    def transactions(parent):
        return [AidTransaction(programme=parent, kind="commitment", on=dt.date(2020, 1, 2),
                               amount="1234.50", currency_id="USD", tranche="T1",
                               transaction_date=dt.date(2019, 12, 31)),
                AidTransaction(programme=parent, kind="disbursement", on=dt.date(2021, 3, 4),
                               amount=0, currency_id="VND", fixed_vnd_per_unit="25000.5")]

    ours, theirs = programme("ours"), programme("theirs")
    bulk.insert([ours], AidProgramme, user=hg_specialist)
    bulk_create_with_history([theirs], AidProgramme, default_user=hg_specialist)
    bulk.insert(transactions(ours), AidTransaction, user=hg_specialist)
    bulk_create_with_history(transactions(theirs), AidTransaction, default_user=hg_specialist)

    def stored(model, **where):
        names = [f.attname for f in model._meta.concrete_fields
                 if f.attname not in UNSTABLE | {"title", "programme_id"}
                 and not isinstance(f, models.DateTimeField) or f.attname == "deleted_at"]
        return sorted(model._base_manager.filter(**where).values_list(*names))

    for model in (AidProgramme, get_history_model_for_model(AidProgramme)):
        assert stored(model, title="ours") == stored(model, title="theirs")
        assert len(stored(model, title="ours")) == 1
    for model in (AidTransaction, get_history_model_for_model(AidTransaction)):
        assert stored(model, programme_id=ours.pk) == stored(model, programme_id=theirs.pk)
        assert len(stored(model, programme_id=ours.pk)) == 2

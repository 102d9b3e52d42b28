"""Issue 12 §4, "every list filters by place and by year": every register's list (from
``REGISTRY``, so a new one is checked without further work) has the province and year filters
of ``core.records.RecordFilterSet``, and each narrows the list. Today's Tuyên Quang reads
Hà Giang's records as its own and picks them out by province and by year."""

import datetime as dt
import importlib

import pytest
from django.conf import settings
from django.db import models

from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import make_record

importlib.import_module(settings.ROOT_URLCONF)

DAY = dt.date(2024, 3, 4)


def _record_types():
    return [pytest.param(rt, id=f"{rt.namespace}:{rt.slug}") for rt in REGISTRY]


def dated_2024(rt, record):
    """The record, its year's date (and its validity, for a body) set in 2024."""
    name = rt.filterset_class().YEAR_FIELD
    field = rt.model._meta.get_field(name)
    day = (dt.datetime(2024, 3, 4, 9, tzinfo=dt.UTC)
           if isinstance(field, models.DateTimeField) else DAY)
    values = {name: day}
    for bound, value in (("valid_from", dt.date(2024, 1, 1)), ("valid_to", dt.date(2024, 12, 31))):
        if any(f.name == bound for f in rt.model._meta.concrete_fields):
            values[bound] = value
    rt.model._base_manager.filter(pk=record.pk).update(**values)


@pytest.mark.parametrize("rt", _record_types())
def test_every_list_narrows_by_province_and_by_year(client, tq_specialist, ha_giang,
                                                    tuyen_quang, rt):
    record = make_record(rt.model, ha_giang)
    dated_2024(rt, record)
    link = rt.reverse("detail", record.pk)
    client.force_login(tq_specialist)

    def listed(**query) -> bool:
        response = client.get(rt.reverse("list"), query)
        assert response.status_code == 200
        form = response.context["filterset"].form
        assert {"province", "year"} <= set(form.fields), "the list has no province or year filter"
        assert not form.errors, form.errors
        return link in response.content.decode()

    assert listed()
    assert listed(year=2024)
    assert not listed(year=2021)
    assert listed(province=ha_giang.pk)
    assert not listed(province=tuyen_quang.pk)


def test_the_province_filter_offers_the_provinces_the_user_reads_and_no_commune(
        client, tq_specialist, ha_giang, tuyen_quang):
    rt = REGISTRY[0]
    client.force_login(tq_specialist)
    choices = client.get(rt.reverse("list")).context["filterset"].form.fields["province"]
    offered = set(choices.queryset)
    assert {ha_giang, tuyen_quang} <= offered
    assert all(unit.level == "province" for unit in offered)


@pytest.mark.parametrize("rt", _record_types())
def test_every_filter_label_of_a_list_begins_with_a_capital_letter(client, tq_specialist, rt):
    client.force_login(tq_specialist)
    response = client.get(rt.reverse("list"), HTTP_ACCEPT_LANGUAGE="vi")
    assert response.status_code == 200
    labels = {name: str(field.label) for name, field in
              response.context["filterset"].form.fields.items()}
    lower = {name: label for name, label in labels.items() if label[:1].islower()}
    assert not lower, f"labels in lower case: {lower}"

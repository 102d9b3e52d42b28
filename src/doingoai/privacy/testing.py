"""Page checks shared by the tests of the registers of issue 7 (consular cases, foreigners,
passports, border...): each app's ``tests/factories.py`` gives ``FACTORIES`` (a saved record
of an owner) and ``FORM_DATA`` (the POST data of a valid form), and its ``tests/test_pages.py``
runs these checks over its record types."""

import csv
import io
from importlib import import_module

from django.utils.html import escape

from doingoai.privacy.masking import masked_title

AREA_APPS = ("consular", "residents", "passports", "signatures", "border", "staff", "treaties",
             "trade", "information", "protocol")
# Apps whose tests give FACTORIES and FORM_DATA for these checks but no demo of their own
# (the annual plan's demo is the Tuyên Quang plan of demo.plan2026).
FORM_APPS = (*AREA_APPS, "planning", "consultations")


def area_factories():
    """(FACTORIES, FORM_DATA) of every area, e.g. for the access matrix of core's tests."""
    factories, form_data = {}, {}
    for app in FORM_APPS:
        module = import_module(f"doingoai.{app}.tests.factories")
        factories.update(module.FACTORIES)
        form_data.update(module.FORM_DATA)
    return factories, form_data


def form_data_for(rt, owner, instance=None) -> dict:
    from doingoai.core.tests.factories import inline_data

    _, form_data = area_factories()
    return {**form_data[rt.model](owner), **inline_data(rt, instance=instance)}


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))


def assert_pages_work(client, rt, record):
    """List, search, detail, create, edit and export, as a writer of ``record``'s province."""
    detail_url = rt.reverse("detail", record.pk)
    response = client.get(rt.reverse("list"))
    assert response.status_code == 200
    assert detail_url in response.content.decode()
    term = " ".join(record.search_text.split()[:2])
    assert detail_url in client.get(rt.reverse("list"), {"q": term}).content.decode()
    response = client.get(detail_url)
    assert response.status_code == 200
    # Its title, the people's names masked for a user without the personal-data grant.
    assert escape(masked_title(record, response.wsgi_request.user)) in response.content.decode()
    assert len(csv_rows(client.get(rt.reverse("list"), {"export": "csv"}))) == 2

    assert client.get(rt.reverse("create")).status_code == 200
    before = rt.model.objects.count()
    response = client.post(rt.reverse("create"), form_data_for(rt, record.owner))
    assert response.status_code == 302, response.content.decode()[:3000]
    created = rt.model.objects.latest("pk")
    assert rt.model.objects.count() == before + 1
    assert created.owner == record.owner
    assert response["Location"] == rt.reverse("detail", created.pk)

    assert client.get(rt.reverse("edit", record.pk)).status_code == 200
    data = {**form_data_for(rt, record.owner, instance=record), "version": str(record.version)}
    response = client.post(rt.reverse("edit", record.pk), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert rt.model.objects.get(pk=record.pk).version == record.version + 1


def assert_not_found_for_another_province(client, rt, record):
    """Every page of ``record`` is "not found" for a user of another province, and its lists
    and exports do not show it."""
    for action in ("detail", "edit", "delete"):
        assert client.get(rt.reverse(action, record.pk)).status_code == 404, action
    data = {**form_data_for(rt, record.owner, instance=record), "version": str(record.version)}
    assert client.post(rt.reverse("edit", record.pk), data).status_code == 404
    assert client.post(rt.reverse("delete", record.pk)).status_code == 404
    assert client.post(rt.reverse("restore", record.pk)).status_code == 404
    assert rt.reverse("detail", record.pk) not in client.get(rt.reverse("list")).content.decode()
    assert csv_rows(client.get(rt.reverse("list"), {"export": "csv"}))[1:] == []
    fresh = rt.model.all_objects.get(pk=record.pk)
    assert (fresh.version, fresh.deleted_at) == (record.version, None)


def assert_cannot_create(client, rt, owner):
    before = rt.model.all_objects.count()
    assert client.get(rt.reverse("create")).status_code == 403
    assert client.post(rt.reverse("create"), form_data_for(rt, owner)).status_code == 403
    assert rt.model.all_objects.count() == before

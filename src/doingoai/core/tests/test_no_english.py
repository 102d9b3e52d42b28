"""No English on the Vietnamese interface (issue 10, item 10): every page and every export
(the lists' CSV and XLSX, the report's JSON, CSV, XLSX and DOCX) opened in Vietnamese with
the demo data loaded, as the Hà Giang specialist and as the ministry viewer, carries no
English source string of the code (``doingoai.testing.untranslated_strings``).

A new page, field, choice or message that forgets its translation fails here. The demo is
loaded once for the module inside a transaction rolled back at the end."""

import csv
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.urls import reverse

from doingoai.core.records import REGISTRY
from doingoai.demo import logins
from doingoai.demo.load import load_demo
from doingoai.figures.models import SourceDocument
from doingoai.reports.exports.data import CSV_COLUMNS
from doingoai.testing import untranslated_strings, visible_text

# English that is data, not interface: names the records themselves carry.
DATA = ()
# Pages that name codes on purpose: the figure form's unit field takes the catalogue's unit
# codes, and its help text lists them ("count (số lượng), persons (lượt người), percent...").
CODES_ASKED_FOR = {"/figures/figures/new/": {"count", "persons", "percent"}}
# JSON keys whose values are codes for programs (an indicator's code, a unit's code), not
# words for a reader; the report's JSON is also the CLI's exchange format.
CODE_KEYS = {"indicator", "unit", "basis", "qualifier", "code", "period", "type"}
CODE_COLUMNS = {"computed_unit", "reported_unit"}


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media"))
    with media, django_db_blocker.unblock(), transaction.atomic():
        yield load_demo()
        transaction.set_rollback(True)


def _text_of(response) -> str:
    kind = response.get("Content-Type", "")
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if "html" in kind:
        return visible_text(body.decode())
    if "csv" in kind or kind.startswith("text/plain"):
        rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
        if rows and rows[0] == CSV_COLUMNS:
            # The report's CSV is the figures' exchange format: its header and code columns
            # are for programs; the names, reasons and source notes are for readers.
            shown = [i for i, name in enumerate(rows[0]) if name not in CODE_KEYS | CODE_COLUMNS]
            rows = [[row[i] for i in shown] for row in rows[1:]]
        return "\n".join(" ".join(row) for row in rows)
    if "json" in kind:
        return "\n".join(_json_strings(json.loads(body)))
    if "spreadsheetml" in kind:
        import openpyxl

        book = openpyxl.load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join([sheet.title for sheet in book.worksheets] + [
            str(value) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
            for value in row if isinstance(value, str)])
    if "wordprocessingml" in kind:
        import docx

        document = docx.Document(io.BytesIO(body))
        cells = [cell.text for table in document.tables for row in table.rows
                 for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    return ""


def _json_strings(value, key=None):
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _json_strings(item, name)
    elif isinstance(value, list):
        for item in value:
            yield from _json_strings(item, key)
    elif isinstance(value, str) and key not in CODE_KEYS:
        yield value


def _urls(user):
    """Every page a user opens from the menu and the records, and every export."""
    urls = [reverse("core:home"), reverse("core:reference"), reverse("rules:rule-list"),
            reverse("notifications:notification-list"), reverse("notifications:calendar"),
            reverse("reports:dashboard"), reverse("reports:compare") + "?period=2020",
            reverse("figures:document-new"), reverse("api:tokens"),
            reverse("privacy:access-log")]
    report = reverse("reports:report") + "?period=2015-2020"
    if user.membership.province is None:
        report += "&place=Hà Giang"
    urls += [report, reverse("reports:report") + "?period=abc"]
    export = reverse("reports:report-export") + report[report.index("?"):]
    urls += [f"{export}&format={fmt}" for fmt in ("json", "csv", "xlsx", "docx")]
    for rt in REGISTRY:
        # The list and its exports, the form (the edit form has the same labels and help
        # texts) and the page of one record with its history.
        urls += [rt.reverse("list"), rt.reverse("list") + "?export=csv",
                 rt.reverse("list") + "?export=xlsx", rt.reverse("create")]
        urls += [rt.reverse("detail", record.pk) for record in rt.queryset_for(user)[:1]]
    for document in SourceDocument.objects.visible_to(user)[:1]:
        urls.append(reverse("figures:document-review", args=[document.pk]))
    return urls


@pytest.mark.parametrize("who", [logins.HG_SPECIALIST, logins.MINISTRY_VIEWER],
                         ids=lambda login: login.username)
def test_no_page_or_export_shows_an_english_source_string_in_vietnamese(demo, db, client, who):
    assert client.login(username=who.username, password=who.password)
    user = get_user_model().objects.select_related("membership").get(username=who.username)
    found, opened = {}, 0
    for url in _urls(user):
        response = client.get(url)
        if response.status_code in (403, 404):
            continue  # not this user's page: the access tests cover it
        assert response.status_code == 200, (url, response.status_code)
        opened += 1
        english = untranslated_strings(
            _text_of(response), ignore={*DATA, *CODES_ASKED_FOR.get(url, ())})
        if english:
            found[url] = english
    assert opened > 60
    assert found == {}, '\n'.join(f'{url}: {english}' for url, english in found.items())

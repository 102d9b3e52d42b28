"""An incoming request opens the delegation's create form; the delegation saved from it is
linked to the document as its request."""

import datetime as dt

import pytest
from django.urls import reverse

from doingoai.core.tests.factories import create_form_data
from doingoai.correspondence.models import Document, DocumentLink
from doingoai.delegations.models import Delegation
from doingoai.delegations.pages import delegations

pytestmark = pytest.mark.django_db


def make_request_letter(owner):
    return Document.objects.create(
        owner=owner, direction="incoming", kind="cv", reference="19/BGT-SC",
        dated_on=dt.date(2026, 11, 12), issuer="Ban Du lịch tỉnh Benguet (Philippines)",
        summary="Thư đề nghị trao đổi đoàn khảo sát du lịch cộng đồng năm 2027")


def new_delegation_url(document):
    return reverse("correspondence:document-new-delegation", args=[document.pk])


def test_an_incoming_documents_page_offers_to_create_a_delegation_from_it(hg_client, ha_giang):
    document = make_request_letter(ha_giang)
    page = hg_client.get(reverse("correspondence:document-detail", args=[document.pk]))
    assert new_delegation_url(document) in page.content.decode()


def test_a_delegation_created_from_a_document_is_linked_to_it_as_its_request(
        client, ha_giang, hg_specialist):
    document = make_request_letter(ha_giang)
    client.force_login(hg_specialist)
    form = client.get(new_delegation_url(document))
    assert form.status_code == 200 and "trao đổi đoàn khảo sát" in form.content.decode()
    data = create_form_data(delegations, ha_giang, hg_specialist)
    before = set(Delegation.objects.values_list("pk", flat=True))
    response = client.post(new_delegation_url(document), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    (delegation,) = Delegation.objects.exclude(pk__in=before)
    assert response.url == delegations.reverse("detail", delegation.pk)
    link = DocumentLink.objects.get(document=document)
    assert (link.record, link.role) == (delegation, "request")


def test_another_provinces_document_cannot_start_a_delegation(client, ha_giang, bk_specialist):
    document = make_request_letter(ha_giang)
    client.force_login(bk_specialist)
    assert client.get(new_delegation_url(document)).status_code == 404
    assert client.post(new_delegation_url(document), {}).status_code == 404
    assert not DocumentLink.objects.exists()


def test_a_viewer_cannot_create_a_delegation_from_a_document(client, ha_giang, hg_viewer):
    document = make_request_letter(ha_giang)
    client.force_login(hg_viewer)
    assert client.get(new_delegation_url(document)).status_code in (403, 404)


def test_an_invalid_delegation_form_links_nothing(client, ha_giang, hg_specialist):
    document = make_request_letter(ha_giang)
    client.force_login(hg_specialist)
    response = client.post(new_delegation_url(document), {"title": ""})
    assert response.status_code == 400 and not DocumentLink.objects.exists()

"""Attachments (issue 13, item 10): a name over 100 characters is accepted, shortened to fit
with its extension kept; a save that fails after the file was written leaves no file in
storage."""

import importlib

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.forms.models import BaseModelForm

from doingoai.agreements.models import Agreement
from doingoai.core.records import REGISTRY
from doingoai.core.tests.factories import form_data_of, inline_data, make_record, png_bytes
from doingoai.testing import client_for

importlib.import_module(settings.ROOT_URLCONF)
AGREEMENTS = next(rt for rt in REGISTRY if rt.model is Agreement)
LONG_NAME = ("Biên bản ghi nhớ hợp tác giữa Ủy ban nhân dân tỉnh Hà Giang và Chính quyền "
             "nhân dân tỉnh Vân Nam về thương mại biên giới năm 2017 bản ký chính thức.png")


def files_in(root):
    return sorted(path for path in root.rglob("*") if path.is_file())


def post_new_agreement(client, user, ha_giang, name):
    template = make_record(Agreement, ha_giang)
    data = {**form_data_of(AGREEMENTS, template, user, create=True), **inline_data(AGREEMENTS)}
    data["document"] = SimpleUploadedFile(name, png_bytes(), content_type="image/png")
    return client_for(client, user).post(AGREEMENTS.reverse("create"), data)


def test_an_attachment_named_with_more_than_100_characters_is_kept_shortened(
        client, media_root, hg_specialist, ha_giang):
    assert len(LONG_NAME) > 100
    response = post_new_agreement(client, hg_specialist, ha_giang, LONG_NAME)
    assert response.status_code == 302
    agreement = Agreement.objects.get(document__startswith="agreements/")
    name = agreement.document.name
    assert len(name) <= Agreement._meta.get_field("document").max_length
    assert name.endswith(".png") and "Biên_bản_ghi_nhớ" in name
    assert agreement.document.read() == png_bytes()


def test_a_save_that_fails_after_the_file_was_written_leaves_no_file(
        client, media_root, hg_specialist, ha_giang, monkeypatch):
    def broken_save_m2m(self):
        raise RuntimeError("the database went away")

    # The record and its file are written; the many-to-many links after them fail.
    monkeypatch.setattr(BaseModelForm, "_save_m2m", broken_save_m2m)
    with pytest.raises(RuntimeError):
        post_new_agreement(client, hg_specialist, ha_giang, "ban-ky.png")
    assert not Agreement.all_objects.exclude(document="").exists()
    assert files_in(media_root) == []

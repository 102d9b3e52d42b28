import datetime as dt

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from doingoai.signatures.models import Specimen

# The smallest valid PNG header is enough: the check reads the first bytes.
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


def make_specimen(owner, **fields) -> Specimen:
    values = {"kind": "signature", "person": "Nguyễn Văn Sơn", "title": "Chủ tịch UBND tỉnh",
              "agency": "UBND tỉnh", "valid_from": dt.date(2021, 6, 1)}
    specimen = Specimen(owner=owner, **{**values, **fields})
    specimen.specimen.save("chu-ky.png", ContentFile(PNG), save=False)
    specimen.save()
    return specimen


def specimen_form(owner) -> dict:
    return {"kind": "seal", "agency": "Sở Ngoại vụ", "valid_from": "2022-01-01",
            "specimen": SimpleUploadedFile("con-dau.png", PNG, content_type="image/png")}


FACTORIES = {Specimen: make_specimen}
FORM_DATA = {Specimen: specimen_form}

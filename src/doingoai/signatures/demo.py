"""Illustrative specimens: a signature superseded by its successor, and a seal. The images
are generated blank PNGs, not real signatures."""

import datetime as dt
import struct
import zlib

from django.core.files.base import ContentFile

from doingoai.privacy.demo import ILLUSTRATIVE
from doingoai.signatures.models import Specimen


def blank_png(width=120, height=40) -> bytes:
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def _ensure(province, user, lookup, values):
    found = Specimen.all_objects.filter(owner=province, **lookup).first()
    if found is not None:
        return found
    specimen = Specimen(owner=province, created_by=user, **lookup, **values)
    specimen.specimen.save("mau-minh-hoa.png", ContentFile(blank_png()), save=False)
    specimen._history_user = user
    specimen.save()
    return specimen


def load_demo(province, user):
    common = {"kind": Specimen.Kind.SIGNATURE, "title": "Chủ tịch UBND tỉnh",
              "agency": f"UBND tỉnh {province.name}", "notes": ILLUSTRATIVE}
    new = _ensure(province, user, {"person": "Người ký B (minh họa)"},
                  {**common, "valid_from": dt.date(2021, 6, 1)})
    old = _ensure(province, user, {"person": "Người ký A (minh họa)"},
                  {**common, "valid_from": dt.date(2016, 7, 1), "valid_to": dt.date(2021, 5, 31)})
    if old.superseded_by_id is None:
        Specimen.all_objects.filter(pk=old.pk).update(superseded_by=new)
    _ensure(province, user, {"kind": Specimen.Kind.SEAL, "person": ""},
            {"agency": f"Sở Ngoại vụ tỉnh {province.name}", "valid_from": dt.date(2018, 1, 1),
             "notes": ILLUSTRATIVE})

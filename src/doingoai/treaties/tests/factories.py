import datetime as dt

from doingoai.treaties.models import Treaty, TreatyProvision


def make_treaty(owner, **fields) -> Treaty:
    values = {"kind": "treaty", "title": "Hiệp ước biên giới trên đất liền Việt Nam – Trung Quốc",
              "short_title": "Hiệp ước biên giới đất liền 1999", "signed_on": dt.date(1999, 12, 30)}
    treaty = Treaty.objects.create(owner=owner, **{**values, **fields})
    treaty.parties.set(["CN"])
    TreatyProvision.objects.create(treaty=treaty, article="Điều 2",
                                   summary="Hướng đi của đường biên giới")
    return treaty


def treaty_form(owner) -> dict:
    return {"kind": "agreement", "title": "Hiệp định về cửa khẩu và quy chế quản lý cửa khẩu",
            "parties": ["CN"], "signed_on": "2009-11-18"}


FACTORIES = {Treaty: make_treaty}
FORM_DATA = {Treaty: treaty_form}

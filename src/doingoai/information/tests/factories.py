import datetime as dt

from doingoai.information.models import PromotionActivity


def make_activity(owner, **fields) -> PromotionActivity:
    values = {"kind": "heritage", "title": "Tái thẩm định Công viên địa chất toàn cầu UNESCO",
              "starts_on": dt.date(2022, 8, 1), "audience": "Đoàn chuyên gia UNESCO"}
    return PromotionActivity.objects.create(owner=owner, **{**values, **fields})


def activity_form(owner) -> dict:
    return {"kind": "fair", "title": "Hội chợ Nam Á – Đông Nam Á", "starts_on": "2023-08-16",
            "countries": ["CN"]}


FACTORIES = {PromotionActivity: make_activity}
FORM_DATA = {PromotionActivity: activity_form}

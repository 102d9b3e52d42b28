"""Foreign information and promotion activities named in the seeds: the UNESCO Global
Geopark (Đồng Văn Karst Plateau) revalidation and the South Asia – Southeast Asia fair
(seed 003); dates and audiences are illustrative."""

import datetime as dt

from doingoai.information.models import PromotionActivity
from doingoai.privacy.demo import ILLUSTRATIVE, ensure_record


def load_demo(province, user):
    if province.name == "Hà Giang":
        ensure_record(PromotionActivity, province, user, {
            "title": "Tái thẩm định danh hiệu Công viên địa chất toàn cầu UNESCO Cao nguyên đá "
                     "Đồng Văn"}, {
            "kind": PromotionActivity.Kind.HERITAGE, "starts_on": dt.date(2022, 8, 1),
            "audience": "Đoàn chuyên gia thẩm định của UNESCO", "notes": ILLUSTRATIVE})
    ensure_record(PromotionActivity, province, user, {
        "title": "Tham gia Hội chợ triển lãm hàng hóa và diễn đàn Đầu tư – Thương mại "
                 "Nam Á – Đông Nam Á"}, {
        "kind": PromotionActivity.Kind.FAIR, "starts_on": dt.date(2022, 8, 16),
        "place": "Côn Minh, Vân Nam", "audience": "Doanh nghiệp, nhà đầu tư Trung Quốc",
        "notes": ILLUSTRATIVE}, m2m={"countries": ["CN"]})

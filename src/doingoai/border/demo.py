"""Demo border records of Hà Giang from the seed articles: the Thanh Thủy – Thiên Bảo
international gate and the goods opening at marker 262 (seed 002), and one illustrative
incident. Another province gets nothing: the seeds name no gate of it."""

import datetime as dt

from doingoai.border.models import BorderGate, BorderIncident, BorderMarker
from doingoai.core.models import AdminUnit
from doingoai.privacy.demo import ILLUSTRATIVE, ensure_record


def thanh_thuy(province):
    return AdminUnit.objects.filter(level="commune", name="Thanh Thủy",
                                    province=province).first()


def load_demo(province, user):
    if province.name != "Hà Giang":
        return
    commune = thanh_thuy(province)
    marker = ensure_record(BorderMarker, province, user, {"number": "262"}, {
        "location": "Xã Thanh Thủy, huyện Vị Xuyên", "commune": commune, "country_id": "CN",
        "notes": "Lối mở thông quan hàng hóa mốc 262 (Báo Hà Giang, 22/02/2017)."})
    ensure_record(BorderGate, province, user, {"name": "Cửa khẩu quốc tế Thanh Thủy"}, {
        "kind": BorderGate.Kind.INTERNATIONAL, "counterpart_name": "Thiên Bảo",
        "country_id": "CN", "commune": commune,
        "notes": "Thứ trưởng Bộ Ngoại giao Lê Hoài Trung khảo sát thực tế ngày 22/02/2017."})
    ensure_record(BorderGate, province, user, {"name": "Lối mở mốc 262"}, {
        "kind": BorderGate.Kind.OPENING, "country_id": "CN", "commune": commune,
        "notes": "Lối mở thông quan hàng hóa (Báo Hà Giang, 22/02/2017)."})
    ensure_record(BorderIncident, province, user,
                  {"title": "Gia súc đi lạc qua biên giới gần mốc 262"}, {
                      "occurred_on": dt.date(2023, 8, 14), "place": "Xã Thanh Thủy",
                      "marker": marker,
                      "what_happened": "Đàn trâu của người dân đi lạc sang phía bạn. "
                      + ILLUSTRATIVE,
                      "counterpart_side": "Trạm kiểm soát biên phòng Thiên Bảo",
                      "handling": "Hai bên hội đàm tại mốc 262 và bàn giao lại đàn trâu.",
                      "status": BorderIncident.Status.SETTLED})

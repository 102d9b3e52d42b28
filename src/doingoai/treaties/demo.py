"""Treaties a border province with China implements (titles and dates are public)."""

import datetime as dt

from doingoai.privacy.demo import ensure_record
from doingoai.treaties.models import Treaty, TreatyProvision


def load_demo(province, user):
    def land_border(treaty):
        TreatyProvision.objects.create(
            treaty=treaty, article="Điều 2", summary="Hướng đi của đường biên giới trên đất "
            "liền qua địa bàn tỉnh", responsible="Bộ Chỉ huy Bộ đội Biên phòng tỉnh")

    ensure_record(Treaty, province, user, {
        "title": "Hiệp ước biên giới trên đất liền giữa nước Cộng hòa xã hội chủ nghĩa "
                 "Việt Nam và nước Cộng hòa nhân dân Trung Hoa"}, {
        "kind": Treaty.Kind.TREATY, "short_title": "Hiệp ước biên giới trên đất liền 1999",
        "signed_on": dt.date(1999, 12, 30), "in_force_on": dt.date(2000, 7, 6)},
        m2m={"parties": ["CN"]}, then=land_border)

    def gates(treaty):
        TreatyProvision.objects.create(
            treaty=treaty, article="Điều 2", summary="Danh mục cửa khẩu biên giới, trong đó "
            "cặp cửa khẩu Thanh Thủy – Thiên Bảo", responsible="Sở Ngoại vụ; Ban Quản lý "
            "Khu kinh tế tỉnh")

    ensure_record(Treaty, province, user, {
        "title": "Hiệp định về cửa khẩu và quy chế quản lý cửa khẩu biên giới đất liền "
                 "Việt Nam – Trung Quốc"}, {
        "kind": Treaty.Kind.AGREEMENT, "signed_on": dt.date(2009, 11, 18),
        "in_force_on": dt.date(2010, 7, 14)}, m2m={"parties": ["CN"]}, then=gates)

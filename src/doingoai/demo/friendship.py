"""Hà Giang's friendship pacts and associations (seeds 000, 001, 002).

The seeds give totals only: by February 2017 "13 cụm/34 xã, thị trấn biên giới" had
friendship pacts with their counterparts (seed 002: the 34 border communes and towns, in 13
clusters), 34/34 in 2015–2020 (seed 001); 3 district pairs in 2015–2020 (seed 001) and 6 by
2024 (seed 000); 12/12 border posts. Which communes and posts, their counterparts and the
dates are illustrative, chosen so that the counts computed from these records match the
seeds at the end of 2016, 2020 and 2023. Every pact says so in its notes.
"""

import datetime as dt

ILLUSTRATIVE = ("Dữ liệu minh họa: bài báo chỉ nêu tổng số; tên đơn vị đối đẳng và ngày ký "
                "là minh họa, không phải hồ sơ thật.")

# Chinese counties facing each border district (Vân Nam's châu Văn Sơn; Quảng Tây's Na Pha).
FACING = {
    "Mèo Vạc": "huyện Phú Ninh",
    "Đồng Văn": "huyện Ma Lật Pha",
    "Yên Minh": "huyện Ma Lật Pha",
    "Quản Bạ": "huyện Ma Lật Pha",
    "Vị Xuyên": "huyện Ma Lật Pha",
    "Hoàng Su Phì": "huyện Mã Quan",
    "Xín Mần": "huyện Mã Quan",
}

# The 34 border communes and towns by district (legacy AdminUnit names), in 13 clusters
# that each signed on one day. The selection and the clusters are illustrative.
BORDER_COMMUNES = {
    "Mèo Vạc": [["Xín Cái", "Thượng Phùng", "Sơn Vĩ"]],
    "Đồng Văn": [["Lũng Cú", "Má Lé", "Lũng Táo", "Phố Là"],
                 ["Phố Bảng", "Sính Lủng", "Lũng Thầu"]],
    "Yên Minh": [["Thắng Mố", "Phú Lũng", "Bạch Đích", "Na Khê"]],
    "Quản Bạ": [["Nghĩa Thuận", "Cao Mã Pờ", "Tùng Vài"], ["Tả Ván", "Bát Đại Sơn"]],
    "Vị Xuyên": [["Thanh Thủy", "Thanh Đức"], ["Xín Chải", "Lao Chải"],
                 ["Minh Tân", "Phong Quang"]],
    "Hoàng Su Phì": [["Bản Máy", "Thàng Tín", "Pố Lồ"], ["Thèn Chu Phìn", "Túng Sán"]],
    "Xín Mần": [["Xín Mần", "Nàn Xỉn"], ["Bản Díu", "Chí Cà"]],
}

# Counterparts known by name; the others are named generically.
NAMED_COUNTERPARTS = {
    "Thanh Thủy": "Trấn Thiên Bảo (天保镇), huyện Ma Lật Pha",
}

FIRST_CLUSTER_SIGNED = dt.date(2014, 3, 12)


def border_commune_pacts():
    """(district, commune, counterpart, signed_on, cluster number) for the 34 border
    communes and towns; the 13 clusters signed between 2014 and 2016."""
    rows = []
    cluster = 0
    for district, clusters in BORDER_COMMUNES.items():
        for communes in clusters:
            signed_on = FIRST_CLUSTER_SIGNED + dt.timedelta(days=75 * cluster)
            cluster += 1
            for commune in communes:
                counterpart = NAMED_COUNTERPARTS.get(
                    commune, f"Trấn/Hương đối đẳng phía Trung Quốc ({FACING[district]})")
                rows.append((district, commune, counterpart, signed_on, cluster))
    return rows


# (our district, counterpart partner key, counterpart name, signed_on): 3 in force at the
# end of 2020 (seed 001), 6 at the end of 2023 (seed 000).
DISTRICT_PAIRS = [
    ("Vị Xuyên", "malipo", "Huyện Ma Lật Pha (Vân Nam)", dt.date(2016, 9, 12)),
    ("Hoàng Su Phì", "maguan", "Huyện Mã Quan (Vân Nam)", dt.date(2017, 11, 3)),
    ("Mèo Vạc", "funing", "Huyện Phú Ninh (Vân Nam)", dt.date(2019, 5, 21)),
    ("Hà Giang", "wenshan_city", "Thành phố Văn Sơn (Vân Nam)", dt.date(2021, 12, 9)),
    ("Xín Mần", "maguan", "Huyện Mã Quan (Vân Nam)", dt.date(2022, 10, 18)),
    ("Đồng Văn", "napo", "Huyện Na Pha (Quảng Tây)", dt.date(2023, 6, 27)),
]

# (border post, district, facing county, signed_on): the 12/12 "Đồn – Trạm hữu nghị, biên
# giới bình yên" pacts, all in force by the end of 2020.
BORDER_POSTS = [
    ("Xín Cái", "Mèo Vạc", "huyện Phú Ninh", dt.date(2016, 4, 12)),
    ("Săm Pun", "Mèo Vạc", "huyện Phú Ninh", dt.date(2016, 4, 14)),
    ("Lũng Cú", "Đồng Văn", "huyện Ma Lật Pha", dt.date(2016, 5, 19)),
    ("Phó Bảng", "Đồng Văn", "huyện Ma Lật Pha", dt.date(2017, 3, 22)),
    ("Bạch Đích", "Yên Minh", "huyện Ma Lật Pha", dt.date(2017, 3, 24)),
    ("Nghĩa Thuận", "Quản Bạ", "huyện Ma Lật Pha", dt.date(2017, 8, 8)),
    ("Cửa khẩu Quốc tế Thanh Thủy", "Vị Xuyên", "huyện Ma Lật Pha", dt.date(2015, 12, 18)),
    ("Minh Tân", "Vị Xuyên", "huyện Ma Lật Pha", dt.date(2018, 6, 5)),
    ("Xín Chải", "Vị Xuyên", "huyện Ma Lật Pha", dt.date(2018, 6, 7)),
    ("Thàng Tín", "Hoàng Su Phì", "huyện Mã Quan", dt.date(2018, 11, 13)),
    ("Bản Máy", "Hoàng Su Phì", "huyện Mã Quan", dt.date(2019, 4, 16)),
    ("Xín Mần", "Xín Mần", "huyện Mã Quan", dt.date(2019, 9, 10)),
]

# Twinned localities (seeds 000 and 001); dates illustrative.
TWINNED = [
    ("benguet", "Tỉnh Benguet (Philippines)", "PH", dt.date(2017, 11, 20)),
    ("moriya", "Thành phố Moriya, tỉnh Ibaraki (Nhật Bản)", "JP", dt.date(2019, 7, 8)),
    ("boeun", "Huyện Boeun, tỉnh Chungcheongbuk (Hàn Quốc)", "KR", dt.date(2018, 10, 15)),
]

# Friendship associations founded in the province (seeds 000 and 001).
ASSOCIATIONS = [
    dict(name="Hội hữu nghị Việt – Lào tỉnh Hà Giang", countries=["LA"]),
    dict(name="Hội hữu nghị Việt – Trung tỉnh Hà Giang", countries=["CN"]),
    dict(name="Liên hiệp các tổ chức hữu nghị tỉnh Hà Giang", countries=["CN", "LA"],
         notes="Tổ chức ô của các hội hữu nghị trong tỉnh; không gắn với riêng một nước."),
]
ASSOCIATION_NOTES = ("Thành lập trước năm 2021 theo bài 001 (giai đoạn 2015 – 2020); bài không "
                     "nêu ngày thành lập.")

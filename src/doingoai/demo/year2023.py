"""One illustrative year of Hà Giang's records (2023): delegations with their members,
conferences and talks, agreements signed and aid programmes with their transactions.

None of it is real: the seeds give yearly totals, not records. The data exist so that the
figures computed from records (issue 4) can be shown beside the reported ones. Every record
is marked: its title ends with ILLUSTRATIVE_TAG and its purpose, topic, summary or
description starts with ILLUSTRATIVE_LINE. ``build()`` is a pure function of a fixed seed,
so two runs give the same data.
"""

import datetime as dt
import random

YEAR = 2023
ILLUSTRATIVE_TAG = " (minh họa)"
ILLUSTRATIVE_LINE = "Dữ liệu minh họa, không phải hồ sơ thật của tỉnh."

# (direction, title, purpose, countries, cities or places, partner keys, host, month, days)
DELEGATIONS = [
    ("outgoing", "Đoàn lãnh đạo tỉnh hội đàm định kỳ với lãnh đạo tỉnh Vân Nam",
     "Hội đàm định kỳ, trao đổi kết quả hợp tác năm 2022 và kế hoạch năm 2023",
     ["CN"], "Côn Minh", ["yunnan"], "Chính phủ Nhân dân tỉnh Vân Nam", 3, 4),
    ("outgoing", "Đoàn Sở Ngoại vụ giao ban công tác biên giới với châu Văn Sơn",
     "Giao ban công tác quản lý biên giới, cửa khẩu", ["CN"], "Văn Sơn", ["wenshan"],
     "Văn phòng Ngoại vụ châu Văn Sơn", 4, 2),
    ("outgoing", "Đoàn UBND huyện Vị Xuyên hội đàm với huyện Ma Lật Pha",
     "Hội đàm về thông quan hàng hóa tại cửa khẩu Thanh Thủy – Thiên Bảo", ["CN"],
     "Ma Lật Pha", ["malipo"], "Chính phủ Nhân dân huyện Ma Lật Pha", 5, 1),
    ("outgoing", "Đoàn UBND huyện Hoàng Su Phì hội đàm với huyện Mã Quan",
     "Trao đổi về quản lý biên giới và giao lưu nhân dân", ["CN"], "Mã Quan", ["maguan"],
     "Chính phủ Nhân dân huyện Mã Quan", 6, 1),
    ("outgoing", "Đoàn tỉnh dự Hội chợ Trung Quốc – Nam Á lần thứ 7",
     "Xúc tiến thương mại, giới thiệu sản phẩm của tỉnh", ["CN"], "Côn Minh", ["yunnan"],
     "Chính phủ Nhân dân tỉnh Vân Nam", 8, 5),
    ("outgoing", "Đoàn tỉnh dự Hội chợ Trung Quốc – ASEAN lần thứ 20",
     "Xúc tiến thương mại, đầu tư", ["CN"], "Nam Ninh", ["guangxi"],
     "Chính phủ Nhân dân Khu tự trị dân tộc Choang Quảng Tây", 9, 4),
    ("outgoing", "Đoàn UBND huyện Đồng Văn thăm huyện Na Pha",
     "Trao đổi về hợp tác hữu nghị giữa hai huyện", ["CN"], "Na Pha", ["napo"],
     "Chính phủ Nhân dân huyện Na Pha", 6, 2),
    ("outgoing", "Đoàn UBND huyện Mèo Vạc giao lưu với huyện Phú Ninh",
     "Giao lưu văn hóa, thể thao nhân dịp Tết Đoan ngọ", ["CN"], "Phú Ninh", ["funing"],
     "Chính phủ Nhân dân huyện Phú Ninh", 6, 1),
    ("outgoing", "Đoàn Đồn Biên phòng Cửa khẩu Quốc tế Thanh Thủy giao lưu “Đồn – Trạm hữu "
     "nghị”", "Giao lưu, trao đổi thông tin về tình hình biên giới", ["CN"], "Thiên Bảo",
     ["malipo"], "Trạm Kiểm tra biên phòng Thiên Bảo", 11, 1),
    ("outgoing", "Đoàn tỉnh thăm thành phố Moriya, tỉnh Ibaraki",
     "Trao đổi hợp tác giáo dục, giao lưu học sinh", ["JP"], "Moriya, Ibaraki",
     ["moriya", "ibaraki"], "Thành phố Moriya", 10, 6),
    ("outgoing", "Đoàn Sở Kế hoạch và Đầu tư xúc tiến đầu tư tại Tokyo",
     "Giới thiệu tiềm năng, môi trường đầu tư của tỉnh", ["JP"], "Tokyo", ["jica"],
     "Văn phòng JICA Tokyo", 7, 5),
    ("outgoing", "Đoàn Sở Nông nghiệp và PTNT học tập mô hình nông nghiệp tại Ibaraki",
     "Tìm hiểu mô hình nông nghiệp công nghệ cao", ["JP"], "Mito, Ibaraki", ["ibaraki"],
     "Chính quyền tỉnh Ibaraki", 11, 7),
    ("outgoing", "Đoàn tỉnh thăm huyện Boeun, tỉnh Chungcheongbuk",
     "Trao đổi về chương trình lao động thời vụ", ["KR"], "Boeun", ["boeun", "chungbuk"],
     "Chính quyền huyện Boeun", 4, 5),
    ("outgoing", "Đoàn Sở Ngoại vụ làm việc với KOICA tại Seoul",
     "Làm việc về đề xuất dự án phát triển nông thôn", ["KR"], "Seoul", ["koica"],
     "Trụ sở KOICA", 9, 4),
    ("outgoing", "Đoàn Sở Lao động – Thương binh và Xã hội khảo sát lao động thời vụ tại "
     "Chungcheongbuk", "Khảo sát điều kiện làm việc của lao động thời vụ", ["KR"],
     "Cheongju", ["chungbuk"], "Chính quyền tỉnh Chungcheongbuk", 8, 5),
    ("outgoing", "Đoàn Hội hữu nghị Việt – Lào tỉnh giao lưu tại Viêng Chăn",
     "Giao lưu hữu nghị nhân kỷ niệm Năm Đoàn kết hữu nghị Việt Nam – Lào", ["LA"],
     "Viêng Chăn", [], "Hội hữu nghị Lào – Việt Nam", 7, 4),
    ("outgoing", "Đoàn Sở Văn hóa, Thể thao và Du lịch học tập kinh nghiệm tại Luang Prabang",
     "Học tập kinh nghiệm quản lý du lịch di sản", ["LA"], "Luang Prabang", [],
     "Sở Thông tin, Văn hóa và Du lịch tỉnh Luang Prabang", 12, 4),
    ("outgoing", "Đoàn tỉnh thăm tỉnh Benguet",
     "Trao đổi về cây trồng ôn đới và du lịch cộng đồng", ["PH"], "La Trinidad, Benguet",
     ["benguet"], "Chính quyền tỉnh Benguet", 5, 5),
    ("incoming", "Đoàn châu Văn Sơn thăm, chúc Tết Nguyên đán",
     "Thăm, chúc Tết lãnh đạo tỉnh", ["CN"], "Thành phố Hà Giang", ["wenshan"],
     "UBND tỉnh Hà Giang", 1, 1),
    ("incoming", "Đoàn tỉnh Vân Nam hội đàm tại Hà Giang",
     "Hội đàm về hợp tác kinh tế, thương mại", ["CN"], "Thành phố Hà Giang", ["yunnan"],
     "UBND tỉnh Hà Giang", 10, 2),
    ("incoming", "Đoàn huyện Ma Lật Pha giao ban tại Vị Xuyên",
     "Giao ban công tác quản lý cửa khẩu", ["CN"], "Vị Xuyên", ["malipo"],
     "UBND huyện Vị Xuyên", 7, 1),
    ("incoming", "Đoàn Khu tự trị dân tộc Choang Quảng Tây thăm Hà Giang",
     "Trao đổi về hợp tác du lịch", ["CN"], "Thành phố Hà Giang, Đồng Văn", ["guangxi"],
     "UBND tỉnh Hà Giang", 11, 3),
    ("incoming", "Đoàn JICA khảo sát dự án chuỗi giá trị cam sành",
     "Khảo sát chuẩn bị dự án hỗ trợ kỹ thuật", ["JP"], "Bắc Quang, Quang Bình", ["jica"],
     "Sở Nông nghiệp và PTNT", 3, 3),
    ("incoming", "Đoàn KOICA giám sát dự án làng mới tại Quản Bạ",
     "Giám sát tiến độ dự án", ["KR"], "Quản Bạ", ["koica"], "Sở Kế hoạch và Đầu tư", 6, 2),
    ("incoming", "Đoàn Ngân hàng Thế giới làm việc về Thỏa thuận khung hợp tác",
     "Rà soát kết quả thực hiện Thỏa thuận khung hợp tác", [], "Thành phố Hà Giang",
     ["wb"], "UBND tỉnh Hà Giang", 5, 2),
    ("incoming", "Đoàn thành phố Moriya thăm Hà Giang",
     "Giao lưu văn hóa, giáo dục", ["JP"], "Thành phố Hà Giang, Đồng Văn", ["moriya"],
     "UBND tỉnh Hà Giang", 8, 4),
    ("incoming", "Đoàn huyện Boeun thăm Hà Giang",
     "Ký kết kế hoạch tiếp nhận lao động thời vụ", ["KR"], "Thành phố Hà Giang", ["boeun"],
     "UBND tỉnh Hà Giang", 2, 3),
    ("incoming", "Đoàn tỉnh Benguet thăm Hà Giang",
     "Trao đổi kinh nghiệm phát triển du lịch cộng đồng", ["PH"], "Hoàng Su Phì, Đồng Văn",
     ["benguet"], "Sở Văn hóa, Thể thao và Du lịch", 12, 4),
    ("incoming", "Đoàn Plan International giám sát dự án tại Mèo Vạc",
     "Giám sát dự án phòng chống thiên tai dựa vào cộng đồng", ["GB"], "Mèo Vạc", ["plan"],
     "UBND huyện Mèo Vạc", 9, 3),
    ("incoming", "Đoàn Good Neighbors International khảo sát tại Xín Mần",
     "Khảo sát chương trình phát triển vùng", ["KR"], "Xín Mần", ["gni"],
     "UBND huyện Xín Mần", 4, 3),
    ("incoming", "Đoàn AFD khảo sát lĩnh vực quản lý rừng",
     "Khảo sát chuẩn bị dự án hỗ trợ kỹ thuật", ["FR"], "Vị Xuyên, Bắc Mê", ["afd"],
     "Sở Nông nghiệp và PTNT", 10, 3),
    ("incoming", "Đoàn chuyên gia UNESCO thẩm định Công viên địa chất toàn cầu Cao nguyên đá "
     "Đồng Văn", "Tái thẩm định tư cách thành viên Mạng lưới Công viên địa chất toàn cầu",
     [], "Đồng Văn, Mèo Vạc, Yên Minh, Quản Bạ", ["unesco"],
     "Ban quản lý Công viên địa chất", 7, 5),
]

# District names visited by incoming delegations, for Delegation.places.
VISITED_DISTRICTS = {
    "Thành phố Hà Giang": "Hà Giang", "Đồng Văn": "Đồng Văn", "Vị Xuyên": "Vị Xuyên",
    "Bắc Quang": "Bắc Quang", "Quang Bình": "Quang Bình", "Quản Bạ": "Quản Bạ",
    "Hoàng Su Phì": "Hoàng Su Phì", "Mèo Vạc": "Mèo Vạc", "Xín Mần": "Xín Mần",
    "Bắc Mê": "Bắc Mê", "Yên Minh": "Yên Minh",
}
BORDER_DISTRICTS = {"Đồng Văn", "Mèo Vạc", "Yên Minh", "Quản Bạ", "Vị Xuyên", "Hoàng Su Phì",
                    "Xín Mần"}

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vàng", "Sùng", "Giàng", "Lò", "Triệu",
          "Lý", "Đặng", "Ma", "Nông", "Vũ", "Đỗ"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Hồng", "Mạnh", "Thanh", "Ngọc", "Xuân"]
GIVEN = ["Sơn", "Hùng", "Lan", "Hoa", "Tuấn", "Dũng", "Hải", "Long", "Mai", "Thắng", "Cường",
         "Hương", "Phong", "Bình", "Chính", "Dế", "Súa", "Páo", "Thu", "Nga"]
UNITS = ["UBND tỉnh Hà Giang", "Sở Ngoại vụ", "Sở Công Thương", "Sở Kế hoạch và Đầu tư",
         "Sở Văn hóa, Thể thao và Du lịch", "Sở Nông nghiệp và PTNT", "Bộ Chỉ huy BĐBP tỉnh",
         "Sở Giáo dục và Đào tạo", "Sở Lao động – Thương binh và Xã hội"]
HEADS = ["Phó Chủ tịch UBND tỉnh", "Giám đốc Sở Ngoại vụ", "Giám đốc Sở Công Thương",
         "Phó Giám đốc Sở Kế hoạch và Đầu tư", "Chủ tịch UBND huyện"]
FOREIGN_NAMES = {
    "CN": ["Li Ming", "Wang Jian", "Zhang Wei", "Liu Yang", "Chen Hong", "Yang Lin", "Huang Tao",
           "Zhao Lei", "Zhou Qing", "Wu Fang"],
    "JP": ["Sato Hiroshi", "Suzuki Kenji", "Takahashi Yuko", "Tanaka Akira", "Watanabe Mai",
           "Ito Naoki", "Yamamoto Emi"],
    "KR": ["Kim Min-jun", "Lee Seo-yeon", "Park Ji-hoon", "Choi Young-ho", "Jung Hye-jin",
           "Kang Dong-won"],
    "PH": ["Maria Santos", "Jose Reyes", "Ana Cruz", "Ramon Bautista", "Liza Garcia"],
    "US": ["John Miller", "Sarah Johnson", "David Brown", "Emily Davis"],
    "GB": ["James Wilson", "Olivia Taylor", "Thomas Evans"],
    "FR": ["Pierre Martin", "Claire Dubois", "Luc Bernard", "Sophie Laurent"],
}
# Nationality of the members of an international organisation's delegation (no country).
ORGANISATION_STAFF = {"wb": "US", "unesco": "FR"}
FOREIGN_TITLES = ["Trưởng đoàn", "Phó Trưởng đoàn", "Cán bộ", "Chuyên gia", "Phiên dịch"]

# (kind, role, mode, title, country, partner keys, month, foreign participants)
EVENTS = [
    ("talks", "organised", "in_person",
     "Hội đàm giữa lãnh đạo UBND tỉnh Hà Giang và Chính phủ Nhân dân châu Văn Sơn", "CN",
     ["wenshan"], 3, 12),
    ("talks", "organised", "online",
     "Hội đàm trực tuyến với huyện Ma Lật Pha về thông quan hàng hóa tại cửa khẩu Thanh Thủy "
     "– Thiên Bảo", "CN", ["malipo"], 2, 8),
    ("seminar", "organised", "hybrid",
     "Hội thảo quốc tế phát triển du lịch bền vững Công viên địa chất toàn cầu UNESCO Cao "
     "nguyên đá Đồng Văn", None, ["unesco"], 11, 25),
    ("conference", "organised", "in_person",
     "Hội nghị xúc tiến đầu tư, thương mại, du lịch tỉnh Hà Giang với các đối tác Nhật Bản",
     "JP", ["jica", "moriya"], 7, 30),
    ("conference", "organised", "in_person",
     "Hội nghị vận động viện trợ phi chính phủ nước ngoài năm 2023", None, ["plan", "gni"], 6,
     18),
    ("seminar", "organised", "online",
     "Hội thảo trực tuyến với KOICA về dự án phát triển nông thôn", "KR", ["koica"], 9, 6),
    ("talks", "organised", "online",
     "Hội đàm trực tuyến với tỉnh Benguet về trao đổi giống cây trồng", "PH", ["benguet"], 4,
     5),
    ("talks", "organised", "in_person",
     "Hội đàm giữa UBND tỉnh Hà Giang và Ngân hàng Thế giới về Thỏa thuận khung hợp tác", None,
     ["wb"], 5, 4),
    ("conference", "attended", "in_person",
     "Diễn đàn hợp tác kinh tế tại Hội chợ Trung Quốc – Nam Á lần thứ 7", "CN", ["yunnan"], 8,
     0),
    ("conference", "attended", "in_person",
     "Hội nghị hợp tác địa phương Việt Nam – Nhật Bản", "JP", [], 10, 0),
    ("seminar", "attended", "online",
     "Hội thảo APEC về thúc đẩy doanh nghiệp xã hội vì tăng trưởng bao trùm", None, [], 3, 0),
    ("talks", "attended", "online",
     "Kỳ họp Nhóm công tác thuận lợi hóa thương mại Việt – Trung", "CN", [], 6, 0),
    ("conference", "attended", "in_person",
     "Diễn đàn hợp tác địa phương Việt Nam – Hàn Quốc", "KR", ["chungbuk"], 9, 0),
    ("seminar", "attended", "in_person",
     "Hội thảo Mạng lưới Công viên địa chất Châu Á – Thái Bình Dương", "TH", ["unesco"], 9, 0),
    ("talks", "attended", "in_person",
     "Hội nghị Bí thư Tỉnh ủy bốn tỉnh Hà Giang, Lào Cai, Lai Châu, Điện Biên và Bí thư Tỉnh "
     "ủy tỉnh Vân Nam", "CN", ["yunnan"], 12, 0),
]

# (kind, level, title, our signatory, partner keys, sectors, month, years in force)
AGREEMENTS = [
    ("minutes", "province",
     "Biên bản hội đàm giữa UBND tỉnh Hà Giang và Chính phủ Nhân dân châu Văn Sơn năm 2023",
     "UBND tỉnh Hà Giang", ["wenshan"], ["331"], 3, None),
    ("mou", "department",
     "Biên bản ghi nhớ hợp tác thương mại biên giới giữa Sở Công Thương Hà Giang và châu Văn "
     "Sơn", "Sở Công Thương tỉnh Hà Giang", ["wenshan"], ["331"], 4, 3),
    ("minutes", "district",
     "Biên bản hội đàm giữa UBND huyện Vị Xuyên và Chính phủ Nhân dân huyện Ma Lật Pha",
     "UBND huyện Vị Xuyên", ["malipo"], ["331", "150"], 5, None),
    ("mou", "department",
     "Biên bản ghi nhớ hợp tác giáo dục giữa Sở Giáo dục và Đào tạo Hà Giang và thành phố "
     "Moriya", "Sở Giáo dục và Đào tạo tỉnh Hà Giang", ["moriya"], ["110"], 10, 5),
    ("agreement", "province",
     "Thỏa thuận hợp tác về lao động thời vụ giữa UBND tỉnh Hà Giang và huyện Boeun",
     "UBND tỉnh Hà Giang", ["boeun"], ["311"], 4, 3),
    ("mou", "department",
     "Biên bản ghi nhớ hợp tác phát triển du lịch cộng đồng giữa Sở Văn hóa, Thể thao và Du "
     "lịch Hà Giang và tỉnh Benguet", "Sở Văn hóa, Thể thao và Du lịch tỉnh Hà Giang",
     ["benguet"], ["332"], 5, 5),
]

# (kind, title, donor keys, sectors, districts, managing agency, currency, committed,
#  disbursement shares, commitment month)
AID = [
    ("ngo", "Nâng cao năng lực phòng chống thiên tai dựa vào cộng đồng cho trẻ em huyện Mèo "
     "Vạc", ["plan"], ["740"], ["Mèo Vạc"], "UBND huyện Mèo Vạc", "USD", 180000,
     [0.35, 0.30], 2),
    ("ngo", "Chương trình nước sạch và vệ sinh trường học huyện Yên Minh", ["plan"], ["140"],
     ["Yên Minh"], "Sở Giáo dục và Đào tạo", "EUR", 120000, [0.5, 0.25], 3),
    ("ngo", "Chương trình phát triển vùng huyện Xín Mần", ["gni"], ["430", "110"], ["Xín Mần"],
     "UBND huyện Xín Mần", "USD", 250000, [0.3, 0.2], 5),
    ("ngo", "Xây dựng nhà bán trú cho học sinh xã Sủng Là", ["gni"], ["110"], ["Đồng Văn"],
     "UBND huyện Đồng Văn", "VND", 3200000000, [0.6, 0.4], 4),
    ("oda_grant", "Hỗ trợ kỹ thuật nâng cao chuỗi giá trị cam sành Hà Giang", ["jica"], ["311"],
     ["Bắc Quang", "Quang Bình"], "Sở Nông nghiệp và PTNT", "JPY", 45000000, [0.25, 0.25], 3),
    ("oda_grant", "Xây dựng trường tiểu học bán trú xã Lũng Táo (viện trợ không hoàn lại cho "
     "dự án cấp cơ sở của Chính phủ Nhật Bản)", ["embassy_jp"], ["110"], ["Đồng Văn"],
     "UBND huyện Đồng Văn", "JPY", 9500000, [1.0], 2),
    ("oda_grant", "Dự án làng mới kiểu mẫu tại huyện Quản Bạ", ["koica"], ["430"], ["Quản Bạ"],
     "Sở Kế hoạch và Đầu tư", "USD", 500000, [0.2, 0.2], 6),
    ("oda_grant", "Hỗ trợ kỹ thuật quản lý rừng bền vững", ["afd"], ["312"],
     ["Vị Xuyên", "Bắc Mê"], "Sở Nông nghiệp và PTNT", "EUR", 300000, [0.15], 8),
    ("oda_grant", "Hỗ trợ kỹ thuật chuẩn bị dự án giao thông kết nối vùng", ["wb"], ["210"],
     ["Vị Xuyên", "Bắc Quang"], "Sở Giao thông vận tải", "USD", 150000, [0.4, 0.3], 5),
]


def _day(rng, month):
    return dt.date(YEAR, month, rng.randint(3, 24))


def _vietnamese_name(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def _members(rng, direction, countries, partners):
    count = rng.randint(2, 8)
    members = []
    if direction == "outgoing":
        needs_interpreter = countries[0] in ("CN", "JP", "KR") and count >= 3
        for index in range(count):
            if index == 0:
                role, title, unit = "head", rng.choice(HEADS), "UBND tỉnh Hà Giang"
            elif index == 1 and count >= 4:
                role, title, unit = "deputy", "Phó Giám đốc", rng.choice(UNITS)
            elif index == count - 1 and needs_interpreter:
                role, title, unit = "interpreter", "Phiên dịch viên", "Sở Ngoại vụ"
            else:
                role, title, unit = "member", rng.choice(["Chuyên viên", "Trưởng phòng",
                                                          "Phó Trưởng phòng"]), rng.choice(UNITS)
            members.append(dict(name=_vietnamese_name(rng), title=title, unit=unit, role=role,
                                passport_type="official", nationality="VN"))
    else:
        country = countries[0] if countries else ORGANISATION_STAFF[partners[0]]
        names = rng.sample(FOREIGN_NAMES[country], min(count, len(FOREIGN_NAMES[country])))
        for index, name in enumerate(names):
            role = "head" if index == 0 else "member"
            title = FOREIGN_TITLES[0] if index == 0 else rng.choice(FOREIGN_TITLES[1:])
            members.append(dict(name=name, title=title, unit="", role=role,
                                passport_type="foreign", nationality=country))
    return members


def build():
    """The 2023 records as plain data (see the module docstring)."""
    rng = random.Random(YEAR)
    delegations = []
    for number, row in enumerate(DELEGATIONS, start=1):
        direction, title, purpose, countries, cities, partners, host, month, days = row
        departs = _day(rng, month)
        decision = departs - dt.timedelta(days=rng.randint(7, 20))
        places = [VISITED_DISTRICTS[p.strip()] for p in cities.split(",")
                  if p.strip() in VISITED_DISTRICTS] if direction == "incoming" else []
        delegations.append(dict(
            direction=direction, title=title + ILLUSTRATIVE_TAG,
            purpose=f"{ILLUSTRATIVE_LINE}\n{purpose}.", countries=countries,
            cities=cities if direction == "outgoing" else "", places=places,
            visits_border_area=any(p in BORDER_DISTRICTS for p in places),
            partners=partners, host=host, departs_on=departs,
            returns_on=departs + dt.timedelta(days=days - 1),
            status="reported" if departs.month < 12 else "back",
            funding=rng.choice(["budget", "partner"]) if direction == "outgoing" else "partner",
            decision_number=f"{100 + number * 7}/QĐ-UBND", decision_date=decision,
            decision_signer="Phó Chủ tịch UBND tỉnh",
            report_received_on=(departs + dt.timedelta(days=days + rng.randint(5, 14))
                                if departs.month < 12 else None),
            members=_members(rng, direction, countries, partners),
        ))
    events = []
    for number, row in enumerate(EVENTS, start=1):
        kind, role, mode, title, country, partners, month, foreigners = row
        starts = _day(rng, month)
        events.append(dict(
            kind=kind, role=role, mode=mode, title=title + ILLUSTRATIVE_TAG,
            topic=ILLUSTRATIVE_LINE, starts_on=starts,
            ends_on=starts + dt.timedelta(days=rng.randint(0, 2)),
            venue=("Trực tuyến" if mode == "online" else
                   "Thành phố Hà Giang" if role == "organised" else ""),
            country=country, partners=partners, foreign_participants=foreigners,
            status="reported",
            approval_number=f"{200 + number * 11}/UBND-NV" if role == "organised" else "",
            approval_date=starts - dt.timedelta(days=rng.randint(10, 25))
            if role == "organised" else None,
            approver="Chủ tịch UBND tỉnh" if role == "organised" else "",
            report_received_on=starts + dt.timedelta(days=rng.randint(5, 14)),
        ))
    agreements = []
    for row in AGREEMENTS:
        kind, level, title, signatory, partners, sectors, month, years = row
        signed = _day(rng, month)
        agreements.append(dict(
            kind=kind, level=level, title=title + ILLUSTRATIVE_TAG, our_signatory=signatory,
            partners=partners, sectors=sectors, status="in_force", signed_on=signed,
            effective_on=signed,
            expires_on=signed.replace(year=YEAR + years) if years else None,
            summary=ILLUSTRATIVE_LINE,
            # The last one's post-signing report was never sent: an overdue item to show.
            report_sent_on=(signed + dt.timedelta(days=rng.randint(5, 14))
                            if len(agreements) < len(AGREEMENTS) - 1 else None),
        ))
    aid = []
    for row in AID:
        (kind, title, donors, sectors, districts, agency, currency, committed, shares,
         month) = row
        committed_on = _day(rng, month)
        transactions = [("commitment", committed_on, committed)]
        for index, share in enumerate(shares):
            day = committed_on + dt.timedelta(days=30 + 75 * index + rng.randint(0, 20))
            transactions.append(("disbursement", min(day, dt.date(YEAR, 12, 28)),
                                 round(committed * share)))
        aid.append(dict(
            kind=kind, title=title + ILLUSTRATIVE_TAG, donors=donors, sectors=sectors,
            places=districts, status="under_way", starts_on=committed_on,
            ends_on=dt.date(YEAR + 2, 12, 31), managing_agency=agency,
            decision_number=f"{300 + len(aid) * 13}/QĐ-UBND",
            decision_date=committed_on - dt.timedelta(days=rng.randint(5, 30)),
            description=ILLUSTRATIVE_LINE, currency=currency, transactions=transactions,
        ))
    return dict(delegations=delegations, events=events, agreements=agreements, aid=aid)

"""Agreements, aid programmes and events that the seed articles speak of.

The articles say that these exist, not when they were signed or how much money they moved:
dates and amounts are illustrative, and each record says so in its summary or description.
"""

import datetime as dt

HG = "Hà Giang"
BK = "Bắc Kạn"

DATES_ILLUSTRATIVE = "Ngày ký, ngày hiệu lực là minh họa; bài báo không nêu."

AGREEMENTS = [
    dict(owner=HG, kind="framework",
         title="Thỏa thuận khung hợp tác với Ngân hàng Thế giới tại Việt Nam",
         our_signatory="UBND tỉnh Hà Giang", partners=["wb"], sectors=["150", "430"],
         status="in_force", signed_on=dt.date(2019, 10, 15), effective_on=dt.date(2019, 10, 15),
         summary="Tỉnh ký kết Thỏa thuận khung hợp tác với Ngân hàng Thế giới (WB) tại Việt Nam "
                 "(bài 000, 001). " + DATES_ILLUSTRATIVE),
    dict(owner=HG, kind="agreement",
         title="Thỏa thuận thiết lập quan hệ hợp tác hữu nghị giữa tỉnh Hà Giang và tỉnh Benguet "
               "(Philippines)",
         our_signatory="UBND tỉnh Hà Giang", partners=["benguet"], sectors=["311", "332"],
         status="in_force", signed_on=dt.date(2017, 11, 20), effective_on=dt.date(2017, 11, 20),
         summary="Quan hệ hợp tác hữu nghị với tỉnh Benguet (bài 000, 001). "
                 + DATES_ILLUSTRATIVE),
    dict(owner=HG, kind="mou",
         title="Biên bản ghi nhớ thiết lập quan hệ hợp tác hữu nghị giữa tỉnh Hà Giang và thành "
               "phố Moriya, tỉnh Ibaraki (Nhật Bản)",
         our_signatory="UBND tỉnh Hà Giang", partners=["moriya"], sectors=["110", "332"],
         status="in_force", signed_on=dt.date(2019, 7, 8), effective_on=dt.date(2019, 7, 8),
         summary="Quan hệ hợp tác hữu nghị với thành phố Moriya (bài 000, 001). "
                 + DATES_ILLUSTRATIVE),
    dict(owner=HG, kind="agreement",
         title="Thỏa thuận hợp tác hữu nghị giữa tỉnh Hà Giang và huyện Boeun, tỉnh "
               "Chungcheongbuk (Hàn Quốc)",
         our_signatory="UBND tỉnh Hà Giang", partners=["boeun"], sectors=["311", "160"],
         status="in_force", signed_on=dt.date(2018, 10, 15), effective_on=dt.date(2018, 10, 15),
         summary="Quan hệ hợp tác hữu nghị với huyện (bài báo viết “quận”) Boeun (bài 000, 001). "
                 + DATES_ILLUSTRATIVE),
    dict(owner=HG, kind="minutes",
         title="Biên bản hội đàm giữa lãnh đạo tỉnh Hà Giang và lãnh đạo tỉnh Vân Nam (Trung "
               "Quốc)",
         our_signatory="Tỉnh ủy, UBND tỉnh Hà Giang", partners=["yunnan"],
         sectors=["331", "150"], status="in_force", signed_on=dt.date(2018, 4, 24),
         effective_on=dt.date(2018, 4, 24),
         summary="Quan hệ hợp tác với cấp ủy Đảng, chính quyền tỉnh Vân Nam (bài 000, 001). "
                 + DATES_ILLUSTRATIVE),
    dict(owner=HG, kind="minutes",
         title="Biên bản hội đàm giữa lãnh đạo tỉnh Hà Giang và lãnh đạo Khu tự trị dân tộc "
               "Choang Quảng Tây (Trung Quốc)",
         our_signatory="Tỉnh ủy, UBND tỉnh Hà Giang", partners=["guangxi"],
         sectors=["331", "150"], status="in_force", signed_on=dt.date(2019, 3, 19),
         effective_on=dt.date(2019, 3, 19),
         summary="Quan hệ hợp tác với cấp ủy Đảng, chính quyền Khu tự trị dân tộc Choang Quảng "
                 "Tây (bài 000, 001). " + DATES_ILLUSTRATIVE),
]

AMOUNTS_ILLUSTRATIVE = ("Số tiền và ngày giao dịch là minh họa; bài báo chỉ nêu chương trình, "
                        "không nêu kinh phí.")

# Transactions: (kind, date, amount, currency, note)
AID_PROGRAMMES = [
    # JICA is a Japanese government agency, so its grant is ODA, not NGO aid.
    dict(owner=HG, kind="oda_grant",
         title="Đường dây nóng phòng, chống mua bán người 18001282 tại Trung tâm Công tác xã "
               "hội tỉnh",
         donors=["jica"], sectors=["150"], places=[], status="under_way",
         starts_on=dt.date(2018, 1, 1), ends_on=None,
         managing_agency="Trung tâm Công tác xã hội tỉnh Hà Giang",
         description="Đường dây nóng phòng, chống mua, bán người 18001282 do JICA (Nhật Bản) tài "
                     "trợ, được duy trì hoạt động hiệu quả tại Trung tâm Công tác xã hội tỉnh "
                     "(bài 001). " + AMOUNTS_ILLUSTRATIVE,
         transactions=[
             ("commitment", dt.date(2018, 3, 15), "18000000", "JPY", "Cam kết tài trợ"),
             ("disbursement", dt.date(2018, 6, 20), "6000000", "JPY", "Năm thứ nhất"),
             ("disbursement", dt.date(2019, 6, 18), "6000000", "JPY", "Năm thứ hai"),
             ("disbursement", dt.date(2020, 6, 16), "6000000", "JPY", "Năm thứ ba"),
         ]),
    dict(owner=BK, kind="ngo",
         title="Chương trình phát triển cộng đồng vì trẻ em tỉnh Bắc Kạn (ChildFund Australia)",
         donors=["childfund"], sectors=["110", "120", "430"], places=[], status="under_way",
         starts_on=dt.date(2016, 1, 1), ends_on=dt.date(2021, 12, 31),
         managing_agency="Sở Lao động – Thương binh và Xã hội tỉnh Bắc Kạn",
         description="ChildFund Australia tại Việt Nam là một trong các tổ chức đang tài trợ cho "
                     "tỉnh (bài 004). " + AMOUNTS_ILLUSTRATIVE,
         transactions=[
             ("commitment", dt.date(2016, 2, 1), "1200000", "AUD", "Cam kết 2016–2021"),
             ("disbursement", dt.date(2017, 1, 20), "230000", "AUD", ""),
             ("disbursement", dt.date(2018, 1, 22), "240000", "AUD", ""),
             ("disbursement", dt.date(2019, 1, 21), "250000", "AUD", ""),
             ("disbursement", dt.date(2020, 1, 20), "240000", "AUD", ""),
         ]),
    dict(owner=BK, kind="ngo",
         title="Hỗ trợ người dân khắc phục thiệt hại do mưa đá năm 2020 (ChildFund Australia)",
         donors=["childfund"], sectors=["720"], places=[], status="finished",
         starts_on=dt.date(2020, 3, 1), ends_on=dt.date(2020, 6, 30),
         managing_agency="UBND tỉnh Bắc Kạn",
         description="Năm 2020, các tổ chức phi chính phủ nước ngoài hỗ trợ người dân khắc phục "
                     "thiệt hại do mưa đá (bài 004); gắn với ChildFund là minh họa. "
                     + AMOUNTS_ILLUSTRATIVE,
         transactions=[
             ("commitment", dt.date(2020, 3, 10), "1500000000", "VND", ""),
             ("disbursement", dt.date(2020, 4, 15), "1500000000", "VND", ""),
         ]),
    dict(owner=BK, kind="ngo",
         title="Phẫu thuật đục thủy tinh thể cho bệnh nhân nghèo, người cao tuổi tỉnh Bắc Kạn "
               "(APBA)",
         donors=["apba"], sectors=["120"], places=[], status="finished",
         starts_on=dt.date(2019, 1, 1), ends_on=dt.date(2020, 12, 31),
         managing_agency="Bệnh viện Đa khoa tỉnh Bắc Kạn",
         description="Tổ chức Phòng chống mù lòa Châu Á (APBA) phẫu thuật đục thủy tinh thể cho "
                     "bệnh nhân nghèo, người cao tuổi trên địa bàn tỉnh (bài 004). "
                     + AMOUNTS_ILLUSTRATIVE,
         transactions=[
             ("commitment", dt.date(2019, 2, 20), "60000", "USD", ""),
             ("disbursement", dt.date(2019, 9, 10), "30000", "USD", ""),
             ("disbursement", dt.date(2020, 9, 15), "30000", "USD", ""),
         ]),
]

EVENTS = [
    dict(owner=BK, kind="conference", role="attended", mode="in_person",
         title="Hội nghị gặp gỡ Nhật Bản 2020",
         topic="Hội nghị xúc tiến đầu tư, hợp tác quốc tế do Bộ Ngoại giao tổ chức; Phó Chủ "
               "tịch UBND tỉnh Đỗ Thị Minh Hoa và đoàn công tác của tỉnh tham gia (bài 004). "
               "Ngày và địa điểm là minh họa.",
         starts_on=dt.date(2020, 11, 20), ends_on=dt.date(2020, 11, 20), venue="Hà Nội",
         country="JP", partners=["jica"], status="reported"),
]

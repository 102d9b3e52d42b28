"""A month of Tuyên Quang's correspondence (November 2026): 20 documents received by the
office and 15 sent, the sent ones numbered in the office's books as the pages number them
(``Document.issue``), the last still a draft; some linked to the 2026 delegations and the
Benguet agreement (``demo.year2026``). Illustrative, as the rest of 2026: each summary ends
with ILLUSTRATIVE_TAG."""

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType

from doingoai.agreements.models import Agreement
from doingoai.correspondence.models import Document, DocumentLink
from doingoai.delegations.models import Delegation
from doingoai.demo import bodies, logins, year2026
from doingoai.demo.year2023 import ILLUSTRATIVE_TAG

D = dt.date
VAN_NAM = "Đoàn lãnh đạo tỉnh hội đàm định kỳ với tỉnh Vân Nam"
BENGUET = "Đoàn tỉnh Benguet khảo sát du lịch cộng đồng Hà Giang"
QUANG_TAY = "Đoàn Hội hữu nghị Quảng Tây giao lưu tại Tuyên Quang"
MOU = year2026.AGREEMENT[0]

# (type, number and symbol, dated, received, issuer, summary, urgency, status, answer due,
#  link: (delegation or agreement title, role) or None)
INCOMING = [
    ("cv", "4518/BNG-LS", D(2026, 10, 30), D(2026, 11, 2), "Bộ Ngoại giao",
     "V/v hướng dẫn công tác bảo hộ công dân dịp cuối năm", "normal", "filed", None, None),
    ("cv", "2231/UBND-NC", D(2026, 11, 2), D(2026, 11, 3), "UBND tỉnh Tuyên Quang",
     "V/v giao Sở Ngoại vụ chuẩn bị nội dung hội đàm với tỉnh Vân Nam năm 2027", "urgent",
     "assigned", D(2026, 11, 20), (VAN_NAM, "request")),
    ("gm", "112/GM-BNG", D(2026, 11, 3), D(2026, 11, 4), "Bộ Ngoại giao",
     "Mời dự Hội nghị Ngoại vụ toàn quốc lần thứ 22", "normal", "answered", None, None),
    ("cv", "877/SVHTTDL-QLDL", D(2026, 11, 4), D(2026, 11, 5),
     "Sở Văn hóa, Thể thao và Du lịch tỉnh Tuyên Quang",
     "V/v đề nghị góp ý dự thảo kế hoạch hợp tác du lịch với tỉnh Benguet", "normal",
     "answered", D(2026, 11, 12), (MOU, "consultation")),
    ("cv", "65/TLSQ-VP", D(2026, 11, 5), D(2026, 11, 6),
     "Tổng Lãnh sự quán Trung Quốc tại Hà Nội",
     "V/v đề nghị hỗ trợ đoàn doanh nghiệp Vân Nam khảo sát đầu tư", "normal", "assigned",
     D(2026, 11, 19), None),
    ("tb", "301/TB-BCĐ", D(2026, 11, 6), D(2026, 11, 9), "Ban Chỉ đạo công tác đối ngoại",
     "Thông báo kết luận phiên họp quý III/2026", "normal", "filed", None, None),
    ("cv", "1290/BCH-TM", D(2026, 11, 9), D(2026, 11, 10),
     "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Tuyên Quang",
     "V/v phối hợp tổ chức giao lưu hữu nghị biên giới cuối năm", "urgent", "received",
     D(2026, 12, 10), None),
    ("kh", "48/KH-LHHN", D(2026, 11, 10), D(2026, 11, 11),
     "Liên hiệp các tổ chức hữu nghị tỉnh Tuyên Quang",
     "Kế hoạch đón đoàn Hội hữu nghị Quảng Tây năm 2027", "normal", "received", None,
     (QUANG_TAY, "request")),
    ("cv", "3390/BNG-VP", D(2026, 11, 11), D(2026, 11, 12), "Bộ Ngoại giao",
     "V/v báo cáo kết quả công tác đối ngoại địa phương năm 2026", "very_urgent",
     "assigned", D(2026, 11, 30), None),
    ("cv", "19/BGT-SC", D(2026, 11, 12), D(2026, 11, 13),
     "Ban Du lịch tỉnh Benguet (Philippines)",
     "Thư đề nghị trao đổi đoàn khảo sát du lịch cộng đồng năm 2027", "normal",
     "assigned", D(2026, 11, 27), (BENGUET, "request")),
    ("qd", "1456/QĐ-UBND", D(2026, 11, 13), D(2026, 11, 16), "UBND tỉnh Tuyên Quang",
     "Quyết định phê duyệt danh mục dự án viện trợ phi chính phủ nước ngoài năm 2027",
     "normal", "filed", None, None),
    ("cv", "702/CLS-BHCD", D(2026, 11, 16), D(2026, 11, 17), "Cục Lãnh sự - Bộ Ngoại giao",
     "V/v xác minh nhân thân công dân tỉnh bị tạm giữ tại Trung Quốc", "flash", "answered",
     D(2026, 11, 18), None),
    ("gm", "205/GM-UBND", D(2026, 11, 17), D(2026, 11, 17), "UBND tỉnh Tuyên Quang",
     "Mời dự họp tổng kết công tác đối ngoại năm 2026", "normal", "filed", None, None),
    ("cv", "58/CV-GNI", D(2026, 11, 18), D(2026, 11, 20),
     "Tổ chức Good Neighbors International",
     "V/v đề nghị gia hạn thời gian thực hiện chương trình nước sạch trường học", "normal",
     "received", D(2026, 12, 18), None),
    ("cv", "4677/BCA-QLXNC", D(2026, 11, 19), D(2026, 11, 20),
     "Cục Quản lý xuất nhập cảnh - Bộ Công an",
     "V/v thẩm tra nhân sự đoàn khách nước ngoài vào khu vực biên giới", "urgent",
     "assigned", D(2026, 11, 26), None),
    ("bc", "92/BC-STC", D(2026, 11, 20), D(2026, 11, 23), "Sở Tài chính tỉnh Tuyên Quang",
     "Báo cáo tình hình sử dụng kinh phí đoàn ra năm 2026", "normal", "filed", None, None),
    ("cv", "441/UBND-VP", D(2026, 11, 23), D(2026, 11, 24), "UBND xã Lũng Cú",
     "V/v đề nghị hướng dẫn thủ tục đón đoàn xã Ma Lật Pha giao lưu dịp Tết", "normal",
     "received", D(2026, 12, 8), None),
    ("tt", "37/TTr-SNN", D(2026, 11, 24), D(2026, 11, 25),
     "Sở Nông nghiệp và Môi trường tỉnh Tuyên Quang",
     "Tờ trình xin ý kiến tiếp nhận dự án hỗ trợ kỹ thuật của JICA", "normal", "assigned",
     D(2026, 12, 4), None),
    ("cv", "5120/BNG-ĐNA", D(2026, 11, 26), D(2026, 11, 27), "Bộ Ngoại giao",
     "V/v chuẩn bị đón đoàn Đại sứ các nước ASEAN thăm tỉnh", "urgent", "received",
     D(2026, 12, 11), None),
    ("tb", "88/TB-VPUBND", D(2026, 11, 27), D(2026, 11, 30), "Văn phòng UBND tỉnh",
     "Thông báo lịch làm việc của lãnh đạo tỉnh với khách quốc tế tháng 12/2026", "normal",
     "received", None, None),
]

# (type, symbol or "" for the book made from the type, dated, recipients, summary, signer,
#  urgency, link or None); the last is left a draft.
OUTGOING = [
    ("cv", "SNgV-LS", D(2026, 11, 3), "Cục Lãnh sự - Bộ Ngoại giao",
     "V/v báo cáo tình hình công dân tỉnh ở nước ngoài tháng 10/2026", "Phó Giám đốc",
     "normal", None),
    ("kh", "", D(2026, 11, 4), "UBND tỉnh; các sở, ngành liên quan",
     "Kế hoạch tổ chức hội đàm định kỳ với tỉnh Vân Nam năm 2027", "Giám đốc", "normal",
     (VAN_NAM, "draft")),
    ("cv", "SNgV-HTQT", D(2026, 11, 5), "Sở Văn hóa, Thể thao và Du lịch",
     "V/v góp ý dự thảo kế hoạch hợp tác du lịch với tỉnh Benguet", "Phó Giám đốc", "normal",
     (MOU, "consultation")),
    ("tt", "", D(2026, 11, 6), "UBND tỉnh Tuyên Quang",
     "Tờ trình về việc cử đoàn đi làm việc tại tỉnh Vân Nam", "Giám đốc", "urgent",
     (VAN_NAM, "request")),
    ("gm", "", D(2026, 11, 9), "Các sở, ngành, UBND các xã biên giới",
     "Mời dự hội nghị triển khai công tác đối ngoại nhân dân năm 2027", "Phó Giám đốc",
     "normal", None),
    ("cv", "SNgV-LS", D(2026, 11, 10), "Tổng Lãnh sự quán Trung Quốc tại Hà Nội",
     "V/v trả lời đề nghị hỗ trợ đoàn doanh nghiệp Vân Nam", "Giám đốc", "normal", None),
    ("bc", "", D(2026, 11, 12), "Bộ Ngoại giao; UBND tỉnh",
     "Báo cáo kết quả đón đoàn tỉnh Benguet khảo sát du lịch cộng đồng", "Giám đốc", "normal",
     (BENGUET, "report")),
    ("cv", "SNgV-LS", D(2026, 11, 17), "Cục Lãnh sự - Bộ Ngoại giao",
     "V/v xác minh nhân thân công dân bị tạm giữ tại Trung Quốc", "Phó Giám đốc", "flash",
     None),
    ("tb", "", D(2026, 11, 18), "Các phòng thuộc Sở",
     "Thông báo phân công nhiệm vụ chuẩn bị đón đoàn Hội hữu nghị Quảng Tây", "Giám đốc",
     "normal", (QUANG_TAY, "other")),
    ("cv", "SNgV-HTQT", D(2026, 11, 19), "Ban Du lịch tỉnh Benguet (Philippines)",
     "V/v trả lời đề nghị trao đổi đoàn khảo sát du lịch năm 2027", "Giám đốc", "normal",
     (BENGUET, "other")),
    ("bc", "", D(2026, 11, 23), "UBND tỉnh Tuyên Quang",
     "Báo cáo tình hình thực hiện biên bản ghi nhớ hợp tác du lịch với tỉnh Benguet",
     "Giám đốc", "normal", (MOU, "report")),
    ("cv", "SNgV-LS", D(2026, 11, 24), "Bộ Chỉ huy Bộ đội Biên phòng tỉnh",
     "V/v phối hợp thẩm tra nhân sự đoàn khách vào khu vực biên giới", "Phó Giám đốc",
     "urgent", None),
    ("kh", "", D(2026, 11, 25), "Các sở, ngành; UBND các xã biên giới",
     "Kế hoạch tổ chức giao lưu hữu nghị biên giới dịp Tết Nguyên đán 2027", "Giám đốc",
     "normal", None),
    ("tt", "", D(2026, 11, 27), "UBND tỉnh Tuyên Quang",
     "Tờ trình phê duyệt kế hoạch hoạt động đối ngoại năm 2027", "Giám đốc", "normal", None),
    ("bc", "", D(2026, 11, 30), "Bộ Ngoại giao",
     "Báo cáo kết quả công tác đối ngoại địa phương năm 2026 (dự thảo)", "Giám đốc",
     "very_urgent", None),
]


def load(loader) -> None:
    province = bodies.tuyen_quang()
    office = bodies.body(province, bodies.OFFICE)
    author = get_user_model().objects.get(username=logins.TQ_SPECIALIST.username)
    records = {
        **{d.title.removesuffix(ILLUSTRATIVE_TAG): d
           for d in Delegation.all_objects.filter(owner=province)},
        **{a.title.removesuffix(ILLUSTRATIVE_TAG): a
           for a in Agreement.all_objects.filter(owner=province)},
    }

    def linked(to):
        if to is None:
            return None
        title, role = to

        def link(document):
            record = records[title]
            _, created = DocumentLink.objects.get_or_create(
                document=document, content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk, role=role)
            loader.summary.add(DocumentLink, created=created)
        return link

    def owned(summary, defaults, then=None):
        return loader.ensure(Document, {"owner": province, "summary": summary + ILLUSTRATIVE_TAG},
                             {"created_by": author, "organisation": office, **defaults},
                             author=author, then=then)

    for (kind, reference, dated, received, issuer, summary, urgency, status, due,
         to) in INCOMING:
        owned(summary, {"direction": "incoming", "kind": kind, "reference": reference,
                        "dated_on": dated, "received_on": received, "issuer": issuer,
                        "urgency": urgency, "status": status, "answer_due_on": due,
                        "handled_by": author if status != "received" else None},
              then=linked(to))
    last = len(OUTGOING) - 1
    for n, (kind, symbol, dated, recipients, summary, signer, urgency, to) in enumerate(
            OUTGOING):
        link = linked(to)

        def issued(document, dated=dated, link=link, draft=n == last):
            if not draft:  # numbered in the office's book, as the page's "Issue" does it
                document.issue(author, today=dated)
            if link is not None:
                link(document)

        owned(summary, {"direction": "outgoing", "kind": kind, "symbol": symbol,
                        "dated_on": dated, "recipients": recipients, "signer": signer,
                        "urgency": urgency}, then=issued)

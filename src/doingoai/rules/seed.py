"""The national rules seeded by migration 0002 (read by the migration, kept here so the
README and tests can cite them). Each text was checked against /work/shared/legal/ where the
document is there; the notes say where a number could not be verified."""

import datetime as dt

D = dt.date

DOCUMENTS = [
    {
        "number": "06/2020/QĐ-TTg", "kind": "decision", "issuer": "Thủ tướng Chính phủ",
        "title": "Quyết định về tổ chức và quản lý hội nghị, hội thảo quốc tế tại Việt Nam",
        "issued_on": D(2020, 2, 21), "effective_on": D(2020, 4, 15),
    },
    {
        "number": "70/2020/QH14", "kind": "law", "issuer": "Quốc hội",
        "title": "Luật Thỏa thuận quốc tế",
        "issued_on": D(2020, 11, 13), "effective_on": D(2021, 7, 1),
    },
    {
        "number": "64/2021/NĐ-CP", "kind": "decree", "issuer": "Chính phủ",
        "title": "Nghị định về ký kết và thực hiện thỏa thuận quốc tế nhân danh tổng cục, cục "
                 "thuộc bộ, cơ quan ngang bộ; cơ quan chuyên môn thuộc Ủy ban nhân dân cấp "
                 "tỉnh; Ủy ban nhân dân cấp huyện; Ủy ban nhân dân cấp xã ở khu vực biên giới",
        "issued_on": D(2021, 6, 30), "effective_on": D(2021, 7, 1),
    },
    {
        "number": "177/2025/NĐ-CP", "kind": "decree", "issuer": "Chính phủ",
        "title": "Nghị định sửa đổi, bổ sung các Nghị định trong lĩnh vực thỏa thuận quốc tế; "
                 "xử lý một số vấn đề liên quan đến việc tổ chức chính quyền địa phương 02 cấp",
        "issued_on": D(2025, 6, 30), "effective_on": D(2025, 7, 1),
    },
    {
        "number": "80/2020/NĐ-CP", "kind": "decree", "issuer": "Chính phủ",
        "title": "Nghị định về quản lý và sử dụng viện trợ không hoàn lại không thuộc hỗ trợ "
                 "phát triển chính thức của các cơ quan, tổ chức, cá nhân nước ngoài dành cho "
                 "Việt Nam",
        "issued_on": D(2020, 7, 8), "effective_on": D(2020, 9, 17),
        "note_vi": "Được thay thế bởi Nghị định 313/2025/NĐ-CP từ ngày 08/12/2025.",
        "note_en": "Replaced by Decree 313/2025/NĐ-CP from 08/12/2025.",
    },
    {
        "number": "313/2025/NĐ-CP", "kind": "decree", "issuer": "Chính phủ",
        "title": "Nghị định quy định về quản lý và sử dụng viện trợ không hoàn lại không thuộc "
                 "hỗ trợ phát triển chính thức của cơ quan, tổ chức, cá nhân nước ngoài dành "
                 "cho Việt Nam",
        "issued_on": D(2025, 12, 8), "effective_on": D(2025, 12, 8),
        "note_vi": "Thay thế Nghị định 80/2020/NĐ-CP. Khi khởi tạo các quy định chưa có toàn văn "
                   "nghị định: các thời hạn báo cáo của Nghị định 80 được giữ nguyên; cần đối "
                   "chiếu với nghị định và sửa các quy định tại đây nếu nghị định thay đổi.",
        "note_en": "Replaces Decree 80/2020/NĐ-CP. Its full text was not at hand when the rules "
                "were seeded: the report deadlines of Decree 80 were carried over; check them "
                "against the decree and correct the rules here if it changed them.",
    },
    {
        "number": "23/2022/TT-BTC", "kind": "circular", "issuer": "Bộ Tài chính",
        "title": "Thông tư hướng dẫn quản lý tài chính nhà nước đối với nguồn viện trợ không "
                 "hoàn lại của nước ngoài thuộc nguồn thu ngân sách nhà nước",
        "issued_on": D(2022, 4, 6), "effective_on": D(2022, 5, 20),
    },
    {
        "number": "03/2023/TT-BNV", "kind": "circular", "issuer": "Bộ Nội vụ",
        "title": "Thông tư về đào tạo, bồi dưỡng cán bộ, công chức, viên chức ở nước ngoài",
        "issued_on": None, "effective_on": None,
        "note_vi": "Dùng làm số ngày mặc định cho báo cáo sau chuyến đi: Điều 12 quy định 15 ngày "
                   "sau khi về nước đối với đoàn đi đào tạo. Quy định về công tác đối ngoại của "
                   "tỉnh có số ngày riêng: thêm quy định của tỉnh với cùng mã.",
        "note_en": "Seeded as the default number of days for a post-trip report: its Art. 12 "
                "gives 15 days after return for training delegations. A province's own "
                "regulation on foreign affairs sets its own number: add it as a provincial "
                "rule with the same code.",
    },
    {
        "number": "58/2012/QĐ-TTg", "kind": "decision", "issuer": "Thủ tướng Chính phủ",
        "title": "Quyết định về việc sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ",
        "issued_on": D(2012, 12, 24), "effective_on": None,
        "note_vi": "Luật 49/2019/QH14 (Điều 24) và Thông tư 04/2020/TT-BNG hiện điều chỉnh các "
                   "loại hộ chiếu này; chưa kiểm chứng việc giữ thời hạn 5 ngày làm việc.",
        "note_en": "Law 49/2019/QH14 (Art. 24) and Circular 04/2020/TT-BNG now govern these "
                "passports; whether they keep the 5 working days was not verified.",
    },
]

RULES = [
    # --- conferences and seminars -------------------------------------------------------
    {"document": "06/2020/QĐ-TTg", "code": "event.application_days", "area": "events",
     "article": "Art. 5(1)(a)", "valid_from": D(2020, 4, 15), "amount": 30, "unit": "days",
     "approver": "province_chair",
     "description_vi": "Hồ sơ đề nghị tổ chức hội nghị, hội thảo quốc tế phải đến cấp có thẩm "
                       "quyền cho phép chậm nhất 30 ngày trước ngày tổ chức; Chủ tịch Ủy ban nhân "
                       "dân tỉnh cho phép.",
     "description_en": "The application to organise an international conference or seminar "
                    "reaches the approver at least 30 days before it; the chair of the "
                    "provincial People's Committee approves."},
    {"document": "06/2020/QĐ-TTg", "code": "event.application_days_pm", "area": "events",
     "article": "Art. 5(1)(a)", "valid_from": D(2020, 4, 15), "amount": 40, "unit": "days",
     "approver": "prime_minister",
     "description_vi": "Chậm nhất 40 ngày trước ngày tổ chức đối với hội nghị, hội thảo do Thủ "
                       "tướng Chính phủ cho phép: có khách nước ngoài cấp bộ trưởng trở lên, hoặc "
                       "có nội dung về chủ quyền, an ninh, quốc phòng, dân tộc, tôn giáo, nhân "
                       "quyền, bí mật nhà nước.",
     "description_en": "At least 40 days before the event where the Prime Minister approves: "
                    "foreign guests at minister level or above, or topics of sovereignty, "
                    "security, defence, ethnicity, religion, human rights or state secrets."},
    {"document": "06/2020/QĐ-TTg", "code": "event.report_days", "area": "events",
     "article": "Art. 5(2)(c)", "valid_from": D(2020, 4, 15), "amount": 15, "unit": "days",
     "description_vi": "Trong thời hạn 15 ngày sau khi kết thúc hội nghị, hội thảo, cơ quan tổ "
                       "chức báo cáo kết quả với cấp cho phép (Mẫu 02), đồng gửi Bộ Ngoại giao đối"
                       " với hội nghị, hội thảo do Thủ tướng Chính phủ cho phép.",
     "description_en": "The organiser reports the results to the approver within 15 days after "
                    "the event (Form 02), copied to the Ministry of Foreign Affairs where the "
                    "Prime Minister approved."},
    {"document": "06/2020/QĐ-TTg", "code": "event.annual_report", "area": "events",
     "article": "Art. 9(1), 9(3)", "valid_from": D(2020, 4, 15), "due_month": 12, "due_day": 18,
     "description_vi": "Tỉnh gửi Bộ Ngoại giao báo cáo hằng năm về tổ chức hội nghị, hội thảo quốc"
                       " tế trước ngày 18 tháng 12 (Mẫu 03), số liệu từ ngày 15 tháng 12 năm trước"
                       " đến ngày 14 tháng 12.",
     "description_en": "The province's annual report on international conferences and seminars "
                    "to the Ministry of Foreign Affairs by 18 December (Form 03), covering 15 "
                    "December of the year before to 14 December."},
    # --- international agreements --------------------------------------------------------
    {"document": "70/2020/QH14", "code": "agreement.consultation_working_days",
     "area": "agreements", "article": "Art. 20(2)", "valid_from": D(2021, 7, 1), "amount": 7,
     "unit": "working_days",
     "description_vi": "Bộ Ngoại giao và các cơ quan được lấy ý kiến trả lời bằng văn bản trong "
                       "thời hạn 7 ngày làm việc kể từ ngày nhận đủ hồ sơ.",
     "description_en": "The Ministry of Foreign Affairs and the agencies consulted answer in "
                    "writing within 7 working days of receiving the complete file."},
    {"document": "64/2021/NĐ-CP", "code": "agreement.department_consultation_working_days",
     "area": "agreements", "article": "Art. 7(2)", "valid_from": D(2021, 7, 1), "amount": 7,
     "unit": "working_days",
     "description_vi": "Đối với thỏa thuận quốc tế của cơ quan chuyên môn thuộc Ủy ban nhân dân "
                       "cấp tỉnh, Ủy ban nhân dân cấp huyện, Ủy ban nhân dân cấp xã ở khu vực biên"
                       " giới, cơ quan ngoại vụ cấp tỉnh và các cơ quan được lấy ý kiến trả lời "
                       "trong thời hạn 7 ngày làm việc.",
     "description_en": "For an agreement of a provincial department, district or border commune, "
                    "the provincial foreign affairs office and the agencies consulted answer "
                    "within 7 working days."},
    {"document": "70/2020/QH14", "code": "agreement.report_days", "area": "agreements",
     "article": "Art. 20(5)", "valid_from": D(2021, 7, 1), "amount": 15, "unit": "days",
     "description_vi": "Sau khi ký, cơ quan nhà nước ở cấp tỉnh báo cáo Thủ tướng Chính phủ bằng "
                       "văn bản và gửi bản sao thỏa thuận quốc tế cho Bộ Ngoại giao trong thời hạn"
                       " 15 ngày.",
     "description_en": "After signing, the provincial state body reports to the Prime Minister in "
                    "writing and sends a copy of the agreement to the Ministry of Foreign "
                    "Affairs within 15 days."},
    {"document": "64/2021/NĐ-CP", "code": "agreement.department_report_days",
     "area": "agreements", "article": "Art. 7(6)", "valid_from": D(2021, 7, 1), "amount": 15,
     "unit": "days",
     "description_vi": "Cơ quan chuyên môn thuộc Ủy ban nhân dân cấp tỉnh đã ký báo cáo Chủ tịch "
                       "Ủy ban nhân dân cấp tỉnh và gửi bản sao cho cơ quan ngoại vụ cấp tỉnh "
                       "trong thời hạn 15 ngày.",
     "description_en": "A provincial department that signed reports to the chair of the "
                    "People's Committee and sends a copy to the provincial foreign affairs "
                    "office within 15 days."},
    {"document": "70/2020/QH14", "code": "agreement.annual_plan", "area": "agreements",
     "article": "Art. 47(1)", "valid_from": D(2021, 7, 1), "due_month": 11, "due_day": 15,
     "description_vi": "Kế hoạch ký kết thỏa thuận quốc tế hằng năm gửi Bộ Ngoại giao trước ngày "
                       "15 tháng 11.",
     "description_en": "The yearly plan of agreements to sign goes to the Ministry of Foreign "
                    "Affairs by 15 November."},
    {"document": "70/2020/QH14", "code": "agreement.annual_report", "area": "agreements",
     "article": "Art. 47(3)", "valid_from": D(2021, 7, 1), "due_month": 11, "due_day": 15,
     "description_vi": "Báo cáo tình hình ký kết và thực hiện thỏa thuận quốc tế gửi Bộ Ngoại giao"
                       " trước ngày 15 tháng 11 hằng năm.",
     "description_en": "The report on signing and implementing agreements goes to the Ministry of "
                    "Foreign Affairs by 15 November every year."},
    {"document": "177/2025/NĐ-CP", "code": "agreement.merged_unit_review",
     "area": "agreements", "article": "Art. 5", "valid_from": D(2025, 7, 1),
     "description_vi": "Thỏa thuận quốc tế do các tỉnh, đơn vị được sắp xếp năm 2025 ký kết được "
                       "chuyển cho đơn vị kế thừa; đơn vị kế thừa rà soát và thông báo cho đối tác"
                       " nước ngoài về sự thay đổi.",
     "description_en": "Agreements signed by provinces and units merged in 2025 pass to the "
                    "successor unit, which reviews them and notifies the foreign partners of "
                    "the change."},
    # --- foreign NGO aid: Decree 80/2020 until 7/12/2025, Decree 313/2025 from 8/12/2025 --
    *[
        {"document": number, "code": code, "area": "aid", "article": article,
         "valid_from": start, "valid_to": end, **what}
        for number, start, end, articles in (
            ("80/2020/NĐ-CP", D(2020, 9, 17), D(2025, 12, 7),
             ("Art. 14(9)", "Art. 15(4)", "Art. 16(5)")),
            ("313/2025/NĐ-CP", D(2025, 12, 8), None, ("", "", "")),
        )
        for code, article, what in (
            ("aid.agency_annual_report", articles[0], {
                "due_month": 1, "due_day": 15,
                "description_vi": "Cơ quan chủ quản báo cáo hằng năm về tình hình vận động, giải "
                                  "ngân và sử dụng viện trợ, gửi các bộ trước ngày 15 tháng 01 năm"
                                  " sau.",
                "description_en": "The managing agency's yearly report on aid mobilised, "
                               "disbursed and used reaches the ministries by 15 January of "
                               "the following year."}),
            ("aid.board_report_months", articles[2], {
                "amount": 6, "unit": "months",
                "description_vi": "Ban quản lý dự án báo cáo tình hình thực hiện và tài chính 6 "
                                  "tháng và hằng năm.",
                "description_en": "The project board reports on implementation and finances "
                               "every six months and every year."}),
            ("aid.end_report_months", articles[1], {
                "amount": 6, "unit": "months",
                "description_vi": "Báo cáo kết thúc khoản viện trợ gửi cơ quan chủ quản trong thời"
                                  " hạn 6 tháng sau khi kết thúc viện trợ.",
                "description_en": "The end-of-aid report reaches the managing agency within six "
                               "months after the aid ends."}),
        )
    ],
    {"document": "23/2022/TT-BTC", "code": "aid.report_first_half", "area": "aid",
     "article": "Art. 21(6)(b)", "valid_from": D(2022, 5, 20), "due_month": 7, "due_day": 31,
     "description_vi": "Báo cáo 6 tháng về tình hình tiếp nhận, sử dụng viện trợ, từ ngày 01 tháng"
                       " 01 đến ngày 30 tháng 6, gửi trước ngày 31 tháng 7.",
     "description_en": "Six-monthly report on aid received and used, for 1 January to 30 June, "
                    "by 31 July."},
    {"document": "23/2022/TT-BTC", "code": "aid.report_second_half", "area": "aid",
     "article": "Art. 21(6)(b)", "valid_from": D(2022, 5, 20), "due_month": 2, "due_day": 15,
     "description_vi": "Báo cáo 6 tháng từ ngày 01 tháng 7 đến ngày 31 tháng 12, gửi trước ngày 15"
                       " tháng 02 năm sau.",
     "description_en": "Six-monthly report for 1 July to 31 December, by 15 February of the "
                    "following year."},
    {"document": "23/2022/TT-BTC", "code": "aid.report_year", "area": "aid",
     "article": "Art. 21(6)(b)", "valid_from": D(2022, 5, 20), "due_month": 2, "due_day": 28,
     "description_vi": "Báo cáo năm (từ ngày 01 tháng 01 đến ngày 31 tháng 01 năm sau) gửi trước "
                       "ngày 28 tháng 02 năm sau.",
     "description_en": "Yearly report (1 January to 31 January of the following year) by 28 "
                    "February of the following year."},
    # --- delegations and passports --------------------------------------------------------
    {"document": "03/2023/TT-BNV", "code": "delegation.report_days", "area": "delegations",
     "article": "Art. 12(2)", "amount": 15, "unit": "days", "approver": "leader",
     "description_vi": "Báo cáo kết quả chuyến đi nộp trong thời hạn 15 ngày sau khi đoàn về nước."
                       " Giá trị mặc định, lấy theo quy định đối với đoàn đi đào tạo; quy định "
                       "riêng của tỉnh sẽ thay thế.",
     "description_en": "The post-trip report is due 15 days after the delegation returns. "
                    "Seeded default, taken from the rule for training delegations; a "
                    "province's own regulation replaces it."},
    {"document": "58/2012/QĐ-TTg", "code": "passport.return_working_days",
     "area": "passports", "article": "Art. 7", "amount": 5, "unit": "working_days",
     "description_vi": "Hộ chiếu ngoại giao, hộ chiếu công vụ được nộp lại cho cơ quan quản lý "
                       "trong thời hạn 5 ngày làm việc kể từ ngày nhập cảnh Việt Nam.",
     "description_en": "Diplomatic and official passports go back to the agency that manages "
                    "them within 5 working days of re-entering Vietnam."},
]

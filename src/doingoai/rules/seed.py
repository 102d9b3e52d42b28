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
        "note": "Replaced by Decree 313/2025/NĐ-CP from 08/12/2025.",
    },
    {
        "number": "313/2025/NĐ-CP", "kind": "decree", "issuer": "Chính phủ",
        "title": "Nghị định quy định về quản lý và sử dụng viện trợ không hoàn lại không thuộc "
                 "hỗ trợ phát triển chính thức của cơ quan, tổ chức, cá nhân nước ngoài dành "
                 "cho Việt Nam",
        "issued_on": D(2025, 12, 8), "effective_on": D(2025, 12, 8),
        "note": "Replaces Decree 80/2020/NĐ-CP. Its full text was not at hand when the rules "
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
        "note": "Seeded as the default number of days for a post-trip report: its Art. 12 "
                "gives 15 days after return for training delegations. A province's own "
                "regulation on foreign affairs sets its own number: add it as a provincial "
                "rule with the same code.",
    },
    {
        "number": "58/2012/QĐ-TTg", "kind": "decision", "issuer": "Thủ tướng Chính phủ",
        "title": "Quyết định về việc sử dụng và quản lý hộ chiếu ngoại giao, hộ chiếu công vụ",
        "issued_on": D(2012, 12, 24), "effective_on": None,
        "note": "Law 49/2019/QH14 (Art. 24) and Circular 04/2020/TT-BNG now govern these "
                "passports; whether they keep the 5 working days was not verified.",
    },
]

RULES = [
    # --- conferences and seminars -------------------------------------------------------
    {"document": "06/2020/QĐ-TTg", "code": "event.application_days", "area": "events",
     "article": "Art. 5(1)(a)", "valid_from": D(2020, 4, 15), "amount": 30, "unit": "days",
     "approver": "province_chair",
     "description": "The application to organise an international conference or seminar "
                    "reaches the approver at least 30 days before it; the chair of the "
                    "provincial People's Committee approves."},
    {"document": "06/2020/QĐ-TTg", "code": "event.application_days_pm", "area": "events",
     "article": "Art. 5(1)(a)", "valid_from": D(2020, 4, 15), "amount": 40, "unit": "days",
     "approver": "prime_minister",
     "description": "At least 40 days before the event where the Prime Minister approves: "
                    "foreign guests at minister level or above, or topics of sovereignty, "
                    "security, defence, ethnicity, religion, human rights or state secrets."},
    {"document": "06/2020/QĐ-TTg", "code": "event.report_days", "area": "events",
     "article": "Art. 5(2)(c)", "valid_from": D(2020, 4, 15), "amount": 15, "unit": "days",
     "description": "The organiser reports the results to the approver within 15 days after "
                    "the event (Form 02), copied to the Ministry of Foreign Affairs where the "
                    "Prime Minister approved."},
    {"document": "06/2020/QĐ-TTg", "code": "event.annual_report", "area": "events",
     "article": "Art. 9(1), 9(3)", "valid_from": D(2020, 4, 15), "due_month": 12, "due_day": 18,
     "description": "The province's annual report on international conferences and seminars "
                    "to the Ministry of Foreign Affairs by 18 December (Form 03), covering 15 "
                    "December of the year before to 14 December."},
    # --- international agreements --------------------------------------------------------
    {"document": "70/2020/QH14", "code": "agreement.consultation_working_days",
     "area": "agreements", "article": "Art. 20(2)", "valid_from": D(2021, 7, 1), "amount": 7,
     "unit": "working_days",
     "description": "The Ministry of Foreign Affairs and the agencies consulted answer in "
                    "writing within 7 working days of receiving the complete file."},
    {"document": "64/2021/NĐ-CP", "code": "agreement.department_consultation_working_days",
     "area": "agreements", "article": "Art. 7(2)", "valid_from": D(2021, 7, 1), "amount": 7,
     "unit": "working_days",
     "description": "For an agreement of a provincial department, district or border commune, "
                    "the provincial foreign affairs office and the agencies consulted answer "
                    "within 7 working days."},
    {"document": "70/2020/QH14", "code": "agreement.report_days", "area": "agreements",
     "article": "Art. 20(5)", "valid_from": D(2021, 7, 1), "amount": 15, "unit": "days",
     "description": "After signing, the provincial state body reports to the Prime Minister in "
                    "writing and sends a copy of the agreement to the Ministry of Foreign "
                    "Affairs within 15 days."},
    {"document": "64/2021/NĐ-CP", "code": "agreement.department_report_days",
     "area": "agreements", "article": "Art. 7(6)", "valid_from": D(2021, 7, 1), "amount": 15,
     "unit": "days",
     "description": "A provincial department that signed reports to the chair of the "
                    "People's Committee and sends a copy to the provincial foreign affairs "
                    "office within 15 days."},
    {"document": "70/2020/QH14", "code": "agreement.annual_plan", "area": "agreements",
     "article": "Art. 47(1)", "valid_from": D(2021, 7, 1), "due_month": 11, "due_day": 15,
     "description": "The yearly plan of agreements to sign goes to the Ministry of Foreign "
                    "Affairs by 15 November."},
    {"document": "70/2020/QH14", "code": "agreement.annual_report", "area": "agreements",
     "article": "Art. 47(3)", "valid_from": D(2021, 7, 1), "due_month": 11, "due_day": 15,
     "description": "The report on signing and implementing agreements goes to the Ministry of "
                    "Foreign Affairs by 15 November every year."},
    {"document": "177/2025/NĐ-CP", "code": "agreement.merged_unit_review",
     "area": "agreements", "article": "Art. 5", "valid_from": D(2025, 7, 1),
     "description": "Agreements signed by provinces and units merged in 2025 pass to the "
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
                "description": "The managing agency's yearly report on aid mobilised, "
                               "disbursed and used reaches the ministries by 15 January of "
                               "the following year."}),
            ("aid.board_report_months", articles[2], {
                "amount": 6, "unit": "months",
                "description": "The project board reports on implementation and finances "
                               "every six months and every year."}),
            ("aid.end_report_months", articles[1], {
                "amount": 6, "unit": "months",
                "description": "The end-of-aid report reaches the managing agency within six "
                               "months after the aid ends."}),
        )
    ],
    {"document": "23/2022/TT-BTC", "code": "aid.report_first_half", "area": "aid",
     "article": "Art. 21(6)(b)", "valid_from": D(2022, 5, 20), "due_month": 7, "due_day": 31,
     "description": "Six-monthly report on aid received and used, for 1 January to 30 June, "
                    "by 31 July."},
    {"document": "23/2022/TT-BTC", "code": "aid.report_second_half", "area": "aid",
     "article": "Art. 21(6)(b)", "valid_from": D(2022, 5, 20), "due_month": 2, "due_day": 15,
     "description": "Six-monthly report for 1 July to 31 December, by 15 February of the "
                    "following year."},
    {"document": "23/2022/TT-BTC", "code": "aid.report_year", "area": "aid",
     "article": "Art. 21(6)(b)", "valid_from": D(2022, 5, 20), "due_month": 2, "due_day": 28,
     "description": "Yearly report (1 January to 31 January of the following year) by 28 "
                    "February of the following year."},
    # --- delegations and passports --------------------------------------------------------
    {"document": "03/2023/TT-BNV", "code": "delegation.report_days", "area": "delegations",
     "article": "Art. 12(2)", "amount": 15, "unit": "days", "approver": "leader",
     "description": "The post-trip report is due 15 days after the delegation returns. "
                    "Seeded default, taken from the rule for training delegations; a "
                    "province's own regulation replaces it."},
    {"document": "58/2012/QĐ-TTg", "code": "passport.return_working_days",
     "area": "passports", "article": "Art. 7", "amount": 5, "unit": "working_days",
     "description": "Diplomatic and official passports go back to the agency that manages "
                    "them within 5 working days of re-entering Vietnam."},
]

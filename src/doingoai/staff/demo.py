"""Illustrative foreign-affairs officials and a training course."""

import datetime as dt

from doingoai.privacy.demo import ILLUSTRATIVE, ensure_record
from doingoai.staff.models import Attendance, Officer, TrainingCourse


def load_demo(province, user):
    officers = [
        ensure_record(Officer, province, user, {"full_name": "Sùng Mí P. (minh họa)"}, {
            "unit": "Sở Ngoại vụ", "position": "Chuyên viên", "full_time": True,
            "languages": "Tiếng Trung (HSK 5)", "notes": ILLUSTRATIVE}),
        ensure_record(Officer, province, user, {"full_name": "Lò Thị H. (minh họa)"}, {
            "unit": "UBND xã Thanh Thủy", "position": "Công chức văn phòng",
            "languages": "Tiếng Trung (giao tiếp)", "notes": ILLUSTRATIVE}),
    ]

    def attendance(course):
        for officer in officers:
            Attendance.objects.create(course=course, officer=officer)

    ensure_record(TrainingCourse, province, user,
                  {"title": "Bồi dưỡng kiến thức đối ngoại cho cán bộ cấp xã biên giới"}, {
                      "organiser": "Sở Ngoại vụ phối hợp Học viện Ngoại giao",
                      "starts_on": dt.date(2023, 5, 8), "ends_on": dt.date(2023, 5, 10),
                      "place": "Thành phố Hà Giang", "notes": ILLUSTRATIVE}, then=attendance)

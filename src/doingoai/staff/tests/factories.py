import datetime as dt

from doingoai.staff.models import Attendance, Officer, TrainingCourse


def make_officer(owner, **fields) -> Officer:
    values = {"full_name": "Sùng Mí Páo", "unit": "Phòng Ngoại vụ", "position": "Chuyên viên",
              "languages": "Tiếng Trung (HSK 4)", "phone": "0912345678"}
    return Officer.objects.create(owner=owner, **{**values, **fields})


def make_course(owner, **fields) -> TrainingCourse:
    values = {"title": "Bồi dưỡng kiến thức đối ngoại", "organiser": "Học viện Ngoại giao",
              "starts_on": dt.date(2023, 5, 8)}
    course = TrainingCourse.objects.create(owner=owner, **{**values, **fields})
    Attendance.objects.create(course=course, officer=make_officer(owner))
    return course


def officer_form(owner) -> dict:
    return {"full_name": "Lò Thị Hoa", "unit": "UBND xã Thanh Thủy", "languages": "Tiếng Anh"}


def course_form(owner) -> dict:
    return {"title": "Lễ tân đối ngoại", "starts_on": "2024-04-10"}


FACTORIES = {Officer: make_officer, TrainingCourse: make_course}
FORM_DATA = {Officer: officer_form, TrainingCourse: course_form}

from doingoai.staff.pages import courses, officers

app_name = "staff"

urlpatterns = [*officers.urls(), *courses.urls()]

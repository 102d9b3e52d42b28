from django.urls import path

from doingoai.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_page, name="report"),
    path("export/", views.export, name="report-export"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("compare/", views.compare, name="compare"),
    path("coverage/", views.coverage, name="coverage"),
    path("choose/", views.choose, name="choose"),
]

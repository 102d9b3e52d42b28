from django.urls import path

from doingoai.reports import document_views as documents
from doingoai.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_page, name="report"),
    path("export/", views.export, name="report-export"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("compare/", views.compare, name="compare"),
    path("coverage/", views.coverage, name="coverage"),
    path("choose/", views.choose, name="choose"),
    path("documents/", documents.document_list, name="document-list"),
    path("documents/new/", documents.document_new, name="document-new"),
    path("documents/<int:pk>/", documents.document_detail, name="document-detail"),
    path("documents/<int:pk>/edit/", documents.document_edit, name="document-edit"),
    path("documents/<int:pk>/diff/", documents.document_diff, name="document-diff"),
    path("documents/<int:pk>/v<int:n>.<str:fmt>", documents.document_download,
         name="document-download"),
    path("documents/<int:pk>/step/<str:step>/", documents.document_step,
         name="document-step"),
]

from django.urls import path

from doingoai.reporting import views
from doingoai.reporting.pages import rounds

app_name = "reporting"

urlpatterns = [
    *rounds.urls(),
    path("rounds/<int:pk>/accept/", views.accept_result, name="round-accept"),
    path("submissions/<int:pk>/", views.submission, name="submission"),
    path("submissions/<int:pk>/report/", views.submission_document,
         name="submission-document"),
    path("submissions/<int:pk>/steps/<str:step>/", views.submission_step,
         name="submission-step"),
]

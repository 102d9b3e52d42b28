from django.urls import path

from doingoai.core import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("reference/", views.reference, name="reference"),
    path(
        "files/<str:app_label>/<str:model_name>/<int:pk>/<str:field_name>/",
        views.download, name="download",
    ),
]

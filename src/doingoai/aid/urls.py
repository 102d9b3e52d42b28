from django.urls import path

from doingoai.aid import iati_views, views
from doingoai.aid.pages import programmes

app_name = "aid"

urlpatterns = [
    *programmes.urls(),
    path("programmes/<int:pk>/steps/<str:step>/", views.transition,
         name="programme-transition"),
    path("iati/import/", iati_views.iati_import, name="iati-import"),
    path("iati/export/", iati_views.iati_export, name="iati-export"),
]

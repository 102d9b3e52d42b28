from django.urls import path

from doingoai.api import views
from doingoai.api.api import api

app_name = "api"

urlpatterns = [
    path("tokens/", views.tokens, name="tokens"),
    path("tokens/<int:pk>/revoke/", views.revoke, name="token-revoke"),
    path("", api.urls),
]

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("doingoai.core.urls")),
    path("accounts/", include("doingoai.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("partners/", include("doingoai.partners.urls")),
    path("agreements/", include("doingoai.agreements.urls")),
    path("aid/", include("doingoai.aid.urls")),
    path("delegations/", include("doingoai.delegations.urls")),
    path("events/", include("doingoai.events.urls")),
    path("friendship/", include("doingoai.friendship.urls")),
    path("figures/", include("doingoai.figures.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("doingoai.core.urls")),
    path("accounts/", include("doingoai.accounts.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("organisations/", include("doingoai.organisations.urls")),
    path("reporting/", include("doingoai.reporting.urls")),
    path("partners/", include("doingoai.partners.urls")),
    path("agreements/", include("doingoai.agreements.urls")),
    path("aid/", include("doingoai.aid.urls")),
    path("delegations/", include("doingoai.delegations.urls")),
    path("events/", include("doingoai.events.urls")),
    path("friendship/", include("doingoai.friendship.urls")),
    path("figures/", include("doingoai.figures.urls")),
    path("reports/", include("doingoai.reports.urls")),
    path("rules/", include("doingoai.rules.urls")),
    path("notifications/", include("doingoai.notifications.urls")),
    path("consular/", include("doingoai.consular.urls")),
    path("residents/", include("doingoai.residents.urls")),
    path("passports/", include("doingoai.passports.urls")),
    path("signatures/", include("doingoai.signatures.urls")),
    path("border/", include("doingoai.border.urls")),
    path("staff/", include("doingoai.staff.urls")),
    path("treaties/", include("doingoai.treaties.urls")),
    path("planning/", include("doingoai.planning.urls")),
    path("trade/", include("doingoai.trade.urls")),
    path("information/", include("doingoai.information.urls")),
    path("protocol/", include("doingoai.protocol.urls")),
    path("correspondence/", include("doingoai.correspondence.urls")),
    path("consultations/", include("doingoai.consultations.urls")),
    path("privacy/", include("doingoai.privacy.urls")),
    path("api/", include("doingoai.api.urls")),
    path("jobs/", include("doingoai.jobs.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "doingoai.reporting"
    label = "reporting"
    verbose_name = _("Reporting rounds")

    def ready(self):
        from doingoai.reporting import signals  # noqa: F401

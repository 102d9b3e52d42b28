from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "doingoai.privacy"
    label = "privacy"
    verbose_name = _("Personal data protection")

    def ready(self):
        from doingoai.core.records import personal_data_shown
        from doingoai.privacy.models import log_personal_data_shown

        personal_data_shown.connect(log_personal_data_shown, dispatch_uid="privacy-access-log")
        # The admin's modules are imported by now (django.contrib.admin comes first).
        from doingoai.privacy.admin_guard import guard_admin

        guard_admin()

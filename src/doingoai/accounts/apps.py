from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "doingoai.accounts"
    label = "accounts"
    verbose_name = _("People and access")

    def ready(self):
        from doingoai.accounts import throttle  # noqa: F401  (connects the log-in signals)

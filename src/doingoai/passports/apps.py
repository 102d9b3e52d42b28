from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PassportsConfig(AppConfig):
    name = "doingoai.passports"
    label = "passports"
    verbose_name = _("Official passports and ABTC cards")

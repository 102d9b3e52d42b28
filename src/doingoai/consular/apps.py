from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsularConfig(AppConfig):
    name = "doingoai.consular"
    label = "consular"
    verbose_name = _("Consular affairs and citizen protection")

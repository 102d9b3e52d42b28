from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class InformationConfig(AppConfig):
    name = "doingoai.information"
    label = "information"
    verbose_name = _("Foreign information and promotion")

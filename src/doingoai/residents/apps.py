from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ResidentsConfig(AppConfig):
    name = "doingoai.residents"
    label = "residents"
    verbose_name = _("Foreigners in the province and people abroad")

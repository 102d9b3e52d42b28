from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StaffConfig(AppConfig):
    name = "doingoai.staff"
    label = "staff"
    verbose_name = _("Foreign-affairs staff and training")

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "doingoai.api"
    label = "api"
    verbose_name = _("JSON API")

    def ready(self):
        from simple_history.signals import pre_create_historical_record

        from doingoai.api.writes import mark_api_history

        pre_create_historical_record.connect(mark_api_history,
                                             dispatch_uid="doingoai-api-history-channel")

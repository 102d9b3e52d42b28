from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self):
        # Registers the Vietnamese collation on every SQLite connection.
        from doingoai.core import (
            checks,  # noqa: F401  (registers the deploy checks)
            lookups,  # noqa: F401  (ids out of range match nothing)
        )
        from doingoai.lib import collation  # noqa: F401

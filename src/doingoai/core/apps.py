from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "doingoai.core"
    label = "core"
    verbose_name = _("Reference data")

    def ready(self):
        # Registers the Vietnamese collation on every SQLite connection.
        from doingoai.core import (
            checks,  # noqa: F401  (registers the deploy checks)
            list_cache,  # noqa: F401  (counts the writes the lists' cached rows depend on)
            lookups,  # noqa: F401  (ids out of range match nothing)
        )
        from doingoai.lib import collation  # noqa: F401
        from doingoai.lib.fts import repair_indexes

        # A migration that remakes an indexed table drops its FTS5 triggers: put them back.
        post_migrate.connect(repair_indexes, dispatch_uid="doingoai-fts-repair")

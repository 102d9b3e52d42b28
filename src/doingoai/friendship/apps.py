from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FriendshipConfig(AppConfig):
    name = "doingoai.friendship"
    label = "friendship"
    verbose_name = _("Friendship pacts")

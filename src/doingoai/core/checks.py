"""System checks of the deployment (`doingoai check --deploy`)."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.utils.translation import gettext_lazy as _


@register(Tags.security, deploy=True)
def demo_secret_key(app_configs, **kwargs):
    """The demo key is public (it is in the source): a deployment on it lets anyone forge
    sessions and password-reset links."""
    if settings.SECRET_KEY == settings.DEMO_SECRET_KEY:
        return [Error(
            _("SECRET_KEY is the public demo key."),
            hint=_("Set SECRET_KEY to at least 50 random characters."),
            id="doingoai.E001",
        )]
    return []

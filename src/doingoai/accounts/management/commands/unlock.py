"""Unlock a user name locked out by wrong passwords (django-axes), from every address or one."""

from axes.utils import reset
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from doingoai.accounts.lockout import normalise


class Command(BaseCommand):
    help = _("Unlock a user name locked out after wrong passwords (from every address, or one).")

    def add_arguments(self, parser):
        parser.add_argument("username", help=_("the user name to unlock"))
        parser.add_argument("--ip", default=None, help=_("only the lock from this address"))

    def handle(self, *args, username, ip, **options):
        username = normalise(username)
        if not username:
            raise CommandError(_("Give the user name to unlock."))
        count = reset(username=username, ip=ip) if ip else reset(username=username)
        self.stdout.write(_("%(username)s: %(count)d locked attempt records removed; the user "
                            "can log in again.") % {"username": username, "count": count})

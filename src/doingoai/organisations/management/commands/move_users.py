"""``doingoai move_users "Hà Giang"``: the users of a province abolished in the 2025 reform
become users of its successor (a reform is a data change the office runs once). Each change
is kept in the membership's history; the records they made stay the old province's, which the
successor reads as its own."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from doingoai.accounts.models import Membership
from doingoai.core.models import AdminUnit


class Command(BaseCommand):
    help = "Move the users of an abolished province to the province that took it over."

    def add_arguments(self, parser):
        parser.add_argument("province", help="the abolished province's name or code")
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, province, dry_run=False, **options):
        old = AdminUnit.objects.provinces().filter(generation="legacy").find(province).first()
        if old is None:
            raise CommandError(_("No province before the reform is called “%(name)s”.")
                               % {"name": province})
        if old.successor_id is None:
            raise CommandError(_("%(province)s was not merged into another province: there is "
                                 "nowhere to move its users.") % {"province": old.full_name})
        moved = 0
        with transaction.atomic():
            for membership in Membership.objects.filter(province=old).select_related("user"):
                self.stdout.write(f"{membership.user.username}: {old.name} → "
                                  f"{old.successor.name}")
                if not dry_run:
                    membership.province = old.successor
                    membership._change_reason = _("Moved to the successor province")
                    membership.save()
                moved += 1
        self.stdout.write(_("%(count)s users moved from %(old)s to %(new)s.") % {
            "count": moved, "old": old.full_name, "new": old.successor.full_name})

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from doingoai.core.models import AdminUnit
from doingoai.organisations.communes import load_communes
from doingoai.organisations.models import Organisation


class Command(BaseCommand):
    help = "Add the 2025 communes and wards of a province (or of all) to its organisations."

    def add_arguments(self, parser):
        parser.add_argument("--province", help="the province's name or code (all by default)")

    def handle(self, *args, province=None, **options):
        provinces = None
        if province:
            provinces = list(AdminUnit.objects.provinces().filter(generation="2025")
                             .find(province))
            if not provinces:
                raise CommandError(_("No province in force is called “%(name)s”.")
                                   % {"name": province})
        created = load_communes(Organisation, AdminUnit, provinces, with_history=True)
        self.stdout.write(_("%(count)s communes and wards added.") % {"count": created})

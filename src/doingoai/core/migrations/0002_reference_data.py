from django.db import migrations


def load(apps, schema_editor):
    from doingoai.core import reference

    reference.load_admin_units(apps.get_model("core", "AdminUnit"))
    reference.load_countries(apps.get_model("core", "Country"))
    reference.load_currencies(apps.get_model("core", "Currency"))
    reference.load_sectors(apps.get_model("core", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

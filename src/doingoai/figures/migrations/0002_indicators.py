from django.db import migrations


def load(apps, schema_editor):
    from doingoai.figures.catalogue import load_indicators

    load_indicators(apps.get_model("figures", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("figures", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

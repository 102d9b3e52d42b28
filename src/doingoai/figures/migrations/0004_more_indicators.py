"""Loads the catalogue again, so that databases migrated before the rows for closed consular
cases and official passports (handed out, overdue) were added to indicators.csv get them.
``load_indicators`` updates existing rows in place, so running it twice is harmless."""

from django.db import migrations


def load(apps, schema_editor):
    from doingoai.figures.catalogue import load_indicators

    load_indicators(apps.get_model("figures", "Indicator"))


class Migration(migrations.Migration):
    dependencies = [("figures", "0003_candidate_historicalcandidate")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]

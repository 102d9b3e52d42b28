from django.db import migrations, models


def load_country_names(apps, schema_editor):
    """Give the countries of an existing database the names of core/data/country_names_vi.csv
    (the ones 0002 loaded came from a generic catalogue: "Ai-xợ-bai-gianh", "Tích Lan")."""
    from doingoai.core import reference

    reference.load_countries(apps.get_model("core", "Country"))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_reference_data"),
    ]

    operations = [
        migrations.AddField(
            model_name="country",
            name="full_name_vi",
            field=models.CharField(blank=True, max_length=160,
                                   verbose_name="full Vietnamese name"),
        ),
        migrations.RunPython(load_country_names, migrations.RunPython.noop),
    ]

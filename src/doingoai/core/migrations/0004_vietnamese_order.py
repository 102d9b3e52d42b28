from django.db import migrations, models

import doingoai.lib.collation


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0003_country_mofa_names"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="adminunit",
            options={"ordering": ["level", models.OrderBy(doingoai.lib.collation.Vietnamese("name"))],
                     "verbose_name": "administrative unit",
                     "verbose_name_plural": "administrative units"},
        ),
        migrations.AlterModelOptions(
            name="country",
            options={"ordering": [models.OrderBy(doingoai.lib.collation.Vietnamese("name_vi"))],
                     "verbose_name": "country", "verbose_name_plural": "countries"},
        ),
    ]

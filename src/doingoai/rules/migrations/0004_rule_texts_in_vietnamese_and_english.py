from django.db import migrations, models


def fill(apps, schema_editor):
    """The seeded national rules and documents get their Vietnamese wording; the English
    they held moves to the English field. Rules added since keep their text as the
    Vietnamese (the one shown), whatever language it was written in."""
    from doingoai.rules.seed import DOCUMENTS, RULES

    LegalDocument = apps.get_model("rules", "LegalDocument")
    Rule = apps.get_model("rules", "Rule")
    for row in DOCUMENTS:
        if row.get("note_vi"):
            LegalDocument.objects.filter(number=row["number"], note_vi=row["note_en"]).update(
                note_vi=row["note_vi"], note_en=row["note_en"])
    for row in RULES:
        Rule.objects.filter(
            document__number=row["document"], code=row["code"], province=None,
            description_vi=row["description_en"],
        ).update(description_vi=row["description_vi"], description_en=row["description_en"])


def unfill(apps, schema_editor):
    from doingoai.rules.seed import DOCUMENTS, RULES

    LegalDocument = apps.get_model("rules", "LegalDocument")
    Rule = apps.get_model("rules", "Rule")
    for row in DOCUMENTS:
        if row.get("note_vi"):
            LegalDocument.objects.filter(number=row["number"], note_vi=row["note_vi"]).update(
                note_vi=row["note_en"])
    for row in RULES:
        Rule.objects.filter(
            document__number=row["document"], code=row["code"], province=None,
            description_vi=row["description_vi"],
        ).update(description_vi=row["description_en"])


class Migration(migrations.Migration):
    dependencies = [("rules", "0003_bound_text_lengths")]

    operations = [
        migrations.RenameField("rule", "description", "description_vi"),
        migrations.RenameField("historicalrule", "description", "description_vi"),
        migrations.AddField(
            "rule", "description_en",
            models.TextField(blank=True, verbose_name="what it says (English)"),
        ),
        migrations.AddField(
            "historicalrule", "description_en",
            models.TextField(blank=True, verbose_name="what it says (English)"),
        ),
        migrations.RenameField("legaldocument", "note", "note_vi"),
        migrations.RenameField("historicallegaldocument", "note", "note_vi"),
        migrations.AlterField(
            "legaldocument", "note_vi",
            models.TextField(blank=True, verbose_name="note (Vietnamese)"),
        ),
        migrations.AlterField(
            "historicallegaldocument", "note_vi",
            models.TextField(blank=True, verbose_name="note (Vietnamese)"),
        ),
        migrations.AddField(
            "legaldocument", "note_en",
            models.TextField(blank=True, verbose_name="note (English)"),
        ),
        migrations.AddField(
            "historicallegaldocument", "note_en",
            models.TextField(blank=True, verbose_name="note (English)"),
        ),
        migrations.RunPython(fill, unfill),
    ]

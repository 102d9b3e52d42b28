from django.db import migrations


def english_only(row, field):
    """The seed keeps each text in Vietnamese and English; the models of this migration had
    one field, which held the English (0003 adds the Vietnamese)."""
    row = dict(row)
    row.pop(f"{field}_vi", None)
    english = row.pop(f"{field}_en", None)
    if english is not None:
        row[field] = english
    return row


def seed(apps, schema_editor):
    from doingoai.rules.seed import DOCUMENTS, RULES

    LegalDocument = apps.get_model("rules", "LegalDocument")
    Rule = apps.get_model("rules", "Rule")
    documents = {}
    for row in DOCUMENTS:
        row = english_only(row, "note")
        number = row.pop("number")
        documents[number] = LegalDocument.objects.update_or_create(number=number, defaults=row)[0]
    for row in RULES:
        row = english_only(row, "description")
        document = documents[row.pop("document")]
        Rule.objects.update_or_create(
            document=document, code=row.pop("code"), province=None, defaults=row
        )


def unseed(apps, schema_editor):
    from doingoai.rules.seed import DOCUMENTS

    apps.get_model("rules", "Rule").objects.filter(province=None).delete()
    apps.get_model("rules", "LegalDocument").objects.filter(
        number__in=[d["number"] for d in DOCUMENTS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("rules", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]

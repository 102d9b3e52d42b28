from django.db import migrations


def seed(apps, schema_editor):
    from doingoai.rules.seed import DOCUMENTS, RULES

    LegalDocument = apps.get_model("rules", "LegalDocument")
    Rule = apps.get_model("rules", "Rule")
    documents = {}
    for row in DOCUMENTS:
        row = dict(row)
        number = row.pop("number")
        documents[number] = LegalDocument.objects.update_or_create(number=number, defaults=row)[0]
    for row in RULES:
        row = dict(row)
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

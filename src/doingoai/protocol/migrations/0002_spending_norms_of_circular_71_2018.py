from django.db import migrations

from doingoai.protocol.norms import BANQUET_NORMS, CIRCULAR


def seed(apps, schema_editor):
    LegalDocument = apps.get_model("rules", "LegalDocument")
    SpendingNorm = apps.get_model("protocol", "SpendingNorm")
    document, _ = LegalDocument.objects.get_or_create(
        number=CIRCULAR["number"], defaults={k: v for k, v in CIRCULAR.items() if k != "number"})
    for guest_class, per_guest in BANQUET_NORMS:
        SpendingNorm.objects.get_or_create(
            document=document, guest_class=guest_class, province=None,
            defaults={"per_guest": per_guest, "note_vi": CIRCULAR["note_vi"],
                      "note_en": CIRCULAR["note_en"]})


def unseed(apps, schema_editor):
    apps.get_model("protocol", "SpendingNorm").objects.filter(
        document__number=CIRCULAR["number"]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("protocol", "0001_receiving_and_visiting"),
        ("rules", "0006_transition_by_the_system"),
    ]

    operations = [migrations.RunPython(seed, unseed)]

"""The 2025 communes and wards of each province as its organisations (kind "commune"), one
per administrative unit, loaded once by a data migration and again by
``doingoai load_communes`` for units added later. Loading twice adds nothing."""

from doingoai.lib.text import fold

REFORM_DAY = "2025-07-01"
COMMUNE_RANK = 7  # Organisation.KIND_ORDER.index("commune"): communes come last in lists


def load_communes(Organisation, AdminUnit, provinces=None, *, with_history=False) -> int:
    """Create an organisation for every commune or ward in force (generation 2025) of
    ``provinces`` (all 34 by default) that has none yet; the number created. The models are
    passed in so that a migration can give its historical ones."""
    communes = AdminUnit.objects.filter(generation="2025", level="commune",
                                        province__isnull=False)
    if provinces is not None:
        communes = communes.filter(province__in=provinces)
    taken = set(Organisation.objects.filter(admin_unit__isnull=False)
                .values_list("admin_unit_id", flat=True))
    rows = [
        Organisation(kind="commune", name=unit.full_name, admin_unit_id=unit.pk,
                     owner_id=unit.province_id, valid_from=unit.valid_from or REFORM_DAY,
                     search_text=fold(unit.full_name), kind_rank=COMMUNE_RANK)
        for unit in communes.only("pk", "full_name", "province_id", "valid_from").iterator()
        if unit.pk not in taken
    ]
    if with_history:
        from simple_history.utils import bulk_create_with_history

        bulk_create_with_history(rows, Organisation, batch_size=500)
    else:
        Organisation.objects.bulk_create(rows, batch_size=500)
    return len(rows)

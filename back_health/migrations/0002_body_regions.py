"""Create the standard body regions pages can be tagged with.

Sites may rename, reorder or add regions afterwards; reversing this migration
removes only the regions it created (matched by slug).
"""

from django.db import migrations

#: (slug, name), in the order they appear from top to bottom of the spine.
BODY_REGIONS = [
    ("neck", "Neck"),
    ("upper-back", "Upper back"),
    ("middle-back", "Middle back"),
    ("lower-back", "Lower back"),
    ("pelvis-and-sacrum", "Pelvis and sacrum"),
]


def create_body_regions(apps, schema_editor):
    BodyRegion = apps.get_model("back_health", "BodyRegion")
    for sort_order, (slug, name) in enumerate(BODY_REGIONS, start=1):
        BodyRegion.objects.get_or_create(
            slug=slug, defaults={"name": name, "sort_order": sort_order * 10}
        )


def delete_body_regions(apps, schema_editor):
    BodyRegion = apps.get_model("back_health", "BodyRegion")
    BodyRegion.objects.filter(slug__in=[slug for slug, _name in BODY_REGIONS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("back_health", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_body_regions, delete_body_regions),
    ]

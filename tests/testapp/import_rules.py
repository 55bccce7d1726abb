"""Import rules of a fictional clinic, proving a site can teach the importer its own terms."""

from back_health.importer.rules import Classification


def clinic_classes_are_treatments(part, context):
    """The clinic runs BackFit and AquaSpine classes: any item naming one is that treatment."""
    if part.kind != "item":
        return None
    text = part.text.casefold()
    for name in ("BackFit", "AquaSpine"):
        if name.casefold() in text:
            return Classification(
                as_="treatment",
                name=name,
                treatment_kind="physical_therapy",
                because=f"the clinic offers {name} classes",
            )
    return None


def newsletter_sections_are_junk(part, context):
    """Sections about the clinic's newsletter are site furniture, whatever their wording."""
    if part.kind == "section" and "practice diary" in part.text.casefold():
        return Classification(as_="junk", because="clinic newsletter section")
    return None

from wagtail import hooks

from .import_rules import clinic_classes_are_treatments


@hooks.register("register_back_health_import_rules")
def register_clinic_import_rules():
    return [clinic_classes_are_treatments]

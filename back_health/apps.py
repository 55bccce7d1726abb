from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackHealthConfig(AppConfig):
    name = "back_health"
    label = "back_health"
    verbose_name = _("Back health")
    default_auto_field = "django.db.models.BigAutoField"

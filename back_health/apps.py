from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackHealthConfig(AppConfig):
    name = "back_health"
    label = "back_health"
    verbose_name = _("Back health")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from .models import ImportRecord
        from .permissions import ImportRecordPermissionPolicy
        from .signal_handlers import connect

        connect()

        register_permission_policy(ImportRecord, ImportRecordPermissionPolicy(ImportRecord))

        from .cache import connect_signals

        connect_signals()

        from . import checks  # noqa: F401 - registers the system checks

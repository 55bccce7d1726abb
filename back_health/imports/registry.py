"""The import rules in force: the shipped ones plus a site's own.

A site adds rules in two ways:

- ``BACK_HEALTH["IMPORT_RULES"]``: dotted paths of rule callables;
- a ``register_back_health_import_rules`` hook returning an iterable of rules::

      @hooks.register("register_back_health_import_rules")
      def clinic_rules():
          return [pilates_is_exercise]

and extends the medicine vocabulary with ``BACK_HEALTH["MEDICINES"]``
(``{"brand": "generic"}``) or ``BACK_HEALTH["MEDICINES_FILE"]`` (a JSON file in
the shipped format), and the condition names with ``BACK_HEALTH["CONDITION_NAMES"]``.
"""

import json
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.module_loading import import_string

from ..conf import back_health_settings
from ..importer.rules import default_rules


def _extra_medicines():
    medicines = dict(back_health_settings.MEDICINES or {})
    path = back_health_settings.MEDICINES_FILE
    if path:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise ImproperlyConfigured(f"BACK_HEALTH['MEDICINES_FILE'] {path}: {error}") from error
        medicines.update(data)
    return medicines


def _extra_rules():
    from wagtail import hooks

    rules = []
    for path in back_health_settings.IMPORT_RULES or []:
        try:
            rules.append(import_string(path))
        except ImportError as error:
            raise ImproperlyConfigured(f"BACK_HEALTH['IMPORT_RULES']: {error}") from error
    for hook in hooks.get_hooks("register_back_health_import_rules"):
        rules.extend(hook() or [])
    return rules


#: The site's rule set, kept until a setting changes: building one compiles every cue
#: pattern and reads ``MEDICINES_FILE``, so it is not done per article.
_cache: dict[str, object] = {}


@receiver(setting_changed)
def _forget_rules(*, setting, **kwargs):
    if setting == "BACK_HEALTH":
        _cache.clear()


def clear_import_rules_cache():
    """Forget the cached rule set (the next :func:`get_import_rules` builds it again):
    for a ``MEDICINES_FILE`` edited while the process runs."""
    _cache.clear()


def get_import_rules():
    """The shipped rules extended with the site's settings and hooks.

    Built once and reused until ``BACK_HEALTH`` changes (Django's ``setting_changed``,
    which ``override_settings`` sends) or the registered hook functions change.
    """
    from wagtail import hooks

    hook_functions = tuple(hooks.get_hooks("register_back_health_import_rules"))
    if _cache.get("hooks") == hook_functions and "rules" in _cache:
        return _cache["rules"]
    medicines = _extra_medicines()
    conditions = tuple(back_health_settings.CONDITION_NAMES or ())
    extra = tuple(_extra_rules())
    rules = default_rules()
    if medicines:
        rules = rules.with_medicines(medicines)
    if extra or conditions:
        rules = rules.extend(*extra, condition_names=conditions)
    _cache.clear()
    _cache.update(hooks=hook_functions, rules=rules)
    return rules

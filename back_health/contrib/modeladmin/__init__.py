"""The "Back health" admin group through wagtail-modeladmin, for sites that use it.

Add both ``"wagtail_modeladmin"`` and ``"back_health.contrib.modeladmin"`` to
``INSTALLED_APPS`` (``pip install wagtail-back-health[modeladmin]``). The native group
of :mod:`back_health.viewsets` then steps aside, so the menu never shows twice.
"""

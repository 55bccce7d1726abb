"""The Django side of article import: the service, the writer, review and bulk sources.

:mod:`back_health.importer` analyses an article into a plan without Django;
this package takes the site's rules from settings and hooks, writes plans as
pages, keeps import records and pending imports for review, and reports.
"""

"""The article import pipeline: load -> parse -> clean -> classify -> plan -> write -> report.

Every stage before :mod:`back_health.importer.writer` is plain Python over the
dataclasses in :mod:`back_health.importer.document` and
:mod:`back_health.importer.plan`; only the writer touches the database.
"""

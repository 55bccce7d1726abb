"""The article analysis pipeline: load -> parse -> clean -> classify -> plan.

Pure Python over the dataclasses in :mod:`back_health.importer.document` and
:mod:`back_health.importer.plan`, without Django: :func:`back_health.importer.pipeline.analyse`
turns an article into a plan with the rules passed in. Writing plans as pages,
the site's rule set, review and reports live in :mod:`back_health.imports`.
"""

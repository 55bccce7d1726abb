from .imports import ImportedPage, ImportRecord
from .mixins import BackHealthPageMixin, GovernanceMixin, PointedAtMixin, TreatmentMixin
from .names import EntityName, ImportBatch, ImportBatchItem
from .pages import BackHealthIndexPage, CausePage, ConditionPage, TreatmentPage
from .relations import ConditionCause, ConditionTreatment, RelatedCondition
from .snippets import BodyRegion, Reviewer

__all__ = [
    "BackHealthIndexPage",
    "BackHealthPageMixin",
    "BodyRegion",
    "CausePage",
    "ConditionCause",
    "ConditionPage",
    "ConditionTreatment",
    "EntityName",
    "GovernanceMixin",
    "ImportBatch",
    "ImportBatchItem",
    "ImportRecord",
    "ImportedPage",
    "PointedAtMixin",
    "RelatedCondition",
    "Reviewer",
    "TreatmentMixin",
    "TreatmentPage",
]

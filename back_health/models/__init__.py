from .imports import ImportedPage, ImportRecord
from .mixins import BackHealthPageMixin, GovernanceMixin, PointedAtMixin, TreatmentMixin
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
    "GovernanceMixin",
    "ImportRecord",
    "ImportedPage",
    "PointedAtMixin",
    "RelatedCondition",
    "Reviewer",
    "TreatmentMixin",
    "TreatmentPage",
]

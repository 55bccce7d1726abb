"""Every stage of the analysis runs in linear time, whatever the input's shape.

Two checks per pathological shape (``pathological_shapes.py``), never a wall-clock
assertion:

- the work done, counted as Python and C function calls (a deterministic number),
  grows about as fast as the input: 4x the bytes gives at most :data:`MAX_WORK_RATIO`
  times the calls;
- the shape at 1 MB goes through the whole analysis under a generous per-test
  timeout (pytest-timeout), the safety net for a regular expression that backtracks
  inside one call. A quadratic pattern takes hours on 1 MB.

``bench/pipeline_speed.py`` prints the measured milliseconds per MB.
"""

from __future__ import annotations

import os
import sys

import pytest

from back_health.importer.errors import ImportSourceError
from back_health.imports.registry import get_import_rules
from back_health.imports.service import analyse

from .pathological_shapes import SHAPES, shape

#: Calls at 4x the input over calls at 1x; linear work gives about 4.
MAX_WORK_RATIO = 5.0

#: Size of the timed run (``BACK_HEALTH_LINEAR_BYTES`` to change it).
LARGE = int(os.environ.get("BACK_HEALTH_LINEAR_BYTES", 1024 * 1024))


def run(data: bytes, name: str, rules) -> None:
    try:
        analyse(data, name, rules=rules)
    except ImportSourceError:
        pass  # "nothing to import" is an answer too; the cost is what is measured


def counted_calls(data: bytes, name: str, rules) -> int:
    calls = 0

    def count(frame, event, arg):
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        run(data, name, rules)
    finally:
        sys.setprofile(None)
    return calls


@pytest.fixture(scope="module")
def rules():
    return get_import_rules()


@pytest.mark.slow  # profiled runs of every shape: like the megabyte inputs, run once in CI
@pytest.mark.parametrize("name", list(SHAPES))
def test_work_grows_linearly_with_the_input(name, rules):
    run(*shape(name, 2048), rules)  # load caches and models outside the count
    small = counted_calls(*shape(name, 8 * 1024), rules)
    large = counted_calls(*shape(name, 32 * 1024), rules)
    assert large <= MAX_WORK_RATIO * small, f"{name}: {small} calls, then {large} for 4x the input"


@pytest.mark.slow
@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", list(SHAPES))
def test_a_megabyte_of_each_shape_is_analysed(name, rules):
    data, filename = shape(name, LARGE)
    assert len(data) >= LARGE * 0.9
    run(data, filename, rules)

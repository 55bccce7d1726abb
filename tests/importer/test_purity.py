"""The analysis pipeline stays pure: no Django, no Wagtail, no database side."""

import ast
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import back_health.importer

IMPORTER = Path(back_health.importer.__file__).parent
ROOT = IMPORTER.parent.parent

#: Old import paths kept as thin forwarders to the Django side, loaded only on use.
FORWARDERS = {"review.py"}

#: Top-level packages and ``back_health`` modules the pure side must never import.
FORBIDDEN_PACKAGES = ("django", "wagtail")
FORBIDDEN_PROJECT_MODULES = (
    "imports",
    "models",
    "conf",
    "blocks",
    "dosage",
    "signal_handlers",
    "cache",
    "permissions",
    "tasks",
    "views",
    "wagtail_hooks",
)

ANALYSE_IN_A_BARE_INTERPRETER = textwrap.dedent(
    """
    import json, pkgutil, sys, warnings

    import back_health.importer as importer

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        names = [
            info.name
            for info in pkgutil.walk_packages(importer.__path__, importer.__name__ + ".")
        ]
        for name in names:
            __import__(name)

    from back_health.importer.pipeline import analyse

    article = (
        b"# Heel spur\\n\\n"
        b"A heel spur is a small bony growth under the heel bone.\\n\\n"
        b"## Causes\\n\\n- Plantar fasciitis\\n- Tight calf muscles\\n\\n"
        b"## Treatment\\n\\nCalf stretches and ice help most people.\\n\\n"
        b"- Ice packs\\n- Night splints\\n\\n"
        b"Call 999 if your foot turns cold and blue.\\n"
    )
    plan = analyse(article, "heel-spur.md")
    loaded = sorted(
        module
        for module in sys.modules
        if module.split(".")[0] in ("django", "wagtail")
        or module.startswith("back_health.") and not module.startswith("back_health.importer")
    )
    print(json.dumps({
        "modules": len(names),
        "loaded": loaded,
        "title": plan.main_page.title if plan.main_page else "",
        "kinds": sorted({page.kind for page in plan.pages}),
    }))
    """
)


@pytest.fixture(scope="module")
def bare_run():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", ANALYSE_IN_A_BARE_INTERPRETER],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    import json

    return json.loads(result.stdout.strip().splitlines()[-1])


def test_every_importer_module_imports_and_analyses_without_django(bare_run):
    assert bare_run["modules"] > 20
    assert bare_run["loaded"] == []


def test_the_pure_pipeline_plans_an_article_without_django(bare_run):
    assert bare_run["title"] == "Heel spur"
    assert "condition" in bare_run["kinds"]


def _imported_modules(path: Path) -> set[str]:
    """Every module an importer source file names in an import statement, resolved to
    an absolute dotted name."""
    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[: len(base) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def _importer_sources():
    return [
        path
        for path in sorted(IMPORTER.rglob("*.py"))
        if path.relative_to(IMPORTER).as_posix() not in FORWARDERS
    ]


@pytest.mark.parametrize("path", _importer_sources(), ids=lambda p: p.name)
def test_no_importer_module_imports_django_or_the_django_side(path):
    forbidden = [
        module
        for module in _imported_modules(path)
        if module.split(".")[0] in FORBIDDEN_PACKAGES
        or any(
            module == f"back_health.{name}" or module.startswith(f"back_health.{name}.")
            for name in FORBIDDEN_PROJECT_MODULES
        )
    ]
    assert forbidden == []


def test_the_importer_never_imports_the_imports_package():
    """The dependency runs one way: imports -> importer, never back (no cycle)."""
    importing_back = [
        path.name
        for path in _importer_sources()
        if any(m.startswith("back_health.imports") for m in _imported_modules(path))
    ]
    assert importing_back == []


def test_the_old_review_path_still_works_and_says_it_moved():
    sys.modules.pop("back_health.importer.review", None)
    with pytest.warns(DeprecationWarning, match="back_health.imports.review"):
        from back_health.importer.review import prepare_import
    from back_health.imports.review import prepare_import as moved

    assert prepare_import is moved

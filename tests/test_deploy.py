"""The deployment files run the same commands as the local suite.

The GitHub Actions workflow and the Read the Docs config cannot run here. Their
syntax was checked against the schemas vendored in check-jsonschema
(`check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/docs.yml`
and `--builtin-schema vendor.readthedocs .readthedocs.yaml`, both offline). These
tests guarantee that they keep doing what the project relies on: test first, with
the browser installed, then publish the strict MkDocs build.
"""

from __future__ import annotations

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def load(path: str) -> dict:
    return yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))


def test_workflow_tests_then_publishes_strict_build() -> None:
    workflow = load(".github/workflows/docs.yml")
    test, deploy = workflow["jobs"]["test"], workflow["jobs"]["deploy"]
    runs = [step["run"] for step in test["steps"] if "run" in step]
    # .ci/run installs the browser and Redis, then runs the README's test command.
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert ci.index("bash .ci/install-chromium") < ci.index("python3 dev.py test")
    assert ci.index("bash .ci/install-redis") < ci.index("python3 dev.py test")
    build = next(run for run in runs if "mkdocs build" in run)
    assert runs.index("bash .ci/run") < runs.index(build)
    assert "--strict" in build
    site_dir = build.split("--site-dir")[1].split()[0]
    uploads = [s for s in test["steps"] if "upload-pages-artifact" in s.get("uses", "")]
    assert [u["with"]["path"] for u in uploads] == [site_dir]
    # A missing browser fails the run instead of skipping the browser tests.
    assert test["env"]["CI"] == "true"
    assert deploy["needs"] == "test"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any("deploy-pages" in s.get("uses", "") for s in deploy["steps"])


def test_read_the_docs_builds_strictly_with_test_requirements() -> None:
    config = load(".readthedocs.yaml")
    assert config["version"] == 2
    assert config["mkdocs"] == {"configuration": "mkdocs.yml", "fail_on_warning": True}
    # The versions page needs every tested package installed.
    assert config["python"]["install"] == [{"requirements": "requirements/test.txt"}]

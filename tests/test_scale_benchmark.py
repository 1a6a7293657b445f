"""The benchmark cannot rot: its generator makes valid content, and the whole script runs with a tiny N (no times asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BIN, REPO

sys.path.insert(0, str(REPO / "benchmarks"))
from corpus import generate


def test_generated_cases_pass_portal_check(tmp_path: Path):
    generate(tmp_path, 30)
    result = subprocess.run([str(BIN / "portal"), "check"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout
    assert result.stderr == "V pořádku (příklady dobré praxe: 30, metodiky: 4).\n"


def test_generated_cases_use_every_field(tmp_path: Path):
    from portal.content.collection import load_collection
    from portal.content.schema import schema_for

    generate(tmp_path, 14)
    collection = load_collection(tmp_path)
    used = {key for case in collection.cases for key in case.meta}
    assert used == set(schema_for("case")["properties"])
    assert {c.get("region") for c in collection.cases} == set(collection.vocab.codes("regions"))


@pytest.mark.browser
def test_benchmark_runs_with_a_tiny_n(tmp_path: Path):
    out = tmp_path / "bench.json"
    result = subprocess.run([sys.executable, str(REPO / "benchmarks/site.py"), "--sizes", "3", "--serve-max", "3",
                             "--json", str(out)], capture_output=True, text=True, timeout=1200, cwd=REPO)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[1].startswith("| případů | náš web (studený) | čistý Material | poměr |")
    assert lines[3].startswith("| 3 | ")
    assert "nan" not in lines[3]

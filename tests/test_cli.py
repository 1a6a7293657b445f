"""The `portal` console command as editors use it."""

from __future__ import annotations

import subprocess

from portal.content.collection import load_collection
from tests.conftest import BIN


def portal(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "portal"), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def test_check_passes_on_valid_content(root):
    result = portal("check", cwd=root)
    assert result.returncode == 0
    assert result.stdout == ""
    assert result.stderr == "V pořádku (příklady dobré praxe: 0, metodiky: 1).\n"


def test_check_lists_every_problem_and_fails(root, write):
    write("good_practice/a.md", "---\ntitle: A\nsummary: S.\nregion: liberecky\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n")
    write("good_practice/b.md", "---\ntitle: B\n")
    result = portal("check", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "good_practice/a.md:1: organisation: chybí povinné pole (Realizátor)",
        "good_practice/b.md:1: hlavička: hlavička není ukončena; za posledním polem chybí řádek '---'",
    ]
    assert result.stderr == "Nalezeno: 2 chyby ve 2 souborech.\n"


def test_check_only_given_paths(root, write):
    write("good_practice/a.md", "---\ntitle: A\n---\n")
    write("good_practice/b.md", "---\ntitle: B\nsummary: S.\nregion: liberecky\norganisation: {name: O}\nmethods: [komunitni-planovani]\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n")
    assert portal("check", "good_practice/b.md", cwd=root).returncode == 0
    assert portal("check", "good_practice/a.md", cwd=root).returncode == 1


def test_check_github_annotations(root, write):
    write("good_practice/a.md", "---\ntitle: A\nsummary: S.\nregion: libercky\norganisation: {name: O}\nsources: [{title: Zdroj, url: \"https://www.example.cz/\", accessed: 2026-11-23}]\n---\n")
    result = portal("check", "--format", "github", cwd=root)
    assert result.stdout.splitlines() == [
        "::error file=good_practice/a.md,line=4::region: neznámá hodnota 'libercky'; očekáváno jedno z: hlavni-mesto-praha, stredocesky, jihocesky, plzensky, karlovarsky, ustecky, liberecky, kralovehradecky, pardubicky, vysocina, jihomoravsky, olomoucky, zlinsky, moravskoslezsky; myslel/a jste 'liberecky'?"
    ]


def test_new_case_is_valid_and_commented(root):
    result = portal("new", "case", "Komunitní zahrada v Lipové", cwd=root)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "good_practice/komunitni-zahrada-v-lipove.md\n"
    text = (root / "good_practice" / "komunitni-zahrada-v-lipove.md").read_text(encoding="utf-8")
    assert 'title: "Komunitní zahrada v Lipové"' in text
    assert "# Kraj: Kraj, ve kterém se projekt odehrává (kód z číselníku). Možnosti: hlavni-mesto-praha," in text
    assert "# funding:" in text
    # Issue 10: an untouched skeleton is refused, but only for its example values and sentences.
    assert {p.message.split(" ")[0] for p in load_collection(root).problems} == {"ukázková", "ukázkový"}


def test_new_method_is_valid(root):
    assert portal("new", "method", "Práce s dobrovolníky", cwd=root).returncode == 0
    collection = load_collection(root)
    assert {p.message.split(" ")[0] for p in collection.problems} == {"ukázková", "ukázkový"}  # issue 10: placeholders refused
    assert [m.slug for m in collection.methods] == ["komunitni-planovani", "prace-s-dobrovolniky"]


def test_new_refuses_to_overwrite(root):
    assert portal("new", "method", "Komunitní plánování", cwd=root).returncode == 1

"""The checker as a new editor meets it: scaffold placeholders, light install, --format github, and the editors' tooling files."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.content.collection import load_collection
from portal.content.frontmatter import parse_source
from portal.content.messages import MESSAGES
from portal.editors.contributing import current
from portal.editors.scaffold import skeleton
from tests.conftest import BIN, REPO, VALID_CASE


def portal(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN / "portal"), *args], cwd=cwd, capture_output=True, text=True, timeout=60)


SKELETON_PROBLEMS = [
    "good_practice/komunitni-zahrada-v-lipove.md:6: summary: ukázková hodnota 'Obec s místním spolkem otevřela komunitní centrum, kde se o…' "
    "z kostry (portal new); nahraďte ji skutečným údajem, nebo nepovinné pole smažte",
    "good_practice/komunitni-zahrada-v-lipove.md:16: organisation.name: ukázková hodnota 'Spolek Naše obec, z.s.' z kostry (portal new); "
    "nahraďte ji skutečným údajem, nebo nepovinné pole smažte",
    "good_practice/komunitni-zahrada-v-lipove.md:53: sources[0].title: ukázková hodnota 'Obec Lipová: Komunitní centrum (stránka projektu)' "
    "z kostry (portal new); nahraďte ji skutečným údajem, nebo nepovinné pole smažte",
    "good_practice/komunitni-zahrada-v-lipove.md:53: sources[0].url: ukázková hodnota 'https://www.example.cz/projekt' z kostry (portal new); "
    "nahraďte ji skutečným údajem, nebo nepovinné pole smažte",
    "good_practice/komunitni-zahrada-v-lipove.md:60: text: ukázkový text 'Popište, s čím obec nebo komunita potřebovala pomoci.' z kostry (portal new); napište vlastní text",
    "good_practice/komunitni-zahrada-v-lipove.md:64: text: ukázkový text 'Jednotlivé kroky, kdo se zapojil a jak.' z kostry (portal new); napište vlastní text",
    "good_practice/komunitni-zahrada-v-lipove.md:68: text: ukázkový text 'Co se změnilo; opírejte se o fakta a čísla.' z kostry (portal new); napište vlastní text",
    "good_practice/komunitni-zahrada-v-lipove.md:72: text: ukázkový text 'Doporučení pro jiné obce.' z kostry (portal new); napište vlastní text",
]


def test_untouched_skeleton_is_refused_for_each_placeholder(root):
    assert portal("new", "case", "Komunitní zahrada v Lipové", cwd=root).returncode == 0
    result = portal("check", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == SKELETON_PROBLEMS
    assert result.stderr == "Nalezeno: 8 chyb v 1 souboru.\n"


def test_skeleton_with_real_values_passes(root):
    portal("new", "case", "Komunitní zahrada v Lipové", cwd=root)
    file = root / "good_practice" / "komunitni-zahrada-v-lipove.md"
    text = file.read_text(encoding="utf-8")
    for old, new in [("Obec s místním spolkem otevřela komunitní centrum, kde se obyvatelé setkávají a společně řeší místní problémy.",
                      "Obec Lipová se spolkem zahrádkářů založila komunitní zahradu."),
                     ("Spolek Naše obec, z.s.", "Spolek zahrádkářů Lipová, z. s."),
                     ("Obec Lipová: Komunitní centrum (stránka projektu)", "Obec Lipová: Komunitní zahrada"),
                     ("https://www.example.cz/projekt", "https://www.lipova.cz/zahrada"),
                     ("Popište, s čím obec nebo komunita potřebovala pomoci.", "Obyvatelé neměli kde se potkávat."),
                     ("Jednotlivé kroky, kdo se zapojil a jak.", "Spolek a obec připravili pozemek."),
                     ("Co se změnilo; opírejte se o fakta a čísla.", "Zahradu udržuje dvacet rodin."),
                     ("Doporučení pro jiné obce.", "Začněte malým záhonem.")]:
        text = text.replace(old, new)
    file.write_text(text, encoding="utf-8")
    result = portal("check", "good_practice/komunitni-zahrada-v-lipove.md", cwd=root)
    assert (result.returncode, result.stdout) == (0, "")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(title=st.text(st.characters(categories=["L", "N", "Zs", "P"], exclude_characters="\u2028\u2029\u00a0\u3000\u1680"), min_size=1, max_size=120)
       .filter(lambda t: t.strip()))
def test_any_title_gives_a_readable_skeleton_that_only_its_placeholders_stop(title):
    """Whatever the title, the skeleton's header parses and the only problems are its example values and sentences."""
    for kind in ("case", "method"):
        src = parse_source(skeleton(kind, title).encode("utf-8"), f"x/{kind}.md")
        assert src.problems == [], (title, src.problems)
        assert src.meta["title"] == title


def test_github_format_escapes_properties_and_keeps_messages(root, write):
    write("good_practice/a,b.md", VALID_CASE.replace("region: moravskoslezsky", "region: moravskoslezko"))
    result = portal("check", "--format", "github", cwd=root)
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error file=good_practice/a%2Cb.md,line=1::soubor: neplatný název souboru 'a,b.md'; název smí obsahovat jen malá písmena bez diakritiky, "
        "číslice a pomlčky; myslel/a jste 'a-b.md'?",
        "::error file=good_practice/a%2Cb.md,line=4::region: neznámá hodnota 'moravskoslezko'; očekáváno jedno z: hlavni-mesto-praha, stredocesky, "
        "jihocesky, plzensky, karlovarsky, ustecky, liberecky, kralovehradecky, pardubicky, vysocina, jihomoravsky, olomoucky, zlinsky, "
        "moravskoslezsky; myslel/a jste 'moravskoslezsky'?",
    ]


BUILD_STACK = ["mkdocs", "material", "mkdocs_macros", "pypdf", "typst", "simplemma", "segno"]


def test_checking_needs_no_build_stack(root, write):
    """`portal check` and `portal new` run with none of the site extra importable (the light install)."""
    write("good_practice/lipova.md", VALID_CASE)
    blocker = "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in BUILD_STACK) + (
        "from portal.cli import main\nraise SystemExit(main(sys.argv[1:]))\n")
    for args in (["new", "method", "Práce s dobrovolníky"], ["check", "good_practice/lipova.md"]):
        result = subprocess.run([sys.executable, "-c", blocker, *args], cwd=root, capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stderr


def test_light_install_is_declared():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.11,<3.14"

    def names(specs: list[str]) -> set[str]:
        return {re.split(r"[<>=\[; ]", s, maxsplit=1)[0].lower() for s in specs}

    core, site = names(project["dependencies"]), names(project["optional-dependencies"]["site"])
    assert not core & {"mkdocs", "mkdocs-material", "typst"}
    assert {"mkdocs", "mkdocs-material", "mkdocs-macros-plugin", "typst"} <= site
    lock = (REPO / "requirements.lock").read_text(encoding="utf-8")
    assert "--extra site --extra test --extra build" in lock.splitlines()[1]
    assert all(re.search(rf"^{re.escape(n)}==", lock, re.M) for n in core | site)


def test_every_shared_message_is_used_by_the_checker_and_the_form():
    sources = "".join((REPO / "src" / "portal" / f).read_text(encoding="utf-8") for f in ("content/validate.py", "content/schema_check.py", "content/rules/body.py", "content/messages.py", "content/placeholders.py"))
    script = (REPO / "docs" / "assets" / "navrh.js").read_text(encoding="utf-8")
    unused = [k for k in MESSAGES if f'"{k}"' not in sources and k not in ("minimum", "exclusiveMinimum")]
    assert unused == []
    in_form = [k for k in MESSAGES if f'"{k}"' in script]
    assert set(MESSAGES) - set(in_form) == {"minProperties", "empty", "colon_hint"}  # the form leaves empty fields and items out, writes every colon


def test_contributing_field_reference_is_current():
    assert (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8") == current(REPO), \
        "CONTRIBUTING.md neodpovídá schématu; obnovte ho: .venv/bin/python -m portal.editors.contributing"


def test_pre_commit_checks_changed_content_files(root, write):
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["entry"] == "portal check" and hook["language"] == "system"
    pattern = re.compile(hook["files"])
    assert pattern.search("good_practice/a.md") and pattern.search("methods/b.md") and not pattern.search("docs/index.md")
    write("good_practice/spatny.md", VALID_CASE.replace("region: moravskoslezsky", "region: moravskoslezko"))
    write("good_practice/dobry.md", VALID_CASE)
    # pre-commit runs the entry with the changed files appended; a clean file passes, a broken one stops the commit.
    assert portal(*hook["entry"].split()[1:], "good_practice/dobry.md", cwd=root).returncode == 0
    assert portal(*hook["entry"].split()[1:], "good_practice/spatny.md", cwd=root).returncode == 1


def _workflow(name: str) -> dict:
    data = yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    data["on"] = data.pop(True)  # YAML 1.1 reads the key 'on' as true
    return data


def test_pull_request_workflow_builds_a_preview_without_trust():
    text = (REPO / ".github" / "workflows" / "kontrola-obsahu.yml").read_text(encoding="utf-8")
    flow = _workflow("kontrola-obsahu.yml")
    code = "\n".join(line.split("#")[0] for line in text.splitlines())  # comments may name what is forbidden
    assert list(flow["on"]) == ["pull_request"] and "pull_request_target" not in code
    assert flow["permissions"] == {"contents": "read"}
    assert "secrets." not in code
    steps = flow["jobs"]["nahled"]["steps"]
    assert {"run": "make site"} in steps
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/" and upload["with"]["name"] == "nahled-portalu"
    assert all(s["with"]["persist-credentials"] is False for job in flow["jobs"].values() for s in job["steps"]
               if s.get("uses", "").startswith("actions/checkout@"))
    template = (REPO / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    assert template.count("- [ ]") >= 5 and "nahled-portalu" in template


def test_pages_workflow_publishes_main():
    flow = _workflow("zverejneni.yml")
    assert flow["on"]["push"] == {"branches": ["main"]}
    assert flow["permissions"] == {"contents": "read"}
    deploy = flow["jobs"]["zverejneni"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
    build = flow["jobs"]["sestaveni"]["steps"]
    assert {"run": "make site"} in build
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") and s["with"]["path"] == "site/" for s in build)


BROKEN = """---
title: A
summary: S.
region "kralovehradecky"
organisation: {name: "Spolek, z. s."}
sources: [{title: Z, url: "https://www.x.cz/", accessed: 1. 3. 2021}]
funding: {total: 1.200.000, sources: [{source: esf, amount: 800000,00}]}
---

<script>x</script>
"""


def test_one_yaml_slip_does_not_hide_the_other_problems(root, write):
    write("good_practice/a.md", BROKEN)
    write("good_practice/b.md", VALID_CASE.replace("region: moravskoslezsky", "region:\u00a0liberecky\nmethods: [Komunitní plánování]"))
    result = portal("check", cwd=root)
    assert result.stdout.splitlines() == [
        "good_practice/a.md:4: hlavička: chyba zápisu YAML: za názvem pole chybí dvojtečka, nebo je špatně odsazený řádek",
        "good_practice/a.md:6: sources[0].accessed: neplatná hodnota '1. 3. 2021'; očekáváno: datum ve tvaru RRRR-MM-DD (např. 2023-01-31), "
        "případně jen RRRR-MM nebo RRRR; myslel/a jste '2021-03-01'?",
        "good_practice/a.md:7: funding.sources[0]: čárka uvnitř {…} rozdělila číslo '800000,00'; desetinnou čárku pište jako tečku: 800000.00",
        "good_practice/a.md:7: funding.total: očekáváno: číslo; uvedeno: text '1.200.000'; napište číslo bez mezer s desetinnou tečkou: 1200000",
        "good_practice/a.md:10: text: značka <script> není v příspěvcích povolena; odstraňte ji",
        "good_practice/b.md:4: hlavička: neviditelná pevná mezera (často z Wordu) místo obyčejné mezery; smažte mezeru za dvojtečkou či na začátku řádku a napište ji znovu",
        "good_practice/b.md:5: methods[0]: neplatná hodnota 'Komunitní plánování'; uveďte metodiku názvem souboru bez .md, jedním z: komunitni-planovani; "
        "myslel/a jste 'komunitni-planovani'?",
    ]
    assert load_collection(root).cases == []  # nothing recovered is published


def test_nested_key_without_colon_is_explained(root, write):
    write("good_practice/a.md", VALID_CASE.replace('organisation: {name: "Spolek Lipová, z. s."}', 'organisation:\n  name "Spolek Lipová, z. s."'))
    assert portal("check", cwd=root).stdout.splitlines() == [
        "good_practice/a.md:5: organisation: očekáváno: skupina polí 'název: hodnota'; uvedeno: text 'name \"Spolek Lipová, z. s.\"'; "
        "za názvem pole chybí dvojtečka? napište name: \"Spolek Lipová, z. s.\""]


KEY_LINES = ["title: A", "summary: S.", "region: moravskoslezsky", 'organisation: {name: "Spolek Lipová, z. s."}',
             "project: {start: 2023-05, end: 2021-01}"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(broken=st.sampled_from(range(len(KEY_LINES) - 1)), order=st.permutations(range(len(KEY_LINES) - 1)))
def test_any_missing_colon_leaves_the_other_fields_checked(tmp_path_factory, broken, order):
    """Whichever line loses its colon, that line is reported and the period rule still speaks about the project."""
    root = tmp_path_factory.mktemp("r")
    shutil.copy(REPO / "vocabularies.yml", root / "vocabularies.yml")
    lines = [KEY_LINES[i] for i in order]
    index = lines.index(KEY_LINES[broken])
    lines[index] = lines[index].replace(":", "", 1)
    text = "---\n" + "\n".join(lines) + "\n" + KEY_LINES[-1] + '\nsources: [{title: Z, url: "https://www.x.cz/", accessed: 2026-11-23}]\n---\n\nText.\n'
    (root / "good_practice").mkdir()
    (root / "good_practice" / "a.md").write_text(text, encoding="utf-8")
    problems = load_collection(root).problems
    assert problems[0].field == "hlavička" and problems[0].line in (index + 2, index + 1)
    assert any(p.field == "project.end" and p.message.startswith("ukončení '2021-01' je dříve") for p in problems), problems

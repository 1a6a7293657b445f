"""The "Navrhnout příklad" form in real headless Chromium, and its agreement with `portal check`.

tests/data/form_agreement.json is the shared table: every row is typed into the form, the form's
messages are read next to the fields, the previewed file is checked by the real `portal check`, and
both must give exactly the row's Czech messages.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import BIN, REPO

pytestmark = pytest.mark.browser

TABLE = json.loads((REPO / "tests" / "data" / "form_agreement.json").read_text(encoding="utf-8"))
FORM = "jak-prispet/novy-pripad/"
LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+): (?P<field>[^ ]+?): (?P<message>.*)$")


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="cs-CZ")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert errors == [], errors


def fill(page: Page, values: dict[str, str]) -> None:
    """Type values into the form by field path; list items are added with the form's own buttons."""
    for key, value in values.items():
        if key.startswith("body:"):
            page.locator(f'[data-body="{key[5:]}"]').fill(value)
            continue
        if m := re.match(r"^([^\[]+)\[(\d+)\]", key):
            add = page.locator(f'[data-add="{m[1]}"]')
            items = page.locator(f'[data-list="{m[1]}"] > .kp-items > .kp-item')
            while items.count() <= int(m[2]):
                add.click()
        field = page.locator(f'[data-path="{key}"]')
        if field.evaluate("el => el.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def shown_errors(page: Page) -> set[tuple[str, str]]:
    """(field, message) of every message the form shows next to a field after 'Zkontrolovat návrh'."""
    page.get_by_role("button", name="Zkontrolovat návrh").click()
    return {(e.get_attribute("data-error-for"), e.inner_text()) for e in page.locator("[data-error-for]").all()}


def portal_check(root: Path) -> dict[str, set[tuple[str, str]]]:
    """`portal check` of a content root: (field, message) per file."""
    result = subprocess.run([str(BIN / "portal"), "--root", str(root), "check"], capture_output=True, text=True, timeout=120)
    out: dict[str, set[tuple[str, str]]] = {}
    for line in result.stdout.splitlines():
        m = LINE.match(line)
        assert m, line
        out.setdefault(m["path"], set()).add((m["field"], m["message"]))
    return out


def test_form_and_portal_check_agree_on_the_shared_table(browser, base_url, root):
    """Every row of tests/data/form_agreement.json: the same messages in the browser and from portal check."""
    in_form: dict[str, set[tuple[str, str]]] = {}
    for row in TABLE["cases"]:
        context = browser.new_context(locale="cs-CZ")
        pg = context.new_page()
        pg.goto(base_url + FORM)
        fill(pg, {**TABLE["base"], **row["fill"]})
        in_form[row["name"]] = shown_errors(pg)
        name = row["name"].replace("_", "-")
        (root / "good_practice" / f"{name}.md").write_text(pg.locator("#kp-preview").inner_text(), encoding="utf-8")
        context.close()
    checked = portal_check(root)
    for row in TABLE["cases"]:
        expected = {tuple(e) for e in row["expect"]}
        by_checker = checked.get(f"good_practice/{row['name'].replace('_', '-')}.md", set())
        assert (row["name"], in_form[row["name"]]) == (row["name"], expected)
        assert (row["name"], by_checker) == (row["name"], expected)


def test_fill_by_labels_see_czech_message_then_file_passes_check(page, base_url, root):
    """An editor fills the form by its labels, sees an invalid date explained next to the field, fixes it, and the file passes."""
    page.goto(base_url + FORM)
    page.get_by_label("Název (povinné)", exact=True).fill("Sousedská kavárna v Hradci")
    page.get_by_label("Shrnutí (povinné)").fill("Spolek v Hradci otevřel sousedskou kavárnu, kde se scházejí senioři a rodiny s dětmi.")
    page.get_by_label("Kraj (povinné)").select_option(label="Olomoucký kraj")
    page.get_by_label("Název organizace (povinné)").fill("Spolek Sousedé Hradec, z. s.")
    page.get_by_label("Zahájení").fill("1. 3. 2021")
    page.get_by_label("Ukončení").focus()
    message = page.locator("#e-f-project-start")
    expect(message).to_have_text("neplatná hodnota '1. 3. 2021'; očekáváno: datum ve tvaru RRRR-MM-DD (např. 2023-01-31), "
                                 "případně jen RRRR-MM nebo RRRR; myslel/a jste '2021-03-01'?")
    expect(page.get_by_label("Zahájení")).to_have_attribute("aria-invalid", "true")
    # The error summary lists what is still missing and links to the field.
    page.get_by_role("button", name="Zkontrolovat návrh").click()
    summary = page.locator("#kp-error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("Návrh obsahuje 2 chyby")
    summary.get_by_role("link", name=re.compile("^Zahájení: ")).click()
    expect(page.get_by_label("Zahájení")).to_be_focused()
    page.get_by_label("Zahájení").fill("2021-03-01")
    sources = page.locator("#f-sources")  # the case's sources (the funding has a list of its own)
    sources.get_by_label("Název zdroje (povinné)").fill("Spolek Sousedé Hradec: Kavárna")
    sources.get_by_label("Adresa (povinné)").fill("https://www.sousede-hradec.cz/kavarna")
    sources.get_by_label("Navštíveno (povinné)").fill("2026-11-20")
    page.get_by_label("Co se dělalo").fill("Dobrovolníci zařídili prostor a každý čtvrtek vaří kávu.")
    page.get_by_role("button", name="Zkontrolovat návrh").click()
    expect(summary).to_be_hidden()
    expect(page.locator("#kp-filename")).to_have_text("good_practice/sousedska-kavarna-v-hradci.md")
    text = page.locator("#kp-preview").inner_text()
    assert text.startswith('---\ntitle: "Sousedská kavárna v Hradci"\n')
    assert "## Co se dělalo\n\nDobrovolníci zařídili prostor" in text
    (root / "good_practice" / "sousedska-kavarna-v-hradci.md").write_text(text, encoding="utf-8")
    result = subprocess.run([str(BIN / "portal"), "check"], cwd=root, capture_output=True, text=True, timeout=60)
    assert (result.returncode, result.stdout) == (0, "")


def test_lists_add_and_remove_items_by_keyboard(page, base_url):
    page.goto(base_url + FORM)
    add = page.get_by_role("button", name="Přidat: obce")
    add.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Obce – položka 2")).to_be_focused()
    page.get_by_label("Obce – položka 1").fill("Lipová")
    page.get_by_label("Obce – položka 2").fill("Hradec")
    page.get_by_role("button", name="Odebrat: obce – položka 1").click()
    expect(page.get_by_label("Obce – položka 1")).to_have_value("Hradec")
    expect(page.get_by_label("Obce – položka 2")).to_have_count(0)
    assert 'municipalities: ["Hradec"]' in page.locator("#kp-preview").inner_text()


def test_draft_survives_a_closed_tab(browser, base_url):
    context = browser.new_context(locale="cs-CZ")
    first = context.new_page()
    first.goto(base_url + FORM)
    first.get_by_label("Název (povinné)", exact=True).fill("Rozepsaný příklad")
    first.get_by_role("button", name="Přidat: zdroje", exact=True).click()
    first.locator('[data-path="sources[1].title"]').fill("Druhý zdroj")
    first.close()
    second = context.new_page()
    second.goto(base_url + FORM)
    expect(second.get_by_label("Název (povinné)", exact=True)).to_have_value("Rozepsaný příklad")
    expect(second.locator('[data-path="sources[1].title"]')).to_have_value("Druhý zdroj")
    expect(second.locator("#kp-draft-note")).to_have_text("Pokračujete v rozepsaném návrhu uloženém v tomto prohlížeči.")
    context.close()


def test_three_ways_out(page, base_url):
    """GitHub's "new file" page with the file name and content, a download, and a copy; no server involved."""
    page.goto(base_url + FORM)
    fill(page, TABLE["base"])
    opened: list[str] = []  # the test machine has no internet: the address GitHub would get is what counts
    page.context.on("request", lambda r: opened.append(r.url) if "github.com" in r.url else None)
    with page.expect_popup() as popup_info:
        page.get_by_role("button", name="Otevřít na GitHubu jako nový soubor").click()
    popup_info.value.close()
    url = opened[0]
    assert url.startswith("https://github.com/komunitni-prace/portal/new/main?filename=good_practice%2Fkomunitni-zahrada-v-lipove.md&value=")
    from urllib.parse import parse_qs, urlsplit
    assert parse_qs(urlsplit(url).query)["value"][0] == page.locator("#kp-preview").inner_text()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Stáhnout soubor").click()
    download = download_info.value
    assert download.suggested_filename == "komunitni-zahrada-v-lipove.md"
    assert Path(download.path()).read_text(encoding="utf-8") == page.locator("#kp-preview").inner_text()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="Zkopírovat text").click()
    expect(page.locator("#kp-out-status")).to_have_text(re.compile("zkopírovaný|označený"))


def test_form_works_on_a_phone(browser, base_url):
    """At 390 px nothing is wider than the screen and every control keeps its label."""
    context = browser.new_context(locale="cs-CZ", viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
    pg = context.new_page()
    pg.goto(base_url + FORM)
    assert pg.evaluate("document.documentElement.scrollWidth") <= 390
    unlabelled = pg.evaluate("""[...document.querySelectorAll('#kp-proposal input, #kp-proposal select, #kp-proposal textarea')]
        .filter(el => !el.labels || el.labels.length === 0).map(el => el.id)""")
    assert unlabelled == []
    context.close()


def test_form_requests_nothing_from_other_hosts(page, base_url):
    from urllib.parse import urlsplit
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(base_url + FORM)
    page.wait_for_load_state("networkidle")
    host = urlsplit(base_url).netloc
    assert [u for u in requests if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != host] == []


WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, "resultTypes": ["violations"]}


@pytest.mark.parametrize("width", [1280, 390])
def test_form_with_errors_meets_wcag_21_aa(browser, base_url, width):
    """axe-core finds no WCAG 2.1 A/AA violation, also while the error summary and field messages are shown."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(locale="cs-CZ", viewport={"width": width, "height": 900}, is_mobile=width < 500)
    pg = context.new_page()
    pg.goto(base_url + FORM)
    fill(pg, {"project.start": "1. 3. 2021", "funding.total": "1.200.000"})
    pg.get_by_role("button", name="Zkontrolovat návrh").click()
    expect(pg.locator("#kp-error-summary")).to_be_visible()
    violations = Axe().run(pg, options=WCAG_AA).response["violations"]
    context.close()
    assert [(v["id"], v["nodes"][0]["html"][:120]) for v in violations] == []

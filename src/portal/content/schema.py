"""The one schema of a case and of a method, as JSON Schema with Czech titles, hints and examples.

Everything derives from it: the validator, the facts panel labels, the JSON Schema for editors and
open data, the `portal new` scaffold and the field reference in the editors' guide. Like Astro's
content collections, both kinds share one base and extend it. Custom keywords:
- `x-vocabulary`: the section of vocabularies.yml whose codes are the allowed values (`enum` is filled in);
- `x-expected`: the expected form, in Czech, quoted in error messages;
- `x-reference`: the value names a document of that content kind (by its slug); checked across the collection;
- `x-example`: the value the scaffold writes.
"""

from __future__ import annotations

import copy
import functools
from typing import Any

from portal import paths
from portal.content.kinds import KINDS
from portal.content.vocabulary import Vocabulary
from portal.czech.text import SLUG

Schema = dict[str, Any]

REGISTRATION_NUMBER = (
    r"^(CZ\.\d{2}\.\d{1,2}\.\d{2,3}/\d\.\d/\d\.\d/\d{2}_\d{3}/\d{7}"  # OP Z 2014–2020
    r"|CZ\.\d{2}\.\d{2}\.\d{2}/\d{2}/\d{2}_\d{3}/\d{7})$"  # OP Z+ 2021–2027
)
# A partial ISO date: the year, the year and month, or the full date (checked for a real day by the validator).
PARTIAL_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"

DATE: Schema = {
    "type": "string",
    "format": "partial-date",
    "x-expected": "datum ve tvaru RRRR-MM-DD (např. 2023-01-31), případně jen RRRR-MM nebo RRRR",
    "x-example": "2023-01-01",
}
URL: Schema = {
    "type": "string",
    "format": "uri",
    "pattern": "^https?://",
    "x-expected": "webová adresa začínající https:// (nebo http://)",
    "x-example": "https://www.example.cz/",
}
MONEY: Schema = {
    "type": "number",
    "minimum": 0,
    "x-expected": "částka v Kč jako číslo s desetinnou tečkou, bez mezer (např. 14380663.20)",
    "x-example": 100000,
}


# How the organisation of a case relates to it, with the label of the facts panel.
ORGANISATION_ROLES = {"realizator": "Realizátor", "vydavatel": "Vydavatel informací"}


def _text(title: str, description: str, example: Any = None, **extra: Any) -> Schema:
    return {"type": "string", "minLength": 1, "title": title, "description": description, "x-example": example, **extra}


def _list(title: str, description: str, items: Schema, example: Any = None, **extra: Any) -> Schema:
    return {"type": "array", "title": title, "description": description, "items": items, "x-example": example, **extra}


def _object(title: str, description: str, properties: dict[str, Schema], required: list[str], **extra: Any) -> Schema:
    return {"type": "object", "title": title, "description": description, "properties": properties,
            "required": required, "additionalProperties": False, **extra}


def _vocab(section: str, title: str, description: str, example: str) -> Schema:
    return {"type": "string", "x-vocabulary": section, "title": title, "description": description, "x-example": example}


def _source(required: list[str]) -> Schema:
    """One source a text draws its facts from: what it is, where it is, and when it was read."""
    return _object("Zdroj", "Jeden zdroj.", {
        "title": _text("Název zdroje", "Kdo a co: vydavatel a název stránky nebo dokumentu.", "Obec Lipová: Komunitní centrum (stránka projektu)"),
        "url": {**URL, "title": "Adresa", "description": "Webová adresa, na které zdroj najdete.", "x-example": "https://www.example.cz/projekt"},
        "accessed": {**DATE, "title": "Navštíveno", "description": "Kdy jste zdroj naposledy četli a fakta s ním ověřili.", "x-example": "2026-11-23"},
    }, required)


BASE: Schema = _object(
    "Obsah portálu",
    "Společný základ případu i metodiky.",
    {
        "title": _text("Název", "Krátký výstižný název, jak se zobrazí v nadpisu a v katalogu.", "Komunitní centrum v naší obci", maxLength=200),
        "summary": _text("Shrnutí", "Jeden odstavec (1–3 věty): co se dělalo, kde a pro koho. Zobrazí se na kartě a ve výsledcích hledání.",
                         "Obec s místním spolkem otevřela komunitní centrum, kde se obyvatelé setkávají a společně řeší místní problémy.", maxLength=800),
    },
    ["title", "summary"],
)

CASE_FIELDS: dict[str, Schema] = {
    "region": _vocab("regions", "Kraj", "Kraj, ve kterém se projekt odehrává (kód z číselníku).", "moravskoslezsky"),
    "municipalities": _list("Obce", "Obce, kterých se projekt týká, jak je jmenuje zdroj (obec, ne její část).", {"type": "string", "minLength": 1}, ["Ostrava"], uniqueItems=True),
    "municipality_count": {"type": "integer", "minimum": 1, "title": "Počet obcí",
                           "description": "Kolika obcí se projekt týká celkem, když zdroj uvádí počet, ale ne všechny názvy; jmenované obce se do počtu zahrnují.",
                           "x-expected": "celé číslo, počet obcí včetně těch jmenovaných v poli municipalities", "x-example": 32},
    "organisation": _object("Realizátor", "Organizace, která projekt vede.", {
        "name": _text("Název organizace", "Úplný název včetně právní formy.", "Spolek Naše obec, z.s."),
        "web": {**URL, "title": "Web organizace", "description": "Webová stránka organizace nebo projektu."},
        "role": {"type": "string", "enum": list(ORGANISATION_ROLES), "title": "Vztah k příkladu",
                 "description": "realizator = organizace projekt vede (výchozí); vydavatel = organizace o příkladu jen informuje, sama ho nerealizuje.",
                 "x-expected": "realizator, nebo vydavatel", "x-example": "realizator"},
    }, ["name"]),
    "project": _object("Projekt", "Údaje o dotačním projektu.", {
        "registration_number": {"type": "string", "pattern": REGISTRATION_NUMBER, "title": "Registrační číslo",
                                "description": "Registrační číslo projektu podle programu.",
                                "x-expected": "registrační číslo ve tvaru CZ.03.2.63/0.0/0.0/15_007/0010387 (OP Z 2014–2020) nebo CZ.03.02.01/00/22_008/0000016 (OP Z+ 2021–2027)",
                                "x-example": "CZ.03.02.01/00/22_008/0000016"},
        "programme": _vocab("programmes", "Program", "Dotační program (kód z číselníku).", "opz-plus"),
        "start": {**DATE, "title": "Zahájení", "description": "Datum zahájení projektu."},
        "end": {**DATE, "title": "Ukončení", "description": "Datum ukončení projektu podle zdroje (ne termín jednoho z cílů); když ho zdroj neuvádí, vynechte: zobrazí se „konec neuveden“.", "x-example": "2025-12-31"},
    }, []),
    "funding": _object("Financování", "Rozpočet projektu v Kč; zdroje musí dát dohromady přesně celkovou částku.", {
        "total": {**MONEY, "title": "Celkem", "description": "Celkové (způsobilé) výdaje v Kč."},
        "sources": _list("Zdroje", "Jednotlivé zdroje financování.", _object("Zdroj", "Jeden zdroj financování.", {
            "source": _vocab("funding_sources", "Zdroj", "Kód zdroje z číselníku.", "esf"),
            "amount": {**MONEY, "title": "Částka", "description": "Částka z tohoto zdroje v Kč."},
        }, ["source", "amount"]), [{"source": "esf", "amount": 100000}], minItems=1),
    }, ["total", "sources"]),
    "methods": _list("Metody", "Metodiky z portálu, které projekt používá (názvy souborů ve složce methods/ bez .md).",
                     {"type": "string", "pattern": SLUG, "x-reference": "method", "x-expected": "název souboru metodiky bez .md, např. komunitni-planovani"},
                     ["komunitni-planovani"], uniqueItems=True),
    "target_groups": _list("Cílové skupiny", "Komu je projekt určen (kódy z číselníku).",
                           _vocab("target_groups", "Cílová skupina", "", "verejnost"), ["verejnost"], uniqueItems=True),
    "indicators": _list("Indikátory", "Měřitelné cíle projektu: plánovaná hodnota a, jen když ji zdroj dokládá, dosažená hodnota.", _object("Indikátor", "Jeden měřitelný cíl.", {
        "label": _text("Co se měří", "Např. 'Lídři komunity z řad cílových skupin'.", "Setkání k řešení společných témat"),
        "target": {"type": "number", "minimum": 0, "title": "Plán", "description": "Cílová (plánovaná) hodnota, jak ji uvádí zdroj.", "x-example": 10},
        "achieved": {"type": "number", "minimum": 0, "title": "Dosaženo", "description": "Skutečně dosažená hodnota; vyplňte jen tehdy, když ji zdroj dokládá.", "x-example": 12},
        "unit": _text("Jednotka", "Např. osob, setkání, center.", "setkání"),
        "deadline": {**DATE, "title": "Termín", "description": "Do kdy má být cíle dosaženo.", "x-example": "2025-12-31"},
    }, ["label", "target"]), [{"label": "Setkání k řešení společných témat", "target": 10, "unit": "setkání"}]),
    "contacts": _list("Kontakty", "Kontakt na pracoviště (office), nebo na osobu (name) jen se zaznamenaným souhlasem (consent).", _object("Kontakt", "Jeden kontakt: pracoviště, nebo osoba se souhlasem.", {
        "office": _text("Pracoviště", "Útvar nebo pracoviště, např. odbor sociálních věcí krajského úřadu; kontakt bez jména je kontakt na pracoviště.",
                        "Obecní úřad Lipová, sociální odbor"),
        "name": _text("Jméno", "Jméno a příjmení osoby, případně s titulem; jen s jejím souhlasem (pole consent).", "Mgr. Jana Nováková"),
        "consent": {**DATE, "title": "Souhlas se zveřejněním",
                    "description": "Datum, kdy osoba souhlasila se zveřejněním svého jména a kontaktu na webu, v PDF a ve vyhledávání; povinné u každé osoby.",
                    "x-example": "2026-11-23"},
        "role": _text("Role", "Funkce v projektu.", "koordinátorka projektu"),
        "email": {"type": "string", "format": "email", "title": "E-mail", "description": "Pracovní e-mail.",
                  "x-expected": "e-mailová adresa ve tvaru jmeno@domena.cz", "x-example": "jana.novakova@example.cz"},
        "phone": {"type": "string", "pattern": r"^\+?[0-9][0-9 ]{7,18}$", "title": "Telefon", "description": "Pracovní telefon (v uvozovkách).",
                  "x-expected": "telefonní číslo z číslic a mezer, případně s předvolbou +420, v uvozovkách", "x-example": "595 000 000"},
        "web": {**URL, "title": "Web", "description": "Stránka pracoviště s aktuálními kontakty.", "x-example": "https://www.example.cz/kontakty"},
        "in_pdf": {"type": "boolean", "title": "Uvést v tištěné příručce", "description": "false = kontakt se neobjeví v PDF příručce.", "x-example": True},
    }, [], minProperties=1), [{"office": "Obecní úřad Lipová, sociální odbor", "web": "https://www.example.cz/kontakty"}]),
    "links": _list("Odkazy", "Další zdroje na webu.", _object("Odkaz", "Jeden odkaz.", {
        "title": _text("Text odkazu", "Co na odkazu čtenář najde.", "Stránka projektu"),
        "url": {**URL, "title": "Adresa"},
    }, ["title", "url"]), [{"title": "Stránka projektu", "url": "https://www.example.cz/projekt"}]),
    "sources": _list("Zdroje", "Odkud fakta na stránce pocházejí: každý zdroj s adresou a datem, kdy jste ho četli. Pište jen to, co zdroje uvádějí.",
                     _source(["title", "url", "accessed"]),
                     [{"title": "Obec Lipová: Komunitní centrum (stránka projektu)", "url": "https://www.example.cz/projekt", "accessed": "2026-11-23"}],
                     minItems=1, **{"x-expected": "seznam zdrojů, každý s názvem, adresou a datem návštěvy, "
                                                  "např. - {title: 'Obec Lipová: Komunitní centrum', url: 'https://www.example.cz/projekt', accessed: 2026-11-23}"}),
    "tags": _list("Štítky", "Volná klíčová slova.", {"type": "string", "minLength": 1}, ["venkov"], uniqueItems=True),
}

METHOD_FIELDS: dict[str, Schema] = {
    "videos": _list("Videa", "Videa k metodice.", _object("Video", "Jedno video.", {
        "title": _text("Název videa", "", "Jak začít s komunitním plánováním"),
        "url": {**URL, "title": "Adresa videa"},
        "minutes": {"type": "number", "exclusiveMinimum": 0, "title": "Délka (minuty)", "description": "", "x-example": 5},
    }, ["title", "url"]), [{"title": "Úvod do metody", "url": "https://www.example.cz/video", "minutes": 5}]),
    "sources": _list("Zdroje a literatura", "Publikace, zákony a stránky, ze kterých metodika vychází (ne tento portál ani jeho příručka).",
                     _source(["title"]), [{"title": "Zákon č. 108/2006 Sb., o sociálních službách"}]),
    "related_methods": _list("Související metodiky", "Názvy souborů jiných metodik bez .md.",
                             {"type": "string", "pattern": SLUG, "x-reference": "method", "x-expected": "název souboru metodiky bez .md, např. mapovani-potreb"},
                             ["mapovani-potreb"], uniqueItems=True),
}

CASE_REQUIRED = ["region", "organisation", "sources"]

# A video's running time as readers and players show it: 4:35 or 1:02:15 (quoted: YAML reads 4:35 as a number).
DURATION = r"^(?:[1-9]\d*:[0-5]\d|[0-5]?\d):[0-5]\d$"
MEDIA_NAME = r"^[a-z0-9]+([.-][a-z0-9]+)*\."

VIDEO_FIELDS: dict[str, Schema] = {
    "duration": {"type": "string", "pattern": DURATION, "title": "Délka",
                 "description": "Délka videa v minutách a sekundách (u delšího videa i v hodinách), v uvozovkách.",
                 "x-expected": "délka v uvozovkách ve tvaru minuty:sekundy, např. \"4:35\", nebo hodiny:minuty:sekundy, např. \"1:02:15\"",
                 "x-example": "4:35"},
    "source": _object("Zdroj videa", "Soubor videa v repozitáři (file), nebo adresa povoleného přehrávače (player), jen jedno z nich.", {
        "file": {"type": "string", "pattern": MEDIA_NAME + r"(mp4|webm)$", "title": "Soubor videa",
                 "description": "Název souboru MP4 nebo WebM ve složce videos/ (malá písmena bez diakritiky, číslice a pomlčky).",
                 "x-expected": "název souboru .mp4 nebo .webm ve složce videos/, např. uvod-do-komunitni-prace.mp4",
                 "x-example": "uvod-do-komunitni-prace.mp4"},
        "player": {**URL, "title": "Přehrávač",
                   "description": "Adresa přehrávače z www.youtube-nocookie.com nebo player.vimeo.com; načte se, až když čtenář klikne.",
                   "x-example": "https://www.youtube-nocookie.com/embed/abcdefghijk"},
    }, [], **{"x-expected": "soubor videa ve složce videos/ (file: nazev-videa.mp4), nebo adresa povoleného přehrávače (player: https://…)"}),
    "captions": {"type": "string", "pattern": MEDIA_NAME + "vtt$", "title": "České titulky",
                 "description": "Soubor s českými titulky ve formátu WebVTT ve složce videos/. Povinné: video bez titulků nezveřejníme.",
                 "x-expected": "název souboru .vtt ve složce videos/, např. uvod-do-komunitni-prace.vtt",
                 "x-example": "uvod-do-komunitni-prace.vtt"},
    "methods": _list("Metodiky", "Metodiky, o kterých video je (názvy souborů ve složce methods/ bez .md).",
                     {"type": "string", "pattern": SLUG, "x-reference": "method", "x-expected": "název souboru metodiky bez .md, např. komunitni-planovani"},
                     ["komunitni-planovani"], uniqueItems=True),
    "cases": _list("Příklady dobré praxe", "Příklady, které video ukazuje (názvy souborů ve složce good_practice/ bez .md).",
                   {"type": "string", "pattern": SLUG, "x-reference": "case",
                    "x-expected": "název souboru příkladu bez .md, např. komunitni-centrum-vltavotynska"},
                   ["komunitni-centrum-vltavotynska"], uniqueItems=True),
    "sources": _list("Zdroje", "Kdo video natočil a kde bylo zveřejněno.", _source(["title"]),
                     [{"title": "Metodické centrum komunitní práce: natočeno pro portál"}]),
}

VIDEO_REQUIRED = ["duration", "source", "captions"]

_FIELDS = {"case": (CASE_FIELDS, CASE_REQUIRED), "method": (METHOD_FIELDS, []), "video": (VIDEO_FIELDS, VIDEO_REQUIRED)}


def _extend(base: Schema, title: str, description: str, fields: dict[str, Schema], required: list[str]) -> Schema:
    schema = copy.deepcopy(base)
    schema.update(title=title, description=description)
    schema["properties"].update(copy.deepcopy(fields))
    schema["required"] = base["required"] + required
    return schema


def schema_for(kind: str, vocab: Vocabulary | None = None) -> Schema:
    """The schema of a kind ('case', 'method' or 'video'), with vocabulary codes filled in as enums."""
    if kind not in _FIELDS:
        raise ValueError(kind)
    fields, required = _FIELDS[kind]
    schema = _extend(BASE, KINDS[kind].title, KINDS[kind].description, fields, required)
    if vocab is not None:
        _fill_vocabularies(schema, vocab)
    return schema


def _fill_vocabularies(node: Any, vocab: Vocabulary) -> None:
    if isinstance(node, dict):
        if "x-vocabulary" in node:
            node["enum"] = vocab.codes(node["x-vocabulary"])
        for value in node.values():
            _fill_vocabularies(value, vocab)
    elif isinstance(node, list):
        for value in node:
            _fill_vocabularies(value, vocab)


def public_json_schema(kind: str, vocab: Vocabulary, site_url: str = "/") -> Schema:
    """The JSON Schema published for editors' tools and open-data users (standard keywords only)."""
    schema = schema_for(kind, vocab)

    def clean(node: Any) -> Any:
        if isinstance(node, dict):
            out = {k: clean(v) for k, v in node.items() if not k.startswith("x-") and v is not None}
            if node.get("format") == "partial-date":
                out.pop("format")
                out["pattern"] = PARTIAL_DATE
            if "x-example" in node and node["x-example"] is not None:
                out["examples"] = [node["x-example"]]
            if "x-vocabulary" in node:
                out["description"] = (out.get("description", "") + " Hodnoty: " + ", ".join(
                    f"{c} = {n}" for c, n in vocab.labels(node["x-vocabulary"]).items())).strip()
            return out
        if isinstance(node, list):
            return [clean(v) for v in node]
        return node

    out = clean(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": site_url + paths.schema_json(kind), **out}


@functools.cache
def _schema_once(kind: str) -> Schema:
    """schema_for(kind) built once: subschema() is asked for labels thousands of times per build (read only)."""
    return schema_for(kind)


def subschema(kind: str, *path: str) -> Schema:
    """The schema of a nested field, e.g. subschema('case', 'funding', 'total'); shared, do not modify it."""
    node = _schema_once(kind)
    for key in path:
        node = node["items"] if node.get("type") == "array" and key == "[]" else node["properties"][key]
    return node

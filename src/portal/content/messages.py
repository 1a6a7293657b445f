"""The Czech messages of the checks that both `portal check` and the proposal form make, in one table.

The validator formats them in Python; the form on /jak-prispet/novy-pripad/ receives the same table as
JSON and fills the same placeholders in the browser, so an editor reads the same words in both places.
Placeholders are `{name}`; values that an editor wrote are passed already quoted by `text.shown`.
"""

from __future__ import annotations

MESSAGES: dict[str, str] = {
    # schema
    "missing": "chybí povinné pole ({title}){example}",
    "missing_example": ", např. {key}: {example}",
    "missing_expected": "; očekáváno: {expected}",
    "empty": "pole je prázdné; očekáváno: {expected}",
    "type": "očekáváno: {expected}; uvedeno: {kind} {value}{hint}",
    "number_hint": "; napište číslo bez mezer s desetinnou tečkou: {number}",
    "colon_hint": "; za názvem pole chybí dvojtečka? napište {key}: {value}",
    "invalid": "neplatná hodnota {value}; očekáváno: {expected}{hint}",
    "did_you_mean": "; myslel/a jste '{candidate}'?",
    "minimum": "hodnota {value} musí být alespoň {limit}",
    "exclusiveMinimum": "hodnota {value} musí být větší než {limit}",
    "maxLength": "text je příliš dlouhý ({length} znaků); nejvýše {limit} znaků",
    "minItems_expected": "seznam je prázdný; očekáváno: {expected}",
    "minItems": "seznam je prázdný; uveďte alespoň jednu položku, nebo pole vynechte",
    "minProperties": "položka je prázdná; vyplňte alespoň jedno pole",
    "uniqueItems": "hodnota {value} je v seznamu uvedena vícekrát",
    # rules beyond the schema
    "level_one_heading": "nadpis první úrovně ('# …') v textu nepoužívejte, název stránky se bere z pole title; použijte '## …'",
    "summary_paragraph": "shrnutí musí být jeden odstavec; delší text patří do těla stránky",
    "period": "ukončení {end} je dříve než zahájení {start}; zkontrolujte pořadí dat",
    "halere": "částka {value} má více než dvě desetinná místa; uveďte ji na haléře, např. {rounded}",
    "funding_sum": "součet zdrojů {added} se neshoduje s celkovou částkou {total} (rozdíl {diff}); opravte částky tak, aby součet seděl na haléř",
    "consent": "kontakt na osobu {name} nemá zaznamenaný souhlas se zveřejněním; doplňte datum, kdy osoba souhlasila "
               "(consent: RRRR-MM-DD), nebo jméno, e-mail a telefon osoby nahraďte kontaktem na pracoviště (office, případně role a web)",
    "contact_office": "kontakt bez jména musí uvést pracoviště (office), např. office: odbor sociálních věcí krajského úřadu; "
                      "e-mail a telefon osoby uveďte jen s jejím jménem (name) a datem souhlasu (consent)",
    "municipality_count": "počet obcí {count} je menší než počet jmenovaných obcí ({named}); "
                          "počet zahrnuje i obce jmenované v poli municipalities, uveďte nejméně {named}",
    "placeholder": "ukázková hodnota {value} z kostry (portal new); nahraďte ji skutečným údajem, nebo nepovinné pole smažte",
    "placeholder_body": "ukázkový text {value} z kostry (portal new); napište vlastní text",
}


def message(name: str, /, **values: object) -> str:
    """One message of the table with its placeholders filled in."""
    return MESSAGES[name].format(**values)


def did_you_mean(candidate: str | None) -> str:
    """Czech suggestion suffix, empty when there is none."""
    return message("did_you_mean", candidate=candidate) if candidate else ""

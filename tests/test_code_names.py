"""code-mismatch and placeholders a translation names in its own words."""

import pytest

from conftest import findings
from transcheck.checking.engine import check_texts
from transcheck.rules.code_names import name_words

EN = """
## Get a tracer

Give the tracer the instrumentation scope name and its version: `instrumentation-scope-name`
and `instrumentation-scope-version` below are placeholders for your own.

```js
const tracer = opentelemetry.trace.getTracer(
  'instrumentation-scope-name',
  'instrumentation-scope-version',
);
```
"""

PT = """
## Obter um tracer

Dê ao tracer o nome do escopo de instrumentação e a sua versão: `nome-do-escopo-de-instrumentacao`
e `versao-do-escopo-de-instrumentacao` abaixo substituem os seus próprios nomes.

```js
const tracer = opentelemetry.trace.getTracer(
  'nome-do-escopo-de-instrumentacao',
  'versao-do-escopo-de-instrumentacao',
);
```
"""


def test_placeholders_translated_alike_in_code_and_prose_are_information_not_a_warning():
    found = [f for f in findings(PT, EN) if f.rule == "code-mismatch"]
    assert [(f.severity.label, f.line) for f in found] == [("info", 8)]
    assert found[0].message.endswith("only the text of its strings differs")


@pytest.mark.parametrize("old, new", [
    # a renamed placeholder in the source's own words: the translation kept the old one
    ("nome-do-escopo-de-instrumentacao", "instrumentation-library-name"),
    # a setting renamed in one version: its words are the other version's too
    ("nome-do-escopo-de-instrumentacao", "otel.experimental.tracer.name"),
])
def test_a_changed_name_that_is_not_the_pages_own_words_stays_a_warning(old, new):
    en = EN.replace("and its version:", "and its version (see the tracer name setting, otel experimental):")
    found = [f for f in findings(PT.replace(old, new), en) if f.rule == "code-mismatch"]
    assert {f.severity.label for f in found} == {"warning"}
    assert any("inline code span" in f.message for f in found)


def test_a_one_word_value_changed_in_code_and_prose_stays_a_warning():
    en = "## Logging\n\nSet the level to `staging` for the staging cluster.\n\n```python\nset_level('staging')\n```\n"
    sv = "## Loggning\n\nSätt nivån till `production` för klustret.\n\n```python\nset_level('production')\n```\n"
    found = [f for f in findings(sv, en) if f.rule == "code-mismatch"]
    assert found and {f.severity.label for f in found} == {"warning"}


def test_name_words_split_identifiers_and_fold_accents():
    assert name_words("nomeDoServico") == ["nome", "servico"]
    assert name_words("instrumentation-scope_name") == ["instrumentation", "scope", "name"]
    assert name_words("Serviço") == ["servico"]


EN_TRACER = """
## Acquire a tracer

Acquire a tracer from the global provider first.

```python
# Sets the global default provider
trace.set_tracer_provider(provider)
# Creates a tracer from the global provider
tracer = trace.get_tracer("my.tracer.name")
```
"""

# the prose says "tracer" as the English loan word; only the code's comments say "rastreador"
PT_TRACER = """
## Obter um tracer

Obtenha primeiro um tracer do provedor global.

```python
# Define o provedor global padrão
trace.set_tracer_provider(provider)
# Cria um rastreador a partir do provedor global
tracer = trace.get_tracer("meu.rastreador.nome")
```
"""


def _code_findings(pt: str, en: str) -> list[tuple[str, int]]:
    found = check_texts(pt.lstrip("\n"), en.lstrip("\n"), "content/pt/page.md", "content/en/page.md")
    return [(f.severity.label, f.line) for f in found if f.rule == "code-mismatch"]


def test_a_name_in_the_words_of_the_translations_code_comments_is_information():
    assert _code_findings(PT_TRACER, EN_TRACER) == [("info", 9)]


def test_words_that_only_code_has_are_no_evidence_of_a_translated_name():
    # the same name with comments left in English: nothing on the page says "rastreador"
    pt = PT_TRACER.replace("# Define o provedor global padrão", "# Sets the global default provider")
    pt = pt.replace("# Cria um rastreador a partir do provedor global", "# Creates a tracer from the global provider")
    assert _code_findings(pt, EN_TRACER) == [("warning", 9)]


@pytest.mark.parametrize("name, comment", [
    # English words for English words: a changed setting, though none is the other version's
    ("backup.storage.node", "# Cria um tracer para o backup storage"),
    ("meu.tracer.nome", "# Cria um rastreador a partir do provedor global"),  # "tracer": the other version's
])
def test_a_name_that_does_not_read_as_the_translations_own_words_stays_a_warning(name, comment):
    pt = PT_TRACER.replace("meu.rastreador.nome", name).replace("# Cria um rastreador a partir do provedor global", comment)
    assert _code_findings(pt, EN_TRACER) == [("warning", 9)]


def test_a_short_english_name_that_reads_as_either_language_is_still_the_translated_ones():
    # "my meter name" leans a hair to Portuguese; "meu medidor nome" clearly does
    en = EN_TRACER.replace("tracer", "meter").replace("Tracer", "Meter")
    pt = (PT_TRACER.replace("rastreador", "medidor").replace("tracer", "meter")
          .replace("Obter um meter", "Obter um meter"))
    assert _code_findings(pt, en) == [("info", 9)]


EN_ORIGIN = """
## Allow the browser

Your web server must allow requests from the website that sends the data.

```nginx
add_header 'Access-Control-Allow-Origin' 'name.of.your.website.example.com' always;
```
"""

PT_ORIGIN = """
## Permitir o navegador

O seu servidor web deve aceitar pedidos do website que envia os dados, por exemplo o seu.

```nginx
add_header 'Access-Control-Allow-Origin' 'nome.do.seu.website.exemplo.com' always;
```
"""


def test_words_a_placeholder_keeps_are_no_evidence_against_its_translation():
    # "website" and "com" stand in both versions: the words the translator changed decide
    assert _code_findings(PT_ORIGIN, EN_ORIGIN) == [("info", 6)]
    # a host changed to another English one is a changed setting
    other = PT_ORIGIN.replace("nome.do.seu.website.exemplo.com", "name.of.our.website.example.com")
    assert _code_findings(other, EN_ORIGIN) == [("warning", 6)]

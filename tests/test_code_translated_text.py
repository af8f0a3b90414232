"""code-mismatch: text for the reader inside code (comments over several lines, YAML values
that are sentences) and a long line wrapped elsewhere are not changes to the code."""

from transcheck.checking.engine import check_texts


def _code_findings(sv: str, en: str) -> list[tuple[str, int, str]]:
    return [(f.severity.label, f.line, f.message) for f in check_texts(sv, en, "p.sv.md", "p.en.md")
            if f.rule == "code-mismatch"]


def _page(heading: str, lead: str, fence: str, code: str) -> str:
    return f"## {heading}\n\n{lead}\n\n```{fence}\n{code}```\n"


KOTLIN_EN = """dependencies {
    /*
      Interfaces that we implement. We use compileOnly because at
      runtime the agent provides every class.
     */
    compileOnly("io.opentelemetry:opentelemetry-sdk:1.2.3")
}
"""
KOTLIN_SV = """dependencies {
    /*
      Gränssnitt som vi implementerar. Vi använder compileOnly eftersom
      agenten ger alla klasser när programmet körs.
     */
    compileOnly("io.opentelemetry:opentelemetry-sdk:1.2.3")
}
"""

XML_EN = """<configuration>
  <!--
    IMPORTANT enable a console appender to troubleshoot cases where
    logs are missing
  -->
  <root level="info"/>
</configuration>
"""
XML_SV = """<configuration>
  <!--
    VIKTIGT: slå på en konsolappender för att felsöka när
    loggar saknas
  -->
  <root level="info"/>
</configuration>
"""


def test_a_comment_over_several_lines_translated_is_the_same_code():
    en = _page("Dependencies", "Add these.", "kotlin", KOTLIN_EN)
    sv = _page("Beroenden", "Lägg till dessa.", "kotlin", KOTLIN_SV)
    assert _code_findings(sv, en) == []
    en = _page("Logs", "Configure it.", "xml", XML_EN)
    sv = _page("Loggar", "Konfigurera den.", "xml", XML_SV)
    assert _code_findings(sv, en) == []


def test_code_after_a_comment_over_several_lines_is_still_compared():
    en = _page("Dependencies", "Add these.", "kotlin", KOTLIN_EN)
    sv = _page("Beroenden", "Lägg till dessa.", "kotlin", KOTLIN_SV.replace("1.2.3", "1.2.4"))
    found = _code_findings(sv, en)
    assert [(severity, line) for severity, line, _ in found] == [("warning", 11)]
    assert "1.2.4" in found[0][2]
    # an XML element changed under a translated comment
    en = _page("Logs", "Configure it.", "xml", XML_EN)
    sv = _page("Loggar", "Konfigurera den.", "xml", XML_SV.replace('level="info"', 'level="debug"'))
    assert [severity for severity, _, _ in _code_findings(sv, en)] == ["warning"]


YAML_EN = """dist:
  name: otelcol-dev
  description: Basic OTel Collector distribution for Developers
  output_path: ./otelcol-dev
"""


def test_a_yaml_value_that_is_a_sentence_translated_is_information():
    en = _page("Manifest", "Create the manifest.", "yaml", YAML_EN)
    sv = _page("Manifest", "Skapa manifestet.", "yaml",
               YAML_EN.replace("Basic OTel Collector distribution for Developers", "Grundläggande distribution för utvecklare"))
    found = _code_findings(sv, en)
    assert [(severity, line) for severity, line, _ in found] == [("info", 8)]
    assert found[0][2].endswith("only the text of its strings differs")


def test_a_yaml_value_that_is_a_name_or_path_changed_stays_a_warning():
    en = _page("Manifest", "Create the manifest.", "yaml", YAML_EN)
    for old, new in (("name: otelcol-dev", "name: otelcol-prod"), ("output_path: ./otelcol-dev", "output_path: ./build")):
        sv = _page("Manifest", "Skapa manifestet.", "yaml", YAML_EN.replace(old, new))
        assert [severity for severity, _, _ in _code_findings(sv, en)] == ["warning"], new


GOMOD_EN = """exporters:
  - gomod:
      go.opentelemetry.io/collector/exporter/debugexporter v0.1.0
  - gomod:
      go.opentelemetry.io/collector/exporter/otlpexporter v0.1.0
"""
GOMOD_SV = """exporters:
  - gomod: go.opentelemetry.io/collector/exporter/debugexporter v0.1.0
  - gomod: go.opentelemetry.io/collector/exporter/otlpexporter v0.1.0
"""


def test_a_long_line_wrapped_elsewhere_is_information():
    en = _page("Exporters", "Add the exporters.", "yaml", GOMOD_EN)
    sv = _page("Exporterare", "Lägg till exporterarna.", "yaml", GOMOD_SV)
    found = _code_findings(sv, en)
    assert [severity for severity, _, _ in found] == ["info"]
    assert found[0][2].endswith("only its line breaks and spacing differ")


def test_a_wrapped_line_with_another_value_stays_a_warning():
    en = _page("Exporters", "Add the exporters.", "yaml", GOMOD_EN)
    sv = _page("Exporterare", "Lägg till exporterarna.", "yaml", GOMOD_SV.replace("otlpexporter v0.1.0", "otlpexporter v0.2.0"))
    assert [severity for severity, _, _ in _code_findings(sv, en)] == ["warning"]


HTML_EN = """<html>
  <body>
    Example of using the tracer with document load instrumentation
    and a console exporter
  </body>
</html>
"""


def test_text_between_html_tags_translated_is_information():
    en = _page("Example", "Write this page.", "html", HTML_EN)
    sv = _page("Exempel", "Skriv den här sidan.", "html", HTML_EN.replace(
        "    Example of using the tracer with document load instrumentation\n    and a console exporter\n",
        "    Exempel på spåraren med instrumentering av sidladdning och en konsolexportör\n"))
    assert [severity for severity, _, _ in _code_findings(sv, en)] == ["info"]
    # a tag changed beside the translated text is still a warning
    changed = sv.replace("<body>", '<body class="x">')
    assert [severity for severity, _, _ in _code_findings(changed, en)] == ["warning"]


def test_a_yaml_comment_without_a_space_after_the_hash_is_a_comment():
    en = _page("Pod", "Set it.", "yaml", "spec:\n  hostPID: true #important!\n")
    sv = _page("Pod", "Sätt det.", "yaml", "spec:\n  hostPID: true #viktigt!\n")
    assert _code_findings(sv, en) == []
    assert [severity for severity, _, _ in _code_findings(sv.replace("true", "false"), en)] == ["warning"]


def test_the_line_shown_is_the_one_whose_words_differ_past_indentation():
    en = _page("Pod", "Set it.", "yaml", "containers:\n  - name: obi\n    image: obi:main\n")
    sv = _page("Pod", "Sätt det.", "yaml", "containers:\n- name: obi\n  image: obi:latest\n")
    found = _code_findings(sv, en)
    assert [(severity, line) for severity, line, _ in found] == [("warning", 8)]
    assert '"image: obi:latest" here, "image: obi:main" there' in found[0][2]


def _python_page(heading: str, prose: str, code: str, span: str) -> str:
    return f"## {heading}\n\n{prose}\n\n```python\n{code}```\n\nCall `{span}` to run it.\n"


PY_EN = """def do_work():
    with tracer.start_as_current_span("span-name") as span:
        # do some work that 'span' will track
        print("doing some work...")
    return do_work
"""
PY_PT = """def fazer_trabalho():
    with tracer.start_as_current_span("nome-do-trecho") as span:
        # faça algum trabalho que 'span' irá rastrear
        print("fazendo algum trabalho...")
    return fazer_trabalho
"""


def test_an_example_with_its_names_translated_the_same_way_throughout_is_information():
    en = _python_page("Creating spans", "Create a span around the work you want to track.", PY_EN, "do_work()")
    pt = _python_page("Criando trechos", "Crie um trecho em volta do trabalho que quer rastrear; o nome do trecho é seu.",
                      PY_PT, "fazer_trabalho()")
    found = [(f.severity.label, f.message) for f in check_texts(pt, en, "p.pt.md", "p.en.md") if f.rule == "code-mismatch"]
    # the blocks are paired (not two blocks without counterpart), and the span follows the code
    assert [severity for severity, _ in found] == ["info"]
    assert found[0][1].endswith("each renamed the same way throughout in the page's own words")


def test_a_name_renamed_two_ways_or_a_value_swapped_stays_a_warning():
    from transcheck.rules.code_names import renamed_names

    assert renamed_names("f(a)\ng(a)", "f(b)\ng(b)") == [("a", "b")]
    assert renamed_names("f(a)\ng(a)", "f(b)\ng(c)") is None  # one name, two new ones
    assert renamed_names("f(a, b)", "f(c, c)") is None  # two names made one
    assert renamed_names("f(a, 1)", "f(b, 2)") is None  # a number changed
    assert renamed_names('print("x")\nx = 1', 'print("y")\nx = 1') == [("x", "y")]  # a string, not the name
    en = _python_page("Export", "Send the data compressed.", 'exporter = Exporter(compression="gzip")\nexporter.start()\n', "exporter")
    pt = _python_page("Exportar", "Envie os dados comprimidos.", 'exporter = Exporter(compression="none")\nexporter.start()\n', "exporter")
    assert [f.severity.label for f in check_texts(pt, en, "p.pt.md", "p.en.md") if f.rule == "code-mismatch"] == ["warning"]


def _span_page(heading: str, text: str) -> str:
    return f"## {heading}\n\n{text}\n"


def test_a_span_changed_only_in_spacing_a_sign_a_plural_or_words_around_it_is_information():
    cases = [
        ("Set `securityContext.privileged: true` first.", "Sätt `securityContext.privileged:true` först.", "only the spacing differs"),
        ("The `traces` pipeline runs.", "Pipelinen `traces:` körs.", "only a sign after the code differs"),
        ("Scale `Deployments` with it.", "Skala `Deployment` med den.", "only a plural ending differs"),
        ("Try `adding spec.image` here.", "Prova `spec.image` här.", "only words around the code differ"),
    ]
    for en_text, sv_text, how in cases:
        found = _code_findings(_span_page("Hjälp", sv_text), _span_page("Help", en_text))
        assert [severity for severity, _, _ in found] == ["info"], en_text
        assert found[0][2].endswith(how)


def test_a_span_changed_in_case_or_in_its_code_stays_a_warning():
    for en_text, sv_text in [
        ("Return `OK(())` at the end.", "Returnera `Ok(())` i slutet."),
        ("Read `/var/log/pods/*/*/*.log` for logs.", "Läs `/var/log/pods/*/*.log` för loggar."),
        ("Use `v2` of the API.", "Använd `v1` av API:et."),
    ]:
        found = _code_findings(_span_page("Hjälp", sv_text), _span_page("Help", en_text))
        assert found and {severity for severity, _, _ in found} == {"warning"}, en_text


def test_an_html_escaped_placeholder_translated_is_the_same_code():
    en = _page("Call", "Call it.", "", "GET /route.json?key=&lt;YOUR API KEY&gt;&amp;id=1\n")
    sv = _page("Anrop", "Anropa den.", "", "GET /route.json?key=&lt;DIN APINYCKEL&gt;&amp;id=1\n")
    assert _code_findings(sv, en) == []
    # the escaped placeholder and a changed parameter beside it: still a difference
    assert [s for s, _, _ in _code_findings(sv.replace("id=1", "id=2"), en)] == ["warning"]


def test_a_yaml_placeholder_translated_and_unwrapped_is_information():
    en = _page("Exclude", "Set the list.", "yaml",
               "env:\n  - name: EXCLUDED\n    value:\n      <comma-separated list of package names to exclude from\n"
               "      instrumentation>\n")
    sv = _page("Undanta", "Sätt listan.", "yaml", "env:\n  - name: EXCLUDED\n    value: <kommaseparerad lista över paket>\n")
    found = _code_findings(sv, en)
    assert [severity for severity, _, _ in found] == ["info"]

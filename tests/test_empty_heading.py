"""An empty heading ("# " left over by an editor) starts no section, so it cannot push the
whole page one level deeper in one version and misalign everything after it."""

from conftest import doc, findings, rules_of


def test_an_empty_heading_is_no_section():
    d = doc(
        """
        #

        Intro.

        ## A

        Text.
        """
    )
    assert [(s.title, s.level) for s in d.body.sections] == [("A", 2)]


def test_a_heading_with_only_a_shortcode_or_an_id_is_kept():
    d = doc('# {{< icon "x" >}}\n\n## A\n\n# {#top}\n')
    assert len(d.body.sections) == 2


def test_an_empty_heading_in_one_version_only_gives_no_finding():
    sv = """
    #

    ## Kom igång

    Installera `clusterctl` och kör `clusterctl init`.

    ## Skapa ett kluster

    Kör `kubectl apply -f cluster.yaml`.
    """
    en = """
    ## Getting started

    Install `clusterctl` and run `clusterctl init`.

    ## Creating a cluster

    Run `kubectl apply -f cluster.yaml`.
    """
    assert rules_of(findings(sv, en)) == []


def test_a_missing_section_is_still_found_after_an_empty_heading():
    sv = "#\n\n## Kom igång\n\nKör `a`.\n"
    en = "## Getting started\n\nRun `a`.\n\n## Creating a cluster\n\nRun `kubectl apply -f c.yaml`.\n"
    assert [f.rule for f in findings(sv, en)] == ["missing-section"]


def test_a_heading_missing_over_content_that_is_there_is_a_warning():
    sv = """
    ## Installera

    Kör `make install` och öppna https://example.org/docs för version 3.2.

    ### Kontrollera

    Kör `make check` mot https://example.org/status och vänta på 200 OK.
    """
    en = """
    ## Install

    Run `make install` and open https://example.org/docs for version 3.2.
    Then run `make check` against https://example.org/status and wait for 200 OK.
    """
    found = [f for f in findings(sv, en) if f.rule == "missing-section"]
    assert [(f.severity.label, f.path, f.line) for f in found] == [("warning", "b.md", 1)]
    assert "what it holds stands in" in found[0].message
    assert not [f for f in findings(sv, en) if f.severity.label == "error"]


def test_a_section_whose_content_is_gone_is_still_an_error():
    sv = """
    ## Installera

    Kör `make install` och öppna https://example.org/docs för version 3.2.

    ### Kontrollera

    Kör `make check` mot https://example.org/status och vänta på 200 OK.
    """
    en = """
    ## Install

    Run `make install` and open https://example.org/docs for version 3.2.
    """
    assert [(f.rule, f.severity.label) for f in findings(sv, en)] == [("missing-section", "error")]

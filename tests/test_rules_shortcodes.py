"""shortcode-mismatch and shortcode-unclosed: reports and stays quiet."""

from transcheck.scargs import is_data_argument
from conftest import findings, rules_of

EN = """
## Apply

{{< figure src="/img/team.jpg" class="wide" alt="Our team" >}}

{{% note "info" %}}
Write to us before you apply.
{{% /note %}}

Call {{< phone >}} today.

{{< button href="https://jobs.example/apply" text="Apply now" icon="fa-arrow" color="#3C9BCD" />}}
"""

SV = """
## Ansök

{{< figure src="/img/team.jpg" class="wide" alt="Vårt team" >}}

{{% note "info" %}}
Skriv till oss innan du ansöker.
{{% /note %}}

Ring {{< phone >}} i dag.

{{< button href="https://jobs.example/apply" text="Ansök nu" icon="fa-arrow" color="#3C9BCD" />}}
"""


def test_translated_text_arguments_are_quiet():
    assert findings(SV, EN) == []


def test_non_text_argument_differs():
    sv = SV.replace('color="#3C9BCD"', 'color="#FF0000"')
    found = findings(sv, EN)
    assert rules_of(found) == [("shortcode-mismatch", "a.md", 11)]
    assert '{{< button >}} argument color is "#FF0000" here but "#3C9BCD" in b.md:11' == found[0].message


def test_positional_type_argument_differs():
    sv = SV.replace('{{% note "info" %}}', '{{% note "warning" %}}')
    found = findings(sv, EN)
    assert rules_of(found) == [("shortcode-mismatch", "a.md", 5)]
    assert 'argument 1 is "warning" here but "info"' in found[0].message


def test_missing_and_extra_shortcode_blocks():
    sv = SV.replace('{{< figure src="/img/team.jpg" class="wide" alt="Vårt team" >}}\n\n', "")
    found = findings(sv, EN)
    assert [(f.rule, f.path) for f in found] == [("shortcode-mismatch", "a.md")]
    assert "shortcode {{< figure >}} (b.md:3) has no counterpart" in found[0].message
    en = EN.replace("Call {{< phone >}} today.", "Call us today.")
    found = findings(SV, en)
    assert rules_of(found) == [("shortcode-mismatch", "a.md", 9)]
    assert "inline shortcode 'phone' appears 1 time(s) here but 0" in found[0].message


def test_closing_tag_without_opening():
    sv = SV.replace("Ring {{< phone >}} i dag.", "Ring oss i dag.\n\n{{< /phone >}}").replace(
        "Call {{< phone >}} today.", ""
    )
    en = EN.replace("Call {{< phone >}} today.", "Call us today.")
    found = findings(sv, en)
    assert rules_of(found) == [("shortcode-unclosed", "a.md", 11)]
    assert "has no opening tag" in found[0].message


def test_opening_tag_never_closed_while_the_other_version_closes_it():
    sv = SV.replace("Skriv till oss innan du ansöker.\n{{% /note %}}", "Skriv till oss innan du ansöker.")
    found = findings(sv, EN)
    assert ("shortcode-unclosed", "a.md", 5) in rules_of(found)
    message = next(f.message for f in found if f.rule == "shortcode-unclosed")
    assert "never closed here" in message and "{{% /note %}}" in message


def test_standalone_shortcode_used_the_same_way_is_not_unclosed():
    text = "{{< accordion-script >}}\n\nText.\n"
    assert findings(text, text) == []


def test_unterminated_tag_is_reported():
    sv = SV.replace('{{< figure src="/img/team.jpg" class="wide" alt="Vårt team" >}}', '{{< figure src="/img/team.jpg"')
    found = findings(sv, EN)
    assert ("shortcode-unclosed", "a.md", 3) in rules_of(found)


def test_argument_classification():
    assert is_data_argument("color", "#fff")
    assert is_data_argument(None, "info")
    assert is_data_argument(None, "fa-solid fa-x") is False  # two words: looks like text
    assert is_data_argument("icon", "fa-solid fa-x")
    assert not is_data_argument("title", "info")
    assert not is_data_argument(None, "Support:")
    assert not is_data_argument(None, "Klicka här")

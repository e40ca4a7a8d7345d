"""The GOV.UK components render the markup each page used to copy."""

from django import forms
from django.template import Context, Template


def render(source: str, **context: object) -> str:
    return Template(source).render(Context(context)).strip()


class NameForm(forms.Form):
    name = forms.CharField()


def test_back_link_with_default_and_own_text():
    assert render('{% govuk_back_link "/x/" %}') == '<a href="/x/" class="govuk-back-link">Back</a>'
    html = render('{% govuk_back_link url text="Children" %}', url="/c/")
    assert html == '<a href="/c/" class="govuk-back-link">Children</a>'


def test_back_link_joins_its_href_and_escapes_it():
    html = render('{% govuk_back_link "/s/" "?" q text="Back to results" %}', q="a=1&b=<2>")
    assert 'href="/s/?a=1&amp;b=&lt;2&gt;"' in html


def test_error_prefix_only_when_a_form_has_errors():
    title = "{% error_prefix form problems %}Sign in"
    assert render(title, form=NameForm(), problems=[]) == "Sign in"
    assert render(title, form=NameForm({"name": "Ann"}), problems=[]) == "Sign in"
    assert render(title, form=NameForm({}), problems=[]) == "Error: Sign in"
    assert render(title, form=NameForm(), problems=["Row 2"]) == "Error: Sign in"


def test_button_kinds():
    assert render('{% govuk_button "Save" %}') == (
        '<button type="submit" class="govuk-button" data-module="govuk-button">Save</button>'
    )
    html = render('{% govuk_button "Remove" warning=True name="do" value="remove" %}')
    assert 'class="govuk-button govuk-button--warning"' in html
    assert 'name="do" value="remove"' in html


def test_summary_row_with_and_without_an_action():
    plain = render('{% govuk_summary_row "Name" "Ann" %}')
    assert plain == (
        '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">Name</dt>'
        '<dd class="govuk-summary-list__value">Ann</dd></div>'
    )
    alone = render('{% govuk_summary_row "Name" name no_actions=True %}', name="<b>")
    assert "govuk-summary-list__row--no-actions" in alone and "&lt;b&gt;" in alone
    linked = render('{% govuk_summary_row "Name" "Ann" href="/n/" %}')
    assert 'href="/n/"' in linked and '<span class="govuk-visually-hidden"> name</span>' in linked


def test_notification_banner_important_and_success():
    important = render('{% govuk_notification_banner "Important" "Signed out" id="out" %}')
    assert 'role="region"' in important and 'id="out-title">Important<' in important
    success = render(
        '{% govuk_notification_banner "Success" "Saved" id="m" number=2 success=True %}'
    )
    assert "govuk-notification-banner--success" in success and 'role="alert"' in success
    assert 'aria-labelledby="m-2-title"' in success and 'id="m-2-title"' in success


class LevelForm(forms.Form):
    level = forms.ChoiceField(
        label="Which level?", choices=[("1", "One"), ("2", "Two")], widget=forms.RadioSelect
    )


def test_radios_as_the_pages_heading_with_their_error():
    html = render("{% govuk_field form.level heading=True %}", form=LevelForm({}))
    assert (
        '<legend class="govuk-fieldset__legend govuk-fieldset__legend--l">'
        '<h1 class="govuk-fieldset__heading">Which level?</h1></legend>'
    ) in html
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_level-error">' in html
    assert '<p id="id_level-error" class="govuk-error-message">' in html
    plain = render("{% govuk_field form.level %}", form=LevelForm())
    assert "<h1" not in plain and "govuk-fieldset__legend--s" in plain

import pytest

from tests.communities.factories import make_area

pytestmark = pytest.mark.django_db


@pytest.fixture
def fabryczne():
    return make_area(
        name="Osiedle Fabryczne",
        slug="osiedle-fabryczne",
        streets=[("1-go Sierpnia", 22, 22, "all"), ("Podleśna", 2, 2, "all")],
    )


@pytest.fixture
def gutwin():
    return make_area(
        name="Osiedle Gutwin",
        slug="gutwin",
        city="Ostrowiec Świętokrzyski",
        streets=["Żeromskiego", ("Długa", 1, 15, "odd")],
    )


def _result(client, **params):
    response = client.get("/osl/", params)
    assert response.status_code == 200
    return response.context["lookup"], response.content.decode()


@pytest.mark.parametrize("typed", ["Podlesna", "podleśna", "PODLEŚNA", "ul. Podleśna", "Podleśnej"])
def test_street_is_found_with_or_without_diacritics_case_or_prefix(client, fabryczne, typed):
    lookup, html = _result(client, ulica=typed, numer="2")
    assert lookup.areas == [fabryczne]
    assert 'href="/osl/osiedle-fabryczne/"' in html
    assert "należy do obszaru" in html


@pytest.mark.parametrize("typed", ["Długiej", "dlugiej", "DŁUGIEJ"])
def test_street_name_in_another_case_finds_the_street(client, gutwin, typed):
    assert _result(client, ulica=typed, numer="7")[0].areas == [gutwin]


def test_polish_letter_l_with_stroke_is_matched_by_plain_l(client):
    area = make_area(streets=["Łąkowa"])
    lookup, _html = _result(client, ulica="lakowa")
    assert lookup.areas == [area]


def test_number_outside_the_range_is_not_in_any_area_and_says_which_numbers_are(client, fabryczne):
    lookup, html = _result(client, ulica="Podlesna", numer="5")
    assert lookup.areas == []
    assert "nie należy do żadnego obszaru OSL" in html
    assert "należą tylko budynki nr 2" in html


def test_letter_suffix_on_a_building_number_counts_as_the_number(client, fabryczne):
    lookup, _html = _result(client, ulica="1-go Sierpnia", numer="22a")
    assert lookup.areas == [fabryczne]


def test_odd_side_range_covers_odd_numbers_only(client, gutwin):
    assert _result(client, ulica="Dluga", numer="7")[0].areas == [gutwin]
    assert _result(client, ulica="Dluga", numer="8")[0].areas == []
    assert _result(client, ulica="Dluga", numer="17")[0].areas == []


def test_whole_street_covers_any_number(client, gutwin):
    assert _result(client, ulica="zeromskiego", numer="150")[0].areas == [gutwin]


def test_street_without_number_finds_the_area_and_warns_about_the_range(client, fabryczne):
    lookup, html = _result(client, ulica="Podleśna")
    assert lookup.areas == [fabryczne]
    assert "Podaj numer budynku, aby sprawdzić dokładnie." in html


def test_unknown_street_is_not_in_any_area(client, fabryczne, gutwin):
    lookup, html = _result(client, ulica="Nieznana", numer="3")
    assert lookup.areas == []
    assert not lookup.street_known
    assert "Adres Nieznana 3 nie należy do żadnego obszaru OSL." in html


def test_streets_of_draft_areas_are_not_revealed(client):
    make_area(published=False, streets=["Tajna"])
    lookup, html = _result(client, ulica="Tajna")
    assert lookup.areas == []
    assert "nie należy do żadnego obszaru OSL" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"ulica": "", "numer": "2"}, "Wpisz nazwę ulicy, np. Podleśna."),
        ({"ulica": "---"}, "Wpisz nazwę ulicy literami, np. Podleśna."),
        ({"ulica": "Podleśna", "numer": "dwa"}, "Podaj numer budynku cyframi"),
        ({"ulica": "x" * 500}, "Upewnij się, że ta wartość ma co najwyżej 120 znaków"),
    ],
)
def test_bad_input_gives_a_polish_message_not_an_error(client, fabryczne, params, message):
    lookup, html = _result(client, **params)
    assert lookup is None
    assert message in html
    assert 'aria-invalid="true"' in html


def test_bare_list_page_shows_no_lookup_errors(client, fabryczne):
    lookup, html = _result(client)
    assert lookup is None
    assert 'aria-invalid="true"' not in html

"""Reading roll exports: formats, values and the line-and-column errors people see."""

from datetime import date

import pytest

from earlyhelp.lib.csvfile import CsvError, read_csv
from earlyhelp.pupils.roll import RollFileError, detect_format, read_roll
from earlyhelp.pupils.upn import make_upn

UPN1, UPN2 = make_upn("820200100001"), make_upn("820200100002")

SIMS = (
    "UPN,Legal Surname,Legal Forename,Preferred Forename,DOB,Year,Reg,SEN Status,PP,EAL,In Care,"
    "Young Carer\n"
    f"{UPN1},Bell,Amelia,Amy,27/03/2016,Year 5,5B,K,Y,N,No,T\n"
    f"{UPN2},Cross,Ben,,01/09/2015,6,6A,,N,Y,Yes,F\n"
)
ARBOR = (
    "UPN,Legal First Name,Legal Last Name,Date of Birth,Year,SEN Status,Pupil Premium,"
    "Looked After\n"
    f"{UPN1},Amelia,Bell,2016-03-27,Reception,EHCP,true,false\n"
)
BROMCOM = (
    "UPN,Legal Forename,Legal Surname,Date Of Birth,NC Year,Reg Group,CLA,Admission Date\n"
    f"{UPN1},Amelia,Bell,27.03.2016,N1,NUR,0,01/09/2019\n"
)
EARLYHELP = (
    "upn,legal_first_name,legal_last_name,date_of_birth,year_group,young_carer\n"
    f"{UPN1},Amelia,Bell,27/03/2016,5,yes\n"
)


def rows(text, fmt="auto"):
    return read_roll(read_csv(text.encode()), fmt=fmt)


def test_sims_export_is_read_with_its_own_headers():
    amy, ben = rows(SIMS)
    assert (amy.upn, amy.legal_first_name, amy.preferred_name) == (UPN1, "Amelia", "Amy")
    assert amy.date_of_birth == date(2016, 3, 27)
    assert (amy.year_group, amy.registration_group, amy.sen_status) == ("5", "5B", "K")
    assert (amy.pupil_premium, amy.english_additional_language, amy.young_carer) == (
        True,
        False,
        True,
    )
    assert ben.looked_after and ben.english_additional_language and ben.sen_status == "N"


def test_arbor_export_is_read():
    (amy,) = rows(ARBOR)
    assert (amy.year_group, amy.sen_status, amy.pupil_premium) == ("R", "E", True)
    assert amy.date_of_birth == date(2016, 3, 27)


def test_bromcom_export_is_read():
    (amy,) = rows(BROMCOM)
    assert (amy.year_group, amy.registration_group, amy.admitted_on) == (
        "N",
        "NUR",
        date(2019, 9, 1),
    )


def test_earlyhelp_format_is_read():
    (amy,) = rows(EARLYHELP)
    assert amy.young_carer


@pytest.mark.parametrize(
    ("text", "fmt"),
    [(SIMS, "sims"), (ARBOR, "arbor"), (BROMCOM, "bromcom"), (EARLYHELP, "earlyhelp")],
)
def test_format_is_detected_from_headers(text, fmt):
    assert detect_format(read_csv(text.encode()).headers) == fmt


def test_bad_date_names_line_and_column():
    bad = SIMS.replace("01/09/2015", "31/02/2015")
    with pytest.raises(RollFileError) as error:
        rows(bad)
    assert error.value.messages == ["Line 3, column 'DOB': enter a real date, like 27/03/2017"]


def test_bad_upn_flag_and_year_are_each_reported():
    bad = SIMS.replace(UPN1, "A820200100001").replace(",Y,N,No,T", ",maybe,N,No,T")
    bad = bad.replace(",6,6A,", ",14,6A,")
    with pytest.raises(RollFileError) as error:
        rows(bad)
    text = "\n".join(error.value.messages)
    assert "Line 2, column 'UPN': enter a real UPN" in text
    assert "Line 2, column 'PP': enter Yes or No" in text
    assert "Line 3, column 'Year': enter a year group" in text


def test_a_pupil_twice_is_refused():
    twice = SIMS + SIMS.splitlines()[1] + "\n"
    with pytest.raises(RollFileError, match=r"Line 4, column 'UPN'.*also on line 2"):
        rows(twice)


def test_missing_required_column_is_named():
    with pytest.raises(RollFileError, match="do not match a roll export"):
        rows("UPN,Surname\nA1,B\n")


def test_binary_file_is_refused():
    with pytest.raises(CsvError, match="must be a CSV"):
        read_csv(b"%PDF-1.7\x00\x01\x02")


def test_oversized_file_is_refused():
    with pytest.raises(CsvError, match="smaller than 5 MB"):
        read_csv(b"a,b\n" * (2 * 1024 * 1024))


def test_windows_1252_file_is_read():
    text = EARLYHELP.replace("Amelia", "Zoë")
    (amy,) = rows(text.encode("cp1252").decode("latin-1"))
    assert amy.legal_first_name in {"Zoë", "ZoÃ«"}


def roll_bytes(data: bytes, encoding: str = "auto"):
    return read_roll(read_csv(data, encoding=encoding))


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
def test_utf8_with_or_without_bom_is_read(bom):
    (amy,) = roll_bytes(bom + EARLYHELP.replace("Amelia", "Zoë").encode())
    assert amy.legal_first_name == "Zoë"


def test_polish_names_in_windows_1250_are_detected():
    text = EARLYHELP.replace("Amelia,Bell", "Łucja,Wołowska-Zając")
    (pupil,) = roll_bytes(text.encode("cp1250"))
    assert (pupil.legal_first_name, pupil.legal_last_name) == ("Łucja", "Wołowska-Zając")


def test_windows_1252_is_detected():
    (pupil,) = roll_bytes(EARLYHELP.replace("Amelia", "Renée").encode("cp1252"))
    assert pupil.legal_first_name == "Renée"


def test_a_file_not_in_the_stated_encoding_is_refused():
    with pytest.raises(CsvError, match="not in UTF-8"):
        roll_bytes(EARLYHELP.replace("Amelia", "Łucja").encode("cp1250"), "utf-8")
    with pytest.raises(CsvError, match="it looks like UTF-8"):
        roll_bytes(EARLYHELP.replace("Amelia", "Łucja").encode(), "cp1250")
    (pupil,) = roll_bytes(EARLYHELP.replace("Amelia", "Łucja").encode("cp1250"), "cp1250")
    assert pupil.legal_first_name == "Łucja"


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("Amelia", "Am\ufffdlia", "Line 2, column 'legal_first_name': has the character"),
        ("Amelia", "Am\x00lia", "Line 2, column 'legal_first_name': has a hidden control"),
        ("27/03/2016", "27/03/0001", "Line 2, column 'date_of_birth': the date of birth must"),
        ("Bell", "B" * 101, "Line 2, column 'legal_last_name': must be 100 characters or fewer"),
    ],
)
def test_bad_text_and_implausible_birth_years_are_line_errors(old, new, message):
    with pytest.raises(RollFileError) as error:
        rows(EARLYHELP.replace(old, new, 1))
    assert message in "\n".join(error.value.messages)


def test_a_registration_group_over_20_characters_is_a_line_error():
    bad = SIMS.replace(",5B,", f",{'5' * 21},")
    with pytest.raises(RollFileError) as error:
        rows(bad)
    assert error.value.messages == ["Line 2, column 'Reg': must be 20 characters or fewer"]

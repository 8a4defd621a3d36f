import os
import shutil

import pytest

from .conftest import SCRIPTS

VALIDATION = "ValidationError: 1 validation error for Settings"
MISSING = "Field required [type=missing, input_value={}, input_type=dict]"
DOTENV = "SHOP_SMTP_HOST=smtp.example.com\n"
MAILED = "{'confirmation': 'mailed through smtp.example.com'}"


# --8<-- [start:fixture_too_late]
def test_a_fixture_is_too_late(project, pytester: pytest.Pytester) -> None:
    shutil.copy(SCRIPTS / "conftest_with_a_fixture.py", project / "conftest.py")
    result = pytester.runpytest()
    result.stderr.fnmatch_lines(
        [
            "ImportError while loading conftest '*conftest.py'.",
            f"E   pydantic_core._pydantic_core.{VALIDATION}",
            "E   api_token",
        ]
    )
    assert f"E   api_token\nE     {MISSING}" in result.stderr.str()
    assert result.ret == pytest.ExitCode.USAGE_ERROR


# --8<-- [end:fixture_too_late]
# --8<-- [start:top_of_conftest]
def test_environment_at_the_top_of_the_conftest(
    project, pytester: pytest.Pytester
) -> None:
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)


def test_ci_values_and_shell_values(
    project, pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SHOP_API_TOKEN", "token-from-ci")
    monkeypatch.setenv("SHOP_DATABASE_URL", "postgresql://shop@db.internal/shop")
    monkeypatch.setenv("SHOP_SMTP_HOST", "smtp.example.com")
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)  # (1)!
    assert os.environ["SHOP_API_TOKEN"] == "token-from-ci"  # (2)!


# --8<-- [end:top_of_conftest]
def remove_the_second_read(project) -> None:
    conftest = project / "conftest.py"
    line = "settings.__init__(_env_file=None)  # (4)!\n"
    assert line in conftest.read_text()
    conftest.write_text(conftest.read_text().replace(line, ""))


# --8<-- [start:dotenv]
def test_a_dotenv_file_in_the_working_directory(
    project, pytester: pytest.Pytester
) -> None:
    remove_the_second_read(project)  # the recipe without its last line
    (project / ".env").write_text(DOTENV)
    result = pytester.runpytest()
    result.stdout.fnmatch_lines([f"E         {MAILED} != *"])
    result.assert_outcomes(passed=1, failed=1)

    (project / "elsewhere").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project / "elsewhere")
        result = pytester.runpytest(project)  # pytest started from another folder
    result.assert_outcomes(passed=2)


def test_an_empty_variable_cannot_blank_it(project, pytester: pytest.Pytester) -> None:
    remove_the_second_read(project)
    (project / ".env").write_text(DOTENV)
    conftest = project / "conftest.py"
    conftest.write_text(
        conftest.read_text().replace(
            'os.environ.pop("SHOP_SMTP_HOST", None)',
            'os.environ["SHOP_SMTP_HOST"] = ""',  # empty, instead of removed
        )
    )
    result = pytester.runpytest()
    result.stdout.fnmatch_lines([f"E         {MAILED} != *"])
    result.assert_outcomes(passed=1, failed=1)


def test_the_recipe_ignores_the_dotenv_file(project, pytester: pytest.Pytester) -> None:
    (project / ".env").write_text(DOTENV)
    result = pytester.runpytest()
    result.assert_outcomes(passed=2)


# --8<-- [end:dotenv]

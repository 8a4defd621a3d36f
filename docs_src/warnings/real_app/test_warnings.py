import pytest

from .conftest import replace_filter

# The messages, as pytest prints them.
HTTP_422 = "StarletteDeprecationWarning: 'HTTP_422_UNPROCESSABLE_ENTITY' is deprecated."
CRYPT = (
    "DeprecationWarning: 'crypt' is deprecated and slated for removal in Python 3.13"
)
CONFIG = "UserWarning: Config file '.env' not found."
FIELD = (
    "PydanticDeprecatedSince20: Using extra keyword arguments on `Field` is deprecated"
)
ON_EVENT = "on_event is deprecated, use lifespan event handlers instead."
EXAMPLE = (
    "FastAPIDeprecationWarning: `example` has been deprecated, please use `examples`"
)
HMAC = "InsecureKeyLengthWarning: The HMAC key is 11 bytes long, which is below"
CONFTEST = "ImportError while loading conftest"


# --8<-- [start:error_alone]
def test_error_alone_stops_at_the_conftest(project, pytester: pytest.Pytester) -> None:
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nfilterwarnings = ["error"]')
    result = pytester.runpytest()
    result.stderr.fnmatch_lines(
        [
            f"{CONFTEST} '*conftest.py'.",
            f"E   starlette.exceptions.{HTTP_422} "
            "Use 'HTTP_422_UNPROCESSABLE_CONTENT' instead.",
        ]
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR  # exit code 4


# --8<-- [end:error_alone]
# --8<-- [start:find]
def test_w_default_lists_every_warning(project, pytester: pytest.Pytester) -> None:
    pytester.makepyprojecttoml('[tool.pytest.ini_options]\nfilterwarnings = ["error"]')
    result = pytester.runpytest("-W", "default")  # (1)!
    result.stdout.fnmatch_lines(
        [
            f"*/app/main.py:3: {HTTP_422}*",  # (2)!
            f"*/passlib/context.py:*: {CRYPT}",
            f"*/starlette/config.py:*: {CONFIG}",
            f"*/app/main.py:14: {FIELD}*",
            "*/app/main.py:17: DeprecationWarning: ",  # (3)!
            f"*{ON_EVENT}",
            "*/fastapi/applications.py:*: DeprecationWarning: ",
            f"*/app/main.py:24: {EXAMPLE} instead",
            f"*/jwt/api_jwt.py:*: {HMAC}*",
        ]
    )
    result.assert_outcomes(passed=3, warnings=9)


# --8<-- [end:find]
# --8<-- [start:precise]
def test_precise_filters(project, pytester: pytest.Pytester) -> None:
    result = pytester.runpytest()  # the project's own pyproject.toml
    result.assert_outcomes(passed=3)


def test_own_warnings_still_fail(project, pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_own="""
        import warnings

        def test_calls_something_deprecated():
            warnings.warn("old_total() is deprecated", DeprecationWarning)
        """
    )
    result = pytester.runpytest()
    result.stdout.fnmatch_lines(
        [
            "FAILED test_own.py::test_calls_something_deprecated - "
            "DeprecationWarning: old_total() is deprecated"
        ]
    )
    result.assert_outcomes(passed=3, failed=1)


def test_a_long_key_needs_no_filter(project, pytester: pytest.Pytester) -> None:
    replace_filter(project, '"ignore::jwt.warnings.InsecureKeyLengthWarning",', "")
    conftest = project / "conftest.py"
    text = conftest.read_text()
    assert '"test-secret"' in text
    conftest.write_text(
        text.replace('"test-secret"', '"a-test-secret-of-32-bytes-or-so!"')
    )
    result = pytester.runpytest()
    result.assert_outcomes(passed=3)


# --8<-- [end:precise]
# --8<-- [start:caller]
def test_library_module_does_not_match(project, pytester: pytest.Pytester) -> None:
    replace_filter(
        project,
        "ignore:'HTTP_422_UNPROCESSABLE_ENTITY' is deprecated:",
        "ignore::",  # no message: category and module only
    )
    replace_filter(
        project,
        "starlette.exceptions.StarletteDeprecationWarning",
        "starlette.exceptions.StarletteDeprecationWarning:legacy_errors",
    )
    result = pytester.runpytest()
    result.stderr.fnmatch_lines(
        [
            f"{CONFTEST} '*conftest.py'.",
            f"E   starlette.exceptions.{HTTP_422}*",
        ]
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR


# --8<-- [end:caller]
# --8<-- [start:newline]
@pytest.mark.parametrize(
    "line",
    [
        # No \s*: the message starts with a newline.
        '"ignore:on_event is deprecated:DeprecationWarning"',
        # A dot does not match a newline.
        r"'ignore:.*on_event is deprecated:DeprecationWarning'",
        # Scoped to one of the two modules the warning is attributed to.
        r"'ignore:\s*on_event is deprecated:DeprecationWarning:app.main'",
    ],
)
def test_lines_that_miss_on_event(project, pytester: pytest.Pytester, line) -> None:
    replace_filter(
        project, r"'ignore:\s*on_event is deprecated:DeprecationWarning'", line
    )
    result = pytester.runpytest()
    result.stderr.fnmatch_lines(
        [
            f"{CONFTEST} '*conftest.py'.",
            "E   DeprecationWarning:",
            f"E           {ON_EVENT}",
        ]
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR


# --8<-- [end:newline]
# --8<-- [start:category]
def test_fastapi_warning_is_not_a_deprecation_warning(
    project, pytester: pytest.Pytester
) -> None:
    replace_filter(
        project,
        "fastapi.exceptions.FastAPIDeprecationWarning:app.main",
        "DeprecationWarning:app.main",  # the wrong class
    )
    result = pytester.runpytest()
    result.stderr.fnmatch_lines(
        [
            f"{CONFTEST} '*conftest.py'.",
            f"E   fastapi.exceptions.{EXAMPLE} instead",
        ]
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR


# --8<-- [end:category]
# --8<-- [start:regex]
PYDANTIC = (
    "Using extra keyword arguments on `Field` is deprecated and will be removed. "
    "Use `json_schema_extra` instead. (Extra keys"
)


def test_parenthesis_in_the_message(project, pytester: pytest.Pytester) -> None:
    replace_filter(project, "Using extra keyword arguments on .Field.", PYDANTIC)
    result = pytester.runpytest()
    result.stderr.fnmatch_lines(
        [
            "ERROR: while parsing the following warning configuration:",
            "*Invalid regex *: missing ), unterminated subpattern*",
        ]
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR


def test_colon_in_the_message(project, pytester: pytest.Pytester) -> None:
    replace_filter(
        project, "Using extra keyword arguments on .Field.", PYDANTIC + ": 'example')"
    )
    result = pytester.runpytest()
    result.stderr.fnmatch_lines(
        [
            "ERROR: while parsing the following warning configuration:",
            "AttributeError: module 'builtins' has no attribute ''example')'",
        ]
    )
    assert result.ret == pytest.ExitCode.USAGE_ERROR


# --8<-- [end:regex]

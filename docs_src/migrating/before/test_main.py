import importlib
import re

import pytest

ON_EVENT_DEPRECATED = "on_event is deprecated, use lifespan event handlers instead."


def test_on_event_is_deprecated() -> None:
    with pytest.warns(DeprecationWarning, match=re.escape(ON_EVENT_DEPRECATED)):
        importlib.import_module(".main", __package__)  # (1)!

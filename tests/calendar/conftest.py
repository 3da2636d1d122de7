import pytest

# The engines helper asserts: show the differences when they disagree.
pytest.register_assert_rewrite("tests.calendar.engines")

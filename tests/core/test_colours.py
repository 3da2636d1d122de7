import math

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.core.colours import contrast_ratio, validate_primary_colour


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("colour", ["#1d5b79", "#767676", "#000000", "#A23C12"])
def test_dark_enough_colours_are_accepted(colour):
    validate_primary_colour(colour)


@pytest.mark.parametrize("colour", ["#777777", "#ffdd00", "#ffffff", "#3399ff"])
def test_colours_white_text_cannot_be_read_on_are_refused_with_the_ratio(colour):
    with translation.override("fr"):
        with pytest.raises(ValidationError) as error:
            validate_primary_colour(colour)
        assert error.value.code == "low_contrast"
        ratio = f"{math.floor(contrast_ratio(colour, '#ffffff') * 100) / 100:.2f}"
        assert ratio.replace(".", ",") in error.value.messages[0]  # French decimal comma


@pytest.mark.parametrize("value", ["", "blue", "#fff", "#12345g", "1d5b79", "#1d5b7900", "\x00"])
def test_malformed_colours_are_refused(value):
    with pytest.raises(ValidationError) as error:
        validate_primary_colour(value)
    assert error.value.code == "invalid"

"""An address typed as text found on the map, server-side, by the geocoder at GEOCODER_URL
(the French national address base by default, or any service answering as it does: GeoJSON
features, the best first, `geometry.coordinates` [longitude, latitude], `properties.score`).

It never fails its caller: a slow, broken or unreachable geocoder, or no good match, gives no
point (logged without the address, which may be someone's home)."""

import http.client
import json
import logging
import math
import urllib.parse
import urllib.request
from decimal import Decimal

from django.conf import settings

logger = logging.getLogger(__name__)

# Enough for a page of results; a larger answer is not the geocoder's.
MAX_ANSWER_BYTES = 200_000
# The national base scores its matches from 0 to 1; below this, a street name alone or a
# homonym in another town.
MIN_SCORE = 0.5


def geocode(text):
    """(latitude, longitude) as six-decimal Decimals of the best match for `text`, or None."""
    text = " ".join(text.split())[:200]
    if not settings.GEOCODER_URL or len(text) < 3:
        return None
    query = {"q": text, "limit": 1}
    if settings.GEOCODER_CITYCODE:
        query["citycode"] = settings.GEOCODER_CITYCODE
    request = urllib.request.Request(
        f"{settings.GEOCODER_URL}?{urllib.parse.urlencode(query)}",
        headers={"Accept": "application/json", "User-Agent": "participation-portal"},
    )
    try:
        with urllib.request.urlopen(request, timeout=settings.GEOCODER_TIMEOUT) as response:
            answer = json.loads(response.read(MAX_ANSWER_BYTES + 1))
        return _best_point(answer)
    except (OSError, ValueError, RecursionError, http.client.HTTPException) as error:
        logger.warning("Geocoder gave no point: %s", type(error).__name__)
        return None


def _best_point(answer):
    try:
        feature = answer["features"][0]
        longitude, latitude = feature["geometry"]["coordinates"][:2]
        score = feature.get("properties", {}).get("score", 1)
        numbers = (longitude, latitude, score)
        if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in numbers):
            raise TypeError
    except (LookupError, TypeError, AttributeError, ValueError):
        logger.warning("Geocoder gave no point: an answer of another shape")
        return None
    if not all(math.isfinite(n) for n in numbers) or score < MIN_SCORE:
        return None
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        return None
    return round(Decimal(latitude), 6), round(Decimal(longitude), 6)

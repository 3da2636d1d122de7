"""The WSGI entry point gunicorn loads."""

import gc
import importlib


def test_what_is_loaded_at_start_is_set_aside_from_the_garbage_collector():
    gc.unfreeze()
    try:
        import portal.wsgi

        importlib.reload(portal.wsgi)
        assert gc.get_freeze_count() > 0
        assert callable(portal.wsgi.application)
    finally:
        gc.unfreeze()

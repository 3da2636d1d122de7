from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo town and the load benchmark's commands: load_demo, ensure_demo_admin, bench_*.

    No models. Installed by the development, test and bench settings only: a production site
    does without it, and nothing else in portal/ imports it.
    """

    name = "portal.demo"
    label = "demo"

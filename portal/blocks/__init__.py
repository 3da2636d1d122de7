"""StreamField blocks, grouped by purpose; `streams.py` assembles the lists each page uses."""

"""Benchmark of ``pufa check``: synthetic inbox, timings, baseline and floor (see README.md)."""

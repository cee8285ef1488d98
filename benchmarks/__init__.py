"""Speed and memory of oscloud, side by side with bare requests and openstacksdk.

Run ``python -m benchmarks`` (or ``nox -s benchmarks``); see ``benchmarks/run.py`` and the
benchmarks page of the documentation.
"""

"""The benchmark harness behind ``wirewatch bench`` (tag, e2e, soak).

Pure parts (statistics, the article generator, report formatting) are unit
tested; the rest starts processes and services and only prints figures.
"""

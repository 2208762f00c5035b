"""The shared base every other layer builds on.

``core`` holds what connectors, stream processors and the command line all
need and none of them owns: settings, topic names, Kafka and search client
options, logging, metrics, the error tree, backoff, polling and JSON-lines
reading. It imports only ``schemas`` (and third-party libraries); the layers
above it are checked by ``tests/test_layers.py``::

    wirewatch            command line, ops tools (setup, embedded stack, evaluation)
    connectors | streams independent of each other
    core                 this package
    schemas              message models
"""

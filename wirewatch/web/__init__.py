"""The search page (``wirewatch web``, started by ``wirewatch up``); see :mod:`.app`."""

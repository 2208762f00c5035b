"""Search over the articles and events indices: one query builder, two front ends.

* :mod:`.query`: :class:`~.query.Query` -> Elasticsearch request bodies (pure);
* :mod:`.dates`, :mod:`.codes`, :mod:`.places`: reading what people type;
* :mod:`.service`: runs the bodies (with fallbacks for engines that lack a feature);
* :mod:`.results`: typed results; :mod:`.live`: the same filters on the events topic.

``wirewatch search`` / ``wirewatch events`` (wirewatch/commands) and the page
(wirewatch/web) are the two front ends.
"""

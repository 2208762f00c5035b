"""Training the tagger's models from the team's data (``make train``)."""

"""From tagged articles and events to search documents, written in bulk."""

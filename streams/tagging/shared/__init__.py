"""What several components read: the article's text and offsets, span rules, slugs, word lists."""

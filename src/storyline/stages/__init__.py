"""Pipeline stages: each a plain function from a batch of articles to a new batch."""

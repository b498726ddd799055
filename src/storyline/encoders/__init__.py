"""Model runtimes behind the embedder protocol (``storyline.stages.embed``)."""

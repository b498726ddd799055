"""storyline: multilingual news articles into stories, storylines, entities and timelines."""

__version__ = "0.1.0"

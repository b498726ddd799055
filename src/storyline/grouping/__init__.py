"""Grouping: articles into stories, stories into storylines. Returns new records only."""

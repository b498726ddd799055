"""Measuring the story map against human judgements."""

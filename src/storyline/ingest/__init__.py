"""Readers: turn files, folders and standard input into raw ``Article`` records.

``read_sources`` yields an ``Article`` for every good document and a ``Rejection`` (one line
naming the file and the reason) for every bad one, so good input beside bad is still read.
"""

from storyline.ingest.sources import ReadItem, count_files, read_sources

__all__ = ["ReadItem", "count_files", "read_sources"]

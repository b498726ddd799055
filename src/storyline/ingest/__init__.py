"""Readers: turn files, folders and standard input into raw ``Article`` records.

``read_sources`` (in ``storyline.ingest.sources``) yields an ``Article`` for every good document
and a ``Rejection`` (one line naming the file and the reason) for every bad one, so good input
beside bad is still read. This package imports nothing itself: the store takes article ids from
``storyline.ingest.identity``, and reading commands must not pay for the HTML and feed readers'
libraries.
"""

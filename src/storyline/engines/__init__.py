"""Where the per-article work runs: in the writer's process (``pipeline.Ingestor``, the default) or
on a Ray cluster (``engines.ray_engine``, the ``cluster`` extra)."""

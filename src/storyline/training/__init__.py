"""Fine-tuning e5-small on labeled pairs (needs PyTorch: the `train` extra); see docs/training.md."""

"""display layer."""

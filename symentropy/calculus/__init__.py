"""calculus layer."""

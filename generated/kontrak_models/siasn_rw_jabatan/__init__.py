"""Generated models; see kontrak_models."""

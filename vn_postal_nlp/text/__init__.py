"""Text layer: normalisation helpers and segmentation with exact input offsets."""

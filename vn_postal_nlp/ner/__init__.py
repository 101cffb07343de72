"""The trained entity tagger: features, CRF model and the spaCy component."""

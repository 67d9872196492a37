"""Event coding: ontology, trigger patterns and the coder."""

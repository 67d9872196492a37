"""Actor stage: the knowledge base of CAMEO actor codes and the resolver that uses it."""

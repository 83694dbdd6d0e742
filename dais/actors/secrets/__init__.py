"""The secrets engine (in progress): envelope encryption and masking; the actor, routes and
storage come next."""

"""The secrets engine: envelope encryption under a rotatable key ring, versioned secrets,
audited reads, and masking of their values in streamed output (pipeline logs)."""

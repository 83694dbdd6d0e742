"""Builds: .platformci.yml pipelines, their scheduler, executors and logs."""

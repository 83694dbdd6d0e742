"""Merge requests: proposals to merge one branch into another, reviews and merging."""

"""Issues: project labels and milestones, issues, comments, and their events."""

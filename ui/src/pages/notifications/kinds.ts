// The kinds of notification (dais/actors/notify/kinds.py) as a person reads them.
export const KINDS: Record<string, { label: string; hint: string }> = {
  mentioned: { label: "Mentions", hint: "someone writes @you in an issue, a merge request or a comment" },
  assigned: { label: "Assignments", hint: "you are made an assignee of an issue or a merge request" },
  review_requested: { label: "Review requests", hint: "you are asked to review a merge request" },
  commented: { label: "Comments", hint: "on an issue or merge request you opened or are assigned to" },
  merged: { label: "Merges", hint: "a merge request you opened, are assigned to or review is merged" },
  webhook_disabled: { label: "Webhooks switched off", hint: "a project webhook you created kept failing" },
  pipeline_failed: { label: "Failed pipelines", hint: "a pipeline you started (by a push, a schedule or by hand) failed" },
  alert_firing: { label: "Alerts firing", hint: "an alert rule of a project you maintain started firing" },
  alert_resolved: { label: "Alerts resolved", hint: "an alert that fired in a project you maintain was resolved" },
};

export const kindLabel = (kind: string) => KINDS[kind]?.label ?? kind;

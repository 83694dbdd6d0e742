-- Developers may merge, as in GitLab: a protected-branch rule's default merge_roles are
-- developer and maintainer, and the developer role lacked merge_request:merge, so the rule
-- promised what the role refused (a developer with a mergeable merge request got 403).
-- Which branches a developer may merge into stays the protected-branch rule's to say.
UPDATE roles
   SET permissions = array_append(permissions, 'merge_request:merge'),
       description = 'Writes code, issues and merge requests, and merges them; runs pipelines and agents.'
 WHERE name = 'developer'
   AND builtin
   AND NOT ('merge_request:merge' = ANY (permissions));

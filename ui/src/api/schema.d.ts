// Generated from dais's OpenAPI document by ui/scripts/api-client.mjs: do not edit.
// Regenerate with `make api-client` after changing the API.

export interface paths {
    "/.well-known/oauth-protected-resource": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth 2.0 protected resource metadata (RFC 9728) of /mcp */
        get: operations["WellKnownOauthProtectedResourceResourceMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/.well-known/oauth-protected-resource/mcp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** OAuth 2.0 protected resource metadata (RFC 9728) of /mcp */
        get: operations["WellKnownOauthProtectedResourceMcpResourceMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first */
        get: operations["ApiAdminAuditAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notifications/deliveries/{delivery_id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed notification delivery again */
        post: operations["ApiAdminNotificationsDeliveriesDeliveryIdRetryRetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/notifications/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Notification deliveries that gave up */
        get: operations["ApiAdminNotificationsFailedFailed"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/role-assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List role assignments */
        get: operations["ApiAdminRoleAssignmentsListAssignments"];
        put?: never;
        /** Assign a role */
        post: operations["ApiAdminRoleAssignmentsAssignRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/role-assignments/{assignment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unassign a role */
        delete: operations["ApiAdminRoleAssignmentsAssignmentIdUnassignRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List roles */
        get: operations["ApiAdminRolesListRoles"];
        put?: never;
        /** Create a custom role */
        post: operations["ApiAdminRolesCreateRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/roles/{role_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a custom role */
        delete: operations["ApiAdminRolesRoleIdDeleteRole"];
        options?: never;
        head?: never;
        /** Change a custom role */
        patch: operations["ApiAdminRolesRoleIdUpdateRole"];
        trace?: never;
    };
    "/api/admin/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform's secrets (names only) */
        get: operations["ApiAdminSecretsListPlatformSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A platform secret's versions */
        get: operations["ApiAdminSecretsNameGetPlatformSecret"];
        /** Set a platform secret (a new version) */
        put: operations["ApiAdminSecretsNamePutPlatformSecret"];
        post?: never;
        /** Delete a platform secret */
        delete: operations["ApiAdminSecretsNameDeletePlatformSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/secrets/{name}/value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a platform secret's value (audited) */
        get: operations["ApiAdminSecretsNameValueRevealPlatformSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List users */
        get: operations["ApiAdminUsersListUsers"];
        put?: never;
        /** Create a user */
        post: operations["ApiAdminUsersCreateUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/users/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a user */
        delete: operations["ApiAdminUsersUserIdDeleteUser"];
        options?: never;
        head?: never;
        /** Change a user */
        patch: operations["ApiAdminUsersUserIdUpdateUser"];
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with a username or email and a password */
        post: operations["ApiAuthLoginLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out of this session */
        post: operations["ApiAuthLogoutLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkeys/login/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start signing in with a passkey (no username needed) */
        post: operations["ApiAuthPasskeysLoginOptionsLoginOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkeys/login/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish signing in with a passkey; sets the session cookie */
        post: operations["ApiAuthPasskeysLoginVerifyLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkeys/register/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Start registering a passkey for the signed-in user */
        post: operations["ApiAuthPasskeysRegisterOptionsRegistrationOptions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/passkeys/register/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Finish registering a passkey */
        post: operations["ApiAuthPasskeysRegisterVerifyRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delegations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Delegations I gave or received */
        get: operations["ApiDelegationsListDelegations"];
        put?: never;
        /** Delegate some of my permissions */
        post: operations["ApiDelegationsCreateDelegation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/delegations/{delegation_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke a delegation I gave or received */
        delete: operations["ApiDelegationsDelegationIdRevokeDelegation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/tools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The MCP tools this token may use */
        get: operations["ApiMcpToolsListTools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/mcp/tools/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Call an MCP tool (what dais mcp does for stdio clients) */
        post: operations["ApiMcpToolsNameCallTool"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Projects I can see */
        get: operations["ApiProjectsListProjects"];
        put?: never;
        /** Create a project in my namespace */
        post: operations["ApiProjectsCreateProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project */
        get: operations["ApiProjectsGetProject"];
        put?: never;
        post?: never;
        /** Delete a project */
        delete: operations["ApiProjectsDeleteProject"];
        options?: never;
        head?: never;
        /** Change a project */
        patch: operations["ApiProjectsUpdateProject"];
        trace?: never;
    };
    "/api/projects/{project}/alert-grouping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How alert notifications are grouped */
        get: operations["ApiProjectsAlertGroupingGetGrouping"];
        /** Change how alert notifications are grouped */
        put: operations["ApiProjectsAlertGroupingPutGrouping"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/alert-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's alert rules, by name */
        get: operations["ApiProjectsAlertRulesListRules"];
        put?: never;
        /** Add an alert rule */
        post: operations["ApiProjectsAlertRulesCreateRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/alert-rules/{rule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert rule */
        get: operations["ApiProjectsAlertRulesRuleIdGetRule"];
        put?: never;
        post?: never;
        /** Delete an alert rule (its firing alerts resolve) */
        delete: operations["ApiProjectsAlertRulesRuleIdDeleteRule"];
        options?: never;
        head?: never;
        /** Change an alert rule */
        patch: operations["ApiProjectsAlertRulesRuleIdUpdateRule"];
        trace?: never;
    };
    "/api/projects/{project}/alert-rules/{rule_id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An alert rule's transitions, newest first (kept 30 days) */
        get: operations["ApiProjectsAlertRulesRuleIdHistoryRuleHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/alert-rules/{rule_id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Evaluate a rule's expression now, changing nothing */
        post: operations["ApiProjectsAlertRulesRuleIdTestTestRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/alerts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's active alerts (pending and firing), firing first */
        get: operations["ApiProjectsAlertsListAlerts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's issues, filtered (state, labels: a comma list all of which must match, assignee, author, milestone: an id or 'none', q: full-text search) and sorted; paged with page and per_page, answered with X-Total-Count and a Link header (rel first, prev, next, last) */
        get: operations["ApiProjectsIssuesListIssues"];
        put?: never;
        /** Open an issue (needs issue:write); labels by name, assignees by username */
        post: operations["ApiProjectsIssuesCreateIssue"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/issues/{iid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An issue */
        get: operations["ApiProjectsIssuesIidGetIssue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change an issue; state closes or reopens it. Its author may change title, body and state; everything else needs issue:write */
        patch: operations["ApiProjectsIssuesIidUpdateIssue"];
        trace?: never;
    };
    "/api/projects/{project}/issues/{iid}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An issue's comments, oldest first */
        get: operations["ApiProjectsIssuesIidCommentsListComments"];
        put?: never;
        /** Comment on an issue (anyone signed in who may read the project) */
        post: operations["ApiProjectsIssuesIidCommentsCreateComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/issues/{iid}/comments/{comment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment (its author, or project:admin) */
        delete: operations["ApiProjectsIssuesIidCommentsCommentIdDeleteComment"];
        options?: never;
        head?: never;
        /** Edit a comment (its author, or project:admin) */
        patch: operations["ApiProjectsIssuesIidCommentsCommentIdUpdateComment"];
        trace?: never;
    };
    "/api/projects/{project}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's labels */
        get: operations["ApiProjectsLabelsListLabels"];
        put?: never;
        /** Create a label (name unique regardless of case; needs project:write) */
        post: operations["ApiProjectsLabelsCreateLabel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/labels/{label_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a label (it comes off every issue) */
        delete: operations["ApiProjectsLabelsLabelIdDeleteLabel"];
        options?: never;
        head?: never;
        /** Change a label */
        patch: operations["ApiProjectsLabelsLabelIdUpdateLabel"];
        trace?: never;
    };
    "/api/projects/{project}/loki/api/v1/index/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loki: how many streams, entries and bytes match */
        get: operations["ApiProjectsLokiV1IndexStatsIndexStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/loki/api/v1/label/{name}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loki: the values of a label */
        get: operations["ApiProjectsLokiV1LabelNameValuesLabelValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/loki/api/v1/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loki: the stream label names */
        get: operations["ApiProjectsLokiV1LabelsLabels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/loki/api/v1/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loki: a LogQL metric query at one instant */
        get: operations["ApiProjectsLokiV1QueryQueryInstant"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/loki/api/v1/query_range": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loki: a LogQL query over a time range */
        get: operations["ApiProjectsLokiV1QueryRangeQueryRange"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/loki/api/v1/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Loki: the streams that match selectors */
        get: operations["ApiProjectsLokiV1SeriesSeries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Members and roles */
        get: operations["ApiProjectsMembersListMembers"];
        put?: never;
        /** Add a member by user_id or username (201), or change the role of one already there (200): a member has one role per project */
        post: operations["ApiProjectsMembersAddMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/members/{member_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a member */
        delete: operations["ApiProjectsMembersMemberIdRemoveMember"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/merge-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's merge requests, newest first */
        get: operations["ApiProjectsMergeRequestsListMergeRequests"];
        put?: never;
        /** Open a merge request */
        post: operations["ApiProjectsMergeRequestsCreateMergeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A merge request, with its mergeability */
        get: operations["ApiProjectsMergeRequestsIidGetMergeRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit, close or reopen a merge request */
        patch: operations["ApiProjectsMergeRequestsIidUpdateMergeRequest"];
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}/comments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Comments, oldest first */
        get: operations["ApiProjectsMergeRequestsIidCommentsListMergeRequestComments"];
        put?: never;
        /** Comment, optionally on a line of a file at a commit */
        post: operations["ApiProjectsMergeRequestsIidCommentsCreateMergeRequestComment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}/comments/{comment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a comment (its author or a project admin) */
        delete: operations["ApiProjectsMergeRequestsIidCommentsCommentIdDeleteMergeRequestComment"];
        options?: never;
        head?: never;
        /** Edit a comment (its author) */
        patch: operations["ApiProjectsMergeRequestsIidCommentsCommentIdUpdateMergeRequestComment"];
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}/commits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The commits a merge request brings, oldest first */
        get: operations["ApiProjectsMergeRequestsIidCommitsListMergeRequestCommits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What a merge request changes: files, stats, patches */
        get: operations["ApiProjectsMergeRequestsIidDiffGetMergeRequestDiff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge (200), or arm auto merge until it is mergeable (202) */
        post: operations["ApiProjectsMergeRequestsIidMergeMergeRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A merge request's pipelines */
        get: operations["ApiProjectsMergeRequestsIidPipelinesMergeRequestPipelines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/merge-requests/{iid}/reviews": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reviews, oldest first (dismissed ones marked) */
        get: operations["ApiProjectsMergeRequestsIidReviewsListMergeRequestReviews"];
        put?: never;
        /** Approve, request changes or comment */
        post: operations["ApiProjectsMergeRequestsIidReviewsSubmitMergeRequestReview"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/milestones": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's milestones with their progress, soonest due first */
        get: operations["ApiProjectsMilestonesListMilestones"];
        put?: never;
        /** Create a milestone (needs project:write) */
        post: operations["ApiProjectsMilestonesCreateMilestone"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/milestones/{milestone_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A milestone and its progress */
        get: operations["ApiProjectsMilestonesMilestoneIdGetMilestone"];
        put?: never;
        post?: never;
        /** Delete a milestone (its issues keep going, without one) */
        delete: operations["ApiProjectsMilestonesMilestoneIdDeleteMilestone"];
        options?: never;
        head?: never;
        /** Change, close or reopen a milestone */
        patch: operations["ApiProjectsMilestonesMilestoneIdUpdateMilestone"];
        trace?: never;
    };
    "/api/projects/{project}/pipeline-schedules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's pipeline schedules */
        get: operations["ApiProjectsPipelineSchedulesListSchedules"];
        put?: never;
        /** Schedule a pipeline (cron) */
        post: operations["ApiProjectsPipelineSchedulesCreateSchedule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipeline-schedules/{schedule}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a pipeline schedule */
        delete: operations["ApiProjectsPipelineSchedulesDeleteSchedule"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's pipelines, newest first */
        get: operations["ApiProjectsPipelinesListPipelines"];
        put?: never;
        /** Run a pipeline on a branch or tag */
        post: operations["ApiProjectsPipelinesTriggerPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pipeline and its steps */
        get: operations["ApiProjectsPipelinesNumberGetPipeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}/artifacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A pipeline's artifacts */
        get: operations["ApiProjectsPipelinesNumberArtifactsListArtifacts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}/artifacts/{artifact}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download an artifact */
        get: operations["ApiProjectsPipelinesNumberArtifactsDownloadArtifact"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a pipeline */
        post: operations["ApiProjectsPipelinesNumberCancelCancelPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a pipeline's unsuccessful steps again */
        post: operations["ApiProjectsPipelinesNumberRetryRetryPipeline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}/steps/{step}/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A step's log (text; ANSI escapes kept) */
        get: operations["ApiProjectsPipelinesNumberStepsLogStepLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}/steps/{step}/log/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A step's log, live (Server-Sent Events) */
        get: operations["ApiProjectsPipelinesNumberStepsLogStreamStepLogStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/pipelines/{number}/steps/{step}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run a step (and those after it) again */
        post: operations["ApiProjectsPipelinesNumberStepsRetryRetryStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/prometheus/api/v1/label/{name}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The values a label takes */
        get: operations["ApiProjectsPrometheusV1LabelNameValuesPrometheusLabelValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/prometheus/api/v1/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The label names of the series that match selectors */
        get: operations["ApiProjectsPrometheusV1LabelsPrometheusLabels"];
        put?: never;
        /** The label names of the series that match selectors (form) */
        post: operations["ApiProjectsPrometheusV1LabelsPrometheusLabelsForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/prometheus/api/v1/metadata": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each metric's type, help and unit */
        get: operations["ApiProjectsPrometheusV1MetadataPrometheusMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/prometheus/api/v1/query": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evaluate a PromQL expression at one instant */
        get: operations["ApiProjectsPrometheusV1QueryPrometheusQuery"];
        put?: never;
        /** Evaluate PromQL at one instant (form) */
        post: operations["ApiProjectsPrometheusV1QueryPrometheusQueryForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/prometheus/api/v1/query_range": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Evaluate a PromQL expression over a time range */
        get: operations["ApiProjectsPrometheusV1QueryRangePrometheusQueryRange"];
        put?: never;
        /** Evaluate PromQL over a time range (form) */
        post: operations["ApiProjectsPrometheusV1QueryRangePrometheusQueryRangeForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/prometheus/api/v1/series": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The series that match selectors */
        get: operations["ApiProjectsPrometheusV1SeriesPrometheusSeries"];
        put?: never;
        /** The series that match selectors (form) */
        post: operations["ApiProjectsPrometheusV1SeriesPrometheusSeriesForm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/prometheus/api/v1/status/buildinfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The Prometheus API version answered */
        get: operations["ApiProjectsPrometheusV1StatusBuildinfoPrometheusBuildinfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/protected-branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Protected branch rules */
        get: operations["ApiProjectsProtectedBranchesListBranchRules"];
        put?: never;
        /** Protect a branch or a glob of branches */
        post: operations["ApiProjectsProtectedBranchesCreateBranchRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/protected-branches/{rule_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unprotect */
        delete: operations["ApiProjectsProtectedBranchesRuleIdDeleteBranchRule"];
        options?: never;
        head?: never;
        /** Change a protected branch rule */
        patch: operations["ApiProjectsProtectedBranchesRuleIdUpdateBranchRule"];
        trace?: never;
    };
    "/api/projects/{project}/repository/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tree at a ref, as tar.gz or zip, streamed */
        get: operations["ApiProjectsRepositoryArchiveGetArchive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/blob": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file, as JSON (text or base64), up to 1 MiB */
        get: operations["ApiProjectsRepositoryBlobGetBlob"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/branches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Branches, with their head commits */
        get: operations["ApiProjectsRepositoryBranchesListBranches"];
        put?: never;
        /** Create a branch at a ref */
        post: operations["ApiProjectsRepositoryBranchesCreateBranch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/branches/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a branch */
        delete: operations["ApiProjectsRepositoryBranchesNameDeleteBranch"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/commits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** History, newest first, paged (X-Total-Count counts at most 10,000 back) */
        get: operations["ApiProjectsRepositoryCommitsListCommits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/commits/{sha}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A commit, with stats and diff */
        get: operations["ApiProjectsRepositoryCommitsShaGetCommit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/commits/{sha}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A commit's combined status */
        get: operations["ApiProjectsRepositoryCommitsShaStatusCombinedStatus"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/commits/{sha}/statuses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A commit's statuses */
        get: operations["ApiProjectsRepositoryCommitsShaStatusesListStatuses"];
        put?: never;
        /** Set a commit status (for external CI) */
        post: operations["ApiProjectsRepositoryCommitsShaStatusesSetStatus"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What one ref has that another lacks */
        get: operations["ApiProjectsRepositoryCompareCompare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Create or replace a file with a commit on a branch (no work tree) */
        put: operations["ApiProjectsRepositoryFilesWriteFile"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/raw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file's bytes, streamed */
        get: operations["ApiProjectsRepositoryRawGetRaw"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tags, lightweight and annotated */
        get: operations["ApiProjectsRepositoryTagsListTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/repository/tree": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A directory's entries: directories first */
        get: operations["ApiProjectsRepositoryTreeGetTree"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's secrets (names only) */
        get: operations["ApiProjectsSecretsListProjectSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/secrets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A secret's versions (not its value) */
        get: operations["ApiProjectsSecretsNameGetProjectSecret"];
        /** Set a secret (a new version) */
        put: operations["ApiProjectsSecretsNamePutProjectSecret"];
        post?: never;
        /** Delete a secret and its versions */
        delete: operations["ApiProjectsSecretsNameDeleteProjectSecret"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/secrets/{name}/value": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a secret's value (audited) */
        get: operations["ApiProjectsSecretsNameValueRevealProjectSecret"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/silences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's silences, active and pending first */
        get: operations["ApiProjectsSilencesListSilences"];
        put?: never;
        /** Silence matching alerts */
        post: operations["ApiProjectsSilencesCreateSilence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/silences/{silence_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Expire a silence now */
        delete: operations["ApiProjectsSilencesSilenceIdExpireSilence"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/telemetry/logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's log records, newest first */
        get: operations["ApiProjectsTelemetryLogsSearchLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/telemetry/logs/histogram": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many log records match, over time */
        get: operations["ApiProjectsTelemetryLogsHistogramLogHistogram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/telemetry/logs/tail": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's log records as they arrive (Server-Sent Events)
         * @description Each record ingested from now on that matches the filters, as an `event: log` whose data is the record's JSON (as in the logs listing); `event: cut` says how many records of a large export were not sent (the store keeps them all). A reader that falls behind misses records; the listing has every one.
         */
        get: operations["ApiProjectsTelemetryLogsTailTailLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/telemetry/services": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The services that sent a project telemetry */
        get: operations["ApiProjectsTelemetryServicesListServices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/telemetry/traces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search a project's traces, latest first */
        get: operations["ApiProjectsTelemetryTracesSearchTraces"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/telemetry/traces/{trace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A trace's spans, by start time */
        get: operations["ApiProjectsTelemetryTracesTraceIdGetTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/echo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: answers echo (Grafana's connection test) */
        get: operations["ApiProjectsTempoEchoEcho"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: search traces (TraceQL or tags) */
        get: operations["ApiProjectsTempoSearchSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/search/tag/{name}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: the values of a tag */
        get: operations["ApiProjectsTempoSearchTagNameValuesSearchTagValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/search/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: the tag names searches can use */
        get: operations["ApiProjectsTempoSearchTagsSearchTags"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/traces/{trace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: a trace by id */
        get: operations["ApiProjectsTempoTracesTraceIdTraceV1"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/v2/search/tag/{name}/values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: the values of a TraceQL identifier, with their types */
        get: operations["ApiProjectsTempoV2SearchTagNameValuesSearchTagValuesV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/v2/search/tags": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: the tag names searches can use, by scope */
        get: operations["ApiProjectsTempoV2SearchTagsSearchTagsV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/tempo/api/v2/traces/{trace_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Tempo: a trace by id (v2) */
        get: operations["ApiProjectsTempoV2TracesTraceIdTraceV2"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A project's webhooks */
        get: operations["ApiProjectsWebhooksListHooks"];
        put?: never;
        /** Add a webhook */
        post: operations["ApiProjectsWebhooksCreateHook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/webhooks/{hook_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook */
        get: operations["ApiProjectsWebhooksHookIdGetHook"];
        put?: never;
        post?: never;
        /** Delete a webhook and its log */
        delete: operations["ApiProjectsWebhooksHookIdDeleteHook"];
        options?: never;
        head?: never;
        /** Change a webhook */
        patch: operations["ApiProjectsWebhooksHookIdUpdateHook"];
        trace?: never;
    };
    "/api/projects/{project}/webhooks/{hook_id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A webhook's deliveries, newest first */
        get: operations["ApiProjectsWebhooksHookIdDeliveriesListDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/webhooks/{hook_id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A delivery: request, response and every attempt */
        get: operations["ApiProjectsWebhooksHookIdDeliveriesDeliveryIdGetDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/webhooks/{hook_id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again, as a new delivery */
        post: operations["ApiProjectsWebhooksHookIdDeliveriesDeliveryIdRedeliverRedeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{project}/webhooks/{hook_id}/ping": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a ping delivery */
        post: operations["ApiProjectsWebhooksHookIdPingPingHook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/schemas/platformci.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The JSON Schema of .platformci.yml */
        get: operations["ApiSchemasPlatformciJsonPipelineSchema"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user */
        get: operations["ApiUserCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change my display name or email */
        patch: operations["ApiUserUpdateProfile"];
        trace?: never;
    };
    "/api/user/issues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My issues across every project I may read: those I opened (scope=authored), am assigned (scope=assigned) or both (scope=all), most recently updated first */
        get: operations["ApiUserIssuesListMyIssues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/merge-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My merge requests (authored, assigned, to review) in every project I can read */
        get: operations["ApiUserMergeRequestsListMyMergeRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notification settings */
        get: operations["ApiUserNotificationSettingsGetSettings"];
        /** Change your notification settings */
        put: operations["ApiUserNotificationSettingsPutSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your notifications, newest first */
        get: operations["ApiUserNotificationsListNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/notifications/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark notifications read (or unread) */
        post: operations["ApiUserNotificationsReadMarkRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/notifications/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your new notifications, live (Server-Sent Events) */
        get: operations["ApiUserNotificationsStreamStream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many of your notifications are unread */
        get: operations["ApiUserNotificationsUnreadCountUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/passkeys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My passkeys */
        get: operations["ApiUserPasskeysListPasskeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/passkeys/{passkey_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete one of my passkeys */
        delete: operations["ApiUserPasskeysPasskeyIdDeletePasskey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change my password (my other sessions are signed out) */
        post: operations["ApiUserPasswordChangePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What I may do, outside any project or on one */
        get: operations["ApiUserPermissionsMyPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My sessions */
        get: operations["ApiUserSessionsListSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/sessions/{session_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Sign a session out */
        delete: operations["ApiUserSessionsSessionIdRevokeSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My API tokens */
        get: operations["ApiUserTokensListTokens"];
        put?: never;
        /** Create an API token (shown once) */
        post: operations["ApiUserTokensCreateToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/user/tokens/{token_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token */
        delete: operations["ApiUserTokensTokenIdRevokeToken"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Look active users up by username or display-name prefix (for pickers) */
        get: operations["ApiUsersFindUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/version": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** dais version */
        get: operations["ApiVersionVersion"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: operations["HealthzHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: database and broker reachable */
        get: operations["ReadyzReadyz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** UserOut */
        actors_issues_views_UserOut: {
            id: string;
            username: string;
        };
        /** UserOut */
        actors_merges_views_UserOut: {
            id: string;
            username: string;
        };
        /** AlertOut */
        AlertOut: {
            /** Format: date-time */
            active_since: string;
            description: string;
            fired_at: string | null;
            id: string;
            keep_firing_since: string | null;
            labels: {
                [key: string]: string;
            };
            /** Format: date-time */
            last_evaluated: string;
            rule_id: string;
            rule_name: string;
            severity: components["schemas"]["Severity"];
            silenced: boolean;
            state: components["schemas"]["AlertState"];
            summary: string;
            value: number | null;
        };
        /**
         * AlertState
         * @enum {string}
         */
        AlertState: "pending" | "firing" | "resolved";
        /** ApprovalsOut */
        ApprovalsOut: {
            approved_by: components["schemas"]["actors_merges_views_UserOut"][];
            given: number;
            required: number;
        };
        /**
         * ArchiveFormat
         * @default tar.gz
         * @enum {string}
         */
        ArchiveFormat: "tar.gz" | "zip";
        /** ArtifactOut */
        ArtifactOut: {
            /** Format: date-time */
            created_at: string;
            download_url: string;
            expires_at: string | null;
            id: string;
            path: string;
            sha256: string;
            size: number;
            step: string;
        };
        /** AssignmentIn */
        AssignmentIn: {
            project_id?: string | null;
            role: string;
            user_id: string;
        };
        /** AssignmentOut */
        AssignmentOut: {
            /** Format: date-time */
            created_at: string;
            id: string;
            project_id: string | null;
            role: string;
            user_id: string;
        };
        /** AttemptOut */
        AttemptOut: {
            address: string | null;
            duration_ms: number;
            error: string | null;
            number: number;
            outcome: string;
            request_headers: {
                [key: string]: string;
            };
            response: components["schemas"]["ResponseOut"] | null;
            /** Format: date-time */
            started_at: string;
            url: string | null;
        };
        /** AuditOut */
        AuditOut: {
            action: string;
            actor_id: string | null;
            actor_name: string | null;
            /** Format: date-time */
            at: string;
            client_address: string | null;
            details: {
                [key: string]: unknown;
            };
            id: string;
            on_behalf_of: string | null;
            target_id: string | null;
            target_type: string;
            user_agent: string | null;
        };
        /** BlobOut */
        BlobOut: {
            commit: string;
            content: string;
            encoding: string;
            path: string;
            path_base64?: string | null;
            ref: string;
            sha: string;
            size: number;
        };
        /** BranchIn */
        BranchIn: {
            name: string;
            ref: string;
        };
        /** BranchOut */
        BranchOut: {
            commit: components["schemas"]["CommitSummary"];
            default: boolean;
            name: string;
            protected: boolean;
        };
        /** BranchRuleIn */
        BranchRuleIn: {
            /** @default false */
            allow_deletion?: boolean;
            /** @default false */
            allow_force_push?: boolean;
            /** @default false */
            dismiss_stale_approvals?: boolean;
            merge_roles?: string[];
            pattern: string;
            push_roles?: string[];
            /** @default 0 */
            required_approvals?: number;
        };
        /** BranchRuleOut */
        BranchRuleOut: {
            allow_deletion: boolean;
            allow_force_push: boolean;
            dismiss_stale_approvals: boolean;
            id: string;
            merge_roles: string[];
            pattern: string;
            push_roles: string[];
            required_approvals: number;
        };
        /** BranchRulePatch */
        BranchRulePatch: {
            allow_deletion?: boolean;
            allow_force_push?: boolean;
            dismiss_stale_approvals?: boolean;
            merge_roles?: string[];
            pattern?: string;
            push_roles?: string[];
            required_approvals?: number;
        };
        /** BuildInfo */
        BuildInfo: {
            branch: string;
            buildDate: string;
            buildUser: string;
            goVersion: string;
            revision: string;
            version: string;
        };
        /** BuildInfoAnswer */
        BuildInfoAnswer: {
            data: components["schemas"]["BuildInfo"];
            status: string;
        };
        /** CallIn */
        CallIn: {
            arguments?: {
                [key: string]: unknown;
            };
        };
        /** CallOut */
        CallOut: {
            is_error: boolean;
            structured: {
                [key: string]: unknown;
            };
            text: string;
        };
        /** CeremonyOut */
        CeremonyOut: {
            ceremony_id: string;
            options: {
                [key: string]: unknown;
            };
        };
        /** CombinedStatusOut */
        CombinedStatusOut: {
            state: components["schemas"]["CommitState"] | null;
            statuses: components["schemas"]["StatusOut"][];
        };
        /** CommentPatch */
        CommentPatch: {
            body: string;
        };
        /** CommitDetailOut */
        CommitDetailOut: {
            author: components["schemas"]["PersonOut"];
            /** Format: date-time */
            authored_at: string;
            /** Format: date-time */
            committed_at: string;
            committer: components["schemas"]["PersonOut"];
            diff: components["schemas"]["DiffOut"];
            message: string;
            parents: string[];
            sha: string;
            stats: components["schemas"]["StatsOut"];
            title: string;
        };
        /** CommitOut */
        CommitOut: {
            author: components["schemas"]["PersonOut"];
            /** Format: date-time */
            authored_at: string;
            /** Format: date-time */
            committed_at: string;
            committer: components["schemas"]["PersonOut"];
            message: string;
            parents: string[];
            sha: string;
            title: string;
        };
        /** CommitsOut */
        CommitsOut: {
            commits: components["schemas"]["CommitOut"][];
            truncated: boolean;
        };
        /**
         * CommitState
         * @enum {string}
         */
        CommitState: "pending" | "running" | "success" | "failed" | "cancelled";
        /** CommitSummary */
        CommitSummary: {
            author: components["schemas"]["PersonOut"];
            /** Format: date-time */
            authored_at: string;
            sha: string;
            title: string;
        };
        /** CompareOut */
        CompareOut: {
            commits?: components["schemas"]["CommitOut"][];
            /** @default false */
            commits_truncated?: boolean;
            diff?: components["schemas"]["DiffOut"];
            from: string;
            merge_base?: string | null;
            stats?: components["schemas"]["StatsOut"];
            /** @default  */
            to?: string;
        };
        /** CreatedTokenOut */
        CreatedTokenOut: {
            /** Format: date-time */
            created_at: string;
            expires_at: string | null;
            id: string;
            last_used_at: string | null;
            last4: string;
            name: string;
            project_id: string | null;
            scopes: string[];
            token: string;
        };
        /**
         * DashboardScope
         * @description Which of a user's merge requests: any they are involved in, or one way of being.
         * @default all
         * @enum {string}
         */
        DashboardScope: "all" | "authored" | "assigned" | "review_requested";
        /** DelegationIn */
        DelegationIn: {
            delegate_id: string;
            expires_at?: string | null;
            permissions: string[];
            project_id?: string | null;
        };
        /** DelegationOut */
        DelegationOut: {
            /** Format: date-time */
            created_at: string;
            delegate_id: string;
            delegate_username: string;
            delegator_id: string;
            delegator_username: string;
            expires_at: string | null;
            id: string;
            permissions: string[];
            project_id: string | null;
        };
        /** DeliveryDetailOut */
        DeliveryDetailOut: {
            attempts: components["schemas"]["AttemptOut"][];
            delivery: components["schemas"]["webhooks_DeliveryOut"];
            request: components["schemas"]["RequestOut"];
            response: components["schemas"]["ResponseOut"] | null;
        };
        /** DiffOut */
        DiffOut: {
            files: components["schemas"]["FileDiffOut"][];
            truncated: boolean;
        };
        /**
         * Direction
         * @default desc
         * @enum {string}
         */
        Direction: "asc" | "desc";
        /**
         * Event
         * @description What started a pipeline run.
         * @enum {string}
         */
        Event: "push" | "merge_request" | "tag" | "manual" | "schedule";
        /** FileCommitOut */
        FileCommitOut: {
            blob: string;
            branch: string;
            commit: string;
            created: boolean;
            path: string;
        };
        /** FileDiffOut */
        FileDiffOut: {
            additions: number;
            binary: boolean;
            deletions: number;
            new_path: string | null;
            new_path_base64?: string | null;
            old_path: string | null;
            old_path_base64?: string | null;
            patch: string | null;
            status: string;
            too_large: boolean;
        };
        /** FileIn */
        FileIn: {
            branch: string;
            content: string;
            /**
             * @default text
             * @enum {string}
             */
            encoding?: "text" | "base64";
            message: string;
            path: string;
            start_branch?: string | null;
        };
        /** GroupingIO */
        GroupingIO: {
            group_by?: string[];
            /** @default 300 */
            group_interval?: number;
            /** @default 30 */
            group_wait?: number;
            /** @default 14400 */
            repeat_interval?: number;
        };
        /** HistoryOut */
        HistoryOut: {
            /** Format: date-time */
            at: string;
            fingerprint: string;
            from_state: string;
            id: string;
            labels: {
                [key: string]: string;
            };
            silenced: boolean;
            to_state: string;
            value: number | null;
        };
        /**
         * HookEvent
         * @description What a hook may subscribe to (the ``X-Dais-Event`` header).
         * @enum {string}
         */
        HookEvent: "push" | "tag_push" | "issue" | "issue_comment" | "merge_request" | "review" | "pipeline" | "deployment" | "alert";
        /** HookIn */
        HookIn: {
            /** @default true */
            active?: boolean;
            events: components["schemas"]["HookEvent"][];
            /** @default  */
            secret?: string;
            url: string;
        };
        /** HookOut */
        HookOut: {
            active: boolean;
            consecutive_failures: number;
            /** Format: date-time */
            created_at: string;
            disabled_at: string | null;
            disabled_reason: string | null;
            events: string[];
            has_secret: boolean;
            id: string;
            /** Format: date-time */
            updated_at: string;
            url: string;
        };
        /** HookPatch */
        HookPatch: {
            active?: boolean;
            events?: components["schemas"]["HookEvent"][];
            secret?: string;
            url?: string;
        };
        /** UserOut */
        http_builds_UserOut: {
            id: string;
            username: string;
        };
        /** UserOut */
        http_identity_UserOut: {
            active: boolean;
            /** Format: date-time */
            created_at: string;
            display_name: string;
            email: string | null;
            id: string;
            is_admin: boolean;
            kind: string;
            last_login_at: string | null;
            username: string;
        };
        /** IssueIn */
        IssueIn: {
            assignees?: string[];
            /** @default  */
            body?: string;
            labels?: string[];
            milestone_id?: string | null;
            title: string;
        };
        /** IssueLabelOut */
        IssueLabelOut: {
            color: string;
            description: string;
            id: string;
            name: string;
        };
        /** IssueMilestoneOut */
        IssueMilestoneOut: {
            due_date: string | null;
            id: string;
            state: string;
            title: string;
        };
        /** IssueOut */
        IssueOut: {
            assignees: components["schemas"]["actors_issues_views_UserOut"][];
            author: components["schemas"]["actors_issues_views_UserOut"] | null;
            body: string;
            closed_at: string | null;
            closed_by: components["schemas"]["actors_issues_views_UserOut"] | null;
            comments: number;
            /** Format: date-time */
            created_at: string;
            id: string;
            iid: number;
            labels: components["schemas"]["IssueLabelOut"][];
            milestone: components["schemas"]["IssueMilestoneOut"] | null;
            project_id: string;
            state: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** IssuePatch */
        IssuePatch: {
            assignees?: string[];
            body?: string;
            labels?: string[];
            milestone_id?: string | null;
            state?: components["schemas"]["IssueState"];
            title?: string;
        };
        /** CommentIn */
        issues_CommentIn: {
            body: string;
        };
        /** CommentOut */
        issues_views_CommentOut: {
            author: components["schemas"]["actors_issues_views_UserOut"] | null;
            body: string;
            /** Format: date-time */
            created_at: string;
            id: string;
            issue_iid: number;
            /** Format: date-time */
            updated_at: string;
        };
        /** LabelOut */
        issues_views_LabelOut: {
            color: string;
            /** Format: date-time */
            created_at: string;
            description: string;
            id: string;
            name: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * IssueSort
         * @default created
         * @enum {string}
         */
        IssueSort: "created" | "updated";
        /**
         * IssueState
         * @enum {string}
         */
        IssueState: "open" | "closed";
        /**
         * Kind
         * @enum {string}
         */
        Kind: "mentioned" | "assigned" | "review_requested" | "commented" | "merged" | "webhook_disabled" | "pipeline_failed" | "alert_firing" | "alert_resolved";
        /** KindSettingIn */
        KindSettingIn: {
            email: boolean;
            in_app: boolean;
            kind: components["schemas"]["Kind"];
            webhook: boolean;
        };
        /** KindSettingOut */
        KindSettingOut: {
            email: boolean;
            in_app: boolean;
            kind: string;
            webhook: boolean;
        };
        /** LabelIn */
        LabelIn: {
            /** @default #6b7280 */
            color?: string;
            /** @default  */
            description?: string;
            name: string;
        };
        /** LabelPatch */
        LabelPatch: {
            color?: string;
            description?: string;
            name?: string;
        };
        /**
         * Language
         * @description What a rule's condition is written in: PromQL over metrics, LogQL over logs.
         * @default promql
         * @enum {string}
         */
        Language: "promql" | "logql";
        /** ListAnswer */
        ListAnswer: {
            data: unknown[];
            status: string;
            warnings?: string[];
        };
        /** LogBucketOut */
        LogBucketOut: {
            counts: {
                [key: string]: number;
            };
            /** Format: date-time */
            start: string;
        };
        /** LogHistogramOut */
        LogHistogramOut: {
            buckets: components["schemas"]["LogBucketOut"][];
            /** Format: date-time */
            end: string;
            /** Format: date-time */
            start: string;
            step: number;
        };
        /** LoginIn */
        LoginIn: {
            login: string;
            password: string;
        };
        /** LogOut */
        LogOut: {
            attributes: {
                [key: string]: string;
            };
            body: string | null;
            resource_attributes: {
                [key: string]: string;
            };
            service_name: string;
            severity_number: number;
            severity_text: string | null;
            span_id: string | null;
            /** Format: date-time */
            time: string;
            trace_id: string | null;
        };
        /** LogPageOut */
        LogPageOut: {
            next: string | null;
            records: components["schemas"]["LogOut"][];
        };
        /** MarkedOut */
        MarkedOut: {
            changed: number;
        };
        /** MarkIn */
        MarkIn: {
            ids?: string[] | null;
            /** @default true */
            read?: boolean;
        };
        /** MatcherIn */
        MatcherIn: {
            name: string;
            op: components["schemas"]["MatchOp"];
            value: string;
        };
        /** MatcherOut */
        MatcherOut: {
            name: string;
            op: components["schemas"]["MatchOp"];
            value: string;
        };
        /**
         * MatchOp
         * @enum {string}
         */
        MatchOp: "=" | "!=" | "=~" | "!~";
        /** MemberIn */
        MemberIn: {
            role: string;
            user_id?: string | null;
            username?: string | null;
        };
        /** MemberOut */
        MemberOut: {
            /** Format: date-time */
            created_at: string;
            display_name: string;
            id: string;
            role: string;
            user_id: string;
            username: string;
        };
        /** CommentIn */
        merge_requests_CommentIn: {
            body: string;
            commit_sha?: string | null;
            line?: number | null;
            path?: string | null;
        };
        /** MergeIn */
        MergeIn: {
            /** @default false */
            auto_merge?: boolean;
            commit_message?: string | null;
            /** @default false */
            delete_source_branch?: boolean;
            sha?: string | null;
            strategy?: components["schemas"]["MergeStrategy"] | null;
        };
        /** MergeRequestDiffOut */
        MergeRequestDiffOut: {
            base_sha: string | null;
            files: components["schemas"]["FileDiffOut"][];
            head_sha: string;
            stats: components["schemas"]["StatsOut"];
            truncated: boolean;
        };
        /** MergeRequestIn */
        MergeRequestIn: {
            assignees?: string[];
            /** @default  */
            body?: string;
            /** @default false */
            draft?: boolean;
            labels?: string[];
            reviewers?: string[];
            source_branch: string;
            target_branch?: string | null;
            title: string;
        };
        /** MergeRequestOut */
        MergeRequestOut: {
            approvals: components["schemas"]["ApprovalsOut"];
            assignees: components["schemas"]["actors_merges_views_UserOut"][];
            author: components["schemas"]["actors_merges_views_UserOut"] | null;
            auto_merge: boolean;
            auto_merge_by: components["schemas"]["actors_merges_views_UserOut"] | null;
            auto_merge_delete_source_branch: boolean;
            auto_merge_strategy: string | null;
            blockers: string[];
            body: string;
            closed_at: string | null;
            closed_by: components["schemas"]["actors_merges_views_UserOut"] | null;
            conflicts: string[];
            /** Format: date-time */
            created_at: string;
            draft: boolean;
            fast_forward_possible: boolean;
            id: string;
            iid: number;
            labels: components["schemas"]["merges_views_LabelOut"][];
            merge_base_sha: string | null;
            merge_commit_sha: string | null;
            merge_strategy: string | null;
            mergeable: boolean;
            merged_at: string | null;
            merged_by: components["schemas"]["actors_merges_views_UserOut"] | null;
            pipeline: components["schemas"]["PipelineBriefOut"] | null;
            project_id: string;
            reviewers: components["schemas"]["actors_merges_views_UserOut"][];
            source_branch: string;
            source_sha: string;
            state: string;
            target_branch: string;
            target_protected: boolean;
            target_sha: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** MergeRequestPatch */
        MergeRequestPatch: {
            assignees?: string[];
            auto_merge?: boolean;
            auto_merge_delete_source_branch?: boolean;
            auto_merge_strategy?: components["schemas"]["MergeStrategy"];
            body?: string;
            draft?: boolean;
            labels?: string[];
            reviewers?: string[];
            state?: "open" | "closed" | "merged";
            target_branch?: string;
            title?: string;
        };
        /** CommentOut */
        merges_views_CommentOut: {
            author: components["schemas"]["actors_merges_views_UserOut"] | null;
            body: string;
            commit_sha: string | null;
            /** Format: date-time */
            created_at: string;
            id: string;
            line: number | null;
            merge_request_iid: number;
            path: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        /** LabelOut */
        merges_views_LabelOut: {
            color: string;
            description: string;
            id: string;
            name: string;
        };
        /**
         * MergeStrategy
         * @description How a merge request lands on its target branch (a project allows some of them).
         * @enum {string}
         */
        MergeStrategy: "merge" | "squash" | "rebase" | "fast-forward";
        /** Metadata */
        Metadata: {
            help: string;
            type: string;
            unit: string;
        };
        /** MetadataAnswer */
        MetadataAnswer: {
            data: {
                [key: string]: components["schemas"]["Metadata"][];
            };
            status: string;
        };
        /** MilestoneIn */
        MilestoneIn: {
            /** @default  */
            description?: string;
            due_date?: string | null;
            state?: components["schemas"]["MilestoneState"];
            title: string;
        };
        /** MilestoneOut */
        MilestoneOut: {
            /** Format: date-time */
            created_at: string;
            description: string;
            due_date: string | null;
            id: string;
            progress: components["schemas"]["ProgressOut"];
            state: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** MilestonePatch */
        MilestonePatch: {
            description?: string;
            due_date?: string | null;
            state?: components["schemas"]["MilestoneState"];
            title?: string;
        };
        /**
         * MilestoneState
         * @default open
         * @enum {string}
         */
        MilestoneState: "open" | "closed";
        /** NotificationOut */
        NotificationOut: {
            actor: string | null;
            body: string;
            /** Format: date-time */
            created_at: string;
            id: string;
            kind: string;
            project_id: string | null;
            read_at: string | null;
            thread: string;
            title: string;
            url: string;
        };
        /** DeliveryOut */
        notifications_DeliveryOut: {
            attempts: number;
            channel: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            due_at: string;
            id: string;
            last_error: string | null;
            notifications: number;
            sent_at: string | null;
            state: string;
            thread: string;
            user_id: string;
            username: string;
        };
        /** PasskeyLoginIn */
        PasskeyLoginIn: {
            ceremony_id: string;
            credential: {
                [key: string]: unknown;
            };
        };
        /** PasskeyOut */
        PasskeyOut: {
            aaguid: string;
            /** Format: date-time */
            created_at: string;
            id: string;
            last_used_at: string | null;
            name: string;
            transports: string[];
        };
        /** PasskeyRegistrationIn */
        PasskeyRegistrationIn: {
            ceremony_id: string;
            credential: {
                [key: string]: unknown;
            };
            name: string;
        };
        /** PasswordChangedOut */
        PasswordChangedOut: {
            sessions_ended: number;
        };
        /** PasswordChangeIn */
        PasswordChangeIn: {
            current_password: string;
            new_password: string;
        };
        /** PermissionsOut */
        PermissionsOut: {
            permissions: string[];
            project_id: string | null;
        };
        /** PersonOut */
        PersonOut: {
            email: string;
            name: string;
        };
        /** PipelineBriefOut */
        PipelineBriefOut: {
            number: number;
            state: string;
        };
        /** PipelineDetailOut */
        PipelineDetailOut: {
            branch: string | null;
            cancel_requested: boolean;
            /** Format: date-time */
            created_at: string;
            created_by: components["schemas"]["http_builds_UserOut"] | null;
            duration_seconds: number | null;
            error: string | null;
            event: components["schemas"]["Event"];
            /** @enum {string} */
            executor: "local" | "kubernetes";
            finished_at: string | null;
            id: string;
            label: string;
            merge_request_iid: number | null;
            number: number;
            project_id: string;
            project_path: string;
            ref: string;
            sandboxed: boolean;
            schedule_id: string | null;
            sha: string;
            started_at: string | null;
            state: components["schemas"]["PipelineState"];
            steps: components["schemas"]["StepOut"][];
            tag: string | null;
            title: string;
            variables: {
                [key: string]: string;
            };
            web_url: string;
        };
        /** PipelineOut */
        PipelineOut: {
            branch: string | null;
            cancel_requested: boolean;
            /** Format: date-time */
            created_at: string;
            created_by: components["schemas"]["http_builds_UserOut"] | null;
            duration_seconds: number | null;
            error: string | null;
            event: components["schemas"]["Event"];
            /** @enum {string} */
            executor: "local" | "kubernetes";
            finished_at: string | null;
            id: string;
            label: string;
            merge_request_iid: number | null;
            number: number;
            project_id: string;
            project_path: string;
            ref: string;
            sandboxed: boolean;
            schedule_id: string | null;
            sha: string;
            started_at: string | null;
            state: components["schemas"]["PipelineState"];
            tag: string | null;
            title: string;
            variables: {
                [key: string]: string;
            };
            web_url: string;
        };
        /**
         * PipelineState
         * @enum {string}
         */
        PipelineState: "pending" | "running" | "success" | "failed" | "cancelled" | "error";
        /** @description An RFC 9457 problem: every error dais answers. */
        Problem: {
            detail: string;
            /** @description Each field that broke a rule, and the rule. */
            errors?: {
                field?: string;
                rule?: string | null;
                source?: string | null;
            }[];
            /** @description The request's path as sent. */
            instance?: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
        /** ProfilePatch */
        ProfilePatch: {
            display_name?: string;
            email?: string | null;
        };
        /** ProgressOut */
        ProgressOut: {
            closed_issues: number;
            open_issues: number;
            percent: number;
        };
        /** ProjectIn */
        ProjectIn: {
            /** @default main */
            default_branch?: string;
            /** @default  */
            description?: string;
            /** @default false */
            initialize_with_readme?: boolean;
            name: string;
            visibility?: components["schemas"]["Visibility"];
        };
        /** ProjectOut */
        ProjectOut: {
            archived: boolean;
            /** Format: date-time */
            created_at: string;
            default_branch: string;
            description: string;
            http_url: string;
            id: string;
            merge_strategies: string[];
            name: string;
            owner: string;
            path: string;
            pipeline_must_succeed: boolean;
            /** Format: date-time */
            updated_at: string;
            visibility: string;
        };
        /** ProjectPatch */
        ProjectPatch: {
            archived?: boolean;
            default_branch?: string;
            description?: string;
            merge_strategies?: components["schemas"]["MergeStrategy"][];
            name?: string;
            pipeline_must_succeed?: boolean;
            visibility?: components["schemas"]["Visibility"];
        };
        /** QueryAnswer */
        QueryAnswer: {
            data: components["schemas"]["QueryData"];
            status: string;
            warnings?: string[];
        };
        /** QueryData */
        QueryData: {
            result: unknown;
            resultType: string;
        };
        /** QueryForm */
        QueryForm: {
            limit?: string;
            query?: string;
            time?: string;
            timeout?: string;
        };
        /** RangeForm */
        RangeForm: {
            end?: string;
            limit?: string;
            query?: string;
            start?: string;
            step?: string;
            timeout?: string;
        };
        /** RequestOut */
        RequestOut: {
            body: string;
            headers: {
                [key: string]: string;
            };
            url: string;
        };
        /** ResourceMetadata */
        ResourceMetadata: {
            bearer_methods_supported: string[];
            resource: string;
            resource_documentation: string;
            resource_name: string;
        };
        /** ResponseOut */
        ResponseOut: {
            body: string;
            headers: {
                [key: string]: string;
            };
            status: number;
            truncated: boolean;
        };
        /** ReviewIn */
        ReviewIn: {
            /** @default  */
            body?: string;
            /** @enum {string} */
            state: "approve" | "request_changes" | "comment";
        };
        /** ReviewOut */
        ReviewOut: {
            author: components["schemas"]["actors_merges_views_UserOut"] | null;
            body: string;
            commit_sha: string;
            /** Format: date-time */
            created_at: string;
            dismissed: boolean;
            dismissed_at: string | null;
            id: string;
            merge_request_iid: number;
            state: string;
        };
        /** RoleIn */
        RoleIn: {
            /** @default  */
            description?: string;
            name: string;
            permissions: string[];
        };
        /** RoleOut */
        RoleOut: {
            builtin: boolean;
            description: string;
            id: string;
            name: string;
            permissions: string[];
        };
        /** RolePatch */
        RolePatch: {
            description?: string | null;
            permissions?: string[] | null;
        };
        /**
         * RuleHealth
         * @enum {string}
         */
        RuleHealth: "unknown" | "ok" | "error";
        /** RuleIn */
        RuleIn: {
            /** @default  */
            description?: string;
            /** @default true */
            enabled?: boolean;
            expr: string;
            /** @default 0 */
            for?: number | string;
            /** @default 0 */
            keep_firing_for?: number | string;
            labels?: {
                [key: string]: string;
            };
            language?: components["schemas"]["Language"];
            name: string;
            notify?: string[];
            severity?: components["schemas"]["Severity"];
            /** @default  */
            summary?: string;
        };
        /** RuleOut */
        RuleOut: {
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            description: string;
            enabled: boolean;
            evaluation_ms: number | null;
            expr: string;
            for: number;
            health: components["schemas"]["RuleHealth"];
            id: string;
            keep_firing_for: number;
            labels: {
                [key: string]: string;
            };
            language: components["schemas"]["Language"];
            last_error: string | null;
            last_evaluated: string | null;
            name: string;
            notify: string[];
            severity: components["schemas"]["Severity"];
            state: components["schemas"]["RuleState"];
            summary: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** RulePatch */
        RulePatch: {
            description?: string;
            enabled?: boolean;
            expr?: string;
            for?: number | string;
            keep_firing_for?: number | string;
            labels?: {
                [key: string]: string;
            };
            language?: components["schemas"]["Language"];
            name?: string;
            notify?: string[];
            severity?: components["schemas"]["Severity"];
            summary?: string;
        };
        /**
         * RuleState
         * @description A rule's state: the strongest of its alerts' (Prometheus' rule state).
         * @enum {string}
         */
        RuleState: "inactive" | "pending" | "firing";
        /** SampleOut */
        SampleOut: {
            labels: {
                [key: string]: string;
            };
            value: number | null;
        };
        /** ScheduleIn */
        ScheduleIn: {
            /** @default true */
            active?: boolean;
            cron: string;
            description: string;
            ref: string;
            /** @default UTC */
            timezone?: string;
            variables?: {
                [key: string]: string;
            };
        };
        /** ScheduleOut */
        ScheduleOut: {
            active: boolean;
            /** Format: date-time */
            created_at: string;
            created_by: components["schemas"]["http_builds_UserOut"] | null;
            cron: string;
            description: string;
            id: string;
            last_pipeline_number: number | null;
            last_run_at: string | null;
            next_run_at: string | null;
            ref: string;
            timezone: string;
            variables: {
                [key: string]: string;
            };
        };
        /** SecretDetailOut */
        SecretDetailOut: {
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            environment: string | null;
            name: string;
            /** Format: date-time */
            updated_at: string;
            updated_by: string | null;
            version: number;
            versions: components["schemas"]["VersionOut"][];
        };
        /** SecretIn */
        SecretIn: {
            value: string;
        };
        /** SecretOut */
        SecretOut: {
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            environment: string | null;
            name: string;
            /** Format: date-time */
            updated_at: string;
            updated_by: string | null;
            version: number;
        };
        /** SecretValueOut */
        SecretValueOut: {
            environment: string | null;
            name: string;
            value: string;
            version: number;
        };
        /** SeriesForm */
        SeriesForm: {
            end?: string;
            limit?: string;
            "match[]"?: string[] | string;
            start?: string;
        };
        /** ServiceOut */
        ServiceOut: {
            name: string;
        };
        /** SessionOut */
        SessionOut: {
            client_address: string | null;
            /** Format: date-time */
            created_at: string;
            current: boolean;
            /** Format: date-time */
            expires_at: string;
            id: string;
            /** Format: date-time */
            last_seen_at: string;
            user_agent: string | null;
        };
        /** SettingsIn */
        SettingsIn: {
            kinds?: components["schemas"]["KindSettingIn"][];
            webhook_secret?: string;
            webhook_url?: string | null;
        };
        /** SettingsOut */
        SettingsOut: {
            email: string | null;
            email_available: boolean;
            kinds: components["schemas"]["KindSettingOut"][];
            webhook_has_secret: boolean;
            webhook_url: string | null;
        };
        /**
         * Severity
         * @default warning
         * @enum {string}
         */
        Severity: "info" | "warning" | "critical";
        /** SilenceIn */
        SilenceIn: {
            /** @default  */
            comment?: string;
            /** Format: date-time */
            ends_at: string;
            matchers: components["schemas"]["MatcherIn"][];
            starts_at?: string | null;
        };
        /** SilenceOut */
        SilenceOut: {
            comment: string;
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            /** Format: date-time */
            ends_at: string;
            id: string;
            matchers: components["schemas"]["MatcherOut"][];
            /** Format: date-time */
            starts_at: string;
            state: components["schemas"]["SilenceState"];
        };
        /**
         * SilenceState
         * @enum {string}
         */
        SilenceState: "pending" | "active" | "expired";
        /** SpanEventOut */
        SpanEventOut: {
            attributes: {
                [key: string]: string;
            };
            name: string;
            /** Format: date-time */
            time: string;
        };
        /** SpanLinkOut */
        SpanLinkOut: {
            attributes: {
                [key: string]: string;
            };
            span_id: string;
            trace_id: string;
        };
        /** SpanOut */
        SpanOut: {
            attributes: {
                [key: string]: string;
            };
            duration_ns: number;
            /** Format: date-time */
            end_time: string;
            events: components["schemas"]["SpanEventOut"][];
            kind: number;
            links: components["schemas"]["SpanLinkOut"][];
            name: string;
            parent_span_id: string | null;
            resource_attributes: {
                [key: string]: string;
            };
            service_name: string;
            span_id: string;
            /** Format: date-time */
            start_time: string;
            status_code: number;
            status_message: string | null;
            trace_id: string;
        };
        /**
         * StateFilter
         * @default open
         * @enum {string}
         */
        StateFilter: "open" | "merged" | "closed" | "all";
        /** StatsOut */
        StatsOut: {
            additions: number;
            deletions: number;
            files: number;
        };
        /** StatusIn */
        StatusIn: {
            /** @default default */
            context?: string;
            /** @default  */
            description?: string;
            state: components["schemas"]["CommitState"];
            target_url?: string | null;
        };
        /** StatusOut */
        StatusOut: {
            context: string;
            /** Format: date-time */
            created_at: string;
            creator: components["schemas"]["http_builds_UserOut"] | null;
            description: string;
            pipeline_number: number | null;
            state: components["schemas"]["CommitState"];
            target_url: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        /** StepOut */
        StepOut: {
            allow_failure: boolean;
            artifacts: string[];
            attempt: number;
            depends_on: string[];
            duration_seconds: number | null;
            error: string | null;
            exit_code: number | null;
            finished_at: string | null;
            image: string | null;
            log_bytes: number;
            log_lines: number;
            log_truncated: boolean;
            name: string;
            position: number;
            stage: number;
            started_at: string | null;
            state: components["schemas"]["StepState"];
            timeout_seconds: number | null;
        };
        /**
         * StepState
         * @enum {string}
         */
        StepState: "pending" | "running" | "success" | "failed" | "cancelled" | "skipped";
        /** TagOut */
        TagOut: {
            message: string | null;
            name: string;
            sha: string;
            tagged_at: string | null;
            tagger: components["schemas"]["PersonOut"] | null;
            target: string;
        };
        /** TestOut */
        TestOut: {
            /** Format: date-time */
            evaluated_at: string;
            samples: components["schemas"]["SampleOut"][];
            total: number;
        };
        /** TokenIn */
        TokenIn: {
            expires_at?: string | null;
            name: string;
            project?: string | null;
            scopes: string[];
        };
        /** TokenOut */
        TokenOut: {
            /** Format: date-time */
            created_at: string;
            expires_at: string | null;
            id: string;
            last_used_at: string | null;
            last4: string;
            name: string;
            project_id: string | null;
            scopes: string[];
        };
        /** TraceSummaryOut */
        TraceSummaryOut: {
            duration_ns: number;
            error_count: number;
            root_name: string;
            root_service: string;
            span_count: number;
            /** Format: date-time */
            start_time: string;
            trace_id: string;
        };
        /** TreeEntryOut */
        TreeEntryOut: {
            mode: string;
            name: string;
            name_base64?: string | null;
            path: string;
            path_base64?: string | null;
            sha: string;
            type: string;
        };
        /** TreeOut */
        TreeOut: {
            commit: string;
            entries: components["schemas"]["TreeEntryOut"][];
            path: string;
            path_base64?: string | null;
            ref: string;
        };
        /** TriggerIn */
        TriggerIn: {
            ref: string;
            variables?: {
                [key: string]: string;
            };
        };
        /** UnreadOut */
        UnreadOut: {
            count: number;
        };
        /** UserIn */
        UserIn: {
            /** @default  */
            display_name?: string;
            email?: string | null;
            /** @default false */
            is_admin?: boolean;
            kind?: components["schemas"]["UserKind"];
            password?: string | null;
            username: string;
        };
        /** UserIssueOut */
        UserIssueOut: {
            assignees: components["schemas"]["actors_issues_views_UserOut"][];
            author: components["schemas"]["actors_issues_views_UserOut"] | null;
            body: string;
            closed_at: string | null;
            closed_by: components["schemas"]["actors_issues_views_UserOut"] | null;
            comments: number;
            /** Format: date-time */
            created_at: string;
            id: string;
            iid: number;
            labels: components["schemas"]["IssueLabelOut"][];
            milestone: components["schemas"]["IssueMilestoneOut"] | null;
            project_id: string;
            project_path: string;
            state: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * UserKind
         * @default human
         * @enum {string}
         */
        UserKind: "human" | "agent" | "service";
        /** UserMergeRequestOut */
        UserMergeRequestOut: {
            approvals: components["schemas"]["ApprovalsOut"];
            assignees: components["schemas"]["actors_merges_views_UserOut"][];
            author: components["schemas"]["actors_merges_views_UserOut"] | null;
            auto_merge: boolean;
            auto_merge_by: components["schemas"]["actors_merges_views_UserOut"] | null;
            auto_merge_delete_source_branch: boolean;
            auto_merge_strategy: string | null;
            blockers: string[];
            body: string;
            closed_at: string | null;
            closed_by: components["schemas"]["actors_merges_views_UserOut"] | null;
            conflicts: string[];
            /** Format: date-time */
            created_at: string;
            draft: boolean;
            fast_forward_possible: boolean;
            id: string;
            iid: number;
            labels: components["schemas"]["merges_views_LabelOut"][];
            merge_base_sha: string | null;
            merge_commit_sha: string | null;
            merge_strategy: string | null;
            mergeable: boolean;
            merged_at: string | null;
            merged_by: components["schemas"]["actors_merges_views_UserOut"] | null;
            pipeline: components["schemas"]["PipelineBriefOut"] | null;
            project_id: string;
            project_path: string;
            reviewers: components["schemas"]["actors_merges_views_UserOut"][];
            source_branch: string;
            source_sha: string;
            state: string;
            target_branch: string;
            target_protected: boolean;
            target_sha: string;
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** UserPatch */
        UserPatch: {
            active?: boolean;
            display_name?: string;
            email?: string | null;
            is_admin?: boolean;
            password?: string;
        };
        /** UserSummaryOut */
        UserSummaryOut: {
            display_name: string;
            id: string;
            kind: string;
            username: string;
        };
        /** VersionOut */
        VersionOut: {
            /** Format: date-time */
            created_at: string;
            created_by: string | null;
            version: number;
        };
        /**
         * Visibility
         * @default private
         * @enum {string}
         */
        Visibility: "public" | "internal" | "private";
        /** DeliveryOut */
        webhooks_DeliveryOut: {
            action: string | null;
            attempts: number;
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            duration_ms: number | null;
            error: string | null;
            event: string;
            hook_id: string;
            id: string;
            next_attempt_at: string | null;
            outcome: string;
            redelivery_of: string | null;
            response_status: number | null;
            source: string;
            uuid: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    WellKnownOauthProtectedResourceResourceMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceMetadata"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WellKnownOauthProtectedResourceMcpResourceMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResourceMetadata"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminAuditAuditLog: {
        parameters: {
            query?: {
                action?: string | null;
                actor_id?: number | null;
                /** @description only ids below this */
                before?: number | null;
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                since?: string | null;
                target_id?: string | null;
                target_type?: string | null;
                until?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminNotificationsDeliveriesDeliveryIdRetryRetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request accepted, processing continues off-line */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminNotificationsFailedFailed: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["notifications_DeliveryOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminRoleAssignmentsListAssignments: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                user_id?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminRoleAssignmentsAssignRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default null */
                    project_id?: string | null;
                    role: string;
                    user_id: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssignmentOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminRoleAssignmentsAssignmentIdUnassignRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                assignment_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminRolesListRoles: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminRolesCreateRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    name: string;
                    permissions: string[];
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminRolesRoleIdDeleteRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminRolesRoleIdUpdateRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                role_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default null */
                    description?: string | null;
                    /** @default null */
                    permissions?: string[] | null;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminSecretsListPlatformSecrets: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminSecretsNameGetPlatformSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretDetailOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminSecretsNamePutPlatformSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminSecretsNameDeletePlatformSecret: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminSecretsNameValueRevealPlatformSecret: {
        parameters: {
            query?: {
                /** @description default: the current one */
                version?: number | null;
            };
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretValueOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminUsersListUsers: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["http_identity_UserOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminUsersCreateUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    display_name?: string;
                    /** @default null */
                    email?: string | null;
                    /** @default false */
                    is_admin?: boolean;
                    /** @default human */
                    kind?: components["schemas"]["UserKind"];
                    /** @default null */
                    password?: string | null;
                    username: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["http_identity_UserOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminUsersUserIdDeleteUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAdminUsersUserIdUpdateUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                user_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    display_name?: string;
                    email?: string | null;
                    is_admin?: boolean;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["http_identity_UserOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAuthLoginLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    login: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["http_identity_UserOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAuthLogoutLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAuthPasskeysLoginOptionsLoginOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CeremonyOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAuthPasskeysLoginVerifyLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ceremony_id: string;
                    credential: Record<string, never>;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["http_identity_UserOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAuthPasskeysRegisterOptionsRegistrationOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CeremonyOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiAuthPasskeysRegisterVerifyRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ceremony_id: string;
                    credential: Record<string, never>;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiDelegationsListDelegations: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiDelegationsCreateDelegation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    delegate_id: string;
                    /** @default null */
                    expires_at?: string | null;
                    permissions: string[];
                    /** @default null */
                    project_id?: string | null;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DelegationOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiDelegationsDelegationIdRevokeDelegation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delegation_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiMcpToolsListTools: {
        parameters: {
            query?: {
                /** @description 1: no writers */
                read_only?: string | null;
                /** @description comma-separated, of: core, repos, issues, merge_requests, pipelines, observe, secrets, admin (default all) */
                toolsets?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    }[];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiMcpToolsNameCallTool: {
        parameters: {
            query?: {
                /** @description 1: no writers */
                read_only?: string | null;
                /** @description comma-separated, of: core, repos, issues, merge_requests, pipelines, observe, secrets, admin (default all) */
                toolsets?: string | null;
            };
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    arguments?: Record<string, never>;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CallOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsListProjects: {
        parameters: {
            query?: {
                owner?: string | null;
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsCreateProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default main */
                    default_branch?: string;
                    /** @default  */
                    description?: string;
                    /** @default false */
                    initialize_with_readme?: boolean;
                    name: string;
                    /** @default private */
                    visibility?: components["schemas"]["Visibility"];
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsGetProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsDeleteProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsUpdateProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    archived?: boolean;
                    default_branch?: string;
                    description?: string;
                    merge_strategies?: components["schemas"]["MergeStrategy"][];
                    name?: string;
                    pipeline_must_succeed?: boolean;
                    visibility?: components["schemas"]["Visibility"];
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertGroupingGetGrouping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupingIO"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertGroupingPutGrouping: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    group_by?: string[];
                    /** @default 300 */
                    group_interval?: number;
                    /** @default 30 */
                    group_wait?: number;
                    /** @default 14400 */
                    repeat_interval?: number;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupingIO"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertRulesListRules: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertRulesCreateRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    /** @default true */
                    enabled?: boolean;
                    expr: string;
                    /** @default 0 */
                    for?: number | string;
                    /** @default 0 */
                    keep_firing_for?: number | string;
                    /** @default {} */
                    labels?: {
                        [key: string]: string;
                    };
                    /** @default promql */
                    language?: components["schemas"]["Language"];
                    name: string;
                    /** @default [] */
                    notify?: string[];
                    /** @default warning */
                    severity?: components["schemas"]["Severity"];
                    /** @default  */
                    summary?: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertRulesRuleIdGetRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertRulesRuleIdDeleteRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertRulesRuleIdUpdateRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    enabled?: boolean;
                    expr?: string;
                    for?: number | string;
                    keep_firing_for?: number | string;
                    labels?: {
                        [key: string]: string;
                    };
                    language?: components["schemas"]["Language"];
                    name?: string;
                    notify?: string[];
                    severity?: components["schemas"]["Severity"];
                    summary?: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RuleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertRulesRuleIdHistoryRuleHistory: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertRulesRuleIdTestTestRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsAlertsListAlerts: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AlertOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesListIssues: {
        parameters: {
            query?: {
                assignee?: string | null;
                author?: string | null;
                direction?: components["schemas"]["Direction"];
                labels?: string | null;
                milestone?: string | null;
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                q?: string | null;
                sort?: components["schemas"]["IssueSort"];
                /** @description open, closed or all */
                state?: "open" | "closed" | "all";
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesCreateIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    assignees?: string[];
                    /** @default  */
                    body?: string;
                    /** @default [] */
                    labels?: string[];
                    /** @default null */
                    milestone_id?: string | null;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesIidGetIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesIidUpdateIssue: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assignees?: string[];
                    body?: string;
                    labels?: string[];
                    milestone_id?: string | null;
                    state?: components["schemas"]["IssueState"];
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IssueOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesIidCommentsListComments: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["issues_views_CommentOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesIidCommentsCreateComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["issues_views_CommentOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesIidCommentsCommentIdDeleteComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: number;
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsIssuesIidCommentsCommentIdUpdateComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: number;
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["issues_views_CommentOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsLabelsListLabels: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["issues_views_LabelOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsLabelsCreateLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default #6b7280 */
                    color?: string;
                    /** @default  */
                    description?: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["issues_views_LabelOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsLabelsLabelIdDeleteLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                label_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsLabelsLabelIdUpdateLabel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                label_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    color?: string;
                    description?: string;
                    name?: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["issues_views_LabelOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsLokiV1IndexStatsIndexStats: {
        parameters: {
            query: {
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                end?: string | null;
                /** @description A LogQL query */
                query: string;
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsLokiV1LabelNameValuesLabelValues: {
        parameters: {
            query?: {
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                end?: string | null;
                /** @description A stream selector */
                query?: string | null;
                /** @description A duration before end (5m, 1h): the start */
                since?: string | null;
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description A label name */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsLokiV1LabelsLabels: {
        parameters: {
            query?: {
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                end?: string | null;
                /** @description A stream selector */
                query?: string | null;
                /** @description A duration before end (5m, 1h): the start */
                since?: string | null;
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsLokiV1QueryQueryInstant: {
        parameters: {
            query: {
                /** @description backward: newest first; forward: oldest first */
                direction?: "backward" | "forward";
                /** @description The most lines to return */
                limit?: number;
                /** @description A LogQL query */
                query: string;
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                time?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsLokiV1QueryRangeQueryRange: {
        parameters: {
            query: {
                /** @description backward: newest first; forward: oldest first */
                direction?: "backward" | "forward";
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                end?: string | null;
                /** @description The most lines to return */
                limit?: number;
                /** @description A LogQL query */
                query: string;
                /** @description A duration before end (5m, 1h): the start */
                since?: string | null;
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                start?: string | null;
                /** @description A duration, or seconds */
                step?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsLokiV1SeriesSeries: {
        parameters: {
            query: {
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                end?: string | null;
                /** @description Stream selectors (at least one) */
                "match[]": string[];
                /** @description A duration before end (5m, 1h): the start */
                since?: string | null;
                /** @description A nanosecond Unix epoch, Unix seconds (with a fraction), or RFC 3339 */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsMembersListMembers: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMembersAddMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    role: string;
                    /** @default null */
                    user_id?: string | null;
                    /** @default null */
                    username?: string | null;
                } & ({
                    user_id: string;
                } | {
                    username: string;
                });
            };
        };
        responses: {
            /** @description The member's role was changed */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberOut"];
                };
            };
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MemberOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMembersMemberIdRemoveMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                member_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsListMergeRequests: {
        parameters: {
            query?: {
                author?: string | null;
                label?: string | null;
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                source_branch?: string | null;
                state?: components["schemas"]["StateFilter"];
                target_branch?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeRequestOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsCreateMergeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    assignees?: string[];
                    /** @default  */
                    body?: string;
                    /** @default false */
                    draft?: boolean;
                    /** @default [] */
                    labels?: string[];
                    /** @default [] */
                    reviewers?: string[];
                    source_branch: string;
                    /** @default null */
                    target_branch?: string | null;
                    title: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeRequestOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidGetMergeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeRequestOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidUpdateMergeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    assignees?: string[];
                    auto_merge?: boolean;
                    auto_merge_delete_source_branch?: boolean;
                    auto_merge_strategy?: components["schemas"]["MergeStrategy"];
                    body?: string;
                    draft?: boolean;
                    labels?: string[];
                    reviewers?: string[];
                    /** @enum {unknown} */
                    state?: "closed" | "merged" | "open";
                    target_branch?: string;
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeRequestOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidCommentsListMergeRequestComments: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["merges_views_CommentOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidCommentsCreateMergeRequestComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @default null */
                    commit_sha?: string | null;
                    /** @default null */
                    line?: number | null;
                    /** @default null */
                    path?: string | null;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["merges_views_CommentOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidCommentsCommentIdDeleteMergeRequestComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: number;
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidCommentsCommentIdUpdateMergeRequestComment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                comment_id: number;
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["merges_views_CommentOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidCommitsListMergeRequestCommits: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitsOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidDiffGetMergeRequestDiff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeRequestDiffOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidMergeMergeRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    auto_merge?: boolean;
                    /** @default null */
                    commit_message?: string | null;
                    /** @default false */
                    delete_source_branch?: boolean;
                    /** @default null */
                    sha?: string | null;
                    /** @default null */
                    strategy?: components["schemas"]["MergeStrategy"] | null;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MergeRequestOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidPipelinesMergeRequestPipelines: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidReviewsListMergeRequestReviews: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMergeRequestsIidReviewsSubmitMergeRequestReview: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                iid: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    body?: string;
                    /** @enum {unknown} */
                    state: "approve" | "comment" | "request_changes";
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReviewOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMilestonesListMilestones: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                /** @description open, closed or all */
                state?: "open" | "closed" | "all";
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMilestonesCreateMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    description?: string;
                    /** @default null */
                    due_date?: string | null;
                    /** @default open */
                    state?: components["schemas"]["MilestoneState"];
                    title: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMilestonesMilestoneIdGetMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                milestone_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMilestonesMilestoneIdDeleteMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                milestone_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsMilestonesMilestoneIdUpdateMilestone: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                milestone_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    description?: string;
                    due_date?: string | null;
                    state?: components["schemas"]["MilestoneState"];
                    title?: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MilestoneOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelineSchedulesListSchedules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelineSchedulesCreateSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default true */
                    active?: boolean;
                    cron: string;
                    description: string;
                    ref: string;
                    /** @default UTC */
                    timezone?: string;
                    /** @default {} */
                    variables?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScheduleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelineSchedulesDeleteSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                schedule: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesListPipelines: {
        parameters: {
            query?: {
                merge_request?: number | null;
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                ref?: string | null;
                sha?: string | null;
                state?: components["schemas"]["PipelineState"] | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesTriggerPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    ref: string;
                    /** @default {} */
                    variables?: {
                        [key: string]: string;
                    };
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberGetPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineDetailOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberArtifactsListArtifacts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ArtifactOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberArtifactsDownloadArtifact: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                artifact: number;
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stream Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberCancelCancelPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberRetryRetryPipeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineDetailOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberStepsLogStepLog: {
        parameters: {
            query?: {
                /** @description As an attachment */
                download?: boolean;
                tail?: number | null;
            };
            header?: never;
            path: {
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description A step's name */
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stream Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberStepsLogStreamStepLogStream: {
        parameters: {
            query?: {
                /** @description Lines after this one. */
                after?: number | null;
            };
            header?: never;
            path: {
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description A step's name */
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPipelinesNumberStepsRetryRetryStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                number: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description A step's name */
                step: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PipelineDetailOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1LabelNameValuesPrometheusLabelValues: {
        parameters: {
            query?: {
                /** @description RFC 3339 or unix seconds */
                end?: string | null;
                /** @description At most this many series (0: no limit) */
                limit?: string | null;
                /** @description A series selector; repeat for more */
                "match[]"?: string[] | null;
                /** @description RFC 3339 or unix seconds */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description A label name */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1LabelsPrometheusLabels: {
        parameters: {
            query?: {
                /** @description RFC 3339 or unix seconds */
                end?: string | null;
                /** @description At most this many series (0: no limit) */
                limit?: string | null;
                /** @description A series selector; repeat for more */
                "match[]"?: string[] | null;
                /** @description RFC 3339 or unix seconds */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1LabelsPrometheusLabelsForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SeriesForm"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1MetadataPrometheusMetadata: {
        parameters: {
            query?: {
                /** @description At most this many series (0: no limit) */
                limit?: string | null;
                /** @description A metric name */
                metric?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MetadataAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1QueryPrometheusQuery: {
        parameters: {
            query: {
                /** @description At most this many series (0: no limit) */
                limit?: string | null;
                /** @description A PromQL expression */
                query: string;
                /** @description RFC 3339 or unix seconds; default: now */
                time?: string | null;
                /** @description A duration; at most (and by default) 60s */
                timeout?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueryAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1QueryPrometheusQueryForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["QueryForm"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueryAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1QueryRangePrometheusQueryRange: {
        parameters: {
            query: {
                /** @description RFC 3339 or unix seconds */
                end: string;
                /** @description At most this many series (0: no limit) */
                limit?: string | null;
                /** @description A PromQL expression */
                query: string;
                /** @description RFC 3339 or unix seconds */
                start: string;
                /** @description Resolution: a duration (15s, 1m) or float seconds */
                step: string;
                /** @description A duration; at most (and by default) 60s */
                timeout?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueryAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1QueryRangePrometheusQueryRangeForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["RangeForm"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueryAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1SeriesPrometheusSeries: {
        parameters: {
            query: {
                /** @description RFC 3339 or unix seconds */
                end?: string | null;
                /** @description At most this many series (0: no limit) */
                limit?: string | null;
                /** @description A series selector; repeat for more */
                "match[]": string[];
                /** @description RFC 3339 or unix seconds */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1SeriesPrometheusSeriesForm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["SeriesForm"];
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ListAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsPrometheusV1StatusBuildinfoPrometheusBuildinfo: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BuildInfoAnswer"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string;
                        errorType: string;
                        /** @constant */
                        status: "error";
                    };
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsProtectedBranchesListBranchRules: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchRuleOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsProtectedBranchesCreateBranchRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default false */
                    allow_deletion?: boolean;
                    /** @default false */
                    allow_force_push?: boolean;
                    /** @default false */
                    dismiss_stale_approvals?: boolean;
                    merge_roles?: string[];
                    pattern: string;
                    push_roles?: string[];
                    /** @default 0 */
                    required_approvals?: number;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchRuleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsProtectedBranchesRuleIdDeleteBranchRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsProtectedBranchesRuleIdUpdateBranchRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                rule_id: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    allow_deletion?: boolean;
                    allow_force_push?: boolean;
                    dismiss_stale_approvals?: boolean;
                    merge_roles?: string[];
                    pattern?: string;
                    push_roles?: string[];
                    required_approvals?: number;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchRuleOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryArchiveGetArchive: {
        parameters: {
            query?: {
                format?: components["schemas"]["ArchiveFormat"];
                ref?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stream Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/gzip": string;
                    "application/zip": string;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryBlobGetBlob: {
        parameters: {
            query?: {
                path?: string | null;
                path_base64?: string | null;
                ref?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BlobOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryBranchesListBranches: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryBranchesCreateBranch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    ref: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BranchOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryBranchesNameDeleteBranch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryCommitsListCommits: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                path?: string | null;
                path_base64?: string | null;
                /** @description Items per page (1-100). */
                per_page?: number;
                ref?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryCommitsShaGetCommit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                sha: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CommitDetailOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryCommitsShaStatusCombinedStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description A full commit sha (40 hex digits) */
                sha: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CombinedStatusOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryCommitsShaStatusesListStatuses: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description A full commit sha (40 hex digits) */
                sha: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryCommitsShaStatusesSetStatus: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description A full commit sha (40 hex digits) */
                sha: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default default */
                    context?: string;
                    /** @default  */
                    description?: string;
                    state: components["schemas"]["CommitState"];
                    /** @default null */
                    target_url?: string | null;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryCompareCompare: {
        parameters: {
            query: {
                from: string;
                to: string;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CompareOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryFilesWriteFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    branch: string;
                    content: string;
                    /**
                     * @default text
                     * @enum {unknown}
                     */
                    encoding?: "base64" | "text";
                    message: string;
                    path: string;
                    /** @default null */
                    start_branch?: string | null;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FileCommitOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryRawGetRaw: {
        parameters: {
            query?: {
                path?: string | null;
                path_base64?: string | null;
                ref?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stream Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "*/*": string;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryTagsListTags: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TagOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsRepositoryTreeGetTree: {
        parameters: {
            query?: {
                path?: string | null;
                path_base64?: string | null;
                ref?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TreeOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSecretsListProjectSecrets: {
        parameters: {
            query?: {
                /** @description An environment of the project (a DNS label); unset: project-wide. */
                environment?: string | null;
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSecretsNameGetProjectSecret: {
        parameters: {
            query?: {
                /** @description An environment of the project (a DNS label); unset: project-wide. */
                environment?: string | null;
            };
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretDetailOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSecretsNamePutProjectSecret: {
        parameters: {
            query?: {
                /** @description An environment of the project (a DNS label); unset: project-wide. */
                environment?: string | null;
            };
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    value: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSecretsNameDeleteProjectSecret: {
        parameters: {
            query?: {
                /** @description An environment of the project (a DNS label); unset: project-wide. */
                environment?: string | null;
            };
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSecretsNameValueRevealProjectSecret: {
        parameters: {
            query?: {
                /** @description An environment of the project (a DNS label); unset: project-wide. */
                environment?: string | null;
                /** @description default: the current one */
                version?: number | null;
            };
            header?: never;
            path: {
                /** @description An environment variable name: a letter or '_', then letters, digits, '_'. */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SecretValueOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSilencesListSilences: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SilenceOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSilencesCreateSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default  */
                    comment?: string;
                    /** Format: date-time */
                    ends_at: string;
                    matchers: components["schemas"]["MatcherIn"][];
                    /** @default null */
                    starts_at?: string | null;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SilenceOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsSilencesSilenceIdExpireSilence: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                silence_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SilenceOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsTelemetryLogsSearchLogs: {
        parameters: {
            query?: {
                /** @description key=value, repeatable: a record or resource attribute holding the value (every one must match) */
                attribute?: string[] | null;
                before?: string | null;
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                end?: string | null;
                limit?: number;
                min_severity?: number | null;
                /** @description A substring */
                q?: string | null;
                regex?: string | null;
                service?: string | null;
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                start?: string | null;
                trace_id?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogPageOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsTelemetryLogsHistogramLogHistogram: {
        parameters: {
            query?: {
                /** @description key=value, repeatable: a record or resource attribute holding the value (every one must match) */
                attribute?: string[] | null;
                buckets?: number;
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                end?: string | null;
                min_severity?: number | null;
                /** @description A substring */
                q?: string | null;
                regex?: string | null;
                service?: string | null;
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                start?: string | null;
                trace_id?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LogHistogramOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsTelemetryLogsTailTailLogs: {
        parameters: {
            query?: {
                /** @description key=value, repeatable: a record or resource attribute holding the value (every one must match) */
                attribute?: string[] | null;
                min_severity?: number | null;
                /** @description A substring */
                q?: string | null;
                service?: string | null;
                trace_id?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsTelemetryServicesListServices: {
        parameters: {
            query?: {
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                end?: string | null;
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                start?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsTelemetryTracesSearchTraces: {
        parameters: {
            query?: {
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                end?: string | null;
                limit?: number;
                max_duration_ms?: number | null;
                min_duration_ms?: number | null;
                /** @description A span's name */
                name?: string | null;
                service?: string | null;
                /** @description RFC 3339 with a time zone; default: now - 1h / now */
                start?: string | null;
                status?: "unset" | "ok" | "error" | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TraceSummaryOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsTelemetryTracesTraceIdGetTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                trace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SpanOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsTempoEchoEcho: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsTempoSearchSearch: {
        parameters: {
            query?: {
                /** @description Unix seconds */
                end?: number | null;
                limit?: number;
                maxDuration?: string | null;
                minDuration?: string | null;
                q?: string | null;
                /** @description Unix seconds */
                start?: number | null;
                tags?: string | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsTempoSearchTagNameValuesSearchTagValues: {
        parameters: {
            query?: {
                /** @description Unix seconds */
                end?: number | null;
                /** @description Unix seconds */
                start?: number | null;
            };
            header?: never;
            path: {
                /** @description The tag */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsTempoSearchTagsSearchTags: {
        parameters: {
            query?: {
                /** @description Unix seconds */
                end?: number | null;
                /** @description Only this scope's tags */
                scope?: "resource" | "span" | "intrinsic" | null;
                /** @description Unix seconds */
                start?: number | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsTempoTracesTraceIdTraceV1: {
        parameters: {
            query?: {
                /** @description Unix seconds */
                end?: number | null;
                /** @description Unix seconds */
                start?: number | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description The trace id: up to 32 hexadecimal digits */
                trace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "application/protobuf": string;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsTempoV2SearchTagNameValuesSearchTagValuesV2: {
        parameters: {
            query?: {
                /** @description Unix seconds */
                end?: number | null;
                /** @description TraceQL: only matching spans */
                q?: string | null;
                /** @description Unix seconds */
                start?: number | null;
            };
            header?: never;
            path: {
                /** @description The tag */
                name: string;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsTempoV2SearchTagsSearchTagsV2: {
        parameters: {
            query?: {
                /** @description Unix seconds */
                end?: number | null;
                /** @description Only this scope's tags */
                scope?: "resource" | "span" | "intrinsic" | null;
                /** @description Unix seconds */
                start?: number | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsTempoV2TracesTraceIdTraceV2: {
        parameters: {
            query?: {
                /** @description Unix seconds */
                end?: number | null;
                /** @description Unix seconds */
                start?: number | null;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
                /** @description The trace id: up to 32 hexadecimal digits */
                trace_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                    "application/protobuf": string;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                    "text/plain": string;
                };
            };
        };
    };
    ApiProjectsWebhooksListHooks: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksCreateHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default true */
                    active?: boolean;
                    events: components["schemas"]["HookEvent"][];
                    /** @default  */
                    secret?: string;
                    url: string;
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksHookIdGetHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hook_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksHookIdDeleteHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hook_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksHookIdUpdateHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hook_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    active?: boolean;
                    events?: components["schemas"]["HookEvent"][];
                    secret?: string;
                    url?: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HookOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksHookIdDeliveriesListDeliveries: {
        parameters: {
            query?: {
                /** @description only ids below this */
                before?: number | null;
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path: {
                hook_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["webhooks_DeliveryOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksHookIdDeliveriesDeliveryIdGetDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: number;
                hook_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetailOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksHookIdDeliveriesDeliveryIdRedeliverRedeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                delivery_id: number;
                hook_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request accepted, processing continues off-line */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["webhooks_DeliveryOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiProjectsWebhooksHookIdPingPingHook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                hook_id: number;
                /** @description The project's id, or its path owner/name (URL-encoded: owner%2Fname). */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request accepted, processing continues off-line */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["webhooks_DeliveryOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiSchemasPlatformciJsonPipelineSchema: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    "cache-control"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/schema+json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["http_identity_UserOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserUpdateProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    display_name?: string;
                    email?: string | null;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["http_identity_UserOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserIssuesListMyIssues: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                /** @description all, authored or assigned */
                scope?: "all" | "authored" | "assigned";
                /** @description open, closed or all */
                state?: "open" | "closed" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserIssueOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserMergeRequestsListMyMergeRequests: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                /** @description Which of a user's merge requests: any they are involved in, or one way of being. */
                scope?: components["schemas"]["DashboardScope"];
                state?: components["schemas"]["StateFilter"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserMergeRequestOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserNotificationSettingsGetSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserNotificationSettingsPutSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    kinds?: components["schemas"]["KindSettingIn"][];
                    webhook_secret?: string;
                    webhook_url?: string | null;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SettingsOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserNotificationsListNotifications: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                /** @description only unread ones */
                unread?: boolean;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserNotificationsReadMarkRead: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default null */
                    ids?: string[] | null;
                    /** @default true */
                    read?: boolean;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MarkedOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserNotificationsStreamStream: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserNotificationsUnreadCountUnreadCount: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserPasskeysListPasskeys: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasskeyOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserPasskeysPasskeyIdDeletePasskey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                passkey_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserPasswordChangePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    current_password: string;
                    new_password: string;
                };
            };
        };
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PasswordChangedOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many attempts; retry after `Retry-After` seconds. */
            429: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserPermissionsMyPermissions: {
        parameters: {
            query?: {
                project_id?: number | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PermissionsOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserSessionsListSessions: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserSessionsSessionIdRevokeSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                session_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserTokensListTokens: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserTokensCreateToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default null */
                    expires_at?: string | null;
                    name: string;
                    /** @default null */
                    project?: string | null;
                    scopes: string[];
                };
            };
        };
        responses: {
            /** @description Document created, URL follows */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedTokenOut"];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is larger than the limit. */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body is not application/json. */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUserTokensTokenIdRevokeToken: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                token_id: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, nothing follows */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No such resource, or one the caller may not see. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The change conflicts with the resource's current state. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiUsersFindUsers: {
        parameters: {
            query?: {
                /** @description The page, from 1. */
                page?: number;
                /** @description Items per page (1-100). */
                per_page?: number;
                q?: string | null;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    /** @description RFC 8288 links to the first, previous, next and last pages (rel="first" ...). */
                    Link?: unknown;
                    /** @description How many items there are in all, over every page. */
                    "X-Total-Count"?: unknown;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserSummaryOut"][];
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Not signed in, or the credentials are not valid (see `WWW-Authenticate`). */
            401: {
                headers: {
                    /** @description How to authenticate. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Signed in, but not allowed: a missing permission or scope, or a cross-site request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The body or a parameter is well-formed but breaks a rule (each named in `errors`). */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ApiVersionVersion: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthzHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: string;
                    };
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ReadyzReadyz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Request fulfilled, document follows */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            /** @description A parameter, a header or the body is malformed (each named in `errors`). */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Overloaded, restarting or without its database; retry after `Retry-After` seconds. */
            503: {
                headers: {
                    /** @description Seconds to wait. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A part of dais did not answer in time. */
            504: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}

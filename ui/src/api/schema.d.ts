// Generated from dais's OpenAPI document by ui/scripts/api-client.mjs: do not edit.
// Regenerate with `make api-client` after changing the API.

export interface paths {
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
        /** CeremonyOut */
        CeremonyOut: {
            ceremony_id: string;
            options: {
                [key: string]: unknown;
            };
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
            delivery: components["schemas"]["DeliveryOut"];
            request: components["schemas"]["RequestOut"];
            response: components["schemas"]["ResponseOut"] | null;
        };
        /** DeliveryOut */
        DeliveryOut: {
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
        /**
         * HookEvent
         * @description What a hook may subscribe to (the ``X-Dais-Event`` header).
         * @enum {string}
         */
        HookEvent: "push" | "tag_push" | "issue" | "issue_comment" | "merge_request" | "review" | "pipeline" | "deployment";
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
        /** LoginIn */
        LoginIn: {
            login: string;
            password: string;
        };
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
            visibility?: components["schemas"]["Visibility"];
        };
        /** RequestOut */
        RequestOut: {
            body: string;
            headers: {
                [key: string]: string;
            };
            url: string;
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
        /** TagOut */
        TagOut: {
            message: string | null;
            name: string;
            sha: string;
            tagged_at: string | null;
            tagger: components["schemas"]["PersonOut"] | null;
            target: string;
        };
        /** TokenIn */
        TokenIn: {
            expires_at?: string | null;
            name: string;
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
            scopes: string[];
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
        /**
         * Visibility
         * @default private
         * @enum {string}
         */
        Visibility: "public" | "internal" | "private";
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["AssignmentIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["RoleIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["RolePatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["UserIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["UserPatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["LoginIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                content: {
                    "application/json": null;
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
                "application/json": components["schemas"]["PasskeyLoginIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["PasskeyRegistrationIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["DelegationIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["ProjectIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["ProjectPatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["IssueIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["IssuePatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["issues_CommentIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["issues_CommentIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["LabelIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["LabelPatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["MemberIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["MergeRequestIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["MergeRequestPatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["merge_requests_CommentIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["CommentPatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["MergeIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["ReviewIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["MilestoneIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["MilestonePatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["BranchRuleIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["BranchRulePatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                    "application/json": unknown;
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["BranchIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                    "application/json": unknown;
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["HookIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["HookPatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                    "application/json": components["schemas"]["DeliveryOut"][];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                    "application/json": components["schemas"]["DeliveryOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                    "application/json": components["schemas"]["DeliveryOut"];
                };
            };
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["ProfilePatch"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["PasswordChangeIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
                "application/json": components["schemas"]["TokenIn"];
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
            /** @description Bad request syntax or unsupported method */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        detail: string;
                        extra?: null | {
                            [key: string]: unknown;
                        } | unknown[];
                        status_code: number;
                    };
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
        };
    };
}

// A route table shaped like GitHub's REST API (~300 routes: static, param and a few trailing
// wildcards), written in the `:param` / trailing `*` syntax all four routers share, and the request
// paths the benchmark looks up: each with the route it must find and the params it must capture.

const ROUTE_TEXT = `
GET /authorizations
GET /authorizations/:id
POST /authorizations
DELETE /authorizations/:id
GET /applications/:client_id/tokens/:access_token
DELETE /applications/:client_id/tokens
DELETE /applications/:client_id/tokens/:access_token
GET /app
GET /app/installations
GET /app/installations/:installation_id
DELETE /app/installations/:installation_id
POST /app/installations/:installation_id/access_tokens
GET /events
GET /repos/:owner/:repo/events
GET /networks/:owner/:repo/events
GET /orgs/:org/events
GET /users/:user/received_events
GET /users/:user/received_events/public
GET /users/:user/events
GET /users/:user/events/public
GET /users/:user/events/orgs/:org
GET /feeds
GET /notifications
GET /repos/:owner/:repo/notifications
PUT /notifications
PUT /repos/:owner/:repo/notifications
GET /notifications/threads/:id
PATCH /notifications/threads/:id
GET /notifications/threads/:id/subscription
PUT /notifications/threads/:id/subscription
DELETE /notifications/threads/:id/subscription
GET /repos/:owner/:repo/stargazers
GET /users/:user/starred
GET /user/starred
GET /user/starred/:owner/:repo
PUT /user/starred/:owner/:repo
DELETE /user/starred/:owner/:repo
GET /repos/:owner/:repo/subscribers
GET /users/:user/subscriptions
GET /user/subscriptions
GET /repos/:owner/:repo/subscription
PUT /repos/:owner/:repo/subscription
DELETE /repos/:owner/:repo/subscription
GET /user/subscriptions/:owner/:repo
PUT /user/subscriptions/:owner/:repo
DELETE /user/subscriptions/:owner/:repo
GET /users/:user/gists
GET /gists
GET /gists/public
GET /gists/starred
GET /gists/:id
GET /gists/:id/commits
GET /gists/:id/forks
GET /gists/:id/comments
GET /gists/:id/comments/:comment_id
POST /gists
PATCH /gists/:id
PUT /gists/:id/star
DELETE /gists/:id/star
GET /gists/:id/star
POST /gists/:id/forks
DELETE /gists/:id
GET /repos/:owner/:repo/git/blobs/:sha
POST /repos/:owner/:repo/git/blobs
GET /repos/:owner/:repo/git/commits/:sha
POST /repos/:owner/:repo/git/commits
GET /repos/:owner/:repo/git/refs
GET /repos/:owner/:repo/git/refs/*
POST /repos/:owner/:repo/git/refs
GET /repos/:owner/:repo/git/tags/:sha
POST /repos/:owner/:repo/git/tags
GET /repos/:owner/:repo/git/trees/:sha
POST /repos/:owner/:repo/git/trees
GET /issues
GET /user/issues
GET /orgs/:org/issues
GET /repos/:owner/:repo/issues
GET /repos/:owner/:repo/issues/:number
POST /repos/:owner/:repo/issues
PATCH /repos/:owner/:repo/issues/:number
PUT /repos/:owner/:repo/issues/:number/lock
DELETE /repos/:owner/:repo/issues/:number/lock
GET /repos/:owner/:repo/assignees
GET /repos/:owner/:repo/assignees/:assignee
POST /repos/:owner/:repo/issues/:number/assignees
GET /repos/:owner/:repo/issues/:number/comments
GET /repos/:owner/:repo/issues/comments
GET /repos/:owner/:repo/issues/comments/:id
POST /repos/:owner/:repo/issues/:number/comments
PATCH /repos/:owner/:repo/issues/comments/:id
DELETE /repos/:owner/:repo/issues/comments/:id
GET /repos/:owner/:repo/issues/:number/events
GET /repos/:owner/:repo/issues/events
GET /repos/:owner/:repo/issues/events/:id
GET /repos/:owner/:repo/issues/:number/timeline
GET /repos/:owner/:repo/labels
GET /repos/:owner/:repo/labels/:name
POST /repos/:owner/:repo/labels
PATCH /repos/:owner/:repo/labels/:name
DELETE /repos/:owner/:repo/labels/:name
GET /repos/:owner/:repo/issues/:number/labels
POST /repos/:owner/:repo/issues/:number/labels
DELETE /repos/:owner/:repo/issues/:number/labels/:name
PUT /repos/:owner/:repo/issues/:number/labels
DELETE /repos/:owner/:repo/issues/:number/labels
GET /repos/:owner/:repo/milestones/:number/labels
GET /repos/:owner/:repo/milestones
GET /repos/:owner/:repo/milestones/:number
POST /repos/:owner/:repo/milestones
PATCH /repos/:owner/:repo/milestones/:number
DELETE /repos/:owner/:repo/milestones/:number
GET /emojis
GET /gitignore/templates
GET /gitignore/templates/:name
POST /markdown
POST /markdown/raw
GET /meta
GET /rate_limit
GET /licenses
GET /licenses/:license
GET /repos/:owner/:repo/license
GET /codes_of_conduct
GET /codes_of_conduct/:key
GET /octocat
GET /zen
GET /users/:user/orgs
GET /user/orgs
GET /orgs/:org
PATCH /orgs/:org
GET /orgs/:org/members
GET /orgs/:org/members/:user
DELETE /orgs/:org/members/:user
GET /orgs/:org/public_members
GET /orgs/:org/public_members/:user
PUT /orgs/:org/public_members/:user
DELETE /orgs/:org/public_members/:user
GET /orgs/:org/memberships/:user
PUT /orgs/:org/memberships/:user
DELETE /orgs/:org/memberships/:user
GET /orgs/:org/invitations
GET /orgs/:org/outside_collaborators
GET /orgs/:org/teams
GET /orgs/:org/teams/:team_slug
POST /orgs/:org/teams
PATCH /orgs/:org/teams/:team_slug
DELETE /orgs/:org/teams/:team_slug
GET /orgs/:org/teams/:team_slug/members
GET /orgs/:org/teams/:team_slug/memberships/:user
PUT /orgs/:org/teams/:team_slug/memberships/:user
DELETE /orgs/:org/teams/:team_slug/memberships/:user
GET /orgs/:org/teams/:team_slug/repos
GET /orgs/:org/teams/:team_slug/repos/:owner/:repo
PUT /orgs/:org/teams/:team_slug/repos/:owner/:repo
DELETE /orgs/:org/teams/:team_slug/repos/:owner/:repo
GET /user/teams
GET /orgs/:org/hooks
GET /orgs/:org/hooks/:hook_id
POST /orgs/:org/hooks
PATCH /orgs/:org/hooks/:hook_id
DELETE /orgs/:org/hooks/:hook_id
POST /orgs/:org/hooks/:hook_id/pings
GET /orgs/:org/repos
POST /orgs/:org/repos
GET /orgs/:org/projects
GET /orgs/:org/packages
GET /orgs/:org/packages/:package_type/:package_name
GET /orgs/:org/packages/:package_type/:package_name/versions
GET /orgs/:org/actions/secrets
GET /orgs/:org/actions/secrets/:secret_name
PUT /orgs/:org/actions/secrets/:secret_name
DELETE /orgs/:org/actions/secrets/:secret_name
GET /orgs/:org/actions/runners
GET /repos/:owner/:repo/pulls
GET /repos/:owner/:repo/pulls/:number
POST /repos/:owner/:repo/pulls
PATCH /repos/:owner/:repo/pulls/:number
GET /repos/:owner/:repo/pulls/:number/commits
GET /repos/:owner/:repo/pulls/:number/files
GET /repos/:owner/:repo/pulls/:number/merge
PUT /repos/:owner/:repo/pulls/:number/merge
PUT /repos/:owner/:repo/pulls/:number/update-branch
GET /repos/:owner/:repo/pulls/:number/comments
GET /repos/:owner/:repo/pulls/comments
GET /repos/:owner/:repo/pulls/comments/:id
PUT /repos/:owner/:repo/pulls/:number/comments
PATCH /repos/:owner/:repo/pulls/comments/:id
DELETE /repos/:owner/:repo/pulls/comments/:id
GET /repos/:owner/:repo/pulls/:number/reviews
GET /repos/:owner/:repo/pulls/:number/reviews/:review_id
POST /repos/:owner/:repo/pulls/:number/reviews
PUT /repos/:owner/:repo/pulls/:number/reviews/:review_id/dismissals
GET /repos/:owner/:repo/pulls/:number/requested_reviewers
POST /repos/:owner/:repo/pulls/:number/requested_reviewers
GET /user/repos
GET /users/:user/repos
GET /repositories
POST /user/repos
GET /repos/:owner/:repo
PATCH /repos/:owner/:repo
DELETE /repos/:owner/:repo
GET /repos/:owner/:repo/contributors
GET /repos/:owner/:repo/languages
GET /repos/:owner/:repo/teams
GET /repos/:owner/:repo/tags
GET /repos/:owner/:repo/topics
PUT /repos/:owner/:repo/topics
GET /repos/:owner/:repo/branches
GET /repos/:owner/:repo/branches/:branch
GET /repos/:owner/:repo/branches/:branch/protection
PUT /repos/:owner/:repo/branches/:branch/protection
DELETE /repos/:owner/:repo/branches/:branch/protection
POST /repos/:owner/:repo/branches/:branch/rename
GET /repos/:owner/:repo/collaborators
GET /repos/:owner/:repo/collaborators/:user
PUT /repos/:owner/:repo/collaborators/:user
DELETE /repos/:owner/:repo/collaborators/:user
GET /repos/:owner/:repo/collaborators/:user/permission
GET /repos/:owner/:repo/comments
GET /repos/:owner/:repo/commits/:sha/comments
POST /repos/:owner/:repo/commits/:sha/comments
GET /repos/:owner/:repo/comments/:id
PATCH /repos/:owner/:repo/comments/:id
DELETE /repos/:owner/:repo/comments/:id
GET /repos/:owner/:repo/commits
GET /repos/:owner/:repo/commits/:sha
GET /repos/:owner/:repo/commits/:sha/status
GET /repos/:owner/:repo/commits/:sha/statuses
GET /repos/:owner/:repo/commits/:sha/check-runs
GET /repos/:owner/:repo/commits/:sha/check-suites
GET /repos/:owner/:repo/readme
GET /repos/:owner/:repo/contents/*
PUT /repos/:owner/:repo/contents/*
DELETE /repos/:owner/:repo/contents/*
GET /repos/:owner/:repo/tarball/:ref
GET /repos/:owner/:repo/zipball/:ref
GET /repos/:owner/:repo/compare/:basehead
GET /repos/:owner/:repo/keys
GET /repos/:owner/:repo/keys/:id
POST /repos/:owner/:repo/keys
DELETE /repos/:owner/:repo/keys/:id
GET /repos/:owner/:repo/deployments
POST /repos/:owner/:repo/deployments
GET /repos/:owner/:repo/deployments/:id
GET /repos/:owner/:repo/deployments/:id/statuses
POST /repos/:owner/:repo/deployments/:id/statuses
GET /repos/:owner/:repo/environments
GET /repos/:owner/:repo/environments/:environment_name
GET /repos/:owner/:repo/forks
POST /repos/:owner/:repo/forks
GET /repos/:owner/:repo/hooks
GET /repos/:owner/:repo/hooks/:id
POST /repos/:owner/:repo/hooks
PATCH /repos/:owner/:repo/hooks/:id
POST /repos/:owner/:repo/hooks/:id/tests
POST /repos/:owner/:repo/hooks/:id/pings
DELETE /repos/:owner/:repo/hooks/:id
POST /repos/:owner/:repo/merges
GET /repos/:owner/:repo/pages
GET /repos/:owner/:repo/pages/builds
GET /repos/:owner/:repo/pages/builds/latest
GET /repos/:owner/:repo/pages/builds/:id
GET /repos/:owner/:repo/releases
GET /repos/:owner/:repo/releases/latest
GET /repos/:owner/:repo/releases/tags/:tag
GET /repos/:owner/:repo/releases/:id
POST /repos/:owner/:repo/releases
PATCH /repos/:owner/:repo/releases/:id
DELETE /repos/:owner/:repo/releases/:id
GET /repos/:owner/:repo/releases/:id/assets
GET /repos/:owner/:repo/releases/assets/:id
PATCH /repos/:owner/:repo/releases/assets/:id
DELETE /repos/:owner/:repo/releases/assets/:id
GET /repos/:owner/:repo/stats/contributors
GET /repos/:owner/:repo/stats/commit_activity
GET /repos/:owner/:repo/stats/code_frequency
GET /repos/:owner/:repo/stats/participation
GET /repos/:owner/:repo/stats/punch_card
POST /repos/:owner/:repo/statuses/:sha
GET /repos/:owner/:repo/actions/workflows
GET /repos/:owner/:repo/actions/workflows/:workflow_id
GET /repos/:owner/:repo/actions/workflows/:workflow_id/runs
POST /repos/:owner/:repo/actions/workflows/:workflow_id/dispatches
GET /repos/:owner/:repo/actions/runs
GET /repos/:owner/:repo/actions/runs/:run_id
DELETE /repos/:owner/:repo/actions/runs/:run_id
POST /repos/:owner/:repo/actions/runs/:run_id/cancel
POST /repos/:owner/:repo/actions/runs/:run_id/rerun
GET /repos/:owner/:repo/actions/runs/:run_id/jobs
GET /repos/:owner/:repo/actions/runs/:run_id/logs
GET /repos/:owner/:repo/actions/runs/:run_id/artifacts
GET /repos/:owner/:repo/actions/jobs/:job_id
GET /repos/:owner/:repo/actions/jobs/:job_id/logs
GET /repos/:owner/:repo/actions/artifacts
GET /repos/:owner/:repo/actions/artifacts/:artifact_id
DELETE /repos/:owner/:repo/actions/artifacts/:artifact_id
GET /repos/:owner/:repo/actions/secrets
GET /repos/:owner/:repo/actions/secrets/:secret_name
PUT /repos/:owner/:repo/actions/secrets/:secret_name
GET /repos/:owner/:repo/check-runs/:check_run_id
PATCH /repos/:owner/:repo/check-runs/:check_run_id
POST /repos/:owner/:repo/check-runs
GET /repos/:owner/:repo/check-suites/:check_suite_id
GET /repos/:owner/:repo/code-scanning/alerts
GET /repos/:owner/:repo/code-scanning/alerts/:alert_number
GET /repos/:owner/:repo/projects
GET /repos/:owner/:repo/issues/:number/reactions
GET /repos/:owner/:repo/comments/:id/reactions
GET /search/repositories
GET /search/code
GET /search/issues
GET /search/users
GET /search/commits
GET /search/topics
GET /search/labels
GET /users/:user
GET /user
PATCH /user
GET /users
GET /user/emails
POST /user/emails
DELETE /user/emails
GET /users/:user/followers
GET /user/followers
GET /users/:user/following
GET /user/following
GET /user/following/:user
GET /users/:user/following/:target_user
PUT /user/following/:user
DELETE /user/following/:user
GET /users/:user/keys
GET /user/keys
GET /user/keys/:id
POST /user/keys
DELETE /user/keys/:id
GET /users/:user/gpg_keys
GET /user/gpg_keys
GET /user/installations
GET /users/:user/packages
GET /users/:user/projects
GET /projects/:project_id
GET /projects/:project_id/columns
GET /projects/columns/:column_id
GET /projects/columns/:column_id/cards
GET /projects/columns/cards/:card_id
GET /static/*
GET /raw/:owner/:repo/*
`;

/** One route: method and pattern. */
export interface Route {
  method: string;
  pattern: string;
}

/** The route table, in registration order. */
export const ROUTES: readonly Route[] = ROUTE_TEXT.trim()
  .split('\n')
  .map((line) => {
    const [method, pattern] = line.trim().split(' ');
    return { method: method as string, pattern: pattern as string };
  });

/** Which kind of lookup a path exercises. */
export type LookupGroup = 'static' | 'param' | 'wildcard' | 'miss';

/** A request to look up and what the router must find. */
export interface Lookup {
  method: string;
  path: string;
  /** The pattern it must match, or null for a miss. */
  pattern: string | null;
  /** Captured params in pattern order, wildcard last. */
  params: string[];
}

const hit = (method: string, path: string, pattern: string, ...params: string[]): Lookup => ({ method, path, pattern, params });
const miss = (method: string, path: string): Lookup => ({ method, path, pattern: null, params: [] });

/** The lookups, by group. */
export const LOOKUPS: Readonly<Record<LookupGroup, readonly Lookup[]>> = {
  static: [
    hit('GET', '/user', '/user'),
    hit('GET', '/emojis', '/emojis'),
    hit('GET', '/gitignore/templates', '/gitignore/templates'),
    hit('GET', '/search/repositories', '/search/repositories'),
    hit('PUT', '/notifications', '/notifications'),
    hit('GET', '/user/starred', '/user/starred'),
  ],
  param: [
    hit('GET', '/users/octocat', '/users/:user', 'octocat'),
    hit('GET', '/repos/tsgi/tsgi/stargazers', '/repos/:owner/:repo/stargazers', 'tsgi', 'tsgi'),
    hit('GET', '/repos/tsgi/tsgi/issues/1347/comments', '/repos/:owner/:repo/issues/:number/comments', 'tsgi', 'tsgi', '1347'),
    hit('PATCH', '/repos/tsgi/tsgi/pulls/comments/99', '/repos/:owner/:repo/pulls/comments/:id', 'tsgi', 'tsgi', '99'),
    hit('GET', '/orgs/tsgi/teams/core/repos/tsgi/router', '/orgs/:org/teams/:team_slug/repos/:owner/:repo', 'tsgi', 'core', 'tsgi', 'router'),
    hit('POST', '/repos/tsgi/tsgi/actions/runs/123456/rerun', '/repos/:owner/:repo/actions/runs/:run_id/rerun', 'tsgi', 'tsgi', '123456'),
  ],
  wildcard: [
    hit('GET', '/repos/tsgi/tsgi/contents/packages/router/src/index.ts', '/repos/:owner/:repo/contents/*', 'tsgi', 'tsgi', 'packages/router/src/index.ts'),
    hit('GET', '/static/css/site.css', '/static/*', 'css/site.css'),
    hit('GET', '/raw/tsgi/tsgi/main/README.md', '/raw/:owner/:repo/*', 'tsgi', 'tsgi', 'main/README.md'),
    hit('GET', '/repos/tsgi/tsgi/git/refs/heads/main', '/repos/:owner/:repo/git/refs/*', 'tsgi', 'tsgi', 'heads/main'),
  ],
  miss: [
    miss('GET', '/nope'),
    miss('GET', '/repos/tsgi/tsgi/unknown'),
    miss('GET', '/users/octocat/unknown/deeper'),
    miss('GET', '/orgs/tsgi/teams/core/unknown'),
  ],
};

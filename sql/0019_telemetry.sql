-- Sending telemetry (OTLP) to a project needs telemetry:write, held by the roles that build
-- and run its software: developer, maintainer, ops (and admin, which holds everything). An
-- ingest token is an API token restricted to one project with that scope.
UPDATE roles
   SET permissions = array_append(permissions, 'telemetry:write')
 WHERE builtin
   AND name IN ('admin', 'maintainer', 'developer', 'ops')
   AND NOT ('telemetry:write' = ANY (permissions));

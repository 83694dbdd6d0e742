// Agents (MCP): how to connect an agent to dais, and which tools a token would get.
import { useRef, useState } from "preact/hooks";
import { ApiError, tracked, type Problem } from "../../api/client";
import { ErrorBox, Field, useAction, useTitle } from "../../components";

/** The toolsets of dais/mcp/registry.py, in its order. */
const TOOLSETS = ["core", "repos", "issues", "merge_requests", "pipelines", "secrets", "admin"];

/** A tool as `/api/mcp/tools` (and MCP's `tools/list`) shows it (dais/mcp/server.py). */
interface McpTool {
  name: string;
  title?: string;
  description?: string;
  annotations?: { readOnlyHint?: boolean; destructiveHint?: boolean };
  _meta?: { "dais/toolset"?: string };
}

/** A command or URL to paste elsewhere, with a Copy button. Without a clipboard (an insecure
 * context, or the browser refused) the text is selected on the page, ready for Ctrl+C. */
function Copyable(props: { text: string; label: string }) {
  const ref = useRef<HTMLElement>(null);
  const [done, setDone] = useState<string | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setDone("Copied");
    } catch {
      const range = document.createRange();
      range.selectNodeContents(ref.current!);
      const selection = getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setDone(document.execCommand("copy") ? "Copied" : "Selected: press Ctrl+C");
    }
    setTimeout(() => setDone(null), 2000);
  };
  return (
    <div class="secret">
      <code ref={ref} aria-label={props.label}>
        {props.text}
      </code>
      <button type="button" class="btn btn-small" onClick={copy} aria-label={`Copy ${props.label}`}>
        {done ?? "Copy"}
      </button>
    </div>
  );
}

/** The tools a token would list. The request carries the token and no cookie: this route
 * takes bearer tokens only, and the answer must be the token's, not the session's. */
async function toolsOf(token: string, toolsets: string, readOnly: boolean): Promise<McpTool[]> {
  const query = new URLSearchParams();
  if (toolsets) query.set("toolsets", toolsets);
  if (readOnly) query.set("read_only", "1");
  const url = `/api/mcp/tools${query.toString() ? `?${query}` : ""}`;
  let response: Response;
  try {
    response = await tracked(
      fetch(url, {
        headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
        credentials: "omit",
        cache: "no-store",
      }),
    );
  } catch (e) {
    throw new ApiError(0, { detail: `could not reach dais: ${(e as Error).message}` });
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const problem = body && typeof body === "object" ? (body as Problem) : {};
    throw new ApiError(response.status, { status: response.status, detail: `the server answered ${response.status}`, ...problem });
  }
  return body as McpTool[];
}

const toolsetOf = (t: McpTool) => t._meta?.["dais/toolset"] ?? "other";

/** The tools by toolset, in the registry's order (any unknown toolset last). */
function byToolset(tools: McpTool[]): [string, McpTool[]][] {
  const groups = new Map<string, McpTool[]>();
  for (const t of tools) groups.set(toolsetOf(t), [...(groups.get(toolsetOf(t)) ?? []), t]);
  const rank = (name: string) => (TOOLSETS.includes(name) ? TOOLSETS.indexOf(name) : TOOLSETS.length);
  return [...groups].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
}

function ToolList(props: { tools: McpTool[] }) {
  const { tools } = props;
  const writers = tools.filter((t) => !t.annotations?.readOnlyHint).length;
  return (
    <div class="stack" data-testid="mcp-tools">
      <p role="status">
        <strong data-testid="tool-count">
          {tools.length} {tools.length === 1 ? "tool" : "tools"}
        </strong>{" "}
        <span class="muted">
          ({tools.length - writers} read only, {writers} {writers === 1 ? "writes" : "write"})
        </span>
      </p>
      {byToolset(tools).map(([toolset, list]) => (
        <section class="stack" aria-label={toolset}>
          <h3>
            <code>{toolset}</code> <span class="muted">({list.length})</span>
          </h3>
          <div class="table-wrap">
            <table class="table">
              <thead>
                <tr><th>Tool</th><th>What it does</th><th /></tr>
              </thead>
              <tbody>
                {list.map((t) => (
                  <tr>
                    <td class="mono">{t.name}</td>
                    <td>{t.title ?? t.description}</td>
                    <td class="right">
                      {t.annotations?.readOnlyHint ? (
                        <span class="badge badge-success">read only</span>
                      ) : (
                        <span class="badge badge-warning">writes</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

export default function Mcp() {
  useTitle("Agents (MCP)");
  const origin = location.origin;
  const [tools, setTools] = useState<McpTool[] | null>(null);
  // The token goes from the form into one request and nowhere else: no state, no storage,
  // no URL.
  const check = useAction(async (data: FormData) => {
    setTools(null);
    const token = String(data.get("token") ?? "").trim();
    if (!token) throw new Error("Paste an API token to check.");
    const toolsets = String(data.get("toolsets") ?? "").replace(/\s+/g, "");
    setTools(await toolsOf(token, toolsets, data.get("read_only") === "1"));
  });
  return (
    <div class="stack">
      <h1>Agents (MCP)</h1>
      <p class="muted">
        AI agents use dais through the Model Context Protocol: each tool is an operation of the API, made with the
        agent's API token.
      </p>

      <h2>Endpoint</h2>
      <Copyable label="MCP endpoint URL" text={`${origin}/mcp`} />
      <p class="muted">
        Streamable HTTP (POST, JSON answers), authenticated with <code>Authorization: Bearer &lt;token&gt;</code>. A
        client without a token is pointed at the{" "}
        <a href="/.well-known/oauth-protected-resource/mcp" data-native>
          protected resource metadata
        </a>{" "}
        (RFC 9728).
      </p>

      <h2>Claude Code</h2>
      <p>Over HTTP:</p>
      <Copyable
        label="Claude Code command for HTTP"
        text={`claude mcp add --transport http dais ${origin}/mcp --header "Authorization: Bearer <your token>"`}
      />
      <p>
        Over stdio, for a client that launches its servers (<code>dais mcp</code> runs on your machine and sends every
        call here):
      </p>
      <Copyable
        label="Claude Code command for stdio"
        text={`claude mcp add dais -- dais mcp --url ${origin} --token-file ~/.dais-token`}
      />

      <h2>Which tools an agent gets</h2>
      <ul>
        <li>
          Make the agent a token on the <a href="/settings/tokens">API tokens</a> page.
        </li>
        <li>
          The token's scopes (and its owner's rights) decide which tools are listed; a call is checked again by the API.
        </li>
        <li>
          Narrow the list with <code>?toolsets=core,issues</code> (of <code>{TOOLSETS.join(", ")}</code>) and{" "}
          <code>?read_only=1</code> on the endpoint URL (<code>--toolsets</code> and{" "}
          <code>--read-only</code> for <code>dais mcp</code>).
        </li>
        <li>
          Every tool call is in the audit log (<code>mcp.tool_call</code>).
        </li>
      </ul>

      <h2>Check a token</h2>
      <p class="muted">See the tools a token would list. The token is sent once to this server and not kept.</p>
      <form
        class="form"
        autocomplete="off"
        onSubmit={(e) => {
          e.preventDefault();
          void check.run(new FormData(e.currentTarget));
        }}
      >
        <Field label="API token">
          <input name="token" type="password" required autocomplete="off" spellcheck={false} placeholder="dais_pat_…" />
        </Field>
        <Field label="Toolsets" hint="Comma-separated; empty: all.">
          <input name="toolsets" maxLength={200} placeholder="core,issues" />
        </Field>
        <label class="checkbox">
          <input type="checkbox" name="read_only" value="1" /> Read-only tools only
        </label>
        <ErrorBox error={check.error} signIn={false} />
        <div class="form-actions">
          <button class="btn btn-primary" disabled={check.busy}>
            {check.busy ? "Checking…" : "Check"}
          </button>
        </div>
      </form>
      {tools && <ToolList tools={tools} />}
    </div>
  );
}

import { useEffect, useState } from "preact/hooks";
import { api, must, rawUrl, type Blob } from "../../api/client";
import { Show, useLoad } from "../../components";
import { highlight } from "../../highlight";
import { useProject } from "../../layouts/project";
import { Markdown } from "../../markdown";
import { encodePath, type PageProps } from "../../router";
import { Crumbs, RefSwitcher } from "./refs";

const IMAGE = /\.(png|jpe?g|gif|webp|avif|bmp|ico)$/i;
const MARKDOWN = /\.(md|markdown)$/i;

function Code(props: { text: string; path: string }) {
  const plain = props.text.split("\n");
  if (plain.length > 1 && plain[plain.length - 1] === "") plain.pop();
  const [lines, setLines] = useState<string[] | null>(null);
  useEffect(() => {
    setLines(null);
    let live = true;
    void highlight(props.text, props.path).then((l) => live && setLines(l));
    return () => {
      live = false;
    };
  }, [props.text, props.path]);
  return (
    <div class="code" data-testid="code">
      <table>
        <tbody>
          {plain.map((line, i) => (
            <tr id={`L${i + 1}`}>
              <td class="ln">
                <a href={`#L${i + 1}`}>{i + 1}</a>
              </td>
              {lines && lines[i] !== undefined ? (
                <td dangerouslySetInnerHTML={{ __html: lines[i]! }} />
              ) : (
                <td>{line}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Content(props: { blob: Blob; raw: string; base: string; projectId: string; refName: string }) {
  const { blob } = props;
  const [source, setSource] = useState(false);
  if (blob.encoding !== "text") {
    if (IMAGE.test(blob.path))
      return (
        <div class="card-body">
          <img src={props.raw} alt={blob.path} style={{ maxWidth: "100%" }} />
        </div>
      );
    return (
      <div class="card-body muted">
        A binary file of {blob.size.toLocaleString()} bytes. <a href={props.raw} download>Download it</a>.
      </div>
    );
  }
  if (MARKDOWN.test(blob.path))
    return (
      <>
        <div class="card-body">
          <button class="btn btn-small" onClick={() => setSource(!source)}>
            {source ? "Rendered" : "Source"}
          </button>
        </div>
        {source ? (
          <Code text={blob.content} path={blob.path} />
        ) : (
          <div class="card-body">
            <Markdown
              source={blob.content}
              options={{
                link: (href) => `${props.base}/-/blob/${encodePath(href)}`,
                image: (src) => rawUrl(props.projectId, props.refName, src),
              }}
            />
          </div>
        )}
      </>
    );
  return <Code text={blob.content} path={blob.path} />;
}

export default function Blob({ params, query }: PageProps) {
  const { project, base } = useProject();
  const ref = query.get("ref") || project.default_branch;
  const path = params.path ?? "";
  const raw = rawUrl(project.id, ref, path);
  const blob = useLoad(
    () =>
      must(api.GET("/api/projects/{project}/repository/blob", { params: { path: { project: project.id }, query: { ref, path } } })),
    [project.id, ref, path],
  );
  return (
    <div class="stack">
      <div class="toolbar">
        <RefSwitcher current={ref} />
        <Crumbs base={base} ref={ref} defaultRef={project.default_branch} path={path} name={project.name} />
      </div>
      <div class="card">
        <div class="card-header spread">
          <span class="mono">
            {blob.data ? `${blob.data.size.toLocaleString()} bytes` : path.split("/").pop()}
          </span>
          <span class="row">
            <a class="btn btn-small" href={`${base}/-/commits?ref=${encodeURIComponent(ref)}&path=${encodeURIComponent(path)}`}>
              History
            </a>
            <a class="btn btn-small" href={raw} target="_blank" rel="noopener">
              Raw
            </a>
            <a class="btn btn-small" href={raw} download={path.split("/").pop()}>
              Download
            </a>
          </span>
        </div>
        <Show loaded={blob}>
          {(b) => <Content blob={b} raw={raw} base={base} projectId={project.id} refName={ref} />}
        </Show>
      </div>
    </div>
  );
}

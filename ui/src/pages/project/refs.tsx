// The branch/tag switcher and the helpers the repository pages share.
import { api, must } from "../../api/client";
import { useLoad } from "../../components";
import { useProject } from "../../layouts/project";
import { encodePath, navigate } from "../../router";

export function useRefs() {
  const { project } = useProject();
  return useLoad(async () => {
    const p = { params: { path: { project: project.id } } };
    const [branches, tags] = await Promise.all([
      must(api.GET("/api/projects/{project}/repository/branches", p)),
      must(api.GET("/api/projects/{project}/repository/tags", p)),
    ]);
    return { branches, tags };
  }, [project.id]);
}

/** The URL of a repository page at a ref and a path. */
export function repoHref(base: string, kind: "tree" | "blob", ref: string, path: string, defaultRef: string) {
  const q = ref && ref !== defaultRef ? `?ref=${encodeURIComponent(ref)}` : "";
  return `${base}/-/${kind}${path ? "/" + encodePath(path) : ""}${q}`;
}

export function RefSwitcher(props: { current: string; onPick?: (ref: string) => void }) {
  const refs = useRefs();
  const pick = (ref: string) => {
    if (props.onPick) return props.onPick(ref);
    const q = new URLSearchParams(location.search);
    q.set("ref", ref);
    navigate(`${location.pathname}?${q}`);
  };
  const branches = refs.data?.branches ?? [];
  const tags = refs.data?.tags ?? [];
  const known = branches.some((b) => b.name === props.current) || tags.some((t) => t.name === props.current);
  return (
    <select aria-label="Branch or tag" value={props.current} onChange={(e) => pick(e.currentTarget.value)} data-testid="ref-switcher">
      {!known && <option value={props.current}>{props.current}</option>}
      {branches.length > 0 && (
        <optgroup label="Branches">
          {branches.map((b) => (
            <option value={b.name}>{b.name}</option>
          ))}
        </optgroup>
      )}
      {tags.length > 0 && (
        <optgroup label="Tags">
          {tags.map((t) => (
            <option value={t.name}>{t.name}</option>
          ))}
        </optgroup>
      )}
    </select>
  );
}

/** Breadcrumbs of a path: project root / dir / dir / file. */
export function Crumbs(props: { base: string; ref: string; defaultRef: string; path: string; name: string }) {
  const parts = props.path ? props.path.split("/") : [];
  return (
    <div class="crumbs">
      <a href={repoHref(props.base, "tree", props.ref, "", props.defaultRef)}>{props.name}</a>
      {parts.map((part, i) => {
        const sub = parts.slice(0, i + 1).join("/");
        return (
          <>
            {" / "}
            {i === parts.length - 1 ? (
              <strong>{part}</strong>
            ) : (
              <a href={repoHref(props.base, "tree", props.ref, sub, props.defaultRef)}>{part}</a>
            )}
          </>
        );
      })}
    </div>
  );
}

export function EmptyRepository(props: { url: string; branch: string }) {
  return (
    <div class="empty" data-testid="empty-repository">
      <p class="empty-title">This repository is empty.</p>
      <div class="empty-next">
        Push an existing repository to it:
        <pre>
          {`git remote add origin ${props.url}\ngit push -u origin ${props.branch}`}
        </pre>
        or clone it and start there: <code>git clone {props.url}</code>
      </div>
    </div>
  );
}

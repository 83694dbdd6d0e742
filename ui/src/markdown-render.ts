// Markdown to a sanitized DOM fragment. marked turns Markdown (and the raw HTML it may hold)
// into HTML; DOMPurify then keeps only harmless markup: no <script>, no on* handlers, no
// javascript: or data: links, no forms or frames. Relative links and images can be pointed
// at the repository (a README's `docs/x.md`, `img/logo.png`).
import DOMPurify from "dompurify";
import { Marked } from "marked";

export interface RenderOptions {
  /** where a relative link goes (e.g. the blob page of that path) */
  link?: (href: string) => string;
  /** where a relative image comes from (e.g. the raw file) */
  image?: (src: string) => string;
  /** the project ("/owner/name") whose `#12` (issue) and `!3` (merge request) references link */
  references?: string;
}

const marked = new Marked({ gfm: true, breaks: false, async: false });
const relative = (url: string) => !/^([a-z][a-z0-9+.-]*:|\/\/|#|\/)/i.test(url);

const purify = DOMPurify(window);
purify.addHook("afterSanitizeAttributes", (node) => {
  if (node.tagName === "A") {
    const href = node.getAttribute("href");
    if (href && /^https?:/i.test(href)) {
      node.setAttribute("target", "_blank");
      node.setAttribute("rel", "noopener noreferrer nofollow");
    }
  }
});

export function render(source: string, options: RenderOptions = {}): DocumentFragment {
  const html = marked.parse(source) as string;
  const fragment = purify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    USE_PROFILES: { html: true },
    FORBID_TAGS: ["style", "form", "input", "button", "textarea", "select", "iframe", "frame", "object", "embed"],
    FORBID_ATTR: ["style", "srcset", "action", "formaction"],
    ALLOW_DATA_ATTR: false,
  });
  fragment.querySelectorAll("a[href]").forEach((a) => {
    const href = a.getAttribute("href")!;
    if (options.link && relative(href)) a.setAttribute("href", options.link(href));
  });
  fragment.querySelectorAll("img[src]").forEach((img) => {
    const src = img.getAttribute("src")!;
    if (options.image && relative(src)) img.setAttribute("src", options.image(src));
    img.setAttribute("loading", "lazy");
    img.setAttribute("referrerpolicy", "no-referrer");
  });
  if (options.references) linkReferences(fragment, options.references);
  return fragment;
}

// `#12` and `!3` after a space, an opening bracket or punctuation (not `a#1`, `x!2`, `&#1`).
const REFERENCE = /(^|[\s([{,;:])([#!])(\d{1,9})(?![\w-])/g;

/** Turn `#N` and `!N` in the (already sanitized) text into links to the project's issue N and
 * merge request N. Only text nodes change, and only outside code, pre and existing links; the
 * new anchors are built here with a numeric href, so nothing from the source becomes markup. */
function linkReferences(root: DocumentFragment, base: string) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest("code, pre, a, kbd, samp") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (/[#!]\d/.test(n.nodeValue ?? "")) texts.push(n as Text);
  for (const text of texts) {
    const value = text.nodeValue ?? "";
    const parts: (string | Node)[] = [];
    let last = 0;
    for (const m of value.matchAll(REFERENCE)) {
      const start = m.index + m[1]!.length;
      parts.push(value.slice(last, start));
      const issue = m[2] === "#";
      const a = document.createElement("a");
      a.href = `${base}/-/${issue ? "issues" : "merge_requests"}/${Number(m[3])}`;
      a.className = "ref";
      a.title = `${issue ? "Issue" : "Merge request"} ${m[2]}${m[3]}`;
      a.textContent = `${m[2]}${m[3]}`;
      parts.push(a);
      last = start + 1 + m[3]!.length;
    }
    if (!last) continue;
    parts.push(value.slice(last));
    text.replaceWith(...parts);
  }
}

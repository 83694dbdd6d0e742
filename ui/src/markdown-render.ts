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
  return fragment;
}

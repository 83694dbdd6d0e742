// Syntax highlighting with highlight.js, loaded on demand: the core, then the one language a
// file needs (each language is its own small chunk).
import type { HLJSApi, LanguageFn } from "highlight.js";

type Loader = () => Promise<{ default: LanguageFn }>;

const LANGUAGES: Record<string, Loader> = {
  bash: () => import("highlight.js/lib/languages/bash"),
  c: () => import("highlight.js/lib/languages/c"),
  cpp: () => import("highlight.js/lib/languages/cpp"),
  csharp: () => import("highlight.js/lib/languages/csharp"),
  css: () => import("highlight.js/lib/languages/css"),
  diff: () => import("highlight.js/lib/languages/diff"),
  dockerfile: () => import("highlight.js/lib/languages/dockerfile"),
  go: () => import("highlight.js/lib/languages/go"),
  ini: () => import("highlight.js/lib/languages/ini"),
  java: () => import("highlight.js/lib/languages/java"),
  javascript: () => import("highlight.js/lib/languages/javascript"),
  json: () => import("highlight.js/lib/languages/json"),
  kotlin: () => import("highlight.js/lib/languages/kotlin"),
  makefile: () => import("highlight.js/lib/languages/makefile"),
  markdown: () => import("highlight.js/lib/languages/markdown"),
  php: () => import("highlight.js/lib/languages/php"),
  python: () => import("highlight.js/lib/languages/python"),
  ruby: () => import("highlight.js/lib/languages/ruby"),
  rust: () => import("highlight.js/lib/languages/rust"),
  scss: () => import("highlight.js/lib/languages/scss"),
  sql: () => import("highlight.js/lib/languages/sql"),
  swift: () => import("highlight.js/lib/languages/swift"),
  typescript: () => import("highlight.js/lib/languages/typescript"),
  xml: () => import("highlight.js/lib/languages/xml"),
  yaml: () => import("highlight.js/lib/languages/yaml"),
};

const BY_EXTENSION: Record<string, string> = {
  sh: "bash", bash: "bash", zsh: "bash", c: "c", h: "c", cc: "cpp", cpp: "cpp", cxx: "cpp",
  hpp: "cpp", cs: "csharp", css: "css", diff: "diff", patch: "diff", go: "go", ini: "ini",
  cfg: "ini", toml: "ini", java: "java", js: "javascript", mjs: "javascript", cjs: "javascript",
  jsx: "javascript", json: "json", kt: "kotlin", kts: "kotlin", md: "markdown",
  markdown: "markdown", php: "php", py: "python", pyi: "python", rb: "ruby", rs: "rust",
  scss: "scss", sql: "sql", swift: "swift", ts: "typescript", tsx: "typescript",
  html: "xml", htm: "xml", xml: "xml", svg: "xml", vue: "xml", yml: "yaml", yaml: "yaml",
};
const BY_NAME: Record<string, string> = { dockerfile: "dockerfile", makefile: "makefile", gnumakefile: "makefile" };

export function languageOf(path: string): string | null {
  const name = path.split("/").pop()!.toLowerCase();
  if (BY_NAME[name]) return BY_NAME[name]!;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? (BY_EXTENSION[name.slice(dot + 1)] ?? null) : null;
}

let core: Promise<HLJSApi> | null = null;
const registered = new Set<string>();

/** The code as highlighted HTML lines (escaped by highlight.js), or null if not worth it. */
export async function highlight(code: string, path: string): Promise<string[] | null> {
  const language = languageOf(path);
  if (!language || code.length > 512 * 1024) return null;
  core ??= import("highlight.js/lib/core").then((m) => m.default);
  const hljs = await core;
  if (!registered.has(language)) {
    const lang = await LANGUAGES[language]!();
    hljs.registerLanguage(language, lang.default);
    registered.add(language);
  }
  const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  return splitLines(html);
}

/** Split highlighted HTML into lines, closing and reopening spans across line breaks. */
function splitLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = "";
  const re = /(<span[^>]*>)|(<\/span>)|(\n)|([^<\n]+|<)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(html))) {
    if (m[1]) {
      open.push(m[1]);
      line += m[1];
    } else if (m[2]) {
      open.pop();
      line += m[2];
    } else if (m[3]) {
      lines.push(line + "</span>".repeat(open.length));
      line = open.join("");
    } else line += m[0];
  }
  lines.push(line + "</span>".repeat(open.length));
  return lines;
}

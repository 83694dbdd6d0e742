// ANSI escapes in a log line, as data: parseAnsi() turns one line into styled segments of
// plain text and drops every other escape (cursor movement, erasing, OSC titles and
// hyperlinks, charset switches), so the log viewer builds text nodes only and never
// interprets log text as markup. Sequences per ECMA-48 (5th ed.) §5.4 (CSI), §8.3.89 (OSC)
// and xterm's ctlseqs for the 256-colour and true-colour forms of SGR 38/48.
//
// Each line is parsed on its own, starting unstyled: a colour set on one line does not carry
// to the next. That keeps parsing a pure function of the line, so the viewer may render any
// window of a long log without reading what came before it.

/** 0–255: the xterm palette (0–7 normal, 8–15 bright, 16–231 the cube, 232–255 greys);
 * a string: a true colour, "#rrggbb". */
export type Colour = number | string;

export interface Style {
  readonly fg: Colour | null;
  readonly bg: Colour | null;
  readonly bold: boolean;
  readonly dim: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
}

export interface Segment {
  text: string;
  style: Style;
  /** set by markMatches(): the segment is (part of) a search match */
  mark?: boolean;
}

export const PLAIN: Style = Object.freeze({ fg: null, bg: null, bold: false, dim: false, italic: false, underline: false });

const ESC = 0x1b;
const BEL = 0x07;
// C1 controls as single code points (U+0080–U+009F), as a decoded log may hold them.
const CSI8 = 0x9b;
const OSC8 = 0x9d;
const ST8 = 0x9c;
const STRING8 = new Set([0x90, 0x98, 0x9e, 0x9f]); // DCS, SOS, PM, APC

const sameStyle = (a: Style, b: Style) =>
  a === b ||
  (a.fg === b.fg && a.bg === b.bg && a.bold === b.bold && a.dim === b.dim && a.italic === b.italic && a.underline === b.underline);

/** A character that is text (not a control): anything but C0, DEL and C1. */
const isText = (c: number) => (c >= 0x20 && c < 0x7f) || c === 0x09 || c > 0x9f;

/** Where a string sequence (OSC, DCS, ...) starting at `i` ends: after BEL or ST (ESC \),
 * or the line's end when it is not terminated. */
function skipString(line: string, i: number, bel: boolean): number {
  for (let j = i; j < line.length; j++) {
    const c = line.charCodeAt(j);
    if ((bel && c === BEL) || c === ST8) return j + 1;
    if (c === ESC && line.charCodeAt(j + 1) === 0x5c) return j + 2;
  }
  return line.length;
}

/** One line of a log, as segments of text in their style (adjacent equal styles merged).
 * A carriage return inside the line starts it over (a progress bar redrawing itself): only
 * what follows the last one is kept. */
export function parseAnsi(line: string): Segment[] {
  const out: Segment[] = [];
  let style: Style = PLAIN;
  const push = (text: string) => {
    if (!text) return;
    const last = out[out.length - 1];
    if (last && sameStyle(last.style, style)) last.text += text;
    else out.push({ text, style });
  };
  const n = line.length;
  let i = 0;
  while (i < n) {
    const c = line.charCodeAt(i);
    if (isText(c)) {
      let j = i + 1;
      while (j < n && isText(line.charCodeAt(j))) j++;
      push(line.slice(i, j));
      i = j;
      continue;
    }
    if (c === ESC || c === CSI8) {
      const csiStart = c === CSI8 ? i + 1 : line.charCodeAt(i + 1) === 0x5b ? i + 2 : -1;
      if (csiStart >= 0) {
        // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, a final byte 0x40–0x7E.
        let j = csiStart;
        while (j < n && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x3f) j++;
        const params = line.slice(csiStart, j);
        const intermediates = j;
        while (j < n && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
        const final = j < n ? line.charCodeAt(j) : -1;
        if (final >= 0x40 && final <= 0x7e) {
          if (final === 0x6d /* m */ && j === intermediates && /^[\d;:]*$/.test(params)) style = applySgr(style, params);
          i = j + 1;
        } else {
          // Malformed or cut short: drop what was read, resume at the offending character.
          i = j;
        }
        continue;
      }
      const next = i + 1 < n ? line.charCodeAt(i + 1) : -1;
      if (next === 0x5d /* ] OSC */) {
        i = skipString(line, i + 2, true);
      } else if (next === 0x50 || next === 0x58 || next === 0x5e || next === 0x5f) {
        // DCS, SOS, PM, APC: strings up to ST
        i = skipString(line, i + 2, false);
      } else if (next >= 0x20 && next <= 0x2f) {
        // nF: intermediates then a final byte (ESC ( B: a charset)
        let j = i + 1;
        while (j < n && line.charCodeAt(j) >= 0x20 && line.charCodeAt(j) <= 0x2f) j++;
        i = j < n && line.charCodeAt(j) >= 0x30 && line.charCodeAt(j) <= 0x7e ? j + 1 : j;
      } else if (next >= 0x30 && next <= 0x7e) {
        i += 2; // Fp, Fe, Fs: ESC 7, ESC M, ESC c, ...
      } else {
        i += 1; // a lone ESC
      }
      continue;
    }
    if (c === OSC8) {
      i = skipString(line, i + 1, true);
      continue;
    }
    if (STRING8.has(c)) {
      i = skipString(line, i + 1, false);
      continue;
    }
    if (c === 0x0d && i < n - 1) {
      // Not a line ending's CR (\r\n leaves one at the end): the line starts over.
      out.length = 0;
    }
    i += 1; // any other control character is dropped
  }
  return out;
}

/** A line without its escapes: what it reads as, for search. */
export const plainText = (line: string) =>
  parseAnsi(line)
    .map((s) => s.text)
    .join("");

// --- SGR (select graphic rendition) -------------------------------------------------------

const byte = (v: number | undefined) => v !== undefined && Number.isInteger(v) && v >= 0 && v <= 255;
const hex2 = (v: number) => v.toString(16).padStart(2, "0");

/** An extended colour (38/48): `5;n` or `2;r;g;b`, given the numbers after 38/48.
 * Returns the colour (undefined when invalid) and how many numbers it took. */
function extended(rest: (number | undefined)[]): [Colour | undefined, number] {
  const kind = rest[0];
  if (kind === 5) return [byte(rest[1]) ? rest[1]! : undefined, 2];
  if (kind === 2) {
    const [r, g, b] = [rest[1], rest[2], rest[3]];
    return [byte(r) && byte(g) && byte(b) ? `#${hex2(r!)}${hex2(g!)}${hex2(b!)}` : undefined, 4];
  }
  return [undefined, rest.length];
}

/** A style after an SGR's parameters ("1;31", "38;5;196", "38:2::255:0:0", "" for reset). */
export function applySgr(style: Style, params: string): Style {
  const s: { -readonly [K in keyof Style]: Style[K] } = { ...style };
  const items = params.split(";");
  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.includes(":")) {
      // ITU T.416 sub-parameters: 38:5:n, 38:2::r:g:b (an empty colour space id) or 38:2:r:g:b.
      const sub = item.split(":").map((x) => (x === "" ? undefined : Number(x)));
      const code = sub[0];
      if (code === 38 || code === 48) {
        let rest = sub.slice(1);
        if (rest[0] === 2 && rest.length >= 5) rest = [2, ...rest.slice(-3)];
        const [colour] = extended(rest);
        if (colour !== undefined) s[code === 38 ? "fg" : "bg"] = colour;
      } else if (code === 4) {
        s.underline = sub[1] !== 0; // 4:0 no underline, 4:1..5 a kind of underline
      }
      continue;
    }
    const code = item === "" ? 0 : Number(item);
    if (code === 38 || code === 48) {
      const rest = items.slice(k + 1, k + 5).map((x) => (x === "" ? undefined : Number(x)));
      const [colour, took] = extended(rest);
      if (colour !== undefined) s[code === 38 ? "fg" : "bg"] = colour;
      k += took;
      continue;
    }
    if (code === 0) Object.assign(s, PLAIN);
    else if (code === 1) s.bold = true;
    else if (code === 2) s.dim = true;
    else if (code === 3) s.italic = true;
    else if (code === 4) s.underline = true;
    else if (code === 22) s.bold = s.dim = false;
    else if (code === 23) s.italic = false;
    else if (code === 24) s.underline = false;
    else if (code >= 30 && code <= 37) s.fg = code - 30;
    else if (code === 39) s.fg = null;
    else if (code >= 40 && code <= 47) s.bg = code - 40;
    else if (code === 49) s.bg = null;
    else if (code >= 90 && code <= 97) s.fg = code - 90 + 8;
    else if (code >= 100 && code <= 107) s.bg = code - 100 + 8;
    // anything else (blink, inverse, strike, fonts, ...) is not rendered
  }
  return sameStyle(s, style) ? style : sameStyle(s, PLAIN) ? PLAIN : Object.freeze(s);
}

// --- rendering helpers ----------------------------------------------------------------------

const CUBE = [0, 95, 135, 175, 215, 255];

/** A palette colour above 15 or a true colour, as CSS ("#rrggbb"); the 16 named colours
 * are classes instead (`ansi-fg-1`), so that the stylesheet picks their shades. */
export function colourCss(c: Colour): string {
  if (typeof c === "string") return c;
  if (c >= 232) {
    const v = 8 + (c - 232) * 10;
    return `#${hex2(v)}${hex2(v)}${hex2(v)}`;
  }
  const i = c - 16;
  return `#${hex2(CUBE[Math.floor(i / 36)]!)}${hex2(CUBE[Math.floor(i / 6) % 6]!)}${hex2(CUBE[i % 6]!)}`;
}

const named = (c: Colour | null): c is number => typeof c === "number" && c < 16;

/** The classes of a style: `ansi-fg-N`, `ansi-bg-N` (N 0–15), `ansi-bold`, ... ("" if none). */
export function styleClass(s: Style): string {
  const classes: string[] = [];
  if (named(s.fg)) classes.push(`ansi-fg-${s.fg}`);
  if (named(s.bg)) classes.push(`ansi-bg-${s.bg}`);
  if (s.bold) classes.push("ansi-bold");
  if (s.dim) classes.push("ansi-dim");
  if (s.italic) classes.push("ansi-italic");
  if (s.underline) classes.push("ansi-underline");
  return classes.join(" ");
}

/** The inline colours of a style (those that are not classes), or undefined. */
export function styleCss(s: Style): { color?: string; backgroundColor?: string } | undefined {
  const fg = s.fg !== null && !named(s.fg) ? colourCss(s.fg) : undefined;
  const bg = s.bg !== null && !named(s.bg) ? colourCss(s.bg) : undefined;
  if (!fg && !bg) return undefined;
  return { ...(fg ? { color: fg } : {}), ...(bg ? { backgroundColor: bg } : {}) };
}

// --- search -----------------------------------------------------------------------------

/** A case-insensitive matcher of a literal substring (null for an empty search). */
export function matcher(needle: string): RegExp | null {
  if (!needle) return null;
  return new RegExp(needle.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi");
}

/** The segments split so that each match of `needle` is its own `mark`ed segments. */
export function markMatches(segments: Segment[], needle: RegExp | null): Segment[] {
  if (!needle) return segments;
  const plain = segments.map((s) => s.text).join("");
  const ranges: [number, number][] = [];
  needle.lastIndex = 0;
  for (let m = needle.exec(plain); m; m = needle.exec(plain)) {
    if (m[0].length === 0) {
      needle.lastIndex++;
      continue;
    }
    ranges.push([m.index, m.index + m[0].length]);
  }
  if (!ranges.length) return segments;
  const out: Segment[] = [];
  let at = 0; // where the current segment starts in `plain`
  let r = 0;
  for (const seg of segments) {
    const end = at + seg.text.length;
    let pos = at;
    while (pos < end) {
      while (r < ranges.length && ranges[r]![1] <= pos) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        out.push({ text: seg.text.slice(pos - at), style: seg.style });
        pos = end;
      } else if (range[0] > pos) {
        out.push({ text: seg.text.slice(pos - at, range[0] - at), style: seg.style });
        pos = range[0];
      } else {
        const stop = Math.min(range[1], end);
        out.push({ text: seg.text.slice(pos - at, stop - at), style: seg.style, mark: true });
        pos = stop;
      }
    }
    at = end;
  }
  return out;
}

/**
 * Where to go after signing in: only a path on this site. The value is normalised as a
 * browser would (dot segments, `%2e`, backslashes, tabs and newlines) and refused unless the
 * result is a plain same-origin path — so `/.//evil.example`, `/%2e//evil.example`,
 * `/..//evil.example` and `/\evil.example` all become `/`, never `//evil.example`.
 */
const BASE = "http://servewise.invalid";

export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/")) return "/";
  // Browsers read `\` as `/` and drop tabs and newlines inside URLs: refuse them outright.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return "/";
    const path = `${url.pathname}${url.search}`;
    // After normalising, a path must not start with `//` (scheme-relative: another host).
    if (!path.startsWith("/") || path.startsWith("//")) return "/";
    // And it must stay itself when read again (no second round of normalisation changes it).
    const again = new URL(path, BASE);
    if (again.origin !== BASE || `${again.pathname}${again.search}` !== path) return "/";
    return path;
  } catch {
    return "/";
  }
}

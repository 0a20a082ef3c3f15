/** Tags as people type them, turned into the form the schema accepts (`Checkout API` -> `checkout-api`). */
export function normaliseTag(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, "-")
    .replace(/[^a-z0-9-]/g, "")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Adds the tags in `text` (comma separated) to `tags`, skipping empty ones and duplicates. */
export function addTags(tags: readonly string[], text: string): string[] {
  const next = [...tags];
  for (const part of text.split(",")) {
    const tag = normaliseTag(part);
    if (tag && !next.includes(tag)) next.push(tag);
  }
  return next;
}

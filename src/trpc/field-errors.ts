/**
 * Field messages as a form with one message per field shows them (apart from ./api-errors, which
 * every form with a server call loads: only the forms with nested fields need this).
 */

/** The first message per top-level field (`tags.2` counts as `tags`), for fields that show one message. */
export function firstErrorPerField(fieldErrors: Record<string, string[]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split(".")[0]!;
    if (messages[0] && !out[field]) out[field] = messages[0];
  }
  return out;
}

const DATE_TIME = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** A moment as a `<time>` element, in UTC so server and browser render the same text. */
export function When({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{DATE_TIME.format(date)} UTC</time>;
}

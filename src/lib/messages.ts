/**
 * The sentence for a request whose input did not validate (the field messages say what): in a
 * module of its own, so the browser's error reading (`~/trpc/api-errors`) loads nothing else.
 */
export const INVALID_INPUT_MESSAGE = "Some fields need attention: see the messages next to them.";

/** Semantic version of the scoring rules. Any change to an outcome bumps it. */
export const ENGINE_VERSION = "1.1.0";

/** Semantic version of the scoring rules. Any change to an outcome bumps it. */
export const ENGINE_VERSION = "2.0.0";

import { EXAMPLE_ANSWERS, assess } from "~/engine";
const sets = Object.values(EXAMPLE_ANSWERS).map(e => e.answers);
for (let i = 0; i < 8000; i++) assess(sets[i % sets.length]!);

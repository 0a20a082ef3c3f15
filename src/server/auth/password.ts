import bcrypt from "bcryptjs";

/** bcrypt (bcryptjs). The hash is never logged; a missing hash never verifies. */
export function hashPassword(password: string, rounds: number): Promise<string> {
  return bcrypt.hash(password, rounds);
}

// A real hash, compared against when the account does not exist, so a wrong email
// costs the same time as a wrong password.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.0i5t6pPqH9yo8hJ9b0Z2cDkYjGxm";

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const ok = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return ok && Boolean(hash);
}

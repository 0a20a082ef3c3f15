/**
 * The company directory of the browser tests' OpenID provider (oidc-provider.ts), as the test
 * workers reach it: over HTTP, without loading the provider itself.
 */

/** A person in the company directory. */
export interface DirectoryAccount {
  /** What they type on the provider's login page. */
  username: string;
  password: string;
  /** The `email` claim: Servewise maps the person to its user by this address. */
  email: string;
  /** The `name` claim. */
  name: string;
}

/** Where the provider's server takes new people (POST, JSON); not part of OpenID Connect. */
export const DIRECTORY_PATH = "/_directory/accounts";

/** Adds a person to the directory of the provider at `issuer`. */
export async function addDirectoryAccount(issuer: string, account: DirectoryAccount): Promise<void> {
  const response = await fetch(new URL(DIRECTORY_PATH, issuer), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(account),
  });
  if (!response.ok) throw new Error(`the OpenID provider refused the account: ${response.status} ${await response.text()}`);
}

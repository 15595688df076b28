// Tokens from the clinic's Keycloak realm. Frontends use the authorization-code flow with PKCE (a library such as
// oidc-client-ts does the redirect dance; client id `clinic-web`). Partners use client credentials. The password
// grant below exists only in the development realm and only so that scripts and this example can sign in.

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
  token_type: string;
}

async function token(realmUrl: string, form: Record<string, string>): Promise<TokenResponse> {
  const response = await fetch(`${realmUrl}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form),
  });
  if (!response.ok) {
    throw new Error(`Keycloak refused the token request: ${response.status} ${await response.text()}`);
  }
  return (await response.json()) as TokenResponse;
}

/** A partner clinic's service token (client credentials; the client carries the `partner` role). */
export function partnerToken(realmUrl: string, clientId: string, clientSecret: string): Promise<TokenResponse> {
  return token(realmUrl, { grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret });
}

/** Development realm only: a demo user's token without a browser. */
export function developmentUserToken(realmUrl: string, username: string, password: string): Promise<TokenResponse> {
  return token(realmUrl, { grant_type: "password", client_id: "clinic-web", username, password, scope: "openid" });
}

/**
 * The environment variable names the AgentCore CLI (0.30.0) derives from resource names
 * (agentcore-facts.md §3). Rules use them to find collisions in agentcore.json; source-code rules use them to
 * check that code reads a variable some gateway, memory or credential actually sets.
 *
 * Each function mirrors the CLI's own derivation exactly, including its quirks (the order of replace and
 * toUpperCase differs between variables, and only some of them map `.` as well as `-`).
 */

/** `<N>` of `AGENTCORE_GATEWAY_<N>_*`: `name.toUpperCase().replace(/-/g, '_')`. */
export function gatewayEnvStem(gatewayName: string): string {
  return gatewayName.toUpperCase().replace(/-/g, '_');
}

/** `AGENTCORE_GATEWAY_<N>_URL`, set on every runtime for every gateway (deploy; `agentcore dev` once deployed). */
export function gatewayUrlEnvVar(gatewayName: string): string {
  return `AGENTCORE_GATEWAY_${gatewayEnvStem(gatewayName)}_URL`;
}

/** `AGENTCORE_GATEWAY_<N>_AUTH_TYPE` (value NONE / AWS_IAM / CUSTOM_JWT). */
export function gatewayAuthTypeEnvVar(gatewayName: string): string {
  return `AGENTCORE_GATEWAY_${gatewayEnvStem(gatewayName)}_AUTH_TYPE`;
}

/** `AGENTCORE_GATEWAY_<N>_CREDENTIAL_PROVIDER` (deploy, CUSTOM_JWT gateways only: ARN of `<gw>-oauth`). */
export function gatewayCredentialProviderEnvVar(gatewayName: string): string {
  return `AGENTCORE_GATEWAY_${gatewayEnvStem(gatewayName)}_CREDENTIAL_PROVIDER`;
}

/** Every variable a gateway sets on the runtimes. */
export function gatewayEnvVars(gatewayName: string, authorizerType?: string): string[] {
  const names = [gatewayUrlEnvVar(gatewayName), gatewayAuthTypeEnvVar(gatewayName)];
  if (authorizerType === 'CUSTOM_JWT') names.push(gatewayCredentialProviderEnvVar(gatewayName));
  return names;
}

/**
 * `MEMORY_<NAME>_ID`. Deploy uses `name.toUpperCase()`; `agentcore dev` also maps `-` to `_`. Memory names
 * cannot hold `-`, so both agree on valid names; this returns the dev form, which covers both.
 */
export function memoryIdEnvVar(memoryName: string): string {
  return `MEMORY_${memoryName.toUpperCase().replace(/-/g, '_')}_ID`;
}

/** `CREDENTIAL_<NAME>_NAME` on every runtime when credentials exist (value: the credential name, not a secret). */
export function credentialNameEnvVar(credentialName: string): string {
  return `CREDENTIAL_${credentialName.toUpperCase().replace(/[.-]/g, '_')}_NAME`;
}

/** `<N>` of `AGENTCORE_CREDENTIAL_<N>` in `agentcore/.env.local`: `name.replace(/-/g, '_').toUpperCase()`. */
export function localCredentialStem(credentialName: string): string {
  return credentialName.replace(/-/g, '_').toUpperCase();
}

/**
 * The `agentcore/.env.local` keys that hold a credential's secret: `AGENTCORE_CREDENTIAL_<N>` for an API key,
 * `AGENTCORE_CREDENTIAL_<N>_CLIENT_ID` and `_CLIENT_SECRET` for OAuth. Other kinds (payments) have none here.
 */
export function localCredentialEnvVars(credentialName: string, authorizerType: string | undefined): string[] {
  const base = `AGENTCORE_CREDENTIAL_${localCredentialStem(credentialName)}`;
  if (authorizerType === 'ApiKeyCredentialProvider') return [base];
  if (authorizerType === 'OAuthCredentialProvider') return [`${base}_CLIENT_ID`, `${base}_CLIENT_SECRET`];
  return [];
}

/**
 * The `agentcore/.env.local` keys a payment connector's credential needs, by connector provider (default
 * CoinbaseCDP): `computePaymentCredentialEnvVarNames` and `computeStripePrivyCredentialEnvVarNames` in the CLI.
 */
export function paymentCredentialEnvVars(credentialName: string, provider: string): string[] {
  const base = `AGENTCORE_CREDENTIAL_${localCredentialStem(credentialName)}`;
  if (provider === 'StripePrivy') {
    return [`${base}_APP_ID`, `${base}_APP_SECRET`, `${base}_AUTHORIZATION_PRIVATE_KEY`, `${base}_AUTHORIZATION_ID`];
  }
  return [`${base}_API_KEY_ID`, `${base}_API_KEY_SECRET`, `${base}_WALLET_SECRET`];
}

/** Every variable name derived from a credential: the runtime's `CREDENTIAL_<N>_NAME` and the `.env.local` keys. */
export function credentialEnvVars(credentialName: string, authorizerType: string | undefined): string[] {
  return [credentialNameEnvVar(credentialName), ...localCredentialEnvVars(credentialName, authorizerType)];
}

/** `<T>` of the `GATEWAY_<T>_URL`, `MEMORY_<T>_ID`, `RUNTIME_<T>_ARN` variables set by `runtimes[].connections[]`. */
export function connectionEnvStem(id: string): string {
  return id.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

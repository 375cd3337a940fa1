import 'server-only';
import type { GenericOAuthConfig } from 'better-auth/plugins/generic-oauth';

// OpenID Connect providers for the genericOAuth plugin (RUNBOARD_OIDC_* variables). Single sign-on is built on top
// of this seam; with no provider configured the plugin is present (its tables are in migration 0003) but offers none.
export function oidcProviderConfigs(): GenericOAuthConfig[] {
  return [];
}

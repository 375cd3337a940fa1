// The session cookie's name (better-auth adds `__Secure-` in front when it sets the cookie over https).
// Kept apart from auth.ts so proxy.ts can check for the cookie without loading better-auth.
export const SESSION_COOKIE = 'runboard.session_token';

/** Pages of the web app the sign-in routes send the browser to. */
export const paths = {
  signIn: "/anmelden",
  home: "/",
} as const;

/** Only a path on this site: "//elsewhere" or "https://…" would make us an open redirect. */
export function safeReturnPath(candidate: string | undefined): string {
  if (!candidate || candidate.length > 512 || /^\/[/\\]/.test(candidate)) return paths.home;
  // A path of the web app, in the characters a URL allows unescaped; nothing else.
  return /^\/[A-Za-z0-9\-._~/?=&%]*$/.test(candidate) ? candidate : paths.home;
}

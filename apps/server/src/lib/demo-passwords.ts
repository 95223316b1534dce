/** Passwords printed in the README for the demo Kreis; never valid in production. */
export const DEMO_PASSWORD = "runder-tisch-demo";

export const isDemoPassword = (password: string) => password === DEMO_PASSWORD;

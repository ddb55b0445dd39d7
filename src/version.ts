/** Kept in step with package.json by scripts/post-build.mjs's check and a test. */
export const VERSION = '0.1.0';

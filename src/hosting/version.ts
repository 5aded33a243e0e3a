/** citebot's version; kept equal to package.json's by a test. Part of the persisted index key. */
export const CITEBOT_VERSION = "0.1.0";

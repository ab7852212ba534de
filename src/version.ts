/** The widget's version. `npm run check` fails if it differs from package.json's. */
export const VERSION = '0.1.0';

/**
 * The address of the script that defined the element, to load files published beside it
 * (`new URL('locales/cy.js', scriptUrl)`). In the ES module it is import.meta.url; in the
 * classic-script build rollup reads document.currentScript.src instead, once, as the script
 * runs (it is null later, in callbacks). Tree-shaken away until something imports it.
 */
export const scriptUrl: string = import.meta.url;

// `npm run manifest`: custom-elements.json, the element's public API (attributes, properties,
// events, slot, parts, custom properties) read from the class and its JSDoc in
// src/support-finder.ts. Editors, framework tooling and Storybook read it;
// scripts/check-manifest.mjs (in `npm run check`) fails when it is out of date.

/**
 * Private and protected members are not API: leaving them out keeps the file about what hosts
 * use. And the package ships the built module, not src/, so the manifest names that.
 */
const asPublished = {
  name: 'support-finder-as-published',
  packageLinkPhase({ customElementsManifest }) {
    const published = (path) => (path === 'src/support-finder.ts' ? 'dist/support-finder.js' : path);
    for (const module of customElementsManifest.modules) {
      module.path = published(module.path);
      for (const entry of module.exports ?? []) {
        if (entry.declaration?.module) entry.declaration.module = published(entry.declaration.module);
      }
      for (const declaration of module.declarations ?? []) {
        if (!declaration.members) continue;
        const hidden = new Set(declaration.members.filter((m) => m.privacy === 'private' || m.privacy === 'protected').map((m) => m.name));
        declaration.members = declaration.members.filter((m) => !hidden.has(m.name));
        // Internal state is declared in static properties too (state: true), which the analyzer
        // reads as attributes: only those of public fields are attributes.
        if (declaration.attributes) declaration.attributes = declaration.attributes.filter((a) => !hidden.has(a.fieldName));
      }
    }
  },
};

export default {
  globs: ['src/support-finder.ts'],
  outdir: '.',
  litelement: true,
  // package.json names the manifest itself ("customElements"); the analyzer must not edit it.
  packagejson: false,
  plugins: [asPublished],
};

// The entry of dist/support-finder.classic.js, the build for a plain <script src> (no
// type="module"): it defines <support-finder> and exports nothing, so no global is added.
import './support-finder.js';

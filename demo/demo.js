// The pickers: every flow in flows/ (for the finder and its map), the theme, and the language.
const picker = document.getElementById('flow-picker');
const finder = document.querySelector('support-finder');
const map = document.querySelector('support-finder-map');

const response = await fetch('/flows/index.json');
const flows = response.ok ? await response.json() : [];
for (const name of flows) {
  const option = new Option(name.replace(/\.json$/, ''), `/flows/${name}`);
  option.selected = option.value === finder.getAttribute('flow');
  picker.append(option);
}
picker.addEventListener('change', () => {
  finder.setAttribute('flow', picker.value);
  map?.setAttribute('flow', picker.value);
});

// The theme and language, set as a host page would set them: attributes on the element.
document.getElementById('theme-picker').addEventListener('change', (event) => {
  finder.setAttribute('theme', event.target.value);
});
document.getElementById('language-picker').addEventListener('change', (event) => {
  if (event.target.value) finder.setAttribute('lang', event.target.value);
  else finder.removeAttribute('lang');
});

// The flow picker: lists every flow in flows/ and points the finder and its map at the one chosen.
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

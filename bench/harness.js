// Runs inside the benchmark page. Everything is timed here, with performance.now(), so the
// numbers are what a visitor's browser spends, not what a remote driver sees.
(() => {
  const longTasks = [];
  new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });

  /** Resolves just after the next frame has been painted. */
  const afterPaint = () =>
    new Promise((resolve) => {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now());
        channel.port2.postMessage(null);
      });
    });

  const nextStep = (el) => new Promise((resolve) => el.addEventListener('sf-step-shown', () => resolve(performance.now()), { once: true }));

  async function start(flowUrl) {
    await customElements.whenDefined('support-finder');
    const el = document.createElement('support-finder');
    el.setAttribute('flow', flowUrl);
    const shown = nextStep(el);
    const connected = performance.now();
    document.getElementById('host').append(el);
    const rendered = await shown;
    const painted = await afterPaint();
    const response = performance.getEntriesByType('resource').find((e) => e.name.endsWith(flowUrl.split('/').pop()));
    const startupLongTasks = longTasks.filter((t) => t.startTime >= connected - 1 && t.startTime <= painted);
    return {
      connectToPaint: painted - connected,
      responseToRender: rendered - (response?.responseEnd ?? connected),
      responseToPaint: painted - (response?.responseEnd ?? connected),
      longTasks: startupLongTasks.length,
      longTaskMs: startupLongTasks.reduce((sum, t) => sum + t.duration, 0),
    };
  }

  /** Does one move in the shown step through its controls, as a person would. */
  function act(el, move) {
    const root = el.shadowRoot;
    if (move.kind === 'continue') return root.querySelector('.actions .button').click();
    if (move.kind === 'skip') return root.querySelector('form .button.secondary').click();
    const { input } = move;
    const field = root.querySelector('#sf-field');
    if (field) field.value = String(input);
    else for (const value of Array.isArray(input) ? input : [input]) root.querySelector(`#sf-field-${value}`).click();
    root.querySelector('form button[type="submit"]').click();
  }

  async function walk(moves) {
    const el = document.querySelector('support-finder');
    const steps = [];
    for (const move of moves) {
      await afterPaint();
      const shown = nextStep(el);
      const clicked = performance.now();
      act(el, move);
      const rendered = await shown;
      const painted = await afterPaint();
      steps.push({ step: move.step, work: rendered - clicked, painted: painted - clicked });
    }
    return { steps, services: el.shadowRoot.querySelectorAll('.services > li').length };
  }

  window.bench = { start, walk };
})();

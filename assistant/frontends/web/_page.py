"""The page's own style and script: phone layout, the side panel, and where the chat scrolls to."""

__all__ = ["CSS", "HEAD"]

# Phones: tables scroll sideways instead of wrapping letter by letter; charts follow the screen width.
# The guide-section panel slides over the right of the page (all of it on a phone).
CSS = """
#chatbot table { display: block; overflow-x: auto; max-width: 100%; }
#chatbot th, #chatbot td { white-space: nowrap; }
#gpu-table, #compare-table { max-width: 100%; overflow-x: auto; }
.js-plotly-plot, .js-plotly-plot .plot-container { max-width: 100%; }
#chatbot details.answer-details > summary, #chatbot details.sources > summary { cursor: pointer; font-weight: 600; }
#section-panel {
  position: fixed; top: 0; right: 0; z-index: 1000; width: min(560px, 100vw); height: 100vh;
  overflow-y: auto; padding: 16px; box-sizing: border-box;
  background: var(--background-fill-primary); border-left: 1px solid var(--border-color-primary);
  box-shadow: -6px 0 24px rgba(0, 0, 0, 0.18);
}
.offscreen { position: absolute !important; left: -10000px !important; width: 1px; height: 1px; overflow: hidden; }
"""

# A new answer is shown from its first line: when a new bot message appears, the chat log is scrolled so
# that message starts at the top of the log, and kept there while it streams -- until the reader scrolls
# the log themselves. Gradio's own autoscroll (which follows the end) is off (Chatbot(autoscroll=False)).
# Clicks on a guide source open the side panel through hidden controls instead of following the link.
HEAD = """
<script>
(() => {
  const TOP_GAP = 36;  // px above the first line: room for the chat's label
  const state = { answers: 0, pinned: -1 };
  const log = () => document.querySelector('#chatbot [role="log"]');
  const answers = (box) => box.querySelectorAll('[data-testid="bot"]');
  function showFirstLine() {
    const box = log();
    if (!box) return;
    const bots = answers(box);
    if (bots.length < state.answers) state.pinned = -1;
    if (bots.length > state.answers) {
      state.pinned = bots.length - 1;
      const top = box.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight * 0.6) box.scrollIntoView({ block: 'start' });
    }
    state.answers = bots.length;
    if (state.pinned < 0 || state.pinned >= bots.length) return;
    const offset = bots[state.pinned].getBoundingClientRect().top - box.getBoundingClientRect().top;
    if (Math.abs(offset - TOP_GAP) > 2) box.scrollTop = Math.max(0, box.scrollTop + offset - TOP_GAP);
  }
  new MutationObserver(showFirstLine).observe(document.documentElement, {
    childList: true, subtree: true, characterData: true,
  });
  const release = (event) => {
    const box = log();
    if (box && box.contains(event.target)) state.pinned = -1;
  };
  for (const kind of ['wheel', 'touchstart', 'keydown']) {
    document.addEventListener(kind, release, { passive: true, capture: true });
  }
  document.addEventListener('click', (event) => {
    const link = event.target.closest && event.target.closest('#chatbot a[href*="section="]');
    if (!link) return;
    const path = new URL(link.getAttribute('href'), window.location.href).searchParams.get('section');
    const box = document.querySelector('#section-path textarea, #section-path input');
    const open = document.querySelector('#section-open');
    if (!path || !box || !open) return;
    event.preventDefault();
    event.stopPropagation();
    box.value = path;
    box.dispatchEvent(new Event('input', { bubbles: true }));
    setTimeout(() => open.click(), 50);
  }, true);
})();
</script>
"""

// Names for elements that Material draws without one, so that screen readers
// can announce them (checked by the axe-core audit in tests/test_browser.py):
// the search dialog, the numbered markers of code annotations (links with no
// text), and the toolbar of each code block (a <nav>, which screen readers list
// as a landmark, so each needs a name of its own). Instant navigation swaps the
// page in place, so this runs again whenever the document changes. A row of tab
// labels or a table too wide for the screen scrolls sideways; it takes keyboard
// focus so that it can be scrolled without a mouse, and a table that overflows
// gets a visible line above it saying that it scrolls (markScrollingTables).
function nameUnlabelled() {
  const search = document.querySelector(".md-search[role=dialog]")
  if (search && !search.hasAttribute("aria-label")) {
    search.setAttribute("aria-label", "Search")
  }
  for (const link of document.querySelectorAll(
    ".md-annotation__index:not([aria-label])",
  )) {
    const number = link.querySelector("[data-md-annotation-id]")
    link.setAttribute(
      "aria-label",
      number ? `Annotation ${number.dataset.mdAnnotationId}` : "Annotation",
    )
  }
  for (const region of document.querySelectorAll(
    ".tabbed-labels:not([tabindex]), .md-typeset__scrollwrap:not([tabindex])",
  )) {
    region.setAttribute("tabindex", "0")
  }
  const toolbars = document.querySelectorAll(".md-code__nav")
  toolbars.forEach((toolbar, index) => {
    const name = `Code block ${index + 1} of ${toolbars.length}`
    if (toolbar.getAttribute("aria-label") !== name) {
      toolbar.setAttribute("aria-label", name)
    }
  })
}

// A wide table gives no sign that it scrolls on a narrow screen: say so above it,
// for as long as it is wider than its box.
function markScrollingTables() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    const scrolls = wrap.scrollWidth > wrap.clientWidth + 1
    const hint = wrap.previousElementSibling
    const hasHint = hint && hint.classList.contains("scroll-hint")
    if (scrolls && !hasHint) {
      const line = document.createElement("p")
      line.className = "scroll-hint"
      line.textContent = "This table scrolls sideways \u2192"
      wrap.before(line)
    } else if (!scrolls && hasHint) {
      hint.remove()
    }
  }
}

function onChange() {
  nameUnlabelled()
  markScrollingTables()
}

onChange()
new MutationObserver(onChange).observe(document.body, {
  childList: true,
  subtree: true,
})
window.addEventListener("resize", markScrollingTables)

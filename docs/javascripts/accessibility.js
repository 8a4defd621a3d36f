// Names for elements that Material draws without one, so that screen readers
// can announce them (checked by the axe-core audit in tests/test_browser.py):
// the search dialog, and the numbered markers of code annotations, which the
// theme creates as links with no text, also after instant navigation.
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
}

nameUnlabelled()
new MutationObserver(nameUnlabelled).observe(document.body, {
  childList: true,
  subtree: true,
})

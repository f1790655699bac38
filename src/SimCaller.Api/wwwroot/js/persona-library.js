// The persona library's pages. Everything here is a convenience: without it a level is shown with the Show
// button, and a problem's line link jumps to that line in the numbered view below the editor.
// With it, choosing a level shows it at once, a line link (in the problem list or the numbered view) puts the
// editor's cursor on that line and selects it, and the line the cursor is on is shown above the editor.
(() => {
  "use strict";
  for (const select of document.querySelectorAll("select[data-autosubmit]")) {
    select.addEventListener("change", () => select.form.submit());
  }

  const editor = document.getElementById("yaml");
  if (!editor) return;
  const where = document.getElementById("cursor-line");

  // The browser gives a textarea's value with \n line breaks whatever the page was sent with.
  function lineStart(text, line) {
    let at = 0;
    for (let i = 1; i < line; i++) {
      const next = text.indexOf("\n", at);
      if (next < 0) return text.length;
      at = next + 1;
    }
    return at;
  }

  function showLine() {
    if (!where) return;
    const line = editor.value.slice(0, editor.selectionStart).split("\n").length;
    where.textContent = `(cursor on line ${line})`;
  }

  // Scrolls the editor and the numbered view (each inside its own box, the page stays put) to a line.
  function reveal(line) {
    const height = parseFloat(getComputedStyle(editor).lineHeight) || 20;
    editor.scrollTop = Math.max(0, (line - 1) * height - editor.clientHeight / 3);
    const row = document.getElementById("L" + line);
    const box = row?.closest(".lib-lines");
    if (box) box.scrollTop = Math.max(0, row.offsetTop - box.clientHeight / 3);
  }

  function goTo(line) {
    const text = editor.value;
    const start = lineStart(text, line);
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    editor.focus({ preventScroll: true });
    editor.setSelectionRange(start, end);
    reveal(line);
    editor.scrollIntoView({ block: "nearest" });
    showLine();
  }

  for (const link of document.querySelectorAll("a[data-line]")) {
    link.addEventListener("click", (event) => {
      event.preventDefault();
      goTo(parseInt(link.dataset.line, 10));
    });
  }
  for (const type of ["keyup", "click", "focus", "select"]) {
    editor.addEventListener(type, showLine);
  }
  // After a check, the first error is in view in both boxes.
  const first = document.querySelector("#problems li.error[data-line]:not([data-line=''])");
  if (first) reveal(parseInt(first.dataset.line, 10));
})();

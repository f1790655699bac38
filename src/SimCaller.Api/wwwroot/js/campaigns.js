// Hiring campaign pages: copy an invite link, and ask before a candidate's data is deleted.
(() => {
  "use strict";

  const copy = document.getElementById("copy-invite");
  const link = document.getElementById("invite-url");
  if (copy && link) {
    copy.classList.remove("hidden");
    copy.addEventListener("click", async () => {
      link.select();
      try {
        await navigator.clipboard.writeText(link.value);
        copy.textContent = "Copied";
      } catch {
        // No clipboard access (an old browser, a policy): the link is selected, ready for Ctrl+C.
        copy.textContent = "Press Ctrl+C to copy";
      }
    });
    link.addEventListener("focus", () => link.select());
  }

  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
})();

// A practice call in the page, over the JSON API (POST /api/calls, /api/calls/{id}/turns, /api/calls/{id}/end).
// Signed in, the browser's cookie identifies the trainee and every request carries the page's antiforgery token.
// Started with a session code, the call token from POST /api/calls is the only credential: it is kept in this
// page's memory alone (never in storage or the URL) and sent as a bearer token.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";
  const panel = $("call");
  if (!panel) return;
  const signedIn = panel.dataset.signedIn === "true";

  const outcomes = {
    resolved: "Resolved: the customer is satisfied.",
    hung_up: "The customer hung up.",
    escalated: "You transferred the call.",
    ended_by_agent: "You ended the call.",
    time_limit: "The call ran out of time.",
    abandoned: "The call was abandoned.",
  };

  let call = null; // { id, token }
  let busy = false;
  let holdStartedAt = null;
  let holdTimer = null;

  async function post(path, body) {
    const headers = { "Content-Type": "application/json", Accept: "application/json" };
    if (call?.token) headers.Authorization = "Bearer " + call.token;
    else if (csrf) headers["X-CSRF-TOKEN"] = csrf;
    let response;
    try {
      response = await fetch(path, {
        method: "POST",
        headers,
        body: JSON.stringify(body ?? {}),
        // With a call token, the cookie of whoever else uses this browser must not speak for the candidate.
        credentials: call?.token ? "omit" : "same-origin",
      });
    } catch {
      return { ok: false, status: 0, data: { detail: "The server cannot be reached. Check your connection and try again." } };
    }
    let data = null;
    try { data = await response.json(); } catch { /* an empty or non-JSON answer */ }
    return { ok: response.ok, status: response.status, data, retryAfter: response.headers.get("Retry-After") };
  }

  function problem(result, fallback) {
    if (result.status === 429) {
      const seconds = Number(result.retryAfter);
      const wait = !seconds ? " Wait a minute, then try again."
        : seconds >= 90 ? ` Wait ${Math.ceil(seconds / 60)} minutes, then try again.`
        : ` Wait ${seconds} seconds, then try again.`;
      return "Too many attempts from your network." + wait;
    }
    return result.data?.detail || fallback;
  }

  function show(el, visible) { el.classList.toggle("hidden", !visible); }

  function showError(id, message) {
    const el = $(id);
    el.textContent = message;
    show(el, Boolean(message));
  }

  function setMeter(customer) {
    const anger = Math.max(0, Math.min(100, Number(customer.anger) || 0));
    $("anger-value").textContent = String(anger);
    $("anger-fill").style.width = anger + "%";
    const meter = $("anger-meter");
    meter.setAttribute("aria-valuenow", String(anger));
    meter.dataset.band = anger >= 80 ? "furious" : anger >= 60 ? "angry" : anger >= 40 ? "frustrated" : anger >= 20 ? "annoyed" : "calm";
    const mood = $("mood");
    mood.textContent = customer.mood || "";
    mood.dataset.mood = customer.mood || "";
  }

  function addLine(speaker, text, anger) {
    const item = document.createElement("li");
    item.className = speaker;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = speaker === "customer" ? "Customer" : "You";
    const words = document.createElement("p");
    words.textContent = text || (speaker === "you" ? "(silence)" : "…");
    item.append(who, words);
    if (anger !== undefined) {
      const tag = document.createElement("span");
      tag.className = "anger-tag";
      tag.textContent = "anger " + anger;
      item.append(tag);
    }
    const list = $("transcript");
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  function startHoldClock() {
    holdStartedAt = Date.now();
    show($("hold-banner"), true);
    $("hold-button").disabled = true;
    const tick = () => {
      const seconds = Math.floor((Date.now() - holdStartedAt) / 1000);
      $("hold-time").textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
    };
    tick();
    holdTimer = setInterval(tick, 1000);
  }

  function stopHoldClock() {
    const seconds = holdStartedAt === null ? null : (Date.now() - holdStartedAt) / 1000;
    clearInterval(holdTimer);
    holdStartedAt = null;
    show($("hold-banner"), false);
    $("hold-button").disabled = false;
    return seconds;
  }

  function begin(started, customerName) {
    call = { id: started.session_id, token: started.call_token ?? null };
    show($("chooser"), false);
    show(panel, true);
    $("customer-name").textContent = customerName || "Your customer";
    panel.dataset.sessionId = call.id;
    setMeter(started.customer);
    addLine("customer", started.customer.text, started.customer.anger);
    $("say").focus();
  }

  function debriefHref(ended) {
    // An account opens the debrief in the app; a candidate without one has only the call's own link.
    return signedIn ? "/sessions/" + encodeURIComponent(call.id) : ended.debrief_url;
  }

  async function finish(outcome, goNow) {
    setBusy(true);
    const result = await post(`/api/calls/${encodeURIComponent(call.id)}/end`);
    if (!result.ok) {
      setBusy(false);
      showError("call-error", problem(result, "The call could not be ended; try again."));
      return;
    }
    stopHoldClock();
    show($("say-form"), false);
    $("ended-outcome").textContent = outcomes[result.data.outcome] || outcomes[outcome] || "The call has ended.";
    const link = $("debrief-link");
    const href = debriefHref(result.data);
    // A hiring campaign may keep results from its candidates: then there is no score and no debrief to open.
    $("ended-score").textContent = result.data.score == null
      ? "Thank you. Your result goes to the team that invited you."
      : `Score ${Math.round(result.data.score)} / 100.`;
    show(link, !!href);
    if (href) link.href = href;
    show($("ended"), true);
    panel.dataset.outcome = result.data.outcome;
    if (goNow && href) window.location.assign(href);
    else if (href) link.focus();
  }

  function setBusy(value) {
    busy = value;
    for (const id of ["say-button", "hangup-button"]) $(id).disabled = value;
    $("hold-button").disabled = value || holdStartedAt !== null;
    panel.classList.toggle("busy", value);
  }

  async function say(event) {
    event.preventDefault();
    if (!call || busy) return;
    const box = $("say");
    const text = box.value.trim();
    showError("call-error", "");
    setBusy(true);
    const holdSeconds = holdStartedAt === null ? null : (Date.now() - holdStartedAt) / 1000;
    const body = holdSeconds === null ? { text } : { text, hold_seconds: Math.min(3600, holdSeconds) };
    const result = await post(`/api/calls/${encodeURIComponent(call.id)}/turns`, body);
    if (!result.ok) {
      setBusy(false);
      if (result.status === 409) { await finish(null, false); return; }
      showError("call-error", problem(result, "That line did not go through; try again."));
      return;
    }
    stopHoldClock();
    box.value = "";
    addLine("you", text);
    addLine("customer", result.data.customer.text, result.data.customer.anger);
    setMeter(result.data.customer);
    setBusy(false);
    if (result.data.outcome !== "in_progress") await finish(result.data.outcome, false);
    else box.focus();
  }

  $("say-form").addEventListener("submit", say);
  $("say").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      $("say-form").requestSubmit();
    }
  });
  $("hold-button").addEventListener("click", () => {
    if (call && holdStartedAt === null) startHoldClock();
    $("say").focus();
  });
  $("hangup-button").addEventListener("click", () => { if (call && !busy) finish(null, true); });

  // Choosing a customer (signed in).
  for (const button of document.querySelectorAll(".start-call")) {
    button.addEventListener("click", async () => {
      if (busy) return;
      const card = button.closest(".persona");
      const difficulty = card.querySelector("select[name=difficulty]")?.value;
      busy = true;
      button.disabled = true;
      showError("start-error", "");
      const result = await post("/api/calls", { persona: card.dataset.persona, difficulty });
      busy = false;
      button.disabled = false;
      if (!result.ok) {
        showError("start-error", problem(result, "The call could not start; try again."));
        return;
      }
      begin(result.data, card.querySelector("h3")?.textContent);
    });
  }

  // Arriving with a hiring campaign's invite link.
  const inviteForm = $("invite-form");
  inviteForm?.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    showError("start-error", "");
    const result = await post("/api/calls", { invite: inviteForm.dataset.invite });
    busy = false;
    if (!result.ok) {
      showError("start-error", result.status === 404
        ? "This invite link is not known. Check it with whoever sent it to you."
        : problem(result, "The call could not start; try again."));
      return;
    }
    begin(result.data, null);
  });

  // Arriving from an assignment's Start link: that customer at that level starts at once. The address loses its
  // query first, so reloading the page offers the chooser instead of starting a second call.
  const assigned = document.querySelector(".persona[data-autostart=true] .start-call");
  if (assigned) {
    history.replaceState(null, "", "/practice");
    assigned.click();
  }

  // Arriving with a session code.
  const codeForm = $("code-form");
  codeForm?.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const code = $("code").value.replace(/\s+/g, "");
    if (!/^[0-9]{4,12}$/.test(code)) {
      showError("start-error", "A session code is eight digits, like 12345678.");
      return;
    }
    busy = true;
    showError("start-error", "");
    const result = await post("/api/calls", { code });
    busy = false;
    if (!result.ok) {
      showError("start-error", result.status === 404
        ? "That code is not known. Check it with whoever gave it to you."
        : problem(result, "The call could not start; try again."));
      return;
    }
    begin(result.data, null);
  });
})();

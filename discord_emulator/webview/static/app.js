// The sandbox page: draws the server from /api/state, redraws when /api/events says something
// changed, and sends what the person does to /api/act as the member they picked.
"use strict";

const OPTION = { STRING: 3, INTEGER: 4, BOOLEAN: 5, USER: 6, CHANNEL: 7, ROLE: 8, MENTIONABLE: 9, NUMBER: 10 };
const BUTTON_STYLES = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };
const $ = (id) => document.getElementById(id);
let snap = null;
let viewer = localStorage.getItem("viewer") || "";
let channelId = localStorage.getItem("channel") || "";

function escapeHtml(text) {
  return String(text ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function nameOf(id) {
  const member = snap.members.find((m) => m.id === id);
  return member ? member.name : id === snap.bot_id ? "DiscussionBot" : "someone";
}

function channelName(id) {
  for (const channel of snap.channels) {
    if (channel.id === id) return channel.name;
    const thread = channel.threads.find((t) => t.id === id);
    if (thread) return thread.name;
  }
  return "unknown";
}

// Enough Discord markdown for the bot's messages: code blocks, quotes, subtext, bold, italics,
// code, links (a link into this server stays in the page), mentions, timestamps.
function markdown(text) {
  const parts = String(text ?? "").split("```");
  let html = "";
  parts.forEach((part, i) => {
    const closed = i < parts.length - 1;  // a fence with no closing fence is plain text
    if (i % 2 === 1 && closed) {
      html += codeBlock(part);
    } else {
      const prose = i % 2 === 1 ? "```" + part : part;
      html += blocks(i > 0 && i % 2 === 0 ? prose.replace(/^\n/, "") : prose);
    }
  });
  return html;
}

// ```lang\n…``` : the first line names the language when more lines follow.
function codeBlock(body) {
  const firstLine = body.match(/^([\w+#.-]*)\n/);
  const code = firstLine ? body.slice(firstLine[0].length) : body;
  return `<pre class="codeblock"><code>${escapeHtml(code.replace(/\n$/, ""))}</code></pre>`;
}

function blocks(text) {
  const escaped = escapeHtml(text);
  const quoteAll = escaped.indexOf("&gt;&gt;&gt; ");  // ">>> ": everything after it is quoted
  if (quoteAll === 0 || (quoteAll > 0 && escaped[quoteAll - 1] === "\n")) {
    return blocks(text.slice(0, text.indexOf(">>> "))) + `<blockquote>${escaped.slice(quoteAll + 13).split("\n").map(inline).join("\n")}</blockquote>`;
  }
  const lines = escaped.split("\n").map((line) => {
    if (line.startsWith("&gt; ")) return `<blockquote>${inline(line.slice(5))}</blockquote>`;
    if (line.startsWith("-# ")) return `<span class="subtext">${inline(line.slice(3))}</span>`;
    return inline(line);
  });
  return lines.join("\n").replace(/<\/blockquote>\n<blockquote>/g, "<br>");
}

// A link; one to a channel or message of this server (https://discord.com/channels/GUILD/CHANNEL[/MESSAGE])
// switches to it inside the page, as Discord's client does, instead of leaving it.
function link(url, label) {
  const jump = url.match(/^https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/channels\/(\d+)\/(\d+)(?:\/(\d+))?\/?$/);
  if (jump && jump[1] === snap.guild.id) {
    return `<a href="#" class="jump" data-jump-channel="${jump[2]}" data-jump-message="${jump[3] || ""}">${label}</a>`;
  }
  return `<a href="${url}" target="_blank" rel="noopener">${label}</a>`;
}

// `text` is HTML-escaped already. Code spans and links are set aside first, so nothing else
// formats inside them, and put back at the end.
function inline(text) {
  const kept = [];
  const keep = (html) => `\u0000${kept.push(html) - 1}\u0000`;
  return text
    .replace(/`([^`]+)`/g, (_, code) => keep(`<code>${code}</code>`))
    .replace(/\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g, (_, label, url) => keep(link(url, label)))
    .replace(/&lt;(https?:\/\/[^\s]+?)&gt;/g, (_, url) => keep(link(url, url)))
    .replace(/https?:\/\/[^\s\u0000]*[^\s\u0000.,:;!?'")\]]/g, (url) => keep(link(url, url)))
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[^*])\*([^*\s][^*]*?)\*/g, "$1<em>$2</em>")
    .replace(/&lt;@!?(\d+)&gt;/g, (_, id) => `<span class="mention">@${escapeHtml(nameOf(id))}</span>`)
    .replace(/&lt;@&amp;(\d+)&gt;/g, (_, id) => `<span class="mention">@${escapeHtml((snap.roles.find((r) => r.id === id) || {}).name || "role")}</span>`)
    .replace(/&lt;#(\d+)&gt;/g, (_, id) => `<a href="#" class="mention jump" data-jump-channel="${id}" data-jump-message="">#${escapeHtml(channelName(id))}</a>`)
    .replace(/&lt;t:(\d+)(?::([tTdDfFR]))?&gt;/g, (_, seconds, style) => `<span class="mention">${timestamp(Number(seconds), style)}</span>`)
    .replace(/(^|\s)@(everyone|here)\b/g, '$1<span class="mention">@$2</span>')
    .replace(/\u0000(\d+)\u0000/g, (_, index) => kept[Number(index)]);
}

// Discord's <t:SECONDS:STYLE> timestamps, in the reader's own time zone.
function timestamp(seconds, style) {
  const date = new Date(seconds * 1000);
  if (style === "R") {
    const minutes = Math.round((date - Date.now()) / 60000);
    return new Intl.RelativeTimeFormat([], { numeric: "auto" }).format(minutes, "minute");
  }
  if (style === "t") return date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  if (style === "T") return date.toLocaleTimeString();
  if (style === "d") return date.toLocaleDateString();
  return date.toLocaleString([], { dateStyle: style === "F" ? "full" : "medium", timeStyle: "short" });
}

let loads = 0;  // requests made
let drawnLoad = 0;  // the request whose answer is on the page
async function load() {
  const asked = { as: viewer, channel: channelId };
  const number = ++loads;
  const response = await fetch(`/api/state?${new URLSearchParams(asked)}`);
  const state = await response.json();
  // An answer older than the one drawn, or for a channel or member the page has since left, is
  // dropped: a refresh of the old channel, in flight when a jump link was clicked, would otherwise
  // draw the old channel over the new one (and take the page back to it).
  if (number < drawnLoad || asked.channel !== channelId || asked.as !== viewer) return false;
  drawnLoad = number;
  snap = state;
  if (!viewer || !snap.members.some((m) => m.id === viewer)) viewer = snap.members[0].id;
  channelId = snap.channel.id;
  render();
  return true;
}

let pending = null;
function reload() {
  clearTimeout(pending);
  pending = setTimeout(load, 30);
}

function render() {
  $("guild-name").textContent = snap.guild.name;
  document.title = `#${snap.channel.name} · ${snap.guild.name} · sandbox`;
  renderViewer();
  renderChannels();
  $("channel-name").textContent = (snap.channel.kind === "thread" ? "↳ " : snap.channel.kind === "forum" ? "≡ " : "# ") + snap.channel.name;
  $("channel-name").dataset.channelId = snap.channel.id;
  renderMessages();
  renderCommandList();
  $("composer-input").placeholder = snap.channel.kind === "forum"
    ? "Pick a post on the left (forums hold posts, not messages)"
    : `Message #${snap.channel.name}`;
}

function renderViewer() {
  const select = $("viewer");
  const html = snap.members.map((m) =>
    `<option value="${m.id}" ${m.id === viewer ? "selected" : ""}>${escapeHtml(m.name)}${m.roles.length ? " · " + escapeHtml(m.roles.join(", ")) : ""}${m.timed_out ? " · timed out" : ""}</option>`).join("");
  if (select.innerHTML !== html) select.innerHTML = html;
  select.value = viewer;
}

function renderChannels() {
  const parts = [];
  for (const channel of snap.channels) {
    const icon = channel.kind === "forum" ? "≡" : "#";
    parts.push(`<button class="channel ${channel.id === channelId ? "active" : ""}" data-channel-id="${channel.id}">${icon} ${escapeHtml(channel.name)}</button>`);
    for (const thread of channel.threads) {
      parts.push(`<button class="channel thread ${thread.id === channelId ? "active" : ""}" data-channel-id="${thread.id}" data-thread-name="${escapeHtml(thread.name)}">↳ ${escapeHtml(thread.name)}${thread.locked ? " (locked)" : ""}</button>`);
    }
  }
  $("channels").innerHTML = parts.join("");
}

function renderEmbed(embed) {
  const colour = embed.color != null ? `#${embed.color.toString(16).padStart(6, "0")}` : "var(--grey)";
  const title = embed.title ? (embed.url ? `<a href="${escapeHtml(embed.url)}" target="_blank" rel="noopener">${escapeHtml(embed.title)}</a>` : escapeHtml(embed.title)) : "";
  const fields = (embed.fields || []).map((f) =>
    `<div class="embed-field ${f.inline ? "inline" : ""}"><div class="embed-field-name">${markdown(f.name)}</div><div class="content">${markdown(f.value)}</div></div>`).join("");
  const thumbnail = embed.thumbnail && embed.thumbnail.url ? `<img class="embed-thumbnail" src="${escapeHtml(embed.thumbnail.url)}" alt="">` : "";
  return `<div class="embed" style="border-left-color:${colour}">${thumbnail}
    ${embed.author ? `<div class="embed-author">${escapeHtml(embed.author.name)}</div>` : ""}
    ${title ? `<div class="embed-title">${title}</div>` : ""}
    ${embed.description ? `<div class="content">${markdown(embed.description)}</div>` : ""}
    ${fields ? `<div class="embed-fields">${fields}</div>` : ""}
    ${embed.image && embed.image.url ? `<img class="embed-image" src="${escapeHtml(embed.image.url)}" alt="">` : ""}
    ${embed.footer ? `<div class="embed-footer">${escapeHtml(embed.footer.text)}</div>` : ""}
  </div>`;
}

// Files sent with a message: images shown, anything else as a download link.
function renderAttachments(message) {
  return (message.attachments || []).map((a) => {
    const url = escapeHtml(a.url);
    if ((a.content_type || "").startsWith("image/")) {
      const size = a.width && a.height ? ` width="${a.width}" height="${a.height}"` : "";
      return `<a class="attachment" href="${url}" target="_blank" rel="noopener"><img class="attachment-image" src="${url}" alt="${escapeHtml(a.filename)}"${size}></a>`;
    }
    return `<a class="attachment attachment-file" href="${url}" download="${escapeHtml(a.filename)}">📎 ${escapeHtml(a.filename)} <small>${Math.ceil((a.size || 0) / 1024)} KB</small></a>`;
  }).join("");
}

function renderPoll(message) {
  const poll = message.poll;
  const total = poll.answers.reduce((sum, a) => sum + a.count, 0);
  const answers = poll.answers.map((a) => {
    const share = total ? Math.round((a.count / total) * 100) : 0;
    return `<button class="poll-answer ${a.mine ? "mine" : ""}" data-message="${message.id}" data-answer="${a.id}" ${poll.open ? "" : "disabled"}>
      <i class="bar" style="width:${share}%"></i><span>${escapeHtml(a.text)}</span><span class="poll-count" data-count="${a.count}">${a.count} · ${share}%</span></button>`;
  }).join("");
  return `<div class="poll"><div class="poll-question">${escapeHtml(poll.question)}</div>${answers}
    <div class="poll-footer">${total} vote${total === 1 ? "" : "s"} · ${poll.open ? "click to vote, again to take it back" : "closed"}</div></div>`;
}

function renderComponents(message) {
  const rows = (message.components || []).map((row) => {
    const items = (row.components || []).map((c) => {
      if (c.type === 2) {
        const label = `${c.emoji && c.emoji.name ? c.emoji.name + " " : ""}${escapeHtml(c.label || "")}`;
        if (c.style === 5) return `<a class="link-button" href="${escapeHtml(c.url)}" target="_blank" rel="noopener">${label} ↗</a>`;
        return `<button class="${BUTTON_STYLES[c.style] || "secondary"}" data-message="${message.id}" data-custom-id="${escapeHtml(c.custom_id)}" ${c.disabled ? "disabled" : ""}>${label}</button>`;
      }
      if (c.type === 3) {
        const options = (c.options || []).map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`).join("");
        return `<select data-message="${message.id}" data-select-id="${escapeHtml(c.custom_id)}" ${c.disabled ? "disabled" : ""}><option value="">${escapeHtml(c.placeholder || "Choose…")}</option>${options}</select>`;
      }
      return "";
    }).join("");
    return `<div class="action-row">${items}</div>`;
  }).join("");
  return rows ? `<div class="components">${rows}</div>` : "";
}

function renderMessages() {
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 80;
  if (snap.channel.kind === "forum") {
    const forum = snap.channels.find((c) => c.id === snap.channel.id);
    box.innerHTML = `<p class="note" style="padding:0 16px">${forum.threads.length} post(s). Pick one on the left, or post an article here with <code>/article post</code>.</p>`;
    return;
  }
  const actions = snap.commands.message.map((name) => `<button data-app="${escapeHtml(name)}">${escapeHtml(name)}</button>`).join("");
  box.innerHTML = snap.messages.map((m) => {
    const initial = escapeHtml((m.author.name || "?")[0].toUpperCase());
    const time = new Date(m.created * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    const tag = m.author.bot ? '<span class="tag">BOT</span>' : m.author.webhook ? '<span class="tag">APP</span>' : "";
    const body = m.deleted
      ? '<div class="removed">This message was removed.</div>'
      : `${m.loading ? '<div class="note">DiscussionBot is thinking…</div>' : ""}
         ${m.content ? `<div class="content">${markdown(m.content)}</div>` : ""}
         ${renderAttachments(m)}
         ${(m.embeds || []).map(renderEmbed).join("")}
         ${m.poll ? renderPoll(m) : ""}
         ${renderComponents(m)}
         ${m.ephemeral ? '<div class="note">Only you can see this</div>' : ""}`;
    const reply = m.reply_to ? `<div class="reply-to">↱ ${escapeHtml(m.reply_to.author)}: ${escapeHtml(m.reply_to.content || "(an embed)")}</div>` : "";
    const menu = m.deleted || m.ephemeral || !actions ? "" : `<div class="message-actions" data-message="${m.id}">${actions}</div>`;
    return `<article class="message ${m.ephemeral ? "ephemeral" : ""} ${m.mentions_viewer ? "mentions-me" : ""} ${m.deleted ? "deleted" : ""} ${m.id === focused ? "focused" : ""}" data-id="${m.id}" data-author="${escapeHtml(m.author.name)}">
      <div class="avatar ${m.author.bot ? "bot" : ""}">${initial}</div>
      <div class="body">${reply}<span class="author">${escapeHtml(m.author.name)}</span>${tag}<span class="time">${time}${m.edited ? " (edited)" : ""}</span>${body}</div>${menu}</article>`;
  }).join("") || '<p class="note" style="padding:0 16px">No messages yet.</p>';
  if (jumpTo) {
    const target = box.querySelector(`.message[data-id="${jumpTo}"]`);
    if (target) target.scrollIntoView({ block: "center" });
    else toast("That message is not among the ones this page shows (the newest 200).");
    jumpTo = null;
  } else if (atBottom) {
    box.scrollTop = box.scrollHeight;
  }
}

// -- jump links ---------------------------------------------------------------------------------
let jumpTo = null;  // a message to scroll to once its channel is drawn
let focused = null;  // the message a jump link led to, highlighted for a moment
function jump(channel, message) {
  channelId = channel;
  localStorage.setItem("channel", channelId);
  jumpTo = message || null;
  focused = message || null;
  if (message) setTimeout(() => { if (focused === message) { focused = null; reload(); } }, 4000);
  return load().then((drawn) => {
    if (drawn && snap.channel.id !== channel) toast("That channel is not in this server, or no longer exists.");
  });
}

document.addEventListener("click", (event) => {
  const anchor = event.target.closest("a.jump");
  if (!anchor) return;
  event.preventDefault();
  jump(anchor.dataset.jumpChannel, anchor.dataset.jumpMessage);
});

// -- slash commands ---------------------------------------------------------------------------
function renderCommandList() {
  const select = $("command");
  const current = select.value;
  const html = snap.commands.slash.map((c) => `<option value="${escapeHtml(c.path)}">/${escapeHtml(c.path)}</option>`).join("");
  if (select.dataset.html !== html) {
    select.innerHTML = html;
    select.dataset.html = html;
    if (current) select.value = current;
    renderCommandOptions();
  }
}

function channelChoices(types) {
  const choices = [];
  for (const channel of snap.channels) {
    const type = channel.kind === "forum" ? 15 : 0;
    if (!types || types.includes(type)) choices.push([channel.id, `${channel.kind === "forum" ? "≡" : "#"} ${channel.name}`]);
    for (const thread of channel.threads) if (!types || types.includes(11)) choices.push([thread.id, `↳ ${thread.name}`]);
  }
  return choices;
}

function optionField(option) {
  const name = `option-${option.name}`;
  const select = (choices) => `<select name="${name}"><option value="">${option.required ? "Choose…" : "(none)"}</option>${choices.map(([v, l]) => `<option value="${escapeHtml(v)}">${escapeHtml(l)}</option>`).join("")}</select>`;
  let input;
  if (option.choices) input = select(option.choices.map((c) => [String(c.value), c.name]));
  else if (option.type === OPTION.CHANNEL) input = select(channelChoices(option.channel_types));
  else if (option.type === OPTION.USER) input = select(snap.members.map((m) => [m.id, m.name]));
  else if (option.type === OPTION.ROLE) input = select(snap.roles.map((r) => [r.id, r.name]));
  else if (option.type === OPTION.MENTIONABLE) input = select(snap.members.map((m) => [m.id, m.name]).concat(snap.roles.map((r) => [r.id, "@" + r.name])));
  else if (option.type === OPTION.BOOLEAN) input = select([["true", "yes"], ["false", "no"]]);
  else if (option.type === OPTION.INTEGER || option.type === OPTION.NUMBER)
    input = `<input name="${name}" type="number" ${option.min_value != null ? `min="${option.min_value}"` : ""} ${option.max_value != null ? `max="${option.max_value}"` : ""} step="${option.type === OPTION.NUMBER ? "any" : "1"}">`;
  else if ((option.max_length || 0) > 300) input = `<textarea name="${name}" rows="3" maxlength="${option.max_length}"></textarea>`;
  else input = `<input name="${name}" ${option.autocomplete ? `list="list-${option.name}" data-autocomplete="${escapeHtml(option.name)}"` : ""} ${option.max_length ? `maxlength="${option.max_length}"` : ""}><datalist id="list-${option.name}"></datalist>`;
  return `<label class="option"><span>${escapeHtml(option.name)}${option.required ? " *" : ""}<small>${escapeHtml(option.description || "")}</small></span>${input}</label>`;
}

function selectedCommand() {
  return snap.commands.slash.find((c) => c.path === $("command").value);
}

function renderCommandOptions() {
  const command = selectedCommand();
  $("command-description").textContent = command ? command.description : "The bot has not synced its commands yet.";
  $("command-options").innerHTML = command ? command.options.map(optionField).join("") : "";
}

function commandValues() {
  const values = {};
  for (const field of $("command-form").querySelectorAll("[name^=option-]")) {
    if (field.value !== "") values[field.name.slice(7)] = field.value;
  }
  return values;
}

// -- acting -----------------------------------------------------------------------------------
function toast(text, ok = false) {
  const box = $("toast");
  box.textContent = text;
  box.style.background = ok ? "var(--green)" : "var(--red)";
  box.hidden = false;
  clearTimeout(box.timer);
  box.timer = setTimeout(() => (box.hidden = true), 5000);
}

async function act(body) {
  const response = await fetch("/api/act", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ as: viewer, ...body }) });
  const result = await response.json();
  if (result.error) toast(result.error);
  if (result.modal) openModal(result.modal);
  reload();
  return result;
}

function openModal(modal) {
  $("modal-title").textContent = modal.title;
  $("modal-inputs").innerHTML = modal.inputs.map((i) => `<label>${escapeHtml(i.label)}${i.required ? " *" : ""}
    ${i.paragraph ? `<textarea name="${escapeHtml(i.custom_id)}" rows="4" ${i.required ? "required" : ""} minlength="${i.min_length}" maxlength="${i.max_length}" placeholder="${escapeHtml(i.placeholder)}">${escapeHtml(i.value)}</textarea>`
      : `<input name="${escapeHtml(i.custom_id)}" ${i.required ? "required" : ""} minlength="${i.min_length}" maxlength="${i.max_length}" placeholder="${escapeHtml(i.placeholder)}" value="${escapeHtml(i.value)}">`}</label>`).join("");
  $("modal").dataset.interaction = modal.interaction;
  $("modal-backdrop").hidden = false;
  const first = $("modal-inputs").querySelector("input, textarea");
  if (first) first.focus();
}

$("modal").addEventListener("submit", async (event) => {
  event.preventDefault();
  const values = {};
  for (const field of $("modal-inputs").querySelectorAll("input, textarea")) values[field.name] = field.value;
  $("modal-backdrop").hidden = true;
  await act({ action: "modal", interaction: $("modal").dataset.interaction, values });
});
$("modal-cancel").addEventListener("click", () => ($("modal-backdrop").hidden = true));

$("viewer").addEventListener("change", (event) => {
  viewer = event.target.value;
  localStorage.setItem("viewer", viewer);
  load();
});

$("channels").addEventListener("click", (event) => {
  const button = event.target.closest("[data-channel-id]");
  if (!button) return;
  channelId = button.dataset.channelId;
  localStorage.setItem("channel", channelId);
  load();
});

$("messages").addEventListener("click", (event) => {
  const answer = event.target.closest(".poll-answer");
  if (answer) return act({ action: "vote", message: answer.dataset.message, answer: answer.dataset.answer });
  const button = event.target.closest("button[data-custom-id]");
  if (button) return act({ action: "click", message: button.dataset.message, custom_id: button.dataset.customId });
  const app = event.target.closest("button[data-app]");
  if (app) return act({ action: "message_command", message: app.parentElement.dataset.message, name: app.dataset.app });
});

$("messages").addEventListener("change", (event) => {
  const select = event.target.closest("select[data-select-id]");
  if (select && select.value) act({ action: "select", message: select.dataset.message, custom_id: select.dataset.selectId, values: [select.value] });
});

$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = $("composer-input");
  const content = input.value;
  if (content.startsWith("/")) {
    openCommandPanel(content.slice(1).trim());
    return;
  }
  input.value = "";
  await act({ action: "send", channel: channelId, content });
});

function openCommandPanel(path) {
  $("command-panel").hidden = false;
  if (path && snap.commands.slash.some((c) => c.path === path)) {
    $("command").value = path;
    renderCommandOptions();
  }
  $("command").focus();
}

$("open-command").addEventListener("click", () => openCommandPanel(""));
$("close-command").addEventListener("click", () => ($("command-panel").hidden = true));
$("command").addEventListener("change", renderCommandOptions);
$("command-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const command = selectedCommand();
  if (!command) return;
  const result = await act({ action: "command", channel: channelId, path: command.path, options: commandValues() });
  if (!result.error) {
    $("command-panel").hidden = true;
    $("composer-input").value = "";
  }
});

let typing = null;
$("command-options").addEventListener("input", (event) => {
  const field = event.target.closest("[data-autocomplete]");
  if (!field) return;
  clearTimeout(typing);
  typing = setTimeout(async () => {
    const body = { action: "autocomplete", channel: channelId, path: selectedCommand().path, focused: field.dataset.autocomplete, options: commandValues() };
    const response = await fetch("/api/act", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ as: viewer, ...body }) });
    const result = await response.json();
    document.getElementById(`list-${field.dataset.autocomplete}`).innerHTML = (result.choices || [])
      .map((c) => `<option value="${escapeHtml(c.value)}">${escapeHtml(c.name)}</option>`).join("");
  }, 200);
});

function listen() {
  const events = new EventSource("/api/events");
  events.onopen = () => $("connection").classList.add("live");
  events.onmessage = reload;
  events.onerror = () => $("connection").classList.remove("live");
}

load().then(listen);

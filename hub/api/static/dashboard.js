/* The organisers' dashboard: login, live numbers over server-sent events, two languages.
   Data is only ever put into the page as text (textContent), never as HTML. */
"use strict";

const TEXT = {
  en: {
    title: "Check-in dashboard", login_label: "Admin token or one-time login code",
    login_help: "A login code comes from “hub dashboard code” on the hub; desk tokens cannot log in.",
    login_button: "Log in", login_failed: "Not an admin token or an unused login code.",
    login_offline: "The hub cannot be reached.", switch_to: "切换到中文", switch_label: "中文",
    connecting: "Connecting…", live: "● Live", reconnecting: "○ Reconnecting…", actions: "Actions",
    export_csv: "Export CSV", export_xlsx: "Export XLSX", logout: "Log out", totals: "Totals",
    arrived: "Arrived", vips: "VIPs arrived", desks_ok: "Desks healthy", duplicates: "Admitted twice",
    arrivals: "Arrivals per 10 minutes (entrance)", as_table: "Show as a table", from: "From", people: "People",
    fleet: "Desks", desk: "Desk", state: "State", mode_gate: "Mode · gate", last_heard: "Last heard",
    last_decision: "Last decision", backlog: "Backlog", printer: "Printer", camera: "Camera", clock: "Clock",
    disk: "Disk free", version: "Version", forums: "Forums", forum: "Forum", admitted: "Admitted",
    inside: "Inside", capacity: "Capacity", categories: "Categories (entrance)", category: "Category",
    dups_title: "Admitted more than once at the same gate", who: "Who", gate: "Gate",
    admissions: "Admissions (desk, time)", changes: "Desk state changes", none_yet: "None yet.",
    ok: "✔ OK", problem: "✖", silent: "silent for {s} s", out_of_paper: "printer out of paper",
    backlog_growing: "backlog growing", clock_off: "clock off", ago: "{s} s ago", vip: "★ VIP",
    full: "⚠ full", no_desks: "No desk has reported yet.", unlimited: "no limit",
    m_selfservice: "self-service", m_desk: "desk", m_gate: "door", m_unknown: "?",
    p_ok: "OK", p_out_of_paper: "out of paper", p_offline: "offline", p_error: "error", p_none: "none",
    c_ok: "OK", c_paused: "paused (admin screen)", c_no_signal: "no signal", c_offline: "offline", c_none: "none", queued: "{n} queued",
    entrance: "Entrance", chart_label: "Bar chart of arrivals per 10 minutes; the table below has the numbers.",
  },
  zh: {
    title: "签到看板", login_label: "管理员令牌或一次性登录码",
    login_help: "登录码由中心服务器上的 “hub dashboard code” 生成；签到台令牌不能登录。",
    login_button: "登录", login_failed: "不是管理员令牌，或登录码无效或已用过。",
    login_offline: "无法连接中心服务器。", switch_to: "Switch to English", switch_label: "English",
    connecting: "正在连接…", live: "● 实时", reconnecting: "○ 正在重新连接…", actions: "操作",
    export_csv: "导出 CSV", export_xlsx: "导出 XLSX", logout: "退出", totals: "总计",
    arrived: "已到场", vips: "贵宾到场", desks_ok: "签到台正常", duplicates: "重复入场",
    arrivals: "每 10 分钟到场人数（主入口）", as_table: "以表格显示", from: "开始时间", people: "人数",
    fleet: "签到台", desk: "签到台", state: "状态", mode_gate: "模式 · 入口", last_heard: "最近联系",
    last_decision: "最近核验", backlog: "待上传", printer: "打印机", camera: "摄像头", clock: "时钟",
    disk: "磁盘剩余", version: "版本", forums: "论坛", forum: "论坛", admitted: "已入场",
    inside: "场内", capacity: "容量", categories: "嘉宾类别（主入口）", category: "类别",
    dups_title: "同一入口多次入场", who: "姓名", gate: "入口",
    admissions: "入场记录（签到台、时间）", changes: "签到台状态变化", none_yet: "暂无。",
    ok: "✔ 正常", problem: "✖", silent: "{s} 秒无联系", out_of_paper: "打印机缺纸",
    backlog_growing: "待上传记录在增加", clock_off: "时钟偏差", ago: "{s} 秒前", vip: "★ 贵宾",
    full: "⚠ 已满", no_desks: "尚无签到台报告状态。", unlimited: "不限",
    m_selfservice: "自助", m_desk: "人工台", m_gate: "论坛门口", m_unknown: "?",
    p_ok: "正常", p_out_of_paper: "缺纸", p_offline: "离线", p_error: "故障", p_none: "无",
    c_ok: "正常", c_paused: "已暂停（管理界面）", c_no_signal: "无信号", c_offline: "离线", c_none: "无", queued: "排队 {n}",
    entrance: "主入口", chart_label: "每 10 分钟到场人数柱状图；数字见下方表格。",
  },
};

let lang = localStorage.getItem("dashboard.lang") ||
  ((navigator.language || "").toLowerCase().startsWith("zh") ? "zh" : "en");
let latest = null;
let chart = null;

const t = (key, values) => {
  let text = TEXT[lang][key] ?? key;
  for (const [name, value] of Object.entries(values || {})) text = text.replace(`{${name}}`, value);
  return text;
};
const $ = (selector) => document.querySelector(selector);
const el = (tag, text, className) => {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
};
const row = (cells) => {
  const tr = el("tr");
  for (const cell of cells) tr.append(cell instanceof Node ? cell : el("td", cell));
  return tr;
};
const named = (item) => (lang === "zh" ? item.name_zh || item.name_en : item.name_en || item.name_zh) || item.id;
// Times are shown in the event's time zone (the hub sends it), 24-hour, whatever the browser's zone.
const zone = () => (latest && latest.timezone) || undefined;
const clock = (date, seconds = true) => date.toLocaleTimeString(lang === "zh" ? "zh-CN" : "en-GB",
  { hour12: false, timeZone: zone(), hour: "2-digit", minute: "2-digit", second: seconds ? "2-digit" : undefined });
const time = (iso) => (iso ? clock(new Date(iso)) : "–");
const bytes = (n) => (n === null || n === undefined ? "–" : `${(n / 2 ** 30).toFixed(1)} GB`);

function applyLanguage() {
  document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
  document.title = t("title");
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = t(node.dataset.t);
  for (const node of document.querySelectorAll("[data-t-aria]")) node.setAttribute("aria-label", t(node.dataset.tAria));
  for (const button of document.querySelectorAll("[data-lang-switch]")) {
    button.textContent = t("switch_label");
    button.setAttribute("aria-label", t("switch_to"));
    button.lang = lang === "zh" ? "en" : "zh-CN";
  }
  const chartBox = $("#chart");
  if (chartBox) chartBox.setAttribute("aria-label", t("chart_label"));
  if (latest) render(latest);
}

function switchLanguage() {
  lang = lang === "zh" ? "en" : "zh";
  localStorage.setItem("dashboard.lang", lang);
  applyLanguage();
}

function fill(selector, rows, columns) {
  const body = $(selector + " tbody");
  body.replaceChildren(...rows);
  if (!rows.length) {
    const td = el("td", t("none_yet"), "empty");
    td.colSpan = columns;
    body.append(row([td]));
  }
}

function gateName(id) {
  if (!id) return "–";
  return id === "entrance" ? t("entrance") : named((latest.forums || []).find((f) => f.id === id) || { id });
}

function problemText(problem, desk) {
  return problem === "silent" ? t("silent", { s: Math.round(desk.silent_for_s) }) : t(problem);
}

// A printer or camera that cannot work is flagged with ⚠ in its cell (the desk turns red only
// for the reasons the hub gives: silence, no paper, a growing backlog, a clock off).
const PRINTER_WARN = ["offline", "error", "out_of_paper"];
const CAMERA_WARN = ["no_signal", "offline"];
const warn = (state, bad) => (bad.includes(state) ? "⚠ " : "");

function renderFleet(data) {
  const rows = data.fleet.map((desk) => {
    const r = desk.report;
    const bad = desk.problems.length > 0;
    const state = el("td", bad ? `${t("problem")} ${desk.problems.map((p) => problemText(p, desk)).join(", ")}` : t("ok"),
      bad ? "state bad" : "state good");
    const offset = r.clock_offset_s === null || r.clock_offset_s === undefined ? "–" : `${r.clock_offset_s >= 0 ? "+" : ""}${r.clock_offset_s.toFixed(1)} s`;
    const printer = `${warn(r.printer_state, PRINTER_WARN)}${t("p_" + r.printer_state)}${r.printer_queue ? " · " + t("queued", { n: r.printer_queue }) : ""}`;
    const tr = row([el("th", desk.desk), state, `${t("m_" + r.mode)} · ${gateName(r.gate)}`,
      t("ago", { s: Math.round(desk.silent_for_s) }), time(r.last_decision_at), r.backlog, printer,
      warn(r.camera_state, CAMERA_WARN) + t("c_" + r.camera_state), offset, bytes(r.disk_free_bytes), r.app_version || "–"]);
    tr.firstChild.scope = "row";
    tr.dataset.desk = desk.desk;
    tr.dataset.state = bad ? "bad" : "good";
    if (bad) tr.className = "bad";
    return tr;
  });
  fill("#fleet", rows, 11);
  if (!rows.length) $("#fleet tbody td").textContent = t("no_desks");
  const healthy = data.fleet.filter((d) => !d.problems.length).length;
  $("#desks-ok").textContent = `${healthy} / ${data.fleet.length}`;
}

function renderChart(data) {
  const xs = data.per_10_min.map((b) => Date.parse(b.start) / 1000);
  const ys = data.per_10_min.map((b) => b.admitted);
  fill("#arrivals-table", data.per_10_min.map((b) => row([clock(new Date(b.start), false), b.admitted])), 2);
  const box = $("#chart");
  const width = Math.max(300, box.clientWidth);
  if (!window.uPlot) return;
  if (!chart) {
    chart = new uPlot({
      width, height: 220, legend: { show: false }, cursor: { show: false },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), zone() || "UTC"),
      scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(5, max * 1.15)] } },
      axes: [{ stroke: "#222", space: 70, values: (u, ticks) => ticks.map((ts) => clock(new Date(ts * 1000), false)) },
        { stroke: "#222" }],
      series: [{}, { label: t("people"), stroke: "#1f5fa8", fill: "#5b8fd1", width: 1,
        paths: uPlot.paths.bars({ size: [0.7, 60] }) }],
    }, [xs, ys], box);
  } else {
    if (chart.width !== width) chart.setSize({ width, height: 220 });
    chart.setData([xs, ys]);
  }
}

function render(data) {
  latest = data;
  $("#arrived").textContent = data.admitted;
  $("#expected").textContent = data.expected;
  $("#vips-arrived").textContent = data.vips.arrived;
  $("#vips-expected").textContent = data.vips.expected;
  $("#dup-count").textContent = data.duplicates.length;
  renderChart(data);
  renderFleet(data);
  fill("#forums", data.forums.map((f) => {
    const share = f.capacity ? Math.round((100 * f.inside) / f.capacity) : null;
    const cap = el("td");
    if (f.capacity) {
      const meter = el("meter");
      meter.max = f.capacity;
      meter.value = f.inside;
      meter.setAttribute("aria-label", `${named(f)}: ${f.inside} / ${f.capacity}`);
      cap.append(meter, ` ${f.inside} / ${f.capacity} (${share}%)${f.inside >= f.capacity ? " " + t("full") : ""}`);
    } else cap.textContent = t("unlimited");
    const tr = row([el("th", named(f)), f.admitted, f.inside, cap]);
    tr.firstChild.scope = "row";
    return tr;
  }), 4);
  fill("#categories", data.categories.map((c) => {
    const tr = row([el("th", `${named(c)}${c.vip ? "  " + t("vip") : ""}`), c.admitted]);
    tr.firstChild.scope = "row";
    return tr;
  }), 2);
  fill("#duplicates", data.duplicates.map((d) => row([
    (lang === "zh" ? d.name || d.name_en : d.name_en || d.name) || d.delegate_id, gateName(d.gate),
    d.admissions.map((a) => `${a.desk} ${time(a.at)}`).join(" · ")])), 3);
  $("#changes").replaceChildren(...data.changes.slice(0, 15).map((c) => {
    const problems = c.state.problems.length ? c.state.problems.map((p) => t(p)).join(", ") : t("ok");
    return el("li", `${time(c.at)} ${c.desk}: ${t("m_" + (c.state.mode || "unknown"))} · ${gateName(c.state.gate)} · ${problems}`);
  }));
}

function connect() {
  const source = new EventSource("/dashboard/events");
  source.onopen = () => { $("#live").dataset.t = "live"; $("#live").textContent = t("live"); };
  source.onmessage = (message) => render(JSON.parse(message.data));
  source.onerror = () => {
    $("#live").dataset.t = "reconnecting";
    $("#live").textContent = t("reconnecting");
    if (source.readyState === EventSource.CLOSED) {
      // Logged out or the session ended: the page itself then offers the login form.
      fetch("/dashboard/data").then((r) => (r.status === 401 ? location.reload() : setTimeout(connect, 2000)),
        () => setTimeout(connect, 2000));
    }
  };
}

function loginPage() {
  $("#login").addEventListener("submit", async (event) => {
    event.preventDefault();
    const error = $("#login-error");
    error.textContent = "";
    try {
      const response = await fetch("/dashboard/login", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ secret: $("#secret").value }), credentials: "same-origin",
      });
      if (response.status === 204) { location.reload(); return; }
      error.textContent = t("login_failed");
    } catch (_) {
      error.textContent = t("login_offline");
    }
    $("#secret").select();
  });
}

document.addEventListener("DOMContentLoaded", () => {
  for (const button of document.querySelectorAll("[data-lang-switch]")) button.addEventListener("click", switchLanguage);
  applyLanguage();
  if (document.body.dataset.page === "login") { loginPage(); return; }
  $("#logout").addEventListener("click", async () => {
    await fetch("/dashboard/logout", { method: "POST", credentials: "same-origin" });
    location.reload();
  });
  window.addEventListener("resize", () => latest && renderChart(latest));
  connect();
});

// graphkit explorer: pan, zoom, hover, click, search and filters over a layout computed in
// Python. Every string from the network is put on screen with textContent, never as markup.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("graphkit-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var meta = data.meta, people = data.people, ties = data.ties;
  var MAX_LABELS = 40;
  var byId = new Map(), byName = new Map();
  people.forEach(function (p, i) {
    byId.set(p.id, i);
    var key = p.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, i);
  });
  var adj = people.map(function () { return []; });
  ties.forEach(function (t) { adj[t[0]].push(t[1]); adj[t[1]].push(t[0]); });
  var ME = byId.get(meta.me);
  var orgs = Object.keys(data.paths).map(function (id) { return data.paths[id].organization; });

  var state = {scale: 1, tx: 0, ty: 0, selected: null, target: null, hot: new Set(),
               hotEdges: new Set(), off: new Set(), min: 0, hood: null};
  var $ = function (id) { return document.getElementById(id); };
  var svg = $("graph"), viewport = $("viewport"), nodesG = $("nodes"), labelsG = $("labels");

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }
  function colour(p) {
    var c = p.circle >= 0 && p.circle < data.circles.length - 1 ? p.circle : data.circles.length - 1;
    return data.circles[c].colour;
  }
  function radius(p) { return p.hops === 0 ? 9 : 3 + 8 * p.score; }
  function fmt(x) { return x === null || x === undefined ? "-" : Number(x).toFixed(3); }
  function plural(n, word) { return n + " " + word + (n === 1 ? "" : "s"); }
  function currentJob(p) {
    for (var k = 0; k < p.jobs.length; k++) if (p.jobs[k].current) return p.jobs[k];
    return null;
  }
  function role(p) {
    var j = currentJob(p);
    if (!j) return "";
    return (j.title ? j.title + " at " : "") + j.organization;
  }

  // --- header, message, legend, targets -------------------------------------------------
  $("title").textContent = meta.title;
  var sub = (meta.people - 1) + (meta.people === 2 ? " person" : " people") + " within " + plural(meta.depth, "hop") +
    ", " + plural(meta.ties, "tie") + " - as of " + meta.as_of;
  if (meta.within > meta.people - 1) sub += " (the " + (meta.people - 1) + " with the strongest paths of " + meta.within + ")";
  if (meta.anonymized) sub += " - anonymized copy";
  $("subtitle").textContent = sub;
  if (meta.message) { $("message").textContent = meta.message; $("message").hidden = false; }
  $("hint").textContent = meta.neighbourhood
    ? "Large network: showing the 2-hop neighbourhood of what you select. Drag to pan, wheel to zoom."
    : "Drag to pan, wheel to zoom, click a person or a target.";
  var list = $("search-list");
  orgs.forEach(function (o) { var opt = el("option"); opt.value = o.name; list.appendChild(opt); });
  people.forEach(function (p) { var opt = el("option"); opt.value = p.name; list.appendChild(opt); });

  $("legend-title").textContent = meta.colour_by === "organization" ? "Employers" : "Circles";
  data.circles.forEach(function (c, i) {
    var li = el("li"), box = el("input"), sw = el("span", null, "swatch");
    box.type = "checkbox"; box.checked = true; box.id = "circle-" + i;
    sw.style.background = c.colour;
    var label = el("label", c.name); label.htmlFor = box.id;
    box.addEventListener("change", function () {
      var key = i === data.circles.length - 1 ? -1 : i;
      if (box.checked) state.off.delete(key); else state.off.add(key);
      refresh();
    });
    li.appendChild(box); li.appendChild(sw); li.appendChild(label);
    $("circles").appendChild(li);
  });
  $("min-strength").addEventListener("input", function () {
    state.min = Number(this.value);
    $("min-strength-value").textContent = state.min.toFixed(2);
    refresh();
  });

  var reachable = data.targets.filter(function (t) { return t.reachable; });
  var fragile = data.targets.filter(function (t) { return t.fragile; });
  $("targets-summary").textContent = data.targets.length
    ? reachable.length + " of " + plural(data.targets.length, "target") + " reachable within " +
      plural(meta.depth, "hop") + "; " + fragile.length + " through a single person (fragile)."
    : "No target list yet: graphkit target add ORGANIZATION";
  data.targets.forEach(function (t) {
    var li = el("li"); li.dataset.target = t.id;
    var head = el("div"); head.appendChild(el("span", t.name, "target-name"));
    if (!t.reachable) head.appendChild(el("span", "no path", "badge none"));
    else if (t.fragile) head.appendChild(el("span", "fragile", "badge fragile"));
    li.appendChild(head);
    li.appendChild(el("div", t.reachable
      ? "best " + fmt(t.score) + ", " + plural(t.degree, "hop") + ", " + plural(t.doors.length, "door") + ": " + t.doors.slice(0, 5).join(", ") + (t.doors.length > 5 ? " and " + (t.doors.length - 5) + " more" : "")
      : t.employees + (t.employees === 1 ? " person" : " people") + " there; none within reach", "meta"));
    li.addEventListener("click", function () { chooseTarget(t.id); });
    $("targets").appendChild(li);
  });

  // --- drawing ----------------------------------------------------------------------------
  var circles = people.map(function (p, i) {
    var c = document.createElementNS(NS, "circle");
    c.setAttribute("cx", p.x); c.setAttribute("cy", p.y); c.setAttribute("r", radius(p));
    c.setAttribute("fill", colour(p));
    c.setAttribute("class", "node" + (p.at_target ? " ring" : "") + (i === ME ? " me" : ""));
    c.dataset.i = i;
    nodesG.appendChild(c);
    return c;
  });

  function shown(i) {
    if (i === ME || state.hot.has(i) || i === state.selected) return true;
    var p = people[i];
    if (state.off.has(p.circle >= 0 && p.circle < data.circles.length - 1 ? p.circle : -1)) return false;
    if (p.score < state.min) return false;
    return state.hood === null || state.hood.has(i);
  }
  function neighbourhood() {
    if (!meta.neighbourhood) return null;
    var seeds = state.selected !== null ? [state.selected] : Array.from(state.hot);
    var depth = state.selected !== null ? 2 : 1;
    if (!seeds.length) { seeds = [ME]; depth = 1; }
    var seen = new Set(seeds), frontier = seeds.slice();
    for (var d = 0; d < depth; d++) {
      var next = [];
      frontier.forEach(function (i) {
        adj[i].forEach(function (j) { if (!seen.has(j)) { seen.add(j); next.push(j); } });
      });
      frontier = next;
    }
    return seen;
  }
  function refresh() {
    state.hood = neighbourhood();
    var d = [], hot = [];
    for (var i = 0; i < circles.length; i++) {
      var cls = "node" + (people[i].at_target ? " ring" : "") + (i === ME ? " me" : "") +
        (state.hot.has(i) ? " hot" : "") + (i === state.selected ? " sel" : "") +
        (shown(i) ? "" : " hidden");
      if (circles[i].getAttribute("class") !== cls) circles[i].setAttribute("class", cls);
    }
    ties.forEach(function (t) {
      var a = people[t[0]], b = people[t[1]];
      var seg = "M" + a.x + " " + a.y + "L" + b.x + " " + b.y;
      if (state.hotEdges.has(t[0] + "-" + t[1]) || state.hotEdges.has(t[1] + "-" + t[0])) hot.push(seg);
      else if (shown(t[0]) && shown(t[1])) d.push(seg);
    });
    $("edges").setAttribute("d", d.join(""));
    $("hot-edges").setAttribute("d", hot.join(""));
    svg.classList.toggle("faded", state.hot.size > 0);
    placeLabels();
  }

  function applyTransform() {
    viewport.setAttribute("transform", "translate(" + state.tx + " " + state.ty + ") scale(" + state.scale + ")");
    $("edges").style.strokeWidth = (0.8 / state.scale) + "px";
    $("hot-edges").style.strokeWidth = (2.8 / state.scale) + "px";
    scheduleLabels();
  }
  function fit() {
    var w = svg.clientWidth || 800, h = svg.clientHeight || 600;
    var xs = people.map(function (p) { return p.x; }), ys = people.map(function (p) { return p.y; });
    var x0 = Math.min.apply(null, xs) - 20, x1 = Math.max.apply(null, xs) + 20;
    var y0 = Math.min.apply(null, ys) - 20, y1 = Math.max.apply(null, ys) + 20;
    state.scale = Math.min(w / (x1 - x0), h / (y1 - y0));
    state.tx = w / 2 - state.scale * (x0 + x1) / 2;
    state.ty = h / 2 - state.scale * (y0 + y1) / 2;
    applyTransform();
  }
  function zoomAt(factor, sx, sy) {
    var s = Math.max(0.05, Math.min(40, state.scale * factor));
    state.tx = sx - (sx - state.tx) * s / state.scale;
    state.ty = sy - (sy - state.ty) * s / state.scale;
    state.scale = s;
    applyTransform();
  }

  // Labels: the most important first (you, the highlighted paths, the selected person, then
  // the strongest paths), each only where it overlaps no label already placed.
  var labelFrame = 0;
  function scheduleLabels() {
    if (labelFrame) return;
    labelFrame = requestAnimationFrame(function () { labelFrame = 0; placeLabels(); });
  }
  function placeLabels() {
    while (labelsG.firstChild) labelsG.removeChild(labelsG.firstChild);
    var w = svg.clientWidth || 800, h = svg.clientHeight || 600;
    var order = [ME];
    if (state.selected !== null) order.push(state.selected);
    state.hot.forEach(function (i) { order.push(i); });
    var placed = [], done = new Set(), strong = new Set(order);
    for (var k = 0; k < people.length; k++) order.push(k);
    for (var n = 0; n < order.length && placed.length < MAX_LABELS; n++) {
      var i = order[n];
      if (done.has(i) || !shown(i)) continue;
      done.add(i);
      var p = people[i];
      var sx = p.x * state.scale + state.tx, sy = p.y * state.scale + state.ty;
      if (sx < -50 || sy < -20 || sx > w + 50 || sy > h + 20) continue;
      var r = radius(p) * Math.min(1, state.scale) + 3;
      var bw = p.name.length * (strong.has(i) ? 7.6 : 6.8) + 6;
      // Right, left, above, below the dot: the first spot that overlaps no placed label.
      var spots = [[sx + r, sy - 8], [sx - r - bw, sy - 8], [sx - bw / 2, sy - r - 15], [sx - bw / 2, sy + r]];
      var box = null;
      for (var s = 0; s < spots.length && !box; s++) {
        var b0 = [spots[s][0], spots[s][1], spots[s][0] + bw, spots[s][1] + 14];
        if (!placed.some(function (b) { return b0[0] < b[2] && b[0] < b0[2] && b0[1] < b[3] && b[1] < b0[3]; })) box = b0;
      }
      if (!box) continue;  // no free spot: the name is on hover
      placed.push(box);
      var t = document.createElementNS(NS, "text");
      t.setAttribute("x", box[0]); t.setAttribute("y", box[1] + 11);
      if (strong.has(i)) t.setAttribute("class", "strong");
      t.dataset.i = i;
      t.textContent = p.name;
      labelsG.appendChild(t);
    }
  }

  // --- pan, zoom, hover, click ---------------------------------------------------------------
  var drag = null;
  svg.addEventListener("pointerdown", function (ev) {
    if (ev.target.classList && ev.target.classList.contains("node")) return;
    drag = {x: ev.clientX, y: ev.clientY, tx: state.tx, ty: state.ty, moved: false};
    svg.classList.add("dragging");
  });
  window.addEventListener("pointermove", function (ev) {
    if (!drag) return;
    state.tx = drag.tx + ev.clientX - drag.x; state.ty = drag.ty + ev.clientY - drag.y;
    drag.moved = true;
    applyTransform();
  });
  window.addEventListener("pointerup", function () { drag = null; svg.classList.remove("dragging"); });
  svg.addEventListener("wheel", function (ev) {
    ev.preventDefault();
    var rect = svg.getBoundingClientRect();
    zoomAt(Math.pow(1.0015, -ev.deltaY), ev.clientX - rect.left, ev.clientY - rect.top);
  }, {passive: false});
  $("zoom-in").addEventListener("click", function () { zoomAt(1.4, svg.clientWidth / 2, svg.clientHeight / 2); });
  $("zoom-out").addEventListener("click", function () { zoomAt(1 / 1.4, svg.clientWidth / 2, svg.clientHeight / 2); });
  $("zoom-fit").addEventListener("click", fit);

  var tip = $("tooltip");
  nodesG.addEventListener("mouseover", function (ev) {
    var i = ev.target.dataset && ev.target.dataset.i;
    if (i === undefined) return;
    var p = people[Number(i)];
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    tip.appendChild(el("strong", p.name));
    var r = role(p);
    if (r) tip.appendChild(el("div", r));
    if (p.hops > 0) tip.appendChild(el("div", "best path " + fmt(p.score) + ", " + plural(p.hops, "hop")));
    var rect = svg.getBoundingClientRect();
    tip.style.left = (ev.clientX - rect.left + 12) + "px";
    tip.style.top = (ev.clientY - rect.top + 12) + "px";
    tip.hidden = false;
  });
  nodesG.addEventListener("mouseout", function () { tip.hidden = true; });
  nodesG.addEventListener("click", function (ev) {
    var i = ev.target.dataset && ev.target.dataset.i;
    if (i !== undefined) selectPerson(Number(i));
  });

  // --- the details panel --------------------------------------------------------------------
  var details = $("details");
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function personLink(id, name) {
    var b = el("button", name, "person-link");
    b.type = "button";
    b.addEventListener("click", function () { if (byId.has(id)) selectPerson(byId.get(id)); });
    return b;
  }
  function copyButton(text) {
    var b = el("button", "copy");
    b.type = "button";
    b.addEventListener("click", function () {
      var done = function () { b.textContent = "copied"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { b.textContent = "select and copy"; });
      } else {
        var area = el("textarea"); area.value = text; document.body.appendChild(area);
        area.select();
        try { document.execCommand("copy"); done(); } catch (e) { b.textContent = "select and copy"; }
        document.body.removeChild(area);
      }
    });
    return b;
  }
  function highlight(paths) {
    state.hot = new Set(); state.hotEdges = new Set();
    paths.forEach(function (ids) {
      ids.forEach(function (id) { if (byId.has(id)) state.hot.add(byId.get(id)); });
      for (var k = 1; k < ids.length; k++) {
        if (byId.has(ids[k - 1]) && byId.has(ids[k])) state.hotEdges.add(byId.get(ids[k - 1]) + "-" + byId.get(ids[k]));
      }
    });
  }
  function markTarget(id) {
    Array.prototype.forEach.call($("targets").children, function (li) {
      li.classList.toggle("chosen", li.dataset.target === id);
    });
  }

  function selectPerson(i) {
    var p = people[i];
    state.selected = i; state.target = null;
    highlight(p.hops > 0 ? [p.path] : []);
    markTarget(null);
    refresh();
    clear(details);
    details.appendChild(el("h2", p.name)).id = "person-name";
    if (i === ME) details.appendChild(el("p", "You.", "meta"));
    if (p.at_target) details.appendChild(el("span", "works at a target", "badge target"));
    details.appendChild(el("h3", "Jobs"));
    if (!p.jobs.length) details.appendChild(el("p", "No jobs recorded.", "meta"));
    var jobs = el("ul"); jobs.id = "jobs";
    p.jobs.forEach(function (j) {
      var when = j.current ? (j.start ? "since " + j.start : "now") : (j.end ? "until " + j.end : "before");
      jobs.appendChild(el("li", (j.title ? j.title + " at " : "") + j.organization + " (" + when + ")"));
    });
    details.appendChild(jobs);
    if (p.groups.length) {
      details.appendChild(el("h3", "Groups"));
      details.appendChild(el("p", p.groups.join(", ")));
    }
    if (i !== ME) {
      details.appendChild(el("h3", "Relationship"));
      var rel = el("div"); rel.id = "relationship"; details.appendChild(rel);
      if (p.tie) {
        rel.appendChild(el("p", "Stage: " + (p.tie.stage || "not set") + "; strength " + fmt(p.tie.strength) +
          (p.tie.inferred ? " [inferred]" : "")));
        rel.appendChild(el("p", "Last contact: " + (p.tie.last_contact || "not recorded") +
          (p.tie.interactions ? "; " + plural(p.tie.interactions, "interaction") : "")));
        var ev = el("ul", null, "evidence");
        p.tie.evidence.forEach(function (e) { ev.appendChild(el("li", e)); });
        rel.appendChild(ev);
      } else {
        var line = el("p", "Not a contact of yours. Best path (score " + fmt(p.score) + ", " + plural(p.hops, "hop") + "): ");
        p.path.forEach(function (id, k) {
          if (k) line.appendChild(document.createTextNode(" > "));
          line.appendChild(personLink(id, people[byId.get(id)] ? people[byId.get(id)].name : id));
        });
        rel.appendChild(line);
      }
    }
    details.appendChild(el("h3", "Follow-ups due"));
    if (!p.follow_ups.length) details.appendChild(el("p", "None.", "meta"));
    p.follow_ups.forEach(function (f) { details.appendChild(el("p", f)); });
    if (p.commands.length) {
      details.appendChild(el("h3", "Next step"));
      p.commands.forEach(function (c) {
        details.appendChild(el("div", c.why, "meta"));
        var row = el("div", null, "command");
        row.appendChild(el("code", c.command));
        row.appendChild(copyButton(c.command));
        details.appendChild(row);
      });
    }
  }

  function chooseTarget(orgId) {
    var answer = data.paths[orgId];
    state.selected = null; state.target = orgId;
    highlight(answer.paths.map(function (p) { return p.people.map(function (q) { return q.id; }); }));
    markTarget(orgId);
    refresh();
    clear(details);
    details.appendChild(el("h2", answer.organization.name)).id = "target-name";
    var contacts = [], groups = new Map();
    answer.paths.forEach(function (path) {
      var first = path.people[1];
      if (!groups.has(first.id)) { groups.set(first.id, []); contacts.push(first); }
      groups.get(first.id).push(path);
    });
    var t = data.targets.filter(function (x) { return x.id === orgId; })[0];
    if (!answer.paths.length) {
      details.appendChild(el("p", "No path to anyone there within " + plural(answer.max_hops, "hop") + "."));
      if (answer.suggestions.length) details.appendChild(el("h3", "What could open a door"));
      answer.suggestions.forEach(function (s) { details.appendChild(el("p", s.text)); });
      return;
    }
    details.appendChild(el("p", plural(answer.paths.length, "path") + " within " + plural(answer.max_hops, "hop") +
      ", through " + plural(contacts.length, "contact") + (t && t.fragile ? " (fragile: a single door)" : "") + "."));
    contacts.forEach(function (c, rank) {
      var box = el("div", null, "group"), paths = groups.get(c.id);
      var head = el("p"); head.appendChild(el("strong", (rank + 1) + ". Ask "));
      head.appendChild(personLink(c.id, c.name));
      var step = paths[0].steps[0];
      head.appendChild(document.createTextNode(" (" + (step.evidence.join("; ") || "connected") + (step.inferred ? " [inferred]" : "") + ")"));
      box.appendChild(head);
      paths.forEach(function (path) {
        var row = el("div", null, "path");
        row.dataset.people = path.people.map(function (q) { return q.name; }).join(" > ");
        row.dataset.score = path.score;
        var last = path.people[path.people.length - 1];
        row.appendChild(document.createTextNode(path.hops === 1 ? "works there" : "for an introduction to "));
        if (path.hops > 1) row.appendChild(personLink(last.id, last.name));
        row.appendChild(document.createTextNode((path.title ? ", " + path.title : "") + " (score " + fmt(path.score) + ", " + plural(path.hops, "hop") + ")"));
        path.steps.slice(1).forEach(function (s) {
          row.appendChild(el("div", s.from.name + " knows " + s.to.name + ": " + (s.evidence.join("; ") || "connected") + (s.inferred ? " [inferred]" : ""), "step"));
        });
        if (path.shared_groups.length) row.appendChild(el("div", "you both belong to " + path.shared_groups.join(", "), "step"));
        box.appendChild(row);
      });
      details.appendChild(box);
    });
  }

  function search(text) {
    var q = text.trim().toLowerCase();
    if (!q) return;
    var exact = orgs.filter(function (o) { return o.name.toLowerCase() === q || o.id.toLowerCase() === q; })[0];
    if (exact) return chooseTarget(exact.id);
    if (byName.has(q)) return selectPerson(byName.get(q));
    if (byId.has(text.trim())) return selectPerson(byId.get(text.trim()));
    var org = orgs.filter(function (o) { return o.name.toLowerCase().indexOf(q) >= 0; })[0];
    if (org) return chooseTarget(org.id);
    for (var i = 0; i < people.length; i++) if (people[i].name.toLowerCase().indexOf(q) >= 0) return selectPerson(i);
    clear(details);
    details.appendChild(el("p", "Nothing in this page matches \u201c" + text.trim() + "\u201d. For any organization, run: graphkit path-to \"" + text.trim() + "\""));
  }
  $("search-form").addEventListener("submit", function (ev) { ev.preventDefault(); search($("search").value); });
  $("search").addEventListener("change", function () { search(this.value); });

  // --- start ----------------------------------------------------------------------------------
  clear(details);
  details.appendChild(el("h2", "Start here"));
  details.appendChild(el("p", "Pick a target on the left or search an organization to see whom to ask; click a person for their jobs, your relationship and the next step."));
  if (meta.unmatched_targets.length) details.appendChild(el("p", "Target-list entries matching no organization: " + meta.unmatched_targets.join(", "), "meta"));
  fit();
  refresh();
  window.addEventListener("resize", fit);
  // A link may name what to show first: page.html#target=<organization id> or #person=<id>.
  var wanted = /^#(target|person)=(.+)$/.exec(location.hash);
  if (wanted) {
    var key = decodeURIComponent(wanted[2]);
    if (wanted[1] === "target" && data.paths[key]) chooseTarget(key);
    else if (wanted[1] === "person" && byId.has(key)) selectPerson(byId.get(key));
  }
  document.body.dataset.ready = "true";
})();

/* One article with its layers of marks (gold, each adapter), filters, item list and item details.
   Shared by the viewer (harness view) and the static report.html. Text from articles, gold and
   predictions only ever goes into the page through textContent, never as markup. ASCII only: report.html
   inlines this file and hashes its bytes into its Content-Security-Policy. */
"use strict";

var HarnessArticle = (function () {
  var OUTCOMES = ["hit", "wrong speaker", "wrong type", "wrong span", "missed", "false alarm", "leaked from boilerplate"];
  var ERRORS = OUTCOMES.slice(1);
  var CATEGORIES = ["entities", "quotes", "figures", "events"];
  var CLASS = {"gold": "o-gold", "hit": "o-hit", "wrong speaker": "o-speaker", "wrong type": "o-type",
               "wrong span": "o-span", "missed": "o-missed", "false alarm": "o-fa", "leaked from boilerplate": "o-leak"};
  // where marks overlap, the later outcome in this order colours the stretch
  var PRIORITY = ["gold", "hit", "wrong speaker", "leaked from boilerplate", "wrong span", "wrong type", "false alarm",
                  "missed"];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function defaults() {
    return {layers: null, mode: "overlay", category: "", type: "", outcome: "", adapter: "", q: ""};
  }

  // state <-> "key=value&..." (the URL hash or query holds it, so a link reopens the same view)
  function encodeState(state) {
    var parts = [];
    ["mode", "category", "type", "outcome", "adapter", "q"].forEach(function (key) {
      if (state[key] && state[key] !== defaults()[key]) parts.push(key + "=" + encodeURIComponent(state[key]));
    });
    if (state.layers) parts.push("layers=" + encodeURIComponent(state.layers.join(",")));
    return parts.join("&");
  }

  function decodeState(text, state) {
    state = state || defaults();
    (text || "").split("&").forEach(function (pair) {
      if (!pair) return;
      var at = pair.indexOf("=");
      var key = at < 0 ? pair : pair.slice(0, at);
      var value = at < 0 ? "" : decodeURIComponent(pair.slice(at + 1));
      if (key === "layers") state.layers = value ? value.split(",") : [];
      else if (key in defaults()) state[key] = value;
    });
    return state;
  }

  function matches(item, state) {
    if (state.layers && state.layers.indexOf(item.layer) < 0) return false;
    if (state.adapter && item.layer !== "gold" && item.layer !== state.adapter) return false;
    if (state.category && item.category !== state.category) return false;
    if (state.type && item.label !== state.type) return false;
    if (state.outcome && item.outcome !== state.outcome) return false;
    if (state.q) {
      var q = state.q.toLowerCase();
      var hay = [item.label, item.note, item.gold && item.gold.text, item.predicted && item.predicted.text,
                 item.gold_speaker].join("\n").toLowerCase();
      if (hay.indexOf(q) < 0) return false;
    }
    return true;
  }

  function visible(doc, state) {
    return doc.items.filter(function (item) { return matches(item, state); });
  }

  function top(items) {
    var best = items[0];
    items.forEach(function (item) {
      if (PRIORITY.indexOf(item.outcome) > PRIORITY.indexOf(best.outcome)) best = item;
    });
    return best;
  }

  // the text once, split where marks begin and end; each stretch knows the items covering it
  function renderText(text, items, boilerplate, onPick) {
    var box = el("div", "article");
    var placed = items.filter(function (i) { return typeof i.start === "number" && typeof i.end === "number" &&
                                                     0 <= i.start && i.start < i.end && i.end <= text.length; });
    var bounds = {0: true};
    bounds[text.length] = true;
    placed.forEach(function (i) { bounds[i.start] = true; bounds[i.end] = true; });
    boilerplate.forEach(function (r) { bounds[Math.max(0, Math.min(r[0], text.length))] = true;
                                       bounds[Math.max(0, Math.min(r[1], text.length))] = true; });
    var points = Object.keys(bounds).map(Number).sort(function (a, b) { return a - b; });
    var marks = {};
    for (var n = 0; n + 1 < points.length; n++) {
      var left = points[n], right = points[n + 1];
      var piece = text.slice(left, right);
      var covering = placed.filter(function (i) { return i.start <= left && right <= i.end; });
      var inBoilerplate = boilerplate.some(function (r) { return r[0] <= left && right <= r[1]; });
      var node;
      if (covering.length) {
        var shown = top(covering);
        node = el("mark", "hl " + CLASS[shown.outcome] + (covering.length > 1 ? " many" : ""), piece);
        node.setAttribute("data-ids", covering.map(function (i) { return i.id; }).join(" "));
        node.title = covering.map(function (i) { return i.layer + ": " + i.outcome + (i.label ? " " + i.label : ""); })
                             .join("; ");
        node.addEventListener("click", (function (found) {
          return function () { onPick(found); };
        })(covering));
        covering.forEach(function (i) { if (!(i.id in marks)) marks[i.id] = node; });
      } else {
        node = document.createTextNode(piece);
      }
      if (inBoilerplate) {
        var wrap = el("span", "region-boilerplate");
        wrap.appendChild(node);
        node = wrap;
      }
      box.appendChild(node);
    }
    return {box: box, marks: marks};
  }

  function spanText(span) {
    if (!span) return "\u2014";
    var where = typeof span.start === "number" ? " [" + span.start + "\u2013" + span.end + "]" : " (not found in the text)";
    return JSON.stringify(span.text) + where;
  }

  function details(panel, items) {
    panel.textContent = "";
    items.forEach(function (item) {
      var card = el("div", "card " + CLASS[item.outcome]);
      card.appendChild(el("h4", "", item.layer + " \u00b7 " + item.category + " \u00b7 " + item.outcome));
      var list = el("dl");
      [["type", item.label || "\u2014"], ["gold", spanText(item.gold)], ["prediction", spanText(item.predicted)],
       ["note", item.note || "\u2014"]].forEach(function (row) {
        list.appendChild(el("dt", "", row[0]));
        list.appendChild(el("dd", "d-" + row[0], row[1]));
      });
      if (item.category === "quotes" && item.layer !== "gold") {
        list.appendChild(el("dt", "", "gold speaker"));
        list.appendChild(el("dd", "d-speaker", item.gold_speaker || "\u2014"));
      }
      card.appendChild(list);
      panel.appendChild(card);
    });
    panel.hidden = items.length === 0;
  }

  function itemTable(items, onPick) {
    var table = el("table", "items");
    var head = el("tr");
    ["layer", "category", "outcome", "type", "gold", "prediction", "note"].forEach(function (name) {
      head.appendChild(el("th", "", name));
    });
    table.appendChild(head);
    var rows = {};
    items.forEach(function (item) {
      var row = el("tr", "item " + CLASS[item.outcome]);
      row.setAttribute("data-id", item.id);
      row.setAttribute("data-outcome", item.outcome);
      [item.layer, item.category, item.outcome, item.label, item.gold ? item.gold.text : "",
       item.predicted ? item.predicted.text : "", item.note].forEach(function (value) {
        row.appendChild(el("td", "", value));
      });
      row.addEventListener("click", function () { onPick([item]); });
      table.appendChild(row);
      rows[item.id] = row;
    });
    return {table: table, rows: rows};
  }

  // a document: layer columns side by side, or one text with every layer overlaid; then its item list
  function render(root, doc, state, panel) {
    root.textContent = "";
    var shown = visible(doc, state);
    var layers = doc.layers.filter(function (layer) {
      return (!state.layers || state.layers.indexOf(layer) >= 0) &&
             (!state.adapter || layer === "gold" || layer === state.adapter);
    });
    var view = {marks: {}, rows: {}, errors: [], current: -1, items: shown};
    function pick(items) {
      details(panel, items);
      Object.keys(view.rows).forEach(function (id) { view.rows[id].classList.remove("current"); });
      root.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
      items.forEach(function (item) {
        if (view.rows[item.id]) view.rows[item.id].classList.add("current");
        if (view.marks[item.id]) view.marks[item.id].classList.add("current");
      });
    }
    view.pick = pick;
    var texts = el("div", "texts " + (state.mode === "side" ? "side" : "overlay"));
    var groups = state.mode === "side" ? layers.map(function (l) { return [l]; }) : [layers];
    groups.forEach(function (group) {
      var column = el("div", "column");
      column.appendChild(el("h4", "layer-name", group.join(" + ") || "no layer"));
      var items = shown.filter(function (i) { return group.indexOf(i.layer) >= 0; });
      var drawn = renderText(doc.text, items, doc.boilerplate || [], pick);
      Object.keys(drawn.marks).forEach(function (id) { if (!(id in view.marks)) view.marks[id] = drawn.marks[id]; });
      column.appendChild(drawn.box);
      texts.appendChild(column);
    });
    root.appendChild(texts);
    var listed = shown.filter(function (i) { return layers.indexOf(i.layer) >= 0; });
    var built = itemTable(listed, pick);
    view.rows = built.rows;
    view.errors = listed.filter(function (i) { return ERRORS.indexOf(i.outcome) >= 0; });
    root.appendChild(el("p", "counts", listed.length + " item(s) shown, " + view.errors.length + " error(s)"));
    root.appendChild(built.table);
    // j / k: the next or previous error; false when there is none that way
    view.step = function (by) {
      var next = view.current + by;
      if (next < 0 || next >= view.errors.length) return false;
      view.current = next;
      var item = view.errors[next];
      pick([item]);
      var target = view.marks[item.id] || view.rows[item.id];
      if (target && target.scrollIntoView) target.scrollIntoView({block: "center"});
      return true;
    };
    return view;
  }

  function options(select, values, chosen, allLabel) {
    select.textContent = "";
    var all = el("option", "", allLabel);
    all.value = "";
    select.appendChild(all);
    values.forEach(function (value) {
      var option = el("option", "", value);
      option.value = value;
      select.appendChild(option);
    });
    select.value = values.indexOf(chosen) >= 0 ? chosen : "";
  }

  // the filter bar: layer switches, side by side or overlaid, category, type, outcome, adapter, search
  function controls(bar, docs, state, changed) {
    bar.textContent = "";
    var layers = [], types = [];
    docs.forEach(function (doc) {
      doc.layers.forEach(function (l) { if (layers.indexOf(l) < 0) layers.push(l); });
      doc.items.forEach(function (i) { if (i.label && types.indexOf(i.label) < 0) types.push(i.label); });
    });
    types.sort();
    var switches = el("span", "layers");
    switches.appendChild(el("span", "label", "layers:"));
    layers.forEach(function (layer) {
      var label = el("label", "layer");
      var box = el("input");
      box.type = "checkbox";
      box.name = "layer";
      box.value = layer;
      box.checked = !state.layers || state.layers.indexOf(layer) >= 0;
      box.addEventListener("change", function () {
        state.layers = Array.prototype.filter.call(bar.querySelectorAll("input[name=layer]"), function (b) {
          return b.checked; }).map(function (b) { return b.value; });
        changed();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + layer));
      switches.appendChild(label);
    });
    bar.appendChild(switches);
    function select(name, values, allLabel) {
      var node = el("select", "filter");
      node.name = name;
      options(node, values, state[name], allLabel);
      node.addEventListener("change", function () { state[name] = node.value; changed(); });
      bar.appendChild(node);
      return node;
    }
    var mode = el("select", "filter");
    mode.name = "mode";
    [["overlay", "overlaid"], ["side", "side by side"]].forEach(function (pair) {
      var option = el("option", "", pair[1]);
      option.value = pair[0];
      mode.appendChild(option);
    });
    mode.value = state.mode === "side" ? "side" : "overlay";
    mode.addEventListener("change", function () { state.mode = mode.value; changed(); });
    bar.appendChild(mode);
    select("category", CATEGORIES, "every category");
    select("type", types, "every type");
    select("outcome", OUTCOMES, "every outcome");
    select("adapter", layers.filter(function (l) { return l !== "gold"; }), "every adapter");
    var search = el("input", "search");
    search.type = "search";
    search.name = "q";
    search.placeholder = "search items";
    search.value = state.q || "";
    search.addEventListener("input", function () { state.q = search.value; changed(); });
    bar.appendChild(search);
  }

  return {OUTCOMES: OUTCOMES, ERRORS: ERRORS, el: el, defaults: defaults, encodeState: encodeState,
          decodeState: decodeState, matches: matches, render: render, controls: controls, details: details,
          renderText: renderText};
})();

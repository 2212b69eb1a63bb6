/* harness view: runs, scores, documents, diffs and robustness, all read from the JSON API under /api/.
   The URL hash holds the page, the run, the document and the filters, so a link reopens the same view. */
"use strict";

(function () {
  var el = HarnessArticle.el;
  var main = document.getElementById("main");
  var nav = document.getElementById("nav");
  var current = {view: null, next: null};

  function api(path) {
    return fetch("/api/" + path).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.error || response.statusText);
        return body;
      });
    });
  }

  function route() {
    var hash = location.hash.replace(/^#\/?/, "");
    var at = hash.indexOf("?");
    var page = (at < 0 ? hash : hash.slice(0, at)) || "runs";
    var query = {};
    (at < 0 ? "" : hash.slice(at + 1)).split("&").forEach(function (pair) {
      if (!pair) return;
      var eq = pair.indexOf("=");
      query[eq < 0 ? pair : pair.slice(0, eq)] = eq < 0 ? "" : decodeURIComponent(pair.slice(eq + 1));
    });
    return {page: page, query: query, raw: at < 0 ? "" : hash.slice(at + 1)};
  }

  function link(page, params) {
    var parts = Object.keys(params).filter(function (k) { return params[k]; }).map(function (k) {
      return k + "=" + encodeURIComponent(params[k]);
    });
    return "#/" + page + (parts.length ? "?" + parts.join("&") : "");
  }

  function anchor(text, href, className) {
    var a = el("a", className || "", text);
    a.href = href;
    return a;
  }

  function failed(error) {
    main.textContent = "";
    main.appendChild(el("p", "error", error.message || String(error)));
  }

  function fmt(value, digits) {
    return value === null || value === undefined ? "–" : Number(value).toFixed(digits === undefined ? 3 : digits);
  }

  function interval(ci) {
    return ci ? "[" + fmt(ci[0]) + ", " + fmt(ci[1]) + "]" : "–";
  }

  // a table whose columns sort on a click on their heading (numbers as numbers)
  function sortable(headings, rows) {
    var table = el("table", "sortable");
    var head = el("tr");
    var body = el("tbody");
    var order = {column: -1, up: true};
    function fill() {
      body.textContent = "";
      rows.forEach(function (row) {
        var tr = el("tr");
        row.forEach(function (cell) {
          var td = el("td");
          if (cell && cell.node) td.appendChild(cell.node);
          else td.textContent = cell && cell.text !== undefined ? cell.text : cell;
          tr.appendChild(td);
        });
        body.appendChild(tr);
      });
    }
    function key(cell) {
      var value = cell && cell.sort !== undefined ? cell.sort : cell && cell.text !== undefined ? cell.text : cell;
      return value === null || value === undefined || value === "–" ? -Infinity : value;
    }
    headings.forEach(function (name, column) {
      var th = el("th", "", name);
      th.addEventListener("click", function () {
        order.up = order.column === column ? !order.up : false;
        order.column = column;
        rows.sort(function (a, b) {
          var x = key(a[column]), y = key(b[column]);
          var result = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
          return order.up ? result : -result;
        });
        head.querySelectorAll("th").forEach(function (h) { h.classList.remove("up", "down"); });
        th.classList.add(order.up ? "up" : "down");
        fill();
      });
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    table.appendChild(body);
    fill();
    return table;
  }

  function num(value, digits) { return {text: fmt(value, digits), sort: value === null ? null : value}; }

  // a count: whole unless a partial match made it fractional
  function count(value) { return num(value, Number.isInteger(value) ? 0 : 1); }

  function setNav(run) {
    nav.textContent = "";
    nav.appendChild(anchor("Runs", "#/runs"));
    if (run) {
      nav.appendChild(anchor("Scores", link("scores", {run: run})));
      nav.appendChild(anchor("Documents", link("documents", {run: run})));
      nav.appendChild(anchor("Robustness", link("robustness", {run: run})));
      nav.appendChild(el("span", "run-id", "run " + run));
    }
  }

  // ---------------------------------------------------------------- runs

  function runsPage() {
    setNav(null);
    return api("runs").then(function (found) {
      main.textContent = "";
      main.appendChild(el("h2", "", "Runs"));
      if (!found.runs.length) {
        main.appendChild(el("p", "", "No runs yet: run `harness run`, then reload this page."));
        return;
      }
      var columns = [];
      found.runs.forEach(function (run) {
        Object.keys(run.adapters || {}).forEach(function (adapter) {
          Object.keys(run.adapters[adapter].scores || {}).forEach(function (category) {
            var name = adapter + " " + category;
            if (columns.indexOf(name) < 0) columns.push(name);
          });
        });
      });
      var chosen = [];
      var button = el("button", "diff", "Diff the two chosen runs");
      button.disabled = true;
      button.addEventListener("click", function () {
        location.hash = link("diff", {a: chosen[0], b: chosen[1]});
      });
      var rows = found.runs.map(function (run) {
        var box = el("input");
        box.type = "checkbox";
        box.value = run.id;
        box.className = "pick";
        box.addEventListener("change", function () {
          if (box.checked) chosen.push(run.id);
          else chosen.splice(chosen.indexOf(run.id), 1);
          while (chosen.length > 2) {
            var dropped = chosen.shift();
            main.querySelectorAll("input.pick").forEach(function (b) { if (b.value === dropped) b.checked = false; });
          }
          button.disabled = chosen.length !== 2;
        });
        var names = el("span");
        names.appendChild(anchor(run.id, link("documents", {run: run.id})));
        names.appendChild(document.createTextNode(" "));
        names.appendChild(anchor("scores", link("scores", {run: run.id}), "small"));
        var row = [{node: box, text: ""}, {node: names, text: run.id},
                   run.created || "", run.error ? "unreadable" : run.status,
                   run.gold ? num(run.gold.documents, 0) : "–"];
        columns.forEach(function (name) {
          var parts = name.split(" ");
          var adapter = (run.adapters || {})[parts[0]];
          var score = adapter && adapter.scores[parts[1]];
          row.push(score ? num(score.f1) : {text: "–", sort: null});
        });
        return row;
      });
      main.appendChild(el("p", "", "F1 per adapter and category. Pick a run to see its documents, or two to diff."));
      main.appendChild(sortable(["", "run", "created", "status", "documents"].concat(columns.map(function (c) {
        return c + " F1"; })), rows));
      main.appendChild(button);
      found.runs.filter(function (r) { return r.error; }).forEach(function (r) {
        main.appendChild(el("p", "error", r.id + ": " + r.error));
      });
    });
  }

  // ---------------------------------------------------------------- scores

  function scoresPage(query) {
    setNav(query.run);
    return api("runs/" + encodeURIComponent(query.run)).then(function (found) {
      var report = found.report;
      main.textContent = "";
      main.appendChild(el("h2", "", "Scores of " + found.id));
      var headline = [], perType = [], slices = [];
      Object.keys(report.adapters).forEach(function (name) {
        var entry = report.adapters[name];
        Object.keys(entry.scores || {}).forEach(function (category) {
          var s = entry.scores[category];
          headline.push([name, category, num(s.precision), num(s.recall), num(s.f1), interval(s.ci95),
                         count(s.tp), count(s.fp), count(s.fn)]);
          Object.keys(s.per_type || {}).forEach(function (type) {
            var t = s.per_type[type];
            perType.push([name, category, type, num(t.precision), num(t.recall), num(t.f1), count(t.tp),
                          count(t.fp), count(t.fn)]);
          });
        });
        Object.keys(entry.slices || {}).forEach(function (field) {
          Object.keys(entry.slices[field]).forEach(function (value) {
            var slice = entry.slices[field][value];
            Object.keys(slice.scores || {}).forEach(function (category) {
              var s = slice.scores[category];
              slices.push([name, field, value, num(slice.documents, 0), category, num(s.f1), interval(s.ci95)]);
            });
          });
        });
        if (entry.status === "failed") headline.push([name, "–", "failed", "", "", "", "", "", ""]);
      });
      main.appendChild(sortable(["adapter", "category", "P", "R", "F1", "F1 95% interval", "tp", "fp", "fn"], headline));
      main.appendChild(el("h3", "", "Per type"));
      main.appendChild(sortable(["adapter", "category", "type", "P", "R", "F1", "tp", "fp", "fn"], perType));
      if (slices.length) {
        main.appendChild(el("h3", "", "Per slice"));
        main.appendChild(sortable(["adapter", "field", "value", "documents", "category", "F1", "F1 95% interval"],
                                  slices));
      }
      if ((report.errors || []).length) {
        main.appendChild(el("h3", "", "Errors (" + report.errors.length + ")"));
        main.appendChild(sortable(["adapter", "document", "stage", "kind", "message"], report.errors.map(function (e) {
          return [e.adapter, e.doc_id || "–", e.stage, e.kind, e.message];
        })));
      }
    });
  }

  // ---------------------------------------------------------------- documents

  function errorsOf(doc, adapter) {
    var total = 0;
    Object.keys(doc.outcomes).forEach(function (layer) {
      if (adapter && layer !== adapter) return;
      Object.keys(doc.outcomes[layer]).forEach(function (outcome) {
        if (outcome !== "hit") total += doc.outcomes[layer][outcome];
      });
    });
    return total;
  }

  function documentsPage(query, raw) {
    setNav(query.run);
    var state = HarnessArticle.decodeState(raw);
    return api("runs/" + encodeURIComponent(query.run) + "/documents").then(function (listing) {
      main.textContent = "";
      var docs = listing.documents;
      var docId = query.doc || (docs[0] && docs[0].doc_id);
      var layout = el("div", "documents");
      var side = el("div", "doclist");
      var filter = el("input", "docsearch");
      filter.type = "search";
      filter.placeholder = "find a document";
      side.appendChild(filter);
      var list = el("ul");
      side.appendChild(list);
      function fillList() {
        list.textContent = "";
        var q = filter.value.toLowerCase();
        docs.forEach(function (doc) {
          if (q && (doc.doc_id + "\n" + doc.title).toLowerCase().indexOf(q) < 0) return;
          var item = el("li", doc.doc_id === docId ? "chosen" : "");
          var params = {run: query.run, doc: doc.doc_id};
          item.appendChild(anchor(doc.title, link("documents", params) + (HarnessArticle.encodeState(state) ?
            "&" + HarnessArticle.encodeState(state) : "")));
          item.appendChild(el("small", "", " " + errorsOf(doc, state.adapter) + " error(s)"));
          list.appendChild(item);
        });
      }
      filter.addEventListener("input", fillList);
      fillList();
      listing.problems.forEach(function (p) { side.appendChild(el("p", "error", p)); });
      layout.appendChild(side);
      var body = el("div", "docview");
      layout.appendChild(body);
      main.appendChild(layout);
      if (!docId) { body.appendChild(el("p", "", "This run has no documents.")); return; }
      return api("runs/" + encodeURIComponent(query.run) + "/documents/" + encodeURIComponent(docId)).then(function (doc) {
        body.appendChild(el("h2", "", doc.title));
        body.appendChild(el("p", "doc-id", doc.doc_id));
        var bar = el("div", "controls");
        var root = el("div", "doc");
        var panel = el("div", "details");
        panel.hidden = true;
        var split = el("div", "split");
        split.appendChild(root);
        split.appendChild(panel);
        body.appendChild(bar);
        body.appendChild(split);
        function draw() {
          current.view = HarnessArticle.render(root, doc, state, panel);
          var hash = link("documents", {run: query.run, doc: docId});
          var encoded = HarnessArticle.encodeState(state);
          history.replaceState(null, "", hash + (encoded ? "&" + encoded : ""));
          fillList();
        }
        HarnessArticle.controls(bar, [doc], state, draw);
        draw();
        // past the last error of this document, j opens the next document that has errors
        current.next = function (by) {
          var index = docs.findIndex(function (d) { return d.doc_id === docId; });
          for (var i = index + by; i >= 0 && i < docs.length; i += by) {
            if (errorsOf(docs[i], state.adapter) > 0) {
              var encoded = HarnessArticle.encodeState(state);
              location.hash = link("documents", {run: query.run, doc: docs[i].doc_id}) + (encoded ? "&" + encoded : "");
              return;
            }
          }
        };
      });
    });
  }

  // ---------------------------------------------------------------- diff

  function describe(item) {
    var span = item.gold || item.predicted || {};
    return (item.label ? item.label + " " : "") + JSON.stringify(span.text || "") +
           (span.start !== null && span.start !== undefined ? " [" + span.start + "–" + span.end + "]" : "");
  }

  function diffPage(query) {
    setNav(null);
    return api("diff?a=" + encodeURIComponent(query.a || "") + "&b=" + encodeURIComponent(query.b || ""))
      .then(function (diff) {
        main.textContent = "";
        main.appendChild(el("h2", "", "Diff: " + diff.b + " − " + diff.a));
        Object.keys(diff.adapters).forEach(function (name) {
          var comparison = diff.adapters[name];
          var section = el("section", "adapter-diff");
          section.appendChild(el("h3", "", name));
          if (comparison.method) section.appendChild(el("p", "method", comparison.method));
          var rows = Object.keys(comparison.categories).map(function (category) {
            var c = comparison.categories[category];
            return [category, num(c.f1_a), num(c.f1_b), {text: (c.delta_f1 >= 0 ? "+" : "") + fmt(c.delta_f1),
                    sort: c.delta_f1}, interval(c.ci95), num(c.p_value_bootstrap), num(c.p_value_exact),
                    num(c.right_in_a_only.length, 0), num(c.right_in_b_only.length, 0),
                    num((c.outcome_changed || []).length, 0)];
          });
          section.appendChild(sortable(["category", "F1 " + diff.a, "F1 " + diff.b, "ΔF1", "95% interval",
                                        "p (bootstrap)", "p (exact)", "lost", "gained", "moved"], rows));
          Object.keys(comparison.categories).forEach(function (category) {
            var c = comparison.categories[category];
            [["right in " + diff.a + " only (lost)", c.right_in_a_only],
             ["right in " + diff.b + " only (gained)", c.right_in_b_only]].forEach(function (pair) {
              if (!pair[1].length) return;
              section.appendChild(el("h4", "", category + ": " + pair[0] + " (" + pair[1].length + ")"));
              var ul = el("ul", "changed");
              pair[1].forEach(function (item) { ul.appendChild(el("li", "", describe(item))); });
              section.appendChild(ul);
            });
            // wrong in both runs (or right in both) but in another way: each with both outcomes
            var moved = c.outcome_changed || [];
            if (!moved.length) return;
            section.appendChild(el("h4", "", category + ": moved between outcomes (" + moved.length + ")"));
            var list = el("ul", "moved");
            moved.forEach(function (item) {
              list.appendChild(el("li", "", item.doc_id + ": " + describe(item) + ": " + item.outcome_a + " in " +
                                  diff.a + " → " + item.outcome_b + " in " + diff.b));
            });
            section.appendChild(list);
          });
          main.appendChild(section);
        });
        if (diff.not_compared.length) main.appendChild(el("p", "", "Not in both runs: " + diff.not_compared.join(", ")));
      });
  }

  // ---------------------------------------------------------------- robustness

  function robustnessPage(query) {
    setNav(query.run);
    return api("runs/" + encodeURIComponent(query.run) + "/robustness").then(function (found) {
      main.textContent = "";
      main.appendChild(el("h2", "", "Robustness"));
      if (!found.reports.length && !found.minimal.length) {
        main.appendChild(el("p", "", "No robustness run beside this run: run `harness robustness --adapter NAME`."));
      }
      found.reports.forEach(function (report) {
        main.appendChild(el("h3", "", (report.adapter || "?") + " · " + report.file));
        if (report.error) { main.appendChild(el("p", "error", report.error)); return; }
        var rows = [];
        (report.documents || []).forEach(function (doc) {
          (doc.categories || []).forEach(function (row) {
            rows.push([doc.doc_id, row.category, num(row.f1_clean), num(row.mean_f1_noisy), num(row.worst_delta),
                       num(row.tolerance), num(row.broken, 0)]);
          });
        });
        main.appendChild(sortable(["document", "category", "F1 clean", "F1 noisy", "worst ΔF1", "tolerance",
                                   "broken"], rows));
      });
      found.minimal.forEach(function (variant) {
        var section = el("section", "minimal");
        section.appendChild(el("h3", "", "Minimal breaking variant: " + (variant.adapter || "?") + " on " +
                               (variant.doc_id || "?")));
        if (variant.broken) section.appendChild(el("p", "", "breaks: " + variant.broken.join(", ") + "; " +
                                                  variant.blocks + " block(s), " + variant.block_chars +
                                                  " characters of noise" + (variant.format_noise.length ?
                                                  "; format noise " + variant.format_noise.join(", ") : "")));
        section.appendChild(el("p", "", "Replay it with:"));
        section.appendChild(el("pre", "replay", variant.replay || ""));
        if (variant.error) {
          section.appendChild(el("p", "error", variant.error));
        } else {
          var items = variant.noise.map(function (n, i) {
            return {id: i, layer: "noise", category: "noise", outcome: "leaked from boilerplate", label: n.kind,
                    start: n.start, end: n.end};
          });
          var drawn = HarnessArticle.renderText(variant.text, items, [], function () {});
          drawn.box.classList.add("noisy");
          section.appendChild(drawn.box);
        }
        main.appendChild(section);
      });
    });
  }

  function show() {
    var where = route();
    current.view = null;
    current.next = null;
    var pages = {runs: runsPage, scores: scoresPage, documents: documentsPage, diff: diffPage,
                 robustness: robustnessPage};
    var page = pages[where.page] || runsPage;
    main.textContent = "";
    main.appendChild(el("p", "loading", "Loading…"));
    Promise.resolve().then(function () { return page(where.query, where.raw); }).catch(failed);
  }

  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key !== "j" && event.key !== "k") return;
    var by = event.key === "j" ? 1 : -1;
    if (current.view && current.view.step(by)) return;
    if (current.next) current.next(by);
  });

  window.addEventListener("hashchange", show);
  show();
})();

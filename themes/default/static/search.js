/* rapporteur: search over the site's index (search-index.js), in the
 * browser and offline: every word typed must appear in an entry's title,
 * context or text; title matches rank first. */
(function () {
  "use strict";
  var number = window.rapporteurWords.number;
  var say = window.rapporteurWords.say;

  var index = window.RAPPORTEUR_SEARCH_INDEX;
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list) {
    return;
  }
  if (!index || !index.entries) {
    status.textContent = say(status, "missing", {},
      "The search index could not be loaded: search-index.js is missing.");
    return;
  }
  var LIMIT = 50;
  var KINDS = {
    engagement: say(status, "kind-engagement", {}, "Engagement"),
    note: say(status, "kind-note", {}, "Note"),
    action: say(status, "kind-action", {}, "Action")
  };
  var RANK = { engagement: 0, note: 1, action: 2 };

  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var entries = index.entries.map(function (entry, position) {
    return {
      entry: entry,
      position: position,
      title: fold(entry.title),
      rest: fold(entry.context + " " + entry.date + " " + entry.text)
    };
  });

  function count(haystack, word) {
    var n = 0;
    var at = haystack.indexOf(word);
    while (at !== -1) {
      n += 1;
      at = haystack.indexOf(word, at + word.length);
    }
    return n;
  }

  /* A piece of the text around the first match, with the words marked. */
  function snippet(text, words) {
    var folded = fold(text);
    var first = -1;
    words.forEach(function (word) {
      var at = folded.indexOf(word);
      if (at !== -1 && (first === -1 || at < first)) {
        first = at;
      }
    });
    var fragment = document.createDocumentFragment();
    if (first === -1) {
      return null;
    }
    var start = Math.max(0, first - 60);
    var end = Math.min(text.length, first + 140);
    /* Whole words only at both ends of the piece. */
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space !== -1 && space < first ? space + 1 : start;
    }
    if (end < text.length) {
      var last = text.lastIndexOf(" ", end);
      end = last > first ? last : end;
    }
    var piece = text.slice(start, end);
    var foldedPiece = folded.slice(start, end);
    if (start > 0) {
      fragment.appendChild(document.createTextNode("… "));
    }
    var at = 0;
    while (at < piece.length) {
      var next = -1;
      var length = 0;
      words.forEach(function (word) {
        var found = foldedPiece.indexOf(word, at);
        if (found !== -1 && (next === -1 || found < next)) {
          next = found;
          length = word.length;
        }
      });
      if (next === -1) {
        fragment.appendChild(document.createTextNode(piece.slice(at)));
        break;
      }
      fragment.appendChild(document.createTextNode(piece.slice(at, next)));
      var mark = document.createElement("mark");
      mark.textContent = piece.slice(next, next + length);
      fragment.appendChild(mark);
      at = next + length;
    }
    if (end < text.length) {
      fragment.appendChild(document.createTextNode(" …"));
    }
    return fragment;
  }

  function render(query) {
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    var words = fold(query).split(/\s+/).filter(function (w) {
      return w.length > 0;
    });
    if (!words.length) {
      status.textContent = say(status, "ready", {
        engagements: number(index.engagements),
        notes: number(index.notes),
        actions: number(index.actions)
      }, "Search {engagements} engagements, {notes} notes and {actions} action items.");
      return;
    }
    var hits = [];
    entries.forEach(function (item) {
      var score = 0;
      var all = words.every(function (word) {
        var inTitle = count(item.title, word);
        var inRest = count(item.rest, word);
        score += inTitle * 10 + inRest;
        return inTitle + inRest > 0;
      });
      if (all) {
        hits.push({ item: item, score: score });
      }
    });
    hits.sort(function (a, b) {
      return b.score - a.score ||
        RANK[a.item.entry.kind] - RANK[b.item.entry.kind] ||
        a.item.position - b.item.position;
    });
    var total = hits.length;
    status.textContent = total === 0
      ? say(status, "none", { query: query }, "Nothing found for “{query}”.")
      : say(status, "found", { count: total, n: number(total), query: query },
        total === 1 ? "1 result for “{query}”" : "{n} results for “{query}”") +
        (total > LIMIT ? say(status, "first", { limit: number(LIMIT) }, ", the first {limit} shown.") : ".");
    hits.slice(0, LIMIT).forEach(function (hit) {
      var entry = hit.item.entry;
      var li = document.createElement("li");
      li.className = "result result-" + entry.kind;
      var kind = document.createElement("span");
      kind.className = "tag";
      kind.textContent = KINDS[entry.kind] || entry.kind;
      var link = document.createElement("a");
      link.href = entry.url;
      link.textContent = entry.title;
      var heading = document.createElement("p");
      heading.className = "result-title";
      heading.appendChild(kind);
      heading.appendChild(document.createTextNode(" "));
      heading.appendChild(link);
      li.appendChild(heading);
      var meta = document.createElement("p");
      meta.className = "muted small";
      meta.textContent = entry.context + (entry.date ? " · " + entry.date : "");
      li.appendChild(meta);
      var piece = snippet(entry.text, words);
      if (piece) {
        var text = document.createElement("p");
        text.className = "result-text";
        text.appendChild(piece);
        li.appendChild(text);
      }
      list.appendChild(li);
    });
  }

  function remember(query) {
    try {
      var url = window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "");
      window.history.replaceState(null, "", url);
    } catch (e) {
      /* Some browsers refuse history changes on file:// pages: search still works. */
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      render(input.value);
      remember(input.value);
    }, 120);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    render(input.value);
    remember(input.value);
  });

  var params = new URLSearchParams(window.location.search);
  var initial = params.get("q") || "";
  input.value = initial;
  render(initial);
})();

/* rapporteur: sorting and filtering of the portfolio table.
 * The table is complete without this script; the script only adds the
 * filter controls (hidden in the HTML) and sort buttons on the headings. */
(function () {
  "use strict";
  var number = window.rapporteurWords.number;
  var say = window.rapporteurWords.say;
  var table = document.getElementById("portfolio");
  var form = document.getElementById("portfolio-filters");
  if (!table || !form || !table.tBodies.length) {
    return;
  }
  var tbody = table.tBodies[0];
  var rows = Array.prototype.slice.call(tbody.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  var count = document.getElementById("portfolio-count");

  /* Filtering: a row shows when it matches every chosen value. */
  function applyFilters() {
    var shown = 0;
    rows.forEach(function (row) {
      var match = selects.every(function (select) {
        return !select.value || row.getAttribute("data-" + select.getAttribute("data-filter")) === select.value;
      });
      row.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    if (count) {
      count.textContent = shown === rows.length
        ? say(count, "all", { count: rows.length, total: number(rows.length) }, "Showing all {total} engagements.")
        : say(count, "some", { shown: number(shown), total: number(rows.length) }, "Showing {shown} of {total} engagements.");
    }
  }
  selects.forEach(function (select) {
    select.addEventListener("change", applyFilters);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(applyFilters, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });

  /* Sorting: numbers by their data-sort value, text by its words; ties keep
   * the built order, so sorting is stable. */
  function sortKey(row, index, numeric) {
    var cell = row.cells[index];
    var value = cell.getAttribute("data-sort");
    if (value === null) {
      value = cell.textContent.trim();
    }
    if (numeric) {
      var number = parseFloat(value);
      return isNaN(number) ? -Infinity : number;
    }
    return value.toLowerCase();
  }

  function sortBy(index, direction) {
    var header = headers[index];
    var numeric = header.getAttribute("data-sort-type") === "number";
    var keyed = rows.map(function (row, position) {
      return { row: row, position: position, key: sortKey(row, index, numeric) };
    });
    keyed.sort(function (a, b) {
      var order;
      if (numeric) {
        order = a.key === b.key ? 0 : (a.key < b.key ? -1 : 1);
      } else {
        order = a.key.localeCompare(b.key);
      }
      if (direction === "descending") {
        order = -order;
      }
      return order || a.position - b.position;
    });
    keyed.forEach(function (item) {
      tbody.appendChild(item.row);
    });
    headers.forEach(function (other) {
      if (other === header) {
        other.setAttribute("aria-sort", direction);
      } else {
        other.removeAttribute("aria-sort");
      }
    });
  }

  headers.forEach(function (header, index) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    while (header.firstChild) {
      button.appendChild(header.firstChild);
    }
    var arrow = document.createElement("span");
    arrow.className = "sort-arrow";
    arrow.setAttribute("aria-hidden", "true");
    button.appendChild(arrow);
    header.appendChild(button);
    button.addEventListener("click", function () {
      var current = header.getAttribute("aria-sort");
      var first = header.getAttribute("data-sort-first") || "ascending";
      var next = current === first ? (first === "ascending" ? "descending" : "ascending") : first;
      sortBy(index, next);
    });
  });

  table.classList.add("sortable");
  form.hidden = false;
  var hint = table.querySelector(".sort-hint");
  if (hint) {
    hint.hidden = false;
  }
  applyFilters();
})();

/* rapporteur: filters of the actions and risks registers.
 * The page is complete without this script: one section per engagement,
 * closed items folded. The script only shows the filter controls (hidden in
 * the HTML) and hides the rows, row groups and sections that do not match.
 * A row's state is its own data-state or its row group's, a list of words
 * ("open overdue"); its owner is the cell the table's data-owner names. */
(function () {
  "use strict";
  var grouped = window.rapporteurWords.number;
  var say = window.rapporteurWords.say;
  var form = document.getElementById("register-filters");
  var count = document.getElementById("register-count");
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.register[data-engagement]"));
  if (!form || !sections.length) {
    return;
  }
  var noun = form.getAttribute("data-noun") || "items";
  var select = function (name) {
    return form.querySelector('select[data-filter="' + name + '"]');
  };
  var engagement = select("engagement");
  var owner = select("owner");
  var state = select("state");

  /* Every item row once, with what the filters compare. */
  var items = [];
  sections.forEach(function (section) {
    Array.prototype.forEach.call(section.querySelectorAll("table[data-owner]"), function (table) {
      var at = Number(table.getAttribute("data-owner"));
      Array.prototype.forEach.call(table.tBodies, function (tbody) {
        Array.prototype.forEach.call(tbody.rows, function (row) {
          if (row.classList.contains("group")) {
            return;
          }
          var states = row.getAttribute("data-state") || tbody.getAttribute("data-state") || "";
          items.push({
            row: row,
            section: section,
            engagement: section.getAttribute("data-engagement"),
            owner: row.cells[at] ? row.cells[at].textContent.trim() : "",
            states: states.split(" ")
          });
        });
      });
    });
  });

  /* The status counts the rows one can see, and says how many more match
   * inside closed folds; it is recounted when a fold opens or closes. */
  function tell() {
    if (!count) {
      return;
    }
    var seen = 0;
    var folded = 0;
    items.forEach(function (item) {
      if (item.row.hidden) {
        return;
      }
      var fold = item.row.closest("details");
      if (fold && !fold.open) {
        folded += 1;
      } else {
        seen += 1;
      }
    });
    var text = say(count, "showing", { shown: grouped(seen), total: grouped(items.length) },
      "Showing {shown} of {total} " + noun);
    if (folded) {
      text += say(count, "folded", { folded: grouped(folded) },
        "; {folded} more closed, folded under their engagement");
    }
    count.textContent = text + ".";
  }

  function apply() {
    items.forEach(function (item) {
      item.row.hidden = !((!engagement.value || item.engagement === engagement.value) &&
        (!owner.value || item.owner === owner.value) &&
        (!state.value || item.states.indexOf(state.value) !== -1));
    });
    /* A row group, a table, a fold or a section with nothing left goes too. */
    sections.forEach(function (section) {
      Array.prototype.forEach.call(section.querySelectorAll("tbody"), function (tbody) {
        tbody.hidden = !tbody.querySelector("tr:not(.group):not([hidden])");
      });
      Array.prototype.forEach.call(section.querySelectorAll("table[data-owner]"), function (table) {
        var wrap = table.parentElement.classList.contains("table-scroll") ? table.parentElement : table;
        wrap.hidden = !table.querySelector("tbody tr:not(.group):not([hidden])");
      });
      Array.prototype.forEach.call(section.querySelectorAll("details.closed-items"), function (fold) {
        var any = !!fold.querySelector("tbody tr:not([hidden])");
        fold.hidden = !any;
        /* Asking for closed items unfolds them. */
        if (any && state.value === "closed") {
          fold.open = true;
        }
      });
      section.hidden = !section.querySelector("tbody tr:not(.group):not([hidden])");
    });
    tell();
  }

  Array.prototype.forEach.call(document.querySelectorAll("section.register details"), function (fold) {
    fold.addEventListener("toggle", tell);
  });
  [engagement, owner, state].forEach(function (control) {
    control.addEventListener("change", apply);
  });
  form.addEventListener("reset", function () {
    window.setTimeout(apply, 0);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  form.hidden = false;
  apply();
})();

/* rapporteur: the page's words for its scripts (portfolio.js,
 * registers.js, search.js), in the site's language (docs/languages.md).
 * Loaded before them; they read window.rapporteurWords. */
(function () {
  "use strict";
  var lang = document.documentElement.lang || "en";

  /* A count as the site's language writes it: "3,011", "3.011". */
  function number(n) {
    return n.toLocaleString(lang);
  }

  /* The data-attribute `name` of `el` (or `name-<plural form>` chosen by
   * values.count), with each {key} filled from `values`; `fallback` when
   * the theme's template gives none. */
  function say(el, name, values, fallback) {
    var text = null;
    if (el && values.count !== undefined && window.Intl && Intl.PluralRules) {
      var category = new Intl.PluralRules(lang).select(values.count);
      text = el.getAttribute("data-" + name + "-" + category) || el.getAttribute("data-" + name + "-other");
    }
    if (text === null && el) {
      text = el.getAttribute("data-" + name);
    }
    if (text === null) {
      text = fallback;
    }
    return text.replace(/\{(\w+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : all;
    });
  }

  window.rapporteurWords = { number: number, say: say };
})();

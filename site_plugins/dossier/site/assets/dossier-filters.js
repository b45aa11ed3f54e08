/* The dossier's filters (the contradiction table, the timeline) and the table's sorting
   (vendored tablesort). Progressive enhancement: without JavaScript the filter forms are
   hidden (a <noscript> style in the page's head) and every row and entry is shown.

   A form names what it filters in data-dossier-filters: a table (its rows are the items) or
   any element whose [data-filter-item] descendants are the items. Each select's
   data-filter names the item attribute it matches (data-question, data-actors, ...; a
   space-separated list matches any of its words). A [data-filter-group] with no item left
   is hidden with its heading. The count says what is shown in the page's language: its
   data-words, "%(shown)s of %(total)s shown" in that language. */
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  each(document.querySelectorAll("table[data-dossier-sortable]"), function (table) {
    if (typeof window.Tablesort === "function") {
      new window.Tablesort(table);
    }
  });
  each(document.querySelectorAll("form[data-dossier-filters]"), function (form) {
    var target = document.getElementById(form.getAttribute("data-dossier-filters"));
    if (!target) return;
    var items = target.tBodies ? target.tBodies[0].rows : target.querySelectorAll("[data-filter-item]");
    var groups = target.querySelectorAll("[data-filter-group]");
    var selects = form.querySelectorAll("select[data-filter]");
    var count = form.querySelector("[data-filter-count]");
    function apply() {
      var shown = 0;
      each(items, function (item) {
        var ok = true;
        each(selects, function (select) {
          var want = select.value;
          if (!want) return;
          var have = (item.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          if (have.indexOf(want) === -1) ok = false;
        });
        item.hidden = !ok;
        if (ok) shown += 1;
      });
      each(groups, function (group) {
        group.hidden = !group.querySelector("[data-filter-item]:not([hidden])");
      });
      if (count) {
        var lang = document.documentElement.lang || undefined;
        var words = count.getAttribute("data-words") || "%(shown)s of %(total)s shown";
        count.textContent = words
          .replace("%(shown)s", shown.toLocaleString(lang))
          .replace("%(total)s", items.length.toLocaleString(lang));
      }
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // A reader coming back (the browser restores the selects) sees the same rows as before.
    apply();
  });
})();

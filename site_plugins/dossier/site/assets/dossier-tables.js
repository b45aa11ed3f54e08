/* Contradiction table: sorting (vendored tablesort) and filters. Progressive enhancement:
   without JavaScript the filters stay hidden and the full table is shown. */
(function () {
  "use strict";
  var tables = document.querySelectorAll("table[data-dossier-sortable]");
  Array.prototype.forEach.call(tables, function (table) {
    if (typeof window.Tablesort === "function") {
      new window.Tablesort(table);
    }
  });
  var forms = document.querySelectorAll("form[data-dossier-filters]");
  Array.prototype.forEach.call(forms, function (form) {
    var table = document.getElementById(form.getAttribute("data-dossier-filters"));
    if (!table || !table.tBodies.length) return;
    var selects = form.querySelectorAll("select[data-filter]");
    var count = form.querySelector("[data-filter-count]");
    var rows = table.tBodies[0].rows;
    function apply() {
      var shown = 0;
      Array.prototype.forEach.call(rows, function (row) {
        var ok = true;
        Array.prototype.forEach.call(selects, function (select) {
          var want = select.value;
          if (!want) return;
          var have = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          if (have.indexOf(want) === -1) ok = false;
        });
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      if (count) count.textContent = shown + " of " + rows.length + " shown";
    }
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  });
})();

// Filters of the ledger, numbers and problems tables (list.js keeps the rows; this wires the controls to it).
// A file, not an inline script: the pages' Content-Security-Policy runs no inline script.
function wireSearch(id) {
  var root = document.getElementById(id);
  if (!root) return;  // each page holds one of the tables
  var list = new List(id, {valueNames: [{data: ['county', 'domain', 'status']}]});
  var text = root.querySelector('input[type=search]');
  var selects = Array.prototype.slice.call(root.querySelectorAll('select'));
  var count = root.querySelector('output');
  function apply() {
    var q = text.value.trim().toLowerCase();
    list.filter(function (item) {
      var data = item.elm.dataset;
      var chosen = selects.every(function (s) { return !s.value || data[s.name] === s.value; });
      return chosen && (!q || item.elm.textContent.toLowerCase().indexOf(q) >= 0);
    });
    count.textContent = list.matchingItems.length + ' of ' + list.items.length + ' rows';
  }
  text.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
}
wireSearch('ledger-list');
wireSearch('facts-list');
wireSearch('problems-list');

// The co-signer picker: filters the list of deputies by name as one types, and counts the chosen ones. Without
// script the whole list shows and the form works the same.
(function () {
  var search = document.querySelector('[data-filter]');
  if (!search) {
    return;
  }
  var list = document.querySelector(search.getAttribute('data-filter'));
  var count = document.getElementById('chosen-count');
  search.addEventListener('input', function () {
    var words = search.value.trim().toLowerCase();
    list.querySelectorAll('li').forEach(function (item) {
      var name = (item.getAttribute('data-name') || '').toLowerCase();
      item.hidden = words !== '' && name.indexOf(words) < 0;
    });
  });
  list.addEventListener('change', function () {
    count.textContent = String(list.querySelectorAll('input:checked').length);
  });
})();

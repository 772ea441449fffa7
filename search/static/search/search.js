// Progressive enhancement of the search page: it works fully without this file.
// Ticking a filter or changing the sort submits the form (the URL keeps the whole state,
// so the back button returns to it); the query box offers suggestions as you type.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;

  form.addEventListener("change", function (event) {
    var target = event.target;
    if (target.type === "checkbox" || target.id === "search-sort") {
      var page = form.querySelector("input[name=page]");
      if (page) page.remove();
      form.submit();
    }
  });
  var applyButton = form.querySelector(".apply-filters");
  if (applyButton) applyButton.classList.add("js-secondary");

  var input = document.getElementById("search-q");
  var url = input && input.getAttribute("data-suggest-url");
  if (!url || !window.fetch) return;
  var list = document.createElement("datalist");
  list.id = "search-suggestions";
  document.body.appendChild(list);
  input.setAttribute("list", list.id);
  var timer = null;
  var latest = "";
  input.addEventListener("input", function () {
    clearTimeout(timer);
    var text = input.value.trim();
    if (text.length < 2) return;
    timer = setTimeout(function () {
      latest = text;
      fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (data.query !== latest) return;
          list.textContent = "";
          data.suggestions.forEach(function (suggestion) {
            var option = document.createElement("option");
            option.value = suggestion.text;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();

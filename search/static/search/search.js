// Progressive enhancement of the search boxes: the pages work fully without this file.
// On the search page, filters wait for "Apply filters" (ticking a box never reloads the
// page nor moves the focus), and on a small screen they start closed so that the results
// come first. Every search box with data-suggest-url offers suggestions as you type;
// picking a suggested practice, network, event or city opens its page.
(function () {
  "use strict";
  var NARROW = "(max-width: 55.99rem)";

  var filters = document.getElementById("filters");
  if (filters && window.matchMedia && window.matchMedia(NARROW).matches) filters.open = false;

  function suggestions(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url || !window.fetch) return;
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    document.body.appendChild(list);
    input.setAttribute("list", list.id);
    var timer = null;
    var latest = "";
    var pages = {};
    input.addEventListener("input", function (event) {
      var text = input.value.trim();
      // A suggestion picked from the list (not typed): its page, when it has one.
      if ((event.inputType === "insertReplacementText" || event.inputType === undefined) && pages[input.value]) {
        window.location.assign(pages[input.value]);
        return;
      }
      clearTimeout(timer);
      if (text.length < 2) return;
      timer = setTimeout(function () {
        latest = text;
        fetch(url + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
          .then(function (data) {
            if (data.query !== latest) return;
            list.textContent = "";
            pages = {};
            data.suggestions.forEach(function (suggestion) {
              var option = document.createElement("option");
              option.value = suggestion.text;
              if (suggestion.url) pages[suggestion.text] = suggestion.url;
              list.appendChild(option);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  var boxes = document.querySelectorAll("input[data-suggest-url]");
  for (var i = 0; i < boxes.length; i++) suggestions(boxes[i]);
})();

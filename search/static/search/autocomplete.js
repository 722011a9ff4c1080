// Suggestions as you type, following the WAI-ARIA combobox pattern (list autocomplete).
// Progressive enhancement: without this file the search box is a plain search form.
(function () {
  "use strict";

  var DEBOUNCE_MS = 180;
  var MIN_LENGTH = 2;

  function enhance(input) {
    var url = input.getAttribute("data-suggest-url");
    if (!url) { return; }
    var wrapper = input.parentNode;
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "search-suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    wrapper.appendChild(list);

    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    wrapper.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listId);

    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      options.forEach(function (option, position) {
        option.setAttribute("aria-selected", position === index ? "true" : "false");
      });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function render(suggestions) {
      list.textContent = "";
      options = suggestions.map(function (suggestion, index) {
        var item = document.createElement("li");
        item.id = listId + "-" + index;
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.setAttribute("data-url", suggestion.url);
        var title = document.createElement("span");
        title.className = "search-suggestions__title";
        title.textContent = suggestion.title;
        var type = document.createElement("span");
        type.className = "search-suggestions__type";
        type.textContent = suggestion.type;
        item.appendChild(title);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(type);
        item.addEventListener("mousedown", function (event) { event.preventDefault(); });
        item.addEventListener("click", function () { go(index); });
        list.appendChild(item);
        return item;
      });
      active = -1;
      if (options.length) {
        list.hidden = false;
        input.setAttribute("aria-expanded", "true");
        status.textContent = options.length + (options.length === 1 ? " suggestion" : " suggestions") +
          " available; use the up and down arrows to choose.";
      } else {
        close();
        status.textContent = "";
      }
    }

    function go(index) {
      var url = options[index] && options[index].getAttribute("data-url");
      if (url) { window.location.assign(url); }
    }

    function fetchSuggestions() {
      var query = input.value.trim();
      if (query === lastQuery) { return; }
      lastQuery = query;
      if (query.length < MIN_LENGTH) { render([]); return; }
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      var address = url + (url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
      fetch(address, { headers: { Accept: "application/json" }, signal: controller ? controller.signal : undefined })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (input.value.trim() === query) { render(data.suggestions || []); }
        })
        .catch(function () { /* The form still works: suggestions are a convenience. */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DEBOUNCE_MS);
    });

    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && options.length > 0;
      if (event.key === "ArrowDown") {
        if (!open) { lastQuery = ""; fetchSuggestions(); return; }
        event.preventDefault();
        setActive(active + 1 >= options.length ? 0 : active + 1);
      } else if (event.key === "ArrowUp" && open) {
        event.preventDefault();
        setActive(active <= 0 ? options.length - 1 : active - 1);
      } else if (event.key === "Enter" && open && active >= 0) {
        event.preventDefault();
        go(active);
      } else if (event.key === "Escape") {
        if (open) { event.preventDefault(); close(); }
      } else if (event.key === "Tab") {
        close();
      }
    });

    input.addEventListener("blur", function () { window.setTimeout(close, 150); });
  }

  var inputs = document.querySelectorAll("input[data-suggest-url]");
  Array.prototype.forEach.call(inputs, enhance);
})();

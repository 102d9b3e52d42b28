/* doingoai: searchable drop-downs and dd/mm/yyyy dates (see core/widgets.py).

A <select data-searchable> becomes a Tom Select box. Its search folds case and Vietnamese
diacritics on both sides (đ is a letter of its own in Unicode, not d with a mark), so that
"ha giang" finds "Hà Giang" and "nhat" finds "Nhật Bản", like the site's own search
(lib/text.py: fold). A date box keeps its dd/mm/yyyy text; its button opens a calendar whose
choice is written back as dd/mm/yyyy. */
(function () {
  "use strict";

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/[đĐ]/g, "d").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function meta(name) {
    var element = document.querySelector('meta[name="doingoai-' + name + '"]');
    return element ? element.content : "";
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function score(search) {
    var words = fold(search).split(" ").filter(Boolean);
    return function (item) {
      if (!words.length) return 1;
      var text = fold(item.text);
      for (var i = 0; i < words.length; i++) {
        if (text.indexOf(words[i]) === -1) return 0;
      }
      // Names that start with what was typed come first; ties keep the list's own order.
      return text.indexOf(words[0]) === 0 ? 2 : 1;
    };
  }

  function searchable(select) {
    if (select.tomselect || typeof TomSelect === "undefined") return;
    var noResults = meta("no-results");
    new TomSelect(select, {
      score: score,
      highlight: false,
      create: false,
      maxOptions: 500,
      allowEmptyOption: true,
      placeholder: select.multiple ? meta("search-placeholder") : undefined,
      hidePlaceholder: false,
      plugins: select.multiple ? { remove_button: { title: meta("remove") } } : [],
      render: {
        no_results: function () {
          return '<div class="no-results">' + escapeHtml(noResults) + "</div>";
        },
      },
    });
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  function toIso(text) {
    var match = /^\s*(\d{1,2})[\/.-](\d{1,2})[\/.-](\d{4})\s*$/.exec(text || "");
    if (match) return match[3] + "-" + pad(+match[2]) + "-" + pad(+match[1]);
    match = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(text || "");
    return match ? match[0].trim() : "";
  }

  function dateBox(input) {
    if (input.dataset.enhanced) return;
    input.dataset.enhanced = "1";
    var wrapper = document.createElement("div");
    wrapper.className = "date-field";
    input.parentNode.insertBefore(wrapper, input);
    wrapper.appendChild(input);
    var picker = document.createElement("input");
    picker.type = "date";
    picker.tabIndex = -1;
    picker.className = "date-picker";
    picker.setAttribute("aria-hidden", "true");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "date-button secondary outline";
    button.innerHTML = '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" ' +
      'fill="none" stroke="currentColor" stroke-width="2"><rect x="3" y="5" width="18" ' +
      'height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4"/></svg>';
    button.title = meta("calendar");
    button.setAttribute("aria-label", meta("calendar"));
    wrapper.appendChild(button);
    wrapper.appendChild(picker);
    button.addEventListener("click", function () {
      picker.value = toIso(input.value);
      if (picker.showPicker) picker.showPicker(); else picker.focus();
    });
    picker.addEventListener("change", function () {
      var parts = picker.value.split("-");
      if (parts.length === 3) {
        input.value = parts[2] + "/" + parts[1] + "/" + parts[0];
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }

  // Drop-downs written by hand in a template (the report's provinces) are not drawn by the
  // form renderer: the same rule is applied to them here.
  function wanted(select) {
    return select.hasAttribute("data-searchable") ||
      (!select.hasAttribute("data-plain") && (select.multiple || select.options.length > 16));
  }

  function enhance(root) {
    root.querySelectorAll("select").forEach(function (select) {
      if (wanted(select)) searchable(select);
    });
    root.querySelectorAll("input[data-date]").forEach(dateBox);
  }

  document.addEventListener("DOMContentLoaded", function () {
    enhance(document);
    document.body.addEventListener("htmx:load", function (event) {
      if (event.detail && event.detail.elt && event.detail.elt.querySelectorAll) {
        enhance(event.detail.elt);
      }
    });
  });
})();

// The IATI import page: the upload's progress bar (a static file: the CSP allows no inline
// script).
document.addEventListener("DOMContentLoaded", function () {
  var form = document.getElementById("iati-import");
  var bar = document.getElementById("iati-progress-bar");
  if (!form || !bar) { return; }
  form.addEventListener("htmx:xhr:progress", function (evt) {
    if (evt.detail.lengthComputable && evt.detail.loaded < evt.detail.total) {
      bar.setAttribute("value", evt.detail.loaded / evt.detail.total * 100);
    } else {
      bar.removeAttribute("value");  /* uploaded: the server imports */
    }
  });
  form.addEventListener("htmx:beforeRequest", function () { bar.setAttribute("value", 0); });
});

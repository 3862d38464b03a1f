// Kejiao's only script: CSRF header for htmx requests, the cascading region pickers, and filters that apply
// when chosen (data-submit-on-change: the Content-Security-Policy allows no inline handlers).
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="csrf-token"]');
  var header = document.querySelector('meta[name="csrf-header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener('change', function (event) {
  if (event.target && event.target.form && event.target.hasAttribute('data-submit-on-change')) {
    event.target.form.submit();
    return;
  }
  if (event.target && event.target.id === 'province') {
    var county = document.getElementById('county');
    if (county) {
      while (county.options.length > 1) { county.remove(1); }
    }
  }
});

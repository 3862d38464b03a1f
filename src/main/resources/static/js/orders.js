// The order list's state filter applies as soon as a state is chosen; without this script the form's own
// button does it. No inline handlers: the Content-Security-Policy allows scripts from files only.
document.addEventListener('DOMContentLoaded', function () {
  var form = document.getElementById('order-filter');
  if (!form) {
    return;
  }
  var select = form.querySelector('select');
  var button = form.querySelector('button[type=submit]');
  if (button) {
    button.style.display = 'none';
  }
  select.addEventListener('change', function () {
    form.submit();
  });
});

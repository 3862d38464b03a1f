// The live lot page: a countdown to the close (on the server's clock), the reader's own marks ("you") in the live
// part that the server sends alike to everyone, the bid field following the minimum until the reader types, and
// the bid form put away once the lot closes. The live part itself arrives through htmx's SSE extension.
(function () {
  var page = document.querySelector('main.lot-page');
  if (!page) {
    return;
  }
  var me = page.getAttribute('data-me') || '';
  var serverNow = Date.parse(page.getAttribute('data-now') || '');
  var skew = isNaN(serverNow) ? 0 : serverNow - Date.now();
  var amount = document.getElementById('bid-amount');
  var typed = false;
  if (amount) {
    amount.addEventListener('input', function () { typed = true; });
  }

  function pad(n) { return n < 10 ? '0' + n : '' + n; }

  function tick() {
    var now = Date.now() + skew;
    document.querySelectorAll('.countdown[data-until]').forEach(function (el) {
      var left = Math.max(0, Math.floor((Date.parse(el.getAttribute('data-until')) - now) / 1000));
      var days = Math.floor(left / 86400);
      var text = pad(Math.floor(left % 86400 / 3600)) + ':' + pad(Math.floor(left % 3600 / 60)) + ':' + pad(left % 60);
      el.textContent = (days > 0 ? days + 'd ' : '') + text;
      el.classList.toggle('soon', left < 300);
    });
  }

  function marks() {
    var part = document.getElementById('lot-live-part');
    if (!part) {
      return;
    }
    if (me) {
      part.querySelectorAll('#bid-history li[data-bidder]').forEach(function (li) {
        var mark = li.querySelector('.you-mark');
        if (mark) { mark.hidden = li.getAttribute('data-bidder') !== me; }
      });
      var leaderMark = part.querySelector('.leader-you');
      if (leaderMark) { leaderMark.hidden = part.getAttribute('data-leader') !== me; }
    }
    var state = part.getAttribute('data-state');
    var form = document.getElementById('bid-form');
    if (form && state !== 'LIVE' && state !== 'SCHEDULED') {
      form.hidden = true;
    }
    var minimum = document.getElementById('minimum-field');
    if (amount && !typed && minimum && minimum.textContent) {
      amount.value = minimum.textContent;
    }
  }

  document.body.addEventListener('htmx:sseMessage', function (event) {
    if (event.target && event.target.id === 'lot-live') {
      marks();
      tick();
    }
  });
  document.body.addEventListener('htmx:afterSwap', function (event) {
    if (event.target && event.target.id === 'bid-outcome' && !document.getElementById('bid-error')) {
      typed = false;
      marks();
    }
  });
  // leaving the page closes the stream first: a stream cut by the navigation would be reported as an error
  window.addEventListener('pagehide', function () {
    var live = document.getElementById('lot-live');
    var data = live && live['htmx-internal-data'];
    if (data && data.sseEventSource) {
      data.sseEventSource.close();
    }
  });
  marks();
  tick();
  setInterval(tick, 1000);
})();

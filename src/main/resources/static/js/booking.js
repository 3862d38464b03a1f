// The booking calendar on an instrument's page. It arrives by htmx after the page, bringing this script with it; when
// the page was opened at a slot (from the free-slot search, or back from signing in), the booking form is brought into
// sight. The script comes again with every swap of the calendar and acts the first time only.
(function () {
  if (window.kejiaoBookingCalendar) {
    return;
  }
  window.kejiaoBookingCalendar = true;
  if (window.location.search.indexOf('start=') < 0) {
    return;
  }
  var target = document.getElementById('booking-form') || document.getElementById('booking-sign-in')
    || document.getElementById('booking-calendar');
  if (target) {
    target.scrollIntoView({ block: 'start' });
  }
})();

// Progressive enhancement: beside each event time, the same moment in the visitor's own
// time zone, when that differs from the event's. The page is complete without this file.
(function () {
  "use strict";
  if (!window.Intl || !Intl.DateTimeFormat) { return; }
  var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!visitorZone) { return; }
  var timeOnly = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
  var withDate = new Intl.DateTimeFormat(undefined, {
    weekday: "short", month: "short", day: "numeric", hour: "numeric", minute: "2-digit"
  });
  var zoneName = new Intl.DateTimeFormat(undefined, { timeZoneName: "short" });

  function shortZone(date) {
    var parts = zoneName.formatToParts(date);
    for (var i = 0; i < parts.length; i++) {
      if (parts[i].type === "timeZoneName") { return parts[i].value; }
    }
    return visitorZone;
  }

  // A formatter is costly to make: one per time zone, made once, not two per time shown.
  var dayFormats = {};
  function localDay(date, zone) {
    var key = zone || "";
    if (!dayFormats[key]) {
      var options = { year: "numeric", month: "2-digit", day: "2-digit" };
      if (zone) { options.timeZone = zone; }
      dayFormats[key] = new Intl.DateTimeFormat("en-CA", options);
    }
    return dayFormats[key].format(date);
  }

  var ranges = document.querySelectorAll(".event-time[data-event-zone]");
  var shown = false;
  Array.prototype.forEach.call(ranges, function (range) {
    var eventZone = range.getAttribute("data-event-zone");
    if (eventZone === visitorZone) { return; }
    var times = range.querySelectorAll("time[datetime]");
    if (!times.length) { return; }
    var start = new Date(times[0].getAttribute("datetime"));
    if (isNaN(start.getTime())) { return; }
    var end = times.length > 1 ? new Date(times[1].getAttribute("datetime")) : null;
    var differentDay = localDay(start, eventZone) !== localDay(start);
    var format = (differentDay || range.hasAttribute("data-with-date")) ? withDate : timeOnly;
    var text = format.format(start);
    if (end && !isNaN(end.getTime())) { text += " – " + format.format(end); }
    var note = document.createElement("span");
    note.className = "event-time__visitor";
    note.textContent = "Your time: " + text + " " + shortZone(start);
    range.appendChild(note);
    shown = true;
  });
  var explanation = document.querySelector(".agenda__visitor-zone");
  if (shown && explanation) {
    explanation.textContent = " Your own time (" + visitorZone.replace(/_/g, " ") + ") is shown beside each.";
    explanation.hidden = false;
  }
})();

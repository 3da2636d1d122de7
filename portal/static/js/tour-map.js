/* The tour map: an enhancement over the list of stops, which stays the reference.
   Tiles come from a third party (settings.MAP_TILE_URL, allowed by the Content-Security-Policy),
   so the map is drawn only when the visitor asks for it. */
(function () {
  "use strict";

  function draw(canvas) {
    var stops = JSON.parse(canvas.getAttribute("data-stops"));
    var map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(canvas.getAttribute("data-tile-url"), {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    }).addTo(map);
    var points = stops.map(function (stop) {
      var state = stop.next ? canvas.getAttribute("data-label-next") :
        stop.past ? canvas.getAttribute("data-label-past") : "";
      var label = stop.number + ". " + stop.title + (state ? " (" + state + ")" : "");
      // A pin numbered as the list is, coloured as the list marks the next and past stops.
      var pin = L.divIcon({
        className: "tour-pin" + (stop.next ? " tour-pin--next" : stop.past ? " tour-pin--past" : ""),
        html: '<span class="tour-pin__drop"><span>' + stop.number + "</span></span>",
        // A square turned by 45 degrees: its tip lies half a diagonal below its centre.
        iconSize: stop.next ? [44, 44] : [36, 36],
        iconAnchor: stop.next ? [22, 53] : [18, 43],
        popupAnchor: [0, stop.next ? -53 : -43]
      });
      var marker = L.marker([stop.lat, stop.lng], {
        icon: pin, alt: label, title: label, keyboard: true, zIndexOffset: stop.next ? 1000 : 0
      }).addTo(map);
      var link = document.createElement("a");
      link.href = stop.url;
      link.textContent = label;
      var popup = document.createElement("p");
      popup.appendChild(link);
      if (stop.place) popup.appendChild(document.createTextNode(" – " + stop.place));
      marker.bindPopup(popup);
      return [stop.lat, stop.lng];
    });
    // Room above the northernmost point for its pin, which stands on it.
    map.fitBounds(points, { paddingTopLeft: [32, 64], paddingBottomRight: [32, 16], maxZoom: 16 });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var canvas = document.getElementById("tour-map");
    if (!canvas) return;
    // Shown from the first paint where scripts run (portal.css), so that nothing moves.
    var figure = canvas.closest("figure");
    if (typeof L === "undefined") {
      figure.hidden = true; // the map's library did not load: the list is the tour
      return;
    }
    var button = figure.querySelector("[data-map-show]");
    button.addEventListener("click", function () {
      figure.querySelector(".tour__map-consent").hidden = true;
      canvas.hidden = false;
      draw(canvas);
      canvas.focus();
    });
  });
})();

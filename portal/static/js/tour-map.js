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
      var marker = L.marker([stop.lat, stop.lng], {
        alt: label, title: label, opacity: stop.past ? 0.6 : 1, keyboard: true
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
    map.fitBounds(points, { padding: [32, 32], maxZoom: 16 });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var canvas = document.getElementById("tour-map");
    if (!canvas || typeof L === "undefined") return;
    var figure = canvas.closest("figure");
    var button = figure.querySelector("[data-map-show]");
    figure.hidden = false;
    button.addEventListener("click", function () {
      figure.querySelector(".tour__map-consent").hidden = true;
      canvas.hidden = false;
      draw(canvas);
      canvas.focus();
    });
  });
})();

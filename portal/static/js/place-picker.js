/* Picking an idea's place on a map: an enhancement over the place typed as text, which the
   server looks up when no pin is placed. Tiles come from a third party (settings.MAP_TILE_URL),
   so Leaflet and the map load only when the visitor asks. By pointer, a click places the pin;
   by keyboard, the arrows move the map and a button puts the pin at its centre. The point goes
   into two hidden inputs; "Remove the pin" empties them. */
(function () {
  "use strict";

  var FRANCE = [[41.3, -5.2], [51.1, 9.6]];

  // Leaflet's style and script, once for the page, the map drawn when both are there.
  function loadLeaflet(picker, then) {
    if (typeof L !== "undefined" && document.querySelector("link[data-leaflet]")) return then();
    var waiting = 2;
    function loaded() { if (--waiting === 0) then(); }
    function failed() { picker.hidden = true; } // the place typed remains
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = picker.getAttribute("data-leaflet-css");
    css.setAttribute("data-leaflet", "");
    css.onload = loaded;
    css.onerror = failed;
    document.head.appendChild(css);
    if (typeof L !== "undefined") return loaded();
    var script = document.createElement("script");
    script.src = picker.getAttribute("data-leaflet-js");
    script.onload = loaded;
    script.onerror = failed;
    document.head.appendChild(script);
  }

  // The tour's pin (portal.css), drawn without images.
  function pinIcon() {
    return L.divIcon({
      className: "tour-pin tour-pin--next",
      html: '<span class="tour-pin__drop"><span></span></span>',
      iconSize: [44, 44],
      iconAnchor: [22, 53]
    });
  }

  function setUp(picker) {
    var latitude = document.getElementById(picker.getAttribute("data-latitude"));
    var longitude = document.getElementById(picker.getAttribute("data-longitude"));
    var show = picker.querySelector("[data-picker-show]");
    var panel = picker.querySelector("[data-picker-panel]");
    var canvas = picker.querySelector("[data-picker-canvas]");
    var status = picker.querySelector("[data-picker-status]");
    var remove = picker.querySelector("[data-picker-remove]");
    var map = null, pin = null;

    function chosen() {
      var lat = parseFloat(latitude.value), lng = parseFloat(longitude.value);
      return isFinite(lat) && isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? [lat, lng] : null;
    }

    function place(point, said) {
      latitude.value = point[0].toFixed(6);
      longitude.value = point[1].toFixed(6);
      if (pin) pin.setLatLng(point);
      else pin = L.marker(point, { icon: pinIcon(), title: picker.getAttribute("data-label-pin"), keyboard: false }).addTo(map);
      remove.hidden = false;
      if (said) status.textContent = picker.getAttribute("data-label-placed");
    }

    function draw() {
      map = L.map(canvas, { scrollWheelZoom: false });
      L.tileLayer(picker.getAttribute("data-tile-url"), { maxZoom: 19 }).addTo(map);
      var area = picker.getAttribute("data-area");
      var point = chosen();
      if (point) {
        map.setView(point, 17);
        place(point, false);
      } else {
        map.fitBounds(area ? JSON.parse(area) : FRANCE);
      }
      map.on("click", function (event) { place([event.latlng.lat, event.latlng.lng], true); });
      canvas.focus();
    }

    show.addEventListener("click", function () {
      if (map) {
        panel.hidden = !panel.hidden;
        show.setAttribute("aria-expanded", String(!panel.hidden));
        return;
      }
      loadLeaflet(picker, function () {
        panel.hidden = false;
        show.setAttribute("aria-expanded", "true");
        draw();
      });
    });
    picker.querySelector("[data-picker-centre]").addEventListener("click", function () {
      var centre = map.getCenter();
      place([centre.lat, centre.lng], true);
    });
    remove.addEventListener("click", function () {
      latitude.value = longitude.value = "";
      if (pin) { map.removeLayer(pin); pin = null; }
      remove.hidden = true;
      status.textContent = picker.getAttribute("data-label-removed");
      show.focus();
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-place-picker]"), setUp);
  });
})();

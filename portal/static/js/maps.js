/* Maps over what works without them. Tiles come from a third party (settings.MAP_TILE_URL),
   so Leaflet and a map load only when the visitor asks.

   Picking an idea's place: the place typed as text is looked up by the server when no pin is
   placed. By pointer, a click places the pin; by keyboard, the arrows move the map and a
   button puts the pin at its centre. The point goes into two hidden inputs; "Remove the pin"
   empties them.

   The map of ideas, projects or events next to their list (which stays the way to every
   one): the points come from a JSON address with the list's filters, gathered on a grid into
   numbered circles so that thousands stay readable; each pin's popup links to its page. An
   idea's or a project's own page gives its one point in the page (data-points), its place
   written beside it. */
(function () {
  "use strict";
  if (window.portalMaps) return; // one script for the form and the list on the same page
  window.portalMaps = true;

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

  var CELL = 56; // pixels: the points closer than this on screen are gathered

  // A pin's popup: its title, linking to its page if it has one, then what else is known.
  function link(item) {
    var paragraph = document.createElement("p");
    var title = document.createElement(item.url ? "a" : "strong");
    if (item.url) title.href = item.url;
    title.textContent = item.title;
    paragraph.appendChild(title);
    var details = [item.status, item.when, item.place].filter(Boolean);
    if (details.length) paragraph.appendChild(document.createTextNode(" – " + details.join(", ")));
    return paragraph;
  }

  function drawIdeas(box, canvas, items) {
    var map = L.map(canvas, { scrollWheelZoom: false });
    L.tileLayer(box.getAttribute("data-tile-url"), {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'
    }).addTo(map);
    var layer = L.layerGroup().addTo(map);
    var clusterLabel = box.getAttribute("data-label-cluster");
    var popupWidth = Math.min(300, canvas.clientWidth - 80); // within a phone's map

    function redraw() {
      layer.clearLayers();
      var zoom = map.getZoom(), seen = map.getBounds().pad(0.5), cells = {};
      items.forEach(function (item) {
        var at = L.latLng(item.lat, item.lng);
        if (!seen.contains(at)) return;
        var pixel = map.project(at, zoom);
        var key = Math.floor(pixel.x / CELL) + ":" + Math.floor(pixel.y / CELL);
        (cells[key] = cells[key] || []).push(item);
      });
      Object.keys(cells).forEach(function (key) {
        var group = cells[key];
        if (group.length === 1 || zoom >= map.getMaxZoom()) {
          group.forEach(function (item) {
            var pin = L.divIcon({
              className: "tour-pin", html: '<span class="tour-pin__drop"><span></span></span>',
              iconSize: [36, 36], iconAnchor: [18, 43], popupAnchor: [0, -43]
            });
            L.marker([item.lat, item.lng], { icon: pin, title: item.title, alt: item.title })
              .bindPopup(link(item), { maxWidth: popupWidth }).addTo(layer);
          });
          return;
        }
        var bounds = L.latLngBounds(group.map(function (item) { return [item.lat, item.lng]; }));
        var size = group.length < 100 ? 40 : 52;
        var label = group.length + " " + clusterLabel;
        L.marker(bounds.getCenter(), {
          title: label,
          icon: L.divIcon({ className: "map-cluster", html: String(group.length), iconSize: [size, size] })
        }).on("click", function () {
          map.fitBounds(bounds, { padding: [32, 32], maxZoom: Math.min(zoom + 3, map.getMaxZoom()) });
        }).addTo(layer);
      });
    }

    var all = L.latLngBounds(items.map(function (item) { return [item.lat, item.lng]; }));
    map.fitBounds(all, { padding: [32, 32], maxZoom: 16 });
    redraw();
    // A popup stays open while the map moves (opening one near the edge pans the map): the
    // pins are gathered again at the next move after it closes.
    var popupOpen = false;
    map.on("popupopen", function () { popupOpen = true; });
    map.on("popupclose", function () { popupOpen = false; });
    map.on("moveend", function () { if (!popupOpen) redraw(); });
  }

  function setUpIdeas(box) {
    var show = box.querySelector("[data-map-show]");
    var canvas = box.querySelector("[data-map-canvas]");
    var status = box.querySelector("[data-map-status]");
    var drawn = false;
    var given = box.getAttribute("data-points");
    show.addEventListener("click", function () {
      if (drawn) {
        canvas.hidden = !canvas.hidden;
        show.setAttribute("aria-expanded", String(!canvas.hidden));
        return;
      }
      var points = given ? Promise.resolve({ points: JSON.parse(given) }) :
        fetch(box.getAttribute("data-url"), { headers: { Accept: "application/json" } })
          .then(function (response) { return response.json(); });
      points
        .then(function (data) {
          drawn = true;
          if (!data.points.length) {
            status.textContent = box.getAttribute("data-label-none");
            return;
          }
          loadLeaflet(box, function () {
            canvas.hidden = false;
            show.setAttribute("aria-expanded", "true");
            drawIdeas(box, canvas, data.points);
            if (!given) status.textContent = data.points.length + " " + box.getAttribute("data-label-shown");
          });
        })
        .catch(function () { box.hidden = true; }); // the list remains
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-place-picker]"), setUp);
    Array.prototype.forEach.call(document.querySelectorAll("[data-points-map]"), setUpIdeas);
  });
})();

/* Draws the local activity sites on a Leaflet map when a tile server is set.
   The page lists the same sites with addresses and OpenStreetMap links, so
   nothing is lost when this script, Leaflet or the tiles do not load. */
(function () {
  "use strict";

  function init() {
    var container = document.getElementById("mapa-mal");
    var source = document.getElementById("mapa-mal-dane");
    if (!container || !source || typeof window.L === "undefined") {
      return;
    }
    var data = JSON.parse(source.textContent);
    if (!data.tiles || !data.sites.length) {
      return;
    }
    container.hidden = false;
    var map = window.L.map(container, { scrollWheelZoom: false });
    window.L.tileLayer(data.tiles, { attribution: data.attribution, maxZoom: 19 }).addTo(map);
    var points = data.sites.map(function (site) {
      var marker = window.L.marker([site.lat, site.lng], {
        title: site.name,
        alt: site.name,
        keyboard: true,
      }).addTo(map);
      var popup = document.createElement("div");
      var link = document.createElement("a");
      link.href = site.url;
      link.textContent = site.name;
      popup.appendChild(link);
      popup.appendChild(document.createElement("br"));
      popup.appendChild(document.createTextNode(site.address));
      marker.bindPopup(popup);
      return [site.lat, site.lng];
    });
    map.fitBounds(points, { padding: [30, 30], maxZoom: 16 });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

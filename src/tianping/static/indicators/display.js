/* The big screen (indicators/display.html): draws the 12-month chart with ECharts, keeps
   the clock, and fetches the figures again every minute (the server caches them). A
   revoked token answers 404: the page is reloaded and shows so. No inline script. */
(function () {
  "use strict";
  var screen = document.getElementById("screen");
  if (!screen) return;
  var chart = null;

  function draw() {
    var node = document.getElementById("trend");
    var data = document.getElementById("trend-data");
    if (!node || !data || !window.echarts) return;
    var d = JSON.parse(data.textContent);
    if (chart) chart.dispose();
    chart = window.echarts.init(node, null, { renderer: "canvas" });
    var n = d.names;
    var f = Math.max(12, Math.round(node.clientWidth / 70));  // larger on a larger screen
    chart.setOption({
      backgroundColor: "transparent",
      animation: false,  // redrawn every minute: no growing bars each time
      textStyle: { color: "#e8f0fb", fontSize: f },
      legend: { top: 0, textStyle: { color: "#e8f0fb", fontSize: f + 2 } },
      grid: { left: 4 * f, right: 5 * f, top: 3 * f, bottom: 2.5 * f },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: d.months,
               axisLabel: { color: "#9fb3cf", fontSize: f, interval: 0, hideOverlap: false,
                            formatter: function (v) { return v.slice(2); } } },
      yAxis: [
        { type: "value", axisLabel: { color: "#9fb3cf", fontSize: f }, splitLine: { lineStyle: { color: "#24406a" } } },
        { type: "value", axisLabel: { color: "#9fb3cf", fontSize: f, formatter: "{value}%" }, splitLine: { show: false } }
      ],
      series: [
        { name: n.received, type: "bar", data: d.series.received, itemStyle: { color: "#5ab0ff" } },
        { name: n.closed, type: "bar", data: d.series.closed, itemStyle: { color: "#3ddc84" } },
        { name: n.clearance_rate, type: "line", yAxisIndex: 1, data: d.series.clearance_rate,
          itemStyle: { color: "#ffc857" }, lineStyle: { width: 3 }, connectNulls: false }
      ]
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function tick() {
    var clock = document.getElementById("clock");
    if (!clock) return;
    var t = new Date();
    clock.textContent = t.getFullYear() + "-" + pad(t.getMonth() + 1) + "-" + pad(t.getDate()) +
      " " + pad(t.getHours()) + ":" + pad(t.getMinutes());
  }

  function refresh() {
    fetch(screen.getAttribute("data-src"), { credentials: "omit", cache: "no-store" })
      .then(function (response) {
        if (response.status === 404) { window.location.reload(); return null; }
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (!html) return;
        screen.innerHTML = html;
        draw();
        tick();
      })
      .catch(function () { /* the network is down: keep what is shown, try again */ });
  }

  window.addEventListener("load", function () {
    draw();
    tick();
    var seconds = parseInt(screen.getAttribute("data-refresh"), 10) || 60;
    window.setInterval(refresh, seconds * 1000);
    window.setInterval(tick, 15000);
    window.addEventListener("resize", function () { draw(); });
  });
})();

/* The indicator pages' monthly trends (issue 13), drawn with the local ECharts from the
   page's JSON (json_script "ind-trend"): received and closed (bars), the rates (lines, %)
   and the average days to close. Large fonts when the page is in projector mode; the
   charts redraw at the page's width and before printing. */
(function () {
  "use strict";
  function draw() {
    var source = document.getElementById("ind-trend");
    if (!source || !window.echarts) { return; }
    var data = JSON.parse(source.textContent);
    var large = !!document.querySelector(".ind-large");
    var font = large ? 18 : 12;
    var byCode = {};
    data.series.forEach(function (s) { byCode[s.code] = s; });
    var groups = {
      counts: { codes: ["received", "closed"], type: "bar", axis: data.labels.counts },
      rates: { codes: ["clearance_rate", "closure_rate", "within_limit_rate"], type: "line", axis: data.labels.rates },
      days: { codes: ["avg_days"], type: "line", axis: data.labels.days }
    };
    var charts = [];
    document.querySelectorAll(".ind-chart[data-chart]").forEach(function (node) {
      var group = groups[node.getAttribute("data-chart")];
      if (!group) { return; }
      var chart = window.echarts.init(node, null, { renderer: "canvas" });
      chart.setOption({
        animation: false,
        textStyle: { fontSize: font },
        tooltip: { trigger: "axis" },
        legend: { bottom: 0, textStyle: { fontSize: font } },
        grid: { left: 16, right: 16, top: large ? 48 : 36, bottom: large ? 56 : 40, containLabel: true },
        xAxis: { type: "category", data: data.months, axisLabel: { fontSize: font } },
        yAxis: { type: "value", name: group.axis, nameTextStyle: { fontSize: font, align: "left" }, axisLabel: { fontSize: font } },
        series: group.codes.filter(function (c) { return byCode[c]; }).map(function (c) {
          return { name: byCode[c].name, type: group.type, data: byCode[c].values,
                   connectNulls: false, symbolSize: large ? 10 : 6,
                   lineStyle: { width: large ? 4 : 2 } };
        })
      });
      charts.push(chart);
    });
    function resize() { charts.forEach(function (c) { c.resize(); }); }
    window.addEventListener("resize", resize);
    window.addEventListener("beforeprint", resize);
    window.addEventListener("afterprint", resize);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", draw); } else { draw(); }
})();

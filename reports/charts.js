(function () {
  "use strict";
  // Draws each chart from its options, which arrive as JSON data and are never run as code.
  var specs = JSON.parse(document.getElementById("chart-options").textContent);
  var charts = [], rendered = 0;
  specs.forEach(function (spec) {
    var el = document.getElementById(spec.id);
    var chart = echarts.init(el, null, { renderer: "svg" });
    chart.setOption(spec.option);
    charts.push(chart);
    if (el.querySelector("canvas, svg")) {
      rendered++;
    }
  });
  document.body.setAttribute("data-charts-rendered", String(rendered));
  function resize() {
    charts.forEach(function (chart) { chart.resize(); });
  }
  window.addEventListener("resize", resize);
  window.addEventListener("beforeprint", resize);
  window.addEventListener("afterprint", resize);
})();

// The sharing figures page's charts: the most used instruments' effective and external hours, and the owners'
// sharing rates, drawn by ECharts as SVG from the JSON the page carries in data-chart (no inline script).
(function () {
  'use strict';

  function shortName(name) {
    return name.length > 14 ? name.slice(0, 13) + '…' : name;
  }

  function bars(element, title, categories, series, unit) {
    if (!categories.length) {
      element.hidden = true;
      return;
    }
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      title: { text: title, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 24, data: series.map(function (s) { return s.name; }) },
      grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}' + unit } },
      yAxis: { type: 'category', inverse: true, data: categories,
        axisLabel: { formatter: shortName, width: 120, overflow: 'truncate' } },
      series: series.map(function (s) {
        return { name: s.name, type: 'bar', data: s.data, label: { show: categories.length <= 6, position: 'right' } };
      })
    });
    window.addEventListener('resize', function () { chart.resize(); });
    element.dataset.drawn = 'true';
  }

  function draw() {
    var holder = document.getElementById('sharing-charts');
    if (!holder || !holder.dataset.chart || !window.echarts) {
      return;
    }
    var data = JSON.parse(holder.dataset.chart);
    bars(document.getElementById('sharing-hours-chart'), data.hoursTitle, data.instruments, [
      { name: data.effectiveName, data: data.effective },
      { name: data.externalName, data: data.external }
    ], '');
    bars(document.getElementById('sharing-rates-chart'), data.ratesTitle, data.organisations, [
      { name: data.rateName, data: data.rates }
    ], '%');
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();

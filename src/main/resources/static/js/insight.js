// The dashboards' charts, drawn by ECharts from the JSON the page carries in data-chart attributes (no inline
// script): the months per kind, the map of China with the flows between provinces as lines as wide as their
// volume (a click on a province opens its dashboard), the province's prefectures below it, and the Sankey diagram.
// The map shapes are fetched from the application itself (static/maps) and registered by name.
(function () {
  'use strict';

  function data(element) {
    return element && element.dataset.chart ? JSON.parse(element.dataset.chart) : null;
  }

  function resizing(chart) {
    window.addEventListener('resize', function () { chart.resize(); });
  }

  /** The period and kind of this page, kept when another region is opened. */
  function query() {
    var now = new URLSearchParams(window.location.search);
    var keep = new URLSearchParams();
    ['from', 'to', 'kind'].forEach(function (key) {
      if (now.get(key)) {
        keep.set(key, now.get(key));
      }
    });
    var text = keep.toString();
    return text ? '?' + text : '';
  }

  function open(code) {
    window.location.assign('/insight/regions/' + encodeURIComponent(code) + query());
  }

  function trends() {
    var counts = document.getElementById('insight-counts-chart');
    var d = data(counts);
    if (!d) {
      return;
    }
    var selected = {};
    d.series.forEach(function (s) { selected[s.name] = s.shown; });
    var chart = window.echarts.init(counts, null, { renderer: 'svg' });
    chart.setOption({
      title: { text: d.countTitle, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', bottom: 0, selected: selected },
      grid: { left: 8, right: 16, top: 40, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: d.series.map(function (s) { return { name: s.name, type: 'line', data: s.counts }; })
    });
    resizing(chart);
    counts.dataset.drawn = 'true';
    var moneySeries = d.series.filter(function (s) { return s.values; });
    var money = document.getElementById('insight-money-chart');
    if (!moneySeries.length) {
      money.hidden = true;
      return;
    }
    var bars = window.echarts.init(money, null, { renderer: 'svg' });
    bars.setOption({
      title: { text: d.moneyTitle, left: 'center', textStyle: { fontSize: 14 } },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 40, containLabel: true },
      xAxis: { type: 'category', data: d.months },
      yAxis: { type: 'value' },
      series: moneySeries.map(function (s) { return { name: s.name, type: 'bar', stack: 'money', data: s.values }; })
    });
    resizing(bars);
    money.dataset.drawn = 'true';
  }

  /** Shape names by code, and each shape's centre ([lng, lat]) by name, from a GeoJSON's properties. */
  function shapes(geo, names) {
    var byCode = {};
    var centres = {};
    Object.keys(names).forEach(function (name) { byCode[names[name]] = name; });
    geo.features.forEach(function (f) {
      centres[f.properties.name] = f.properties.cp;
    });
    return { byCode: byCode, centres: centres };
  }

  function lines(pairs, known, tooltipOf) {
    var drawn = pairs.filter(function (p) {
      return p.from !== p.to && known.byCode[p.from] && known.byCode[p.to];
    });
    var max = drawn.reduce(function (m, p) { return Math.max(m, p.count); }, 1);
    return drawn.map(function (p) {
      return {
        name: p.fromName + ' → ' + p.toName,
        coords: [known.centres[known.byCode[p.from]], known.centres[known.byCode[p.to]]],
        lineStyle: { width: 1 + 9 * p.count / max },
        tooltip: { formatter: tooltipOf(p) }
      };
    });
  }

  /** Each shape's colour by what its side received, the region's own shape outlined. */
  function regions(pairs, known, own) {
    var received = {};
    pairs.forEach(function (p) {
      var name = known.byCode[p.to];
      if (name) {
        received[name] = (received[name] || 0) + p.count;
      }
    });
    var max = Object.keys(received).reduce(function (m, n) { return Math.max(m, received[n]); }, 1);
    return Object.keys(known.centres).map(function (name) {
      var share = (received[name] || 0) / max;
      var style = { areaColor: received[name] ? 'rgba(30, 110, 190,' + (0.15 + 0.6 * share).toFixed(2) + ')' : '#eef2f6' };
      if (own && known.byCode[own] === name) {
        style.borderColor = '#c0392b';
        style.borderWidth = 2;
      }
      return { name: name, itemStyle: style };
    });
  }

  function drawMap(element, mapName, geo, names, pairs, own, d) {
    var known = shapes(geo, names);
    window.echarts.registerMap(mapName, geo);
    var chart = window.echarts.init(element);
    // where each region is drawn, for whoever needs to point at it (the journeys click there)
    chart.on('finished', function () {
      var points = {};
      Object.keys(known.byCode).forEach(function (code) {
        var centre = known.centres[known.byCode[code]];
        if (centre) {
          var pixel = chart.convertToPixel({ geoIndex: 0 }, centre);
          if (pixel) {
            points[code] = [Math.round(pixel[0]), Math.round(pixel[1])];
          }
        }
      });
      element.dataset.points = JSON.stringify(points);
      element.dataset.drawn = 'true';
    });
    var tooltipOf = function (p) {
      return p.fromName + ' → ' + p.toName + '<br>' + d.kindName + ' ' + d.countLabel + '：' + p.count
        + (p.value ? '<br>' + d.valueLabel + '：¥' + p.value : '');
    };
    chart.setOption({
      tooltip: { trigger: 'item' },
      geo: {
        map: mapName, roam: false, layoutCenter: ['50%', '50%'], layoutSize: '95%',
        label: { show: false }, emphasis: { label: { show: true } },
        itemStyle: { borderColor: '#8aa4bf', areaColor: '#eef2f6' },
        regions: regions(pairs, known, own)
      },
      series: [{
        type: 'lines', coordinateSystem: 'geo', silent: true, zlevel: 1,
        effect: { show: false },
        lineStyle: { color: '#d35400', opacity: 0.75, curveness: 0.25 },
        data: lines(pairs, known, tooltipOf)
      }]
    });
    chart.on('click', function (params) {
      if (params.componentType === 'geo' && names[params.name]) {
        open(names[params.name]);
      }
    });
    resizing(chart);
  }

  function maps() {
    var element = document.getElementById('insight-map');
    var d = data(element);
    if (!d) {
      return;
    }
    fetch(d.chinaUrl, { credentials: 'same-origin' })
      .then(function (r) { return r.json(); })
      .then(function (geo) {
        drawMap(element, 'china', geo, d.names, d.pairs, d.province || d.region, d);
      });
    if (d.provinceUrl) {
      var below = document.getElementById('insight-province-map');
      fetch(d.provinceUrl, { credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (geo) {
          below.hidden = false;
          drawMap(below, 'province-' + d.province, geo, d.provinceNames, d.provincePairs || [],
            d.region === d.province ? null : d.region, d);
        });
    }
  }

  function sankey() {
    var element = document.getElementById('insight-sankey');
    var d = data(element);
    if (!d) {
      return;
    }
    if (!d.links.length) {
      element.hidden = true;
      return;
    }
    var labels = {};
    d.nodes.forEach(function (n) { labels[n.name] = n.label; });
    var chart = window.echarts.init(element, null, { renderer: 'svg' });
    chart.setOption({
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          return p.dataType === 'edge' ? labels[p.data.source] + ' → ' + labels[p.data.target] + '：' + p.data.value
            : labels[p.name];
        }
      },
      series: [{
        type: 'sankey', left: 8, right: 90, top: 16, bottom: 16, nodeAlign: 'justify',
        data: d.nodes.map(function (n) { return { name: n.name }; }),
        links: d.links,
        label: { formatter: function (p) { return labels[p.name]; } },
        lineStyle: { color: 'source', opacity: 0.45 }
      }]
    });
    resizing(chart);
    element.dataset.drawn = 'true';
  }

  function kindPicker() {
    var select = document.getElementById('insight-kind');
    if (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    }
  }

  function draw() {
    kindPicker();
    if (!window.echarts) {
      return;
    }
    trends();
    maps();
    sankey();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();

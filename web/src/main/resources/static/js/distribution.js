// The stock page's chart: copies per location, one bar per funder, from the JSON the page carries.
document.addEventListener('DOMContentLoaded', () => {
  const data = document.getElementById('stock-chart-data');
  const canvas = document.getElementById('stock-chart');
  if (!data || !canvas || typeof Chart === 'undefined') {
    return;
  }
  const chart = JSON.parse(data.textContent);
  new Chart(canvas, {
    type: 'bar',
    data: {
      labels: chart.labels,
      datasets: chart.series.map(s => ({label: s.label, data: s.data}))
    },
    options: {responsive: true, maintainAspectRatio: false, scales: {x: {stacked: true}, y: {stacked: true, beginAtZero: true}}}
  });
});

// The donor report's charts: deliveries by region (bars) and by month (a line), each from the JSON beside it.
document.addEventListener('DOMContentLoaded', () => {
  if (typeof Chart === 'undefined') {
    return;
  }
  document.querySelectorAll('canvas.report-chart').forEach(canvas => {
    const source = document.getElementById(canvas.dataset.source);
    if (!source) {
      return;
    }
    const chart = JSON.parse(source.textContent);
    new Chart(canvas, {
      type: canvas.dataset.kind,
      data: {labels: chart.labels, datasets: [{label: canvas.getAttribute('aria-label'), data: chart.data}]},
      options: {responsive: true, maintainAspectRatio: false, scales: {y: {beginAtZero: true}}}
    });
  });
});

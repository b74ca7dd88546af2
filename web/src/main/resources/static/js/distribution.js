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

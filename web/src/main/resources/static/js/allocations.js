// The allocation form: "all" ticks every recipient listed; the weight and copies columns show for their method only.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("allocation-form");
  if (!form) {
    return;
  }
  const all = document.getElementById("choose-all");
  if (all) {
    all.addEventListener("change", () => {
      form.querySelectorAll("input.choose").forEach((box) => { box.checked = all.checked; });
    });
  }
  const show = () => {
    const method = (form.querySelector("input[name=method]:checked") || {}).value;
    form.querySelectorAll(".by-weight").forEach((cell) => { cell.hidden = method !== "weighted"; });
    form.querySelectorAll(".by-hand").forEach((cell) => { cell.hidden = method !== "by_hand"; });
  };
  form.querySelectorAll("input[name=method]").forEach((radio) => radio.addEventListener("change", show));
  show();
});

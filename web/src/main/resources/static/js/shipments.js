// The shipment page's copy button: copies the receipt link to the clipboard and says so at once.
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-copy]");
  if (!button) {
    return;
  }
  const field = document.getElementById(button.dataset.copy);
  field.select();
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(field.value).catch(() => document.execCommand("copy"));
  } else {
    document.execCommand("copy");
  }
  button.textContent = button.dataset.copied;
});

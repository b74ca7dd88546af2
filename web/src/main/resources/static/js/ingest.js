// Drag and drop onto the upload zone: the dropped files become the form's files and the form is sent.
(function () {
  var zone = document.getElementById("dropzone");
  var input = document.getElementById("files");
  var chosen = document.getElementById("chosen");
  if (!zone || !input) {
    return;
  }
  function show() {
    if (chosen) {
      chosen.textContent = (chosen.dataset.template || "{0}").replace("{0}", input.files.length);
    }
  }
  ["dragenter", "dragover"].forEach(function (name) {
    zone.addEventListener(name, function (event) {
      event.preventDefault();
      zone.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    zone.addEventListener(name, function () {
      zone.classList.remove("over");
    });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      show();
      document.getElementById("upload-form").submit();
    }
  });
  input.addEventListener("change", show);
})();

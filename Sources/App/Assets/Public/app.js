// Capable: small progressive enhancements. Every page works without this file.
(function () {
  'use strict';

  // Move focus to a link's target field and bring its label (or the legend
  // of its fieldset) into view, so the question is visible above the field.
  function focusField(id) {
    var field = document.getElementById(id);
    if (!field) return false;
    var label = document.querySelector('label[for="' + CSS.escape(id) + '"]');
    var legend = field.closest('fieldset') && field.closest('fieldset').querySelector('legend');
    // A radio or checkbox's own label is one option; the legend is the question.
    var choice = field.type === 'radio' || field.type === 'checkbox';
    var target = (choice || !label ? legend : label) || label || field;
    target.scrollIntoView({ block: 'start' });
    field.focus({ preventScroll: true });
    return true;
  }

  function enhanceErrorSummary(summary) {
    summary.focus();
    summary.addEventListener('click', function (event) {
      var link = event.target.closest('a[href^="#"]');
      if (!link || !summary.contains(link)) return;
      var id = decodeURIComponent(link.getAttribute('href').slice(1));
      if (id && focusField(id)) event.preventDefault();
    });
  }

  function enhanceConfirmForms() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-confirm')) return;
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }

  // A background job's status line: ask every two seconds, update the words (read out
  // politely by screen readers), and reload the page when the job has finished.
  function pollStatus(element) {
    var url = element.getAttribute('data-import-status');
    function ask() {
      fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (status) {
          if (!status) return;
          if (status.status !== 'applying') { window.location.reload(); return; }
          if (typeof status.done === 'number') {
            element.textContent = status.done + ' of ' + status.total + ' rows written';
          }
          window.setTimeout(ask, 2000);
        })
        .catch(function () { window.setTimeout(ask, 5000); });
    }
    window.setTimeout(ask, 2000);
  }

  function init() {
    var summary = document.querySelector('.govuk-error-summary');
    if (summary) enhanceErrorSummary(summary);
    enhanceConfirmForms();
    var status = document.querySelector('[data-import-status]');
    if (status) pollStatus(status);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

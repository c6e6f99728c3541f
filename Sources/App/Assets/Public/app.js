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

  function init() {
    var summary = document.querySelector('.govuk-error-summary');
    if (summary) enhanceErrorSummary(summary);
    enhanceConfirmForms();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();

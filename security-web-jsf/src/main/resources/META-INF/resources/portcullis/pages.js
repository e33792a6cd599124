/* Progressive enhancement of Portcullis' pages; every form works without it.
 *
 * Show-password toggles: each password input has a hidden button (aria-controls names the input)
 * that this script reveals. Pressing it shows the password as text and presses the button
 * (aria-pressed); submitting the form turns it back into a password field first, so the browser's
 * password manager sees a password. */
(function () {
  'use strict';
  document.querySelectorAll('button.show-password').forEach(function (button) {
    var input = document.getElementById(button.getAttribute('aria-controls'));
    if (!input) {
      return;
    }
    var show = function (visible) {
      input.type = visible ? 'text' : 'password';
      button.setAttribute('aria-pressed', visible ? 'true' : 'false');
    };
    button.hidden = false;
    button.addEventListener('click', function () {
      show(input.type === 'password');
    });
    if (input.form) {
      input.form.addEventListener('submit', function () {
        show(false);
      });
    }
  });
})();

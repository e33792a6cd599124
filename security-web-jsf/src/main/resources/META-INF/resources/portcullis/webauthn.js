/* WebAuthn for Portcullis' pages (wan_register, wan_signin, wan_verify and the login page's
 * passkey autofill); no framework, no inline script (the pages may run under a strict
 * Content-Security-Policy).
 *
 * A response form carries the server's options as JSON in data-wan-options and says what to do
 * with them in data-wan-ceremony: "create" (navigator.credentials.create), "get"
 * (navigator.credentials.get) or "autofill" (get with conditional mediation, offered in the
 * identity field's autofill list where the browser supports it). The browser's credential goes,
 * as WebAuthn Level 3 JSON (PublicKeyCredential.toJSON() where the browser has it, else built
 * here), into the form's hidden "credential" field, and the form is submitted with its button.
 * A "create" or "get" form is served hidden; it is shown and starts by itself when the page shows,
 * and again when its button is pressed (a browser may want a click first). If the browser fails or
 * the user cancels, the form's status line says so (data-wan-failed) and nothing is posted. */
(function () {
  'use strict';

  if (!window.PublicKeyCredential || !navigator.credentials) {
    document.querySelectorAll('[data-wan-unsupported]').forEach(function (note) {
      note.hidden = false;
    });
    return;
  }

  function toBuffer(base64url) {
    var base64 = base64url.replace(/-/g, '+').replace(/_/g, '/');
    while (base64.length % 4) {
      base64 += '=';
    }
    var text = atob(base64);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) {
      bytes[i] = text.charCodeAt(i);
    }
    return bytes.buffer;
  }

  function toBase64url(buffer) {
    var bytes = new Uint8Array(buffer);
    var text = '';
    for (var i = 0; i < bytes.length; i++) {
      text += String.fromCharCode(bytes[i]);
    }
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function descriptors(list) {
    return (list || []).map(function (d) {
      var copy = Object.assign({}, d);
      copy.id = toBuffer(d.id);
      return copy;
    });
  }

  function creationOptions(json) {
    if (typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseCreationOptionsFromJSON(json);
    }
    var options = Object.assign({}, json);
    options.challenge = toBuffer(json.challenge);
    options.user = Object.assign({}, json.user, { id: toBuffer(json.user.id) });
    options.excludeCredentials = descriptors(json.excludeCredentials);
    return options;
  }

  function requestOptions(json) {
    if (typeof PublicKeyCredential.parseRequestOptionsFromJSON === 'function') {
      return PublicKeyCredential.parseRequestOptionsFromJSON(json);
    }
    var options = Object.assign({}, json);
    options.challenge = toBuffer(json.challenge);
    options.allowCredentials = descriptors(json.allowCredentials);
    return options;
  }

  /* WebAuthn L3 §5.1.8/§5.1.9 JSON of a credential, by hand for browsers without toJSON(). */
  function credentialJson(credential) {
    if (typeof credential.toJSON === 'function') {
      try {
        return credential.toJSON();
      } catch (e) {
        /* Fall through to the hand-made JSON. */
      }
    }
    var r = credential.response;
    var response = { clientDataJSON: toBase64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64url(r.attestationObject);
      response.transports = typeof r.getTransports === 'function' ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64url(r.authenticatorData);
      response.signature = toBase64url(r.signature);
      if (r.userHandle) {
        response.userHandle = toBase64url(r.userHandle);
      }
    }
    return {
      id: credential.id,
      rawId: toBase64url(credential.rawId),
      type: credential.type,
      authenticatorAttachment: credential.authenticatorAttachment || undefined,
      clientExtensionResults: credential.getClientExtensionResults(),
      response: response
    };
  }

  function Ceremony(form) {
    this.form = form;
    this.kind = form.getAttribute('data-wan-ceremony');
    this.options = JSON.parse(form.getAttribute('data-wan-options'));
    this.field = form.querySelector('input[name="credential"]');
    this.button = form.querySelector('[data-wan-submit]');
    this.status = form.querySelector('[data-wan-status]');
    this.busy = false;
  }

  Ceremony.prototype.call = function (signal) {
    if (this.kind === 'create') {
      return navigator.credentials.create({ publicKey: creationOptions(this.options) });
    }
    var request = { publicKey: requestOptions(this.options) };
    if (this.kind === 'autofill') {
      request.mediation = 'conditional';
      request.signal = signal;
    }
    return navigator.credentials.get(request);
  };

  Ceremony.prototype.run = function (signal) {
    var self = this;
    if (self.busy) {
      return;
    }
    self.busy = true;
    self.say('');
    self.call(signal).then(function (credential) {
      if (!credential) {
        throw new Error('no credential');
      }
      self.field.value = JSON.stringify(credentialJson(credential));
      self.submitting = true;
      if (typeof self.form.requestSubmit === 'function') {
        self.form.requestSubmit(self.button);
      } else {
        self.button.click();
      }
    }).catch(function (error) {
      self.busy = false;
      if (error && error.name === 'AbortError') {
        return;
      }
      self.say(self.form.getAttribute('data-wan-failed') + ' (' + (error && error.name || 'Error') + ')');
    });
  };

  Ceremony.prototype.say = function (text) {
    if (this.status) {
      this.status.textContent = text;
    }
  };

  /* The response form is served hidden (nothing but this script can answer it); it shows while a
   * ceremony runs, so its status line and retry button can be seen. */
  Ceremony.prototype.start = function () {
    var self = this;
    self.form.hidden = false;
    self.form.addEventListener('submit', function (event) {
      if (!self.submitting) {
        event.preventDefault();
        self.run();
      }
    });
    self.run();
  };

  /* Passkeys in the identity field's autofill, only where conditional mediation is available; the
   * offer ends when the state would have expired (data-wan-lifetime), so a late choice is not
   * refused. The password form is never touched. */
  Ceremony.prototype.offer = function () {
    var self = this;
    if (typeof PublicKeyCredential.isConditionalMediationAvailable !== 'function' ||
        typeof AbortController !== 'function') {
      return;
    }
    PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
      if (!available) {
        return;
      }
      var controller = new AbortController();
      var lifetime = parseInt(self.form.getAttribute('data-wan-lifetime'), 10);
      if (lifetime > 0) {
        setTimeout(function () {
          controller.abort();
        }, lifetime);
      }
      self.run(controller.signal);
    }).catch(function () {
      /* No autofill then. */
    });
  };

  document.querySelectorAll('form[data-wan-ceremony]').forEach(function (form) {
    if (!form.getAttribute('data-wan-options')) {
      return;
    }
    var ceremony = new Ceremony(form);
    if (ceremony.kind === 'autofill') {
      ceremony.offer();
    } else {
      ceremony.start();
    }
  });
})();

/*
 * The hosted pages that take card or bank details: "add a payment method" (form #payment-method-form) and the
 * payment link page (form #payment-link-form, which pays instead of saving). Loaded from this server only (the page's Content-Security-Policy allows
 * no inline script). Two modes, read from the form's data-mode:
 *  - sandbox: the typed test details go as JSON to POST {data-tokens-url}, which answers a token; the form is then
 *    posted with the token only. The detail inputs have no name attribute, so they can never be posted.
 *  - stripe: Stripe.js Elements (Payment Element) with a SetupIntent whose client secret comes from
 *    POST {data-setup-intent-url}; stripe.confirmSetup() gives the PaymentMethod id (pm_...), which is posted as the
 *    token. The server side of this branch (the SetupIntent) is completed with the Stripe processor. A form with
 *    data-stripe-flow="payment" (the payment link) uses the Payment Element without an intent (amount and currency
 *    from data-amount-minor and data-currency) and posts the PaymentMethod from stripe.createPaymentMethod(): the
 *    server then charges it.
 * On load, the page tells the server it was opened (POST {data-opened-url}): a GET never changes anything.
 */
(function () {
  'use strict';

  var form = document.getElementById('payment-method-form') || document.getElementById('payment-link-form');
  if (!form) {
    return;
  }
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute('content') : '';
  var tokenInput = document.getElementById('token');
  var button = document.getElementById('save-button') || document.getElementById('pay-button');
  var idleLabel = button.textContent;
  var busyLabel = button.dataset.busyLabel || 'Saving\u2026';
  var formError = document.getElementById('form-error');
  var serverError = document.getElementById('server-error');

  localiseTimes();
  post(form.dataset.openedUrl, null).catch(function () { /* a lost beacon only loses the "opened" status */ });

  if (form.dataset.mode === 'stripe') {
    stripeMode();
  } else {
    sandboxMode();
  }

  function post(url, body) {
    var headers = { 'X-CSRF-Token': csrf, 'Accept': 'application/json, application/problem+json' };
    if (body !== null) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: headers,
      body: body === null ? null : JSON.stringify(body)
    });
  }

  function localiseTimes() {
    document.querySelectorAll('time[data-localize]').forEach(function (time) {
      var when = new Date(time.getAttribute('datetime'));
      if (!isNaN(when.getTime())) {
        time.textContent = when.toLocaleString(undefined, {
          weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
          timeZoneName: 'short'
        });
      }
    });
  }

  function showError(message, fieldName) {
    if (serverError) {
      serverError.hidden = true;
    }
    formError.textContent = message;
    formError.hidden = false;
    if (fieldName) {
      var input = form.querySelector('[data-field="' + fieldName + '"]');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
      }
    }
  }

  function clearErrors() {
    formError.hidden = true;
    formError.textContent = '';
    form.querySelectorAll('[aria-invalid]').forEach(function (input) {
      input.removeAttribute('aria-invalid');
    });
  }

  function busy(on) {
    button.disabled = on;
    button.textContent = on ? busyLabel : idleLabel;
  }

  /** A dead link, a spent one or too many attempts: the server's page for it says what to do. */
  function reloadOnGone(response) {
    if (response.status === 410 || response.status === 429) {
      window.location.reload();
      return true;
    }
    if (response.status === 403) {
      showError('This page has expired. Please reload it and enter your details again.');
      return true;
    }
    return false;
  }

  function sandboxMode() {
    var radios = form.querySelectorAll('input[name="type"]');
    radios.forEach(function (radio) {
      radio.addEventListener('change', showChosenType);
    });
    showChosenType();

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors();
      var type = chosenType();
      var body = type === 'ach' ? {
        type: 'ach',
        bankAccount: {
          holderName: value('ach-holder'),
          routingNumber: value('ach-routing'),
          accountNumber: value('ach-account')
        }
      } : {
        type: 'card',
        card: {
          number: value('card-number'),
          expMonth: value('card-exp-month'),
          expYear: value('card-exp-year'),
          cvc: value('card-cvc')
        }
      };
      var missing = firstEmptyField(type);
      if (missing) {
        showError('Please fill in every field.', missing);
        return;
      }
      busy(true);
      post(form.dataset.tokensUrl, body).then(function (response) {
        if (reloadOnGone(response)) {
          busy(false);
          return null;
        }
        return response.json().then(function (answer) {
          if (response.status !== 201) {
            var field = answer.errors && answer.errors.length ? answer.errors[0].field : null;
            var message = answer.errors && answer.errors.length ? answer.errors[0].message : answer.detail;
            showError(message || 'These details were refused.', field);
            busy(false);
            return;
          }
          tokenInput.value = answer.token;
          clearDetails();
          form.submit();
        });
      }).catch(function () {
        showError('We could not reach the server. Please check your connection and try again.');
        busy(false);
      });
    });
  }

  function chosenType() {
    var checked = form.querySelector('input[name="type"]:checked');
    return checked ? checked.value : 'card';
  }

  function showChosenType() {
    var type = chosenType();
    form.querySelectorAll('fieldset[data-type]').forEach(function (fieldset) {
      var shown = fieldset.dataset.type === type;
      fieldset.hidden = !shown;
      fieldset.disabled = !shown;
    });
  }

  function value(id) {
    var input = document.getElementById(id);
    return input ? input.value.trim() : '';
  }

  function firstEmptyField(type) {
    var inputs = form.querySelectorAll('fieldset[data-type="' + type + '"] input[data-field]');
    for (var i = 0; i < inputs.length; i++) {
      if (!inputs[i].value.trim()) {
        return inputs[i].dataset.field;
      }
    }
    return null;
  }

  /** The typed numbers are not needed once tokenized: do not leave them in the page or the browser's form cache. */
  function clearDetails() {
    form.querySelectorAll('input[data-field]').forEach(function (input) {
      input.value = '';
    });
  }

  function stripeMode() {
    var typeInput = document.getElementById('type');
    var publishableKey = form.dataset.publishableKey;
    if (typeof window.Stripe !== 'function' || !publishableKey) {
      showError('Card entry is not available right now. Please try again later.');
      button.disabled = true;
      return;
    }
    var stripe = window.Stripe(publishableKey);
    if (form.dataset.stripeFlow === 'payment') {
      stripePayment(stripe, typeInput);
      return;
    }
    var elements = null;
    button.disabled = true;
    post(form.dataset.setupIntentUrl, {}).then(function (response) {
      if (reloadOnGone(response)) {
        return null;
      }
      if (!response.ok) {
        throw new Error('setup intent ' + response.status);
      }
      return response.json().then(function (intent) {
        elements = stripe.elements({ clientSecret: intent.clientSecret });
        var paymentElement = elements.create('payment', { paymentMethodOrder: ['card', 'us_bank_account'] });
        paymentElement.on('change', function (event) {
          typeInput.value = event.value && event.value.type === 'us_bank_account' ? 'ach' : 'card';
        });
        paymentElement.mount('#stripe-payment-element');
        button.disabled = false;
      });
    }).catch(function () {
      showError('Card entry is not available right now. Please try again later.');
    });

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (!elements) {
        return;
      }
      clearErrors();
      busy(true);
      stripe.confirmSetup({ elements: elements, redirect: 'if_required' }).then(function (result) {
        if (result.error) {
          showError(result.error.message || 'These details were refused.');
          busy(false);
          return;
        }
        var paymentMethod = result.setupIntent.payment_method;
        tokenInput.value = typeof paymentMethod === 'string' ? paymentMethod : paymentMethod.id;
        form.submit();
      });
    });
  }

  /** The payment link: the Payment Element collects the details, the server charges the PaymentMethod it posts. */
  function stripePayment(stripe, typeInput) {
    var elements = stripe.elements({
      mode: 'payment',
      amount: parseInt(form.dataset.amountMinor, 10),
      currency: form.dataset.currency,
      paymentMethodCreation: 'manual'
    });
    var paymentElement = elements.create('payment', { paymentMethodOrder: ['card', 'us_bank_account'] });
    paymentElement.on('change', function (event) {
      typeInput.value = event.value && event.value.type === 'us_bank_account' ? 'ach' : 'card';
    });
    paymentElement.mount('#stripe-payment-element');

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      clearErrors();
      busy(true);
      elements.submit().then(function (submitted) {
        if (submitted.error) {
          throw submitted.error;
        }
        return stripe.createPaymentMethod({ elements: elements });
      }).then(function (result) {
        if (result.error) {
          throw result.error;
        }
        tokenInput.value = result.paymentMethod.id;
        form.submit();
      }).catch(function (error) {
        showError((error && error.message) || 'These details were refused.');
        busy(false);
      });
    });
  }
}());

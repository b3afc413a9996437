/*
 * The hosted checkout page. Loaded from this server only (the page's Content-Security-Policy allows no inline
 * script). It never posts a card or account number with the form: the detail inputs have no name attribute; the
 * details are turned into a processor token in the browser and only the token is posted, with the CSRF token and
 * the page's idempotency key (hidden fields). Two modes, read from the form's data-mode:
 *  - sandbox: the typed test details go as JSON to the sandbox tokenizer (POST {data-tokens-url}, the API's
 *    /sandbox/payment-methods, under the buyer's sign-in), which answers a token. The wallet buttons open a
 *    simulated wallet sheet and pay with the sandbox's wallet token of a Visa test card (data-token).
 *  - stripe: Stripe.js Elements with deferred intent creation: a Payment Element per option (card, US bank
 *    account) and the Express Checkout Element for the enabled wallets; stripe.createPaymentMethod() gives the
 *    PaymentMethod id (pm_...), which is posted as the token; the server creates and confirms the charge.
 * The wallet buttons are shown only while Card is chosen.
 */
(function () {
  'use strict';

  var form = document.getElementById('checkout-form');
  if (!form) {
    return;
  }
  var typeInput = document.getElementById('type');
  var tokenInput = document.getElementById('token');
  var button = document.getElementById('pay-button');
  var formError = document.getElementById('form-error');
  var serverError = document.getElementById('server-error');
  var walletBlock = document.getElementById('wallet-buttons');
  var submitted = false;

  form.querySelectorAll('input[name="method"]').forEach(function (radio) {
    radio.addEventListener('change', showChosenMethod);
  });
  showChosenMethod();

  if (form.dataset.mode === 'stripe') {
    stripeMode();
  } else {
    sandboxMode();
  }

  function chosenMethod() {
    var checked = form.querySelector('input[name="method"]:checked');
    return checked ? checked.value : 'card';
  }

  /** The fields of the chosen option, and the wallet buttons only while Card is chosen. */
  function showChosenMethod() {
    var method = chosenMethod();
    form.querySelectorAll('[data-type]').forEach(function (part) {
      var shown = part.dataset.type === method;
      part.hidden = !shown;
      if (part.tagName === 'FIELDSET') {
        part.disabled = !shown;
      }
    });
    if (walletBlock) {
      walletBlock.hidden = method !== 'card';
    }
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
    button.textContent = on ? 'Paying\u2026' : button.dataset.label;
    form.querySelectorAll('button.wallet').forEach(function (wallet) {
      wallet.disabled = on;
    });
  }

  /** Posts the token once: a second click while the first post is on its way does nothing. */
  function pay(type, token) {
    if (submitted) {
      return;
    }
    submitted = true;
    busy(true);
    typeInput.value = type;
    tokenInput.value = token;
    clearDetails();
    form.submit();
  }

  /** The typed numbers are not needed once tokenized: do not leave them in the page or the browser's form cache. */
  function clearDetails() {
    form.querySelectorAll('input[data-field]').forEach(function (input) {
      input.value = '';
    });
  }

  function sandboxMode() {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (submitted || button.disabled) {
        return;
      }
      clearErrors();
      var method = chosenMethod();
      var missing = firstInvalidField(method);
      if (missing) {
        showError(missing.message, missing.field);
        return;
      }
      var body = method === 'ach' ? {
        type: 'ach',
        bankAccount: {
          holderName: value('ach-holder'),
          routingNumber: value('ach-routing'),
          accountNumber: value('ach-account')
        }
      } : {
        type: 'card',
        card: {
          number: value('card-number').replace(/[\s-]/g, ''),
          expMonth: parseInt(value('card-exp-month'), 10),
          expYear: parseInt(value('card-exp-year'), 10),
          cvc: value('card-cvc')
        }
      };
      busy(true);
      // Resolved against the origin, not the page's URL, which may carry credentials that fetch() refuses.
      fetch(new URL(form.dataset.tokensUrl, window.location.origin).href, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json, application/problem+json' },
        body: JSON.stringify(body)
      }).then(function (response) {
        if (response.status === 401 || response.status === 403) {
          showError('Your session has expired. Please reload the page and sign in again.');
          busy(false);
          return null;
        }
        return response.json().then(function (answer) {
          if (response.status !== 201) {
            var first = answer.errors && answer.errors.length ? answer.errors[0] : null;
            showError((first && first.message) || answer.detail || 'These details were refused.',
              first ? first.field : null);
            busy(false);
            return;
          }
          pay(method, answer.token);
        });
      }).catch(function () {
        showError('We could not reach the server. Please check your connection and try again.');
        busy(false);
      });
    });

    var sheet = document.getElementById('wallet-sheet');
    var chosenWallet = null;
    form.querySelectorAll('button.wallet').forEach(function (wallet) {
      wallet.addEventListener('click', function () {
        if (submitted || !sheet) {
          return;
        }
        clearErrors();
        chosenWallet = wallet;
        document.getElementById('wallet-sheet-title').textContent = wallet.dataset.walletName + ' (sandbox)';
        sheet.showModal();
      });
    });
    if (sheet) {
      document.getElementById('wallet-sheet-cancel').addEventListener('click', function () {
        chosenWallet = null;
        sheet.close();
      });
      document.getElementById('wallet-sheet-pay').addEventListener('click', function () {
        var wallet = chosenWallet;
        sheet.close();
        if (wallet) {
          pay(wallet.dataset.wallet, wallet.dataset.token);
        }
      });
    }
  }

  function value(id) {
    var input = document.getElementById(id);
    return input ? input.value.trim() : '';
  }

  function firstInvalidField(method) {
    var inputs = form.querySelectorAll('fieldset[data-type="' + method + '"] input[data-field]');
    for (var i = 0; i < inputs.length; i++) {
      var text = inputs[i].value.trim();
      if (!text) {
        return { field: inputs[i].dataset.field, message: 'Please fill in every field.' };
      }
      if (inputs[i].getAttribute('inputmode') === 'numeric' && !/^[0-9][0-9 -]*$/.test(text)) {
        return { field: inputs[i].dataset.field, message: 'Please enter digits only.' };
      }
    }
    return null;
  }

  function stripeMode() {
    var publishableKey = form.dataset.publishableKey;
    if (typeof window.Stripe !== 'function' || !publishableKey) {
      showError('Payment entry is not available right now. Please try again later.');
      button.disabled = true;
      return;
    }
    var stripe = window.Stripe(publishableKey);
    var amount = parseInt(form.dataset.amount, 10);
    var currency = form.dataset.currency;
    var groups = {};

    function elementsFor(types) {
      var options = { mode: 'payment', amount: amount, currency: currency, paymentMethodCreation: 'manual' };
      if (types) {
        options.paymentMethodTypes = types;
      }
      return stripe.elements(options);
    }

    [['card', 'stripe-card-element', ['card']], ['ach', 'stripe-ach-element', ['us_bank_account']]]
      .forEach(function (option) {
        var container = document.getElementById(option[1]);
        if (container && form.querySelector('input[name="method"][value="' + option[0] + '"]')) {
          var elements = elementsFor(option[2]);
          elements.create('payment').mount(container);
          groups[option[0]] = elements;
        }
      });

    var express = document.getElementById('express-checkout-element');
    if (express) {
      var wallets = (form.dataset.wallets || '').split(' ');
      var expressElements = elementsFor(null);
      var expressCheckout = expressElements.create('expressCheckout', {
        paymentMethods: {
          applePay: wallets.indexOf('apple_pay') >= 0 ? 'always' : 'never',
          googlePay: wallets.indexOf('google_pay') >= 0 ? 'always' : 'never',
          link: 'never',
          paypal: 'never',
          amazonPay: 'never'
        }
      });
      expressCheckout.on('confirm', function (event) {
        var walletType = event.expressPaymentType === 'apple_pay' ? 'apple_pay' : 'google_pay';
        createPaymentMethod(expressElements).then(function (id) {
          pay(walletType, id);
        }, function (message) {
          event.paymentFailed();
          showError(message);
        });
      });
      expressCheckout.mount(express);
    }

    function createPaymentMethod(elements) {
      return elements.submit().then(function (submitResult) {
        if (submitResult.error) {
          throw submitResult.error;
        }
        return stripe.createPaymentMethod({ elements: elements });
      }).then(function (result) {
        if (result.error) {
          throw result.error;
        }
        return result.paymentMethod.id;
      }).catch(function (error) {
        throw (error && error.message) || 'These details were refused.';
      });
    }

    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var method = chosenMethod();
      var elements = groups[method];
      if (submitted || !elements) {
        return;
      }
      clearErrors();
      busy(true);
      createPaymentMethod(elements).then(function (id) {
        pay(method, id);
      }, function (message) {
        showError(message);
        busy(false);
      });
    });
  }
}());

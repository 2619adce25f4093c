// The first run's page (GET /setup): the venue's basics or its venue file, then the owner's account, sent to
// POST /api/setup/venue and POST /api/setup/owner with the setup code the server printed. No inline script (CSP).
(function () {
  'use strict';

  var TEXTS = {
    en: {},
    es: {
      title: 'Configurar Concierge',
      lead: 'Este equipo es nuevo. Dele su establecimiento y la cuenta de su propietario; después inicie sesión en la consola.',
      loading: 'Comprobando este equipo…',
      doneTitle: 'Concierge está listo',
      alreadyTitle: 'Este equipo ya está configurado',
      alreadyText: 'Ya tiene propietario. Inicie sesión en la consola, o pida una cuenta al propietario.',
      codeTitle: 'Código de configuración',
      codeLabel: 'El código que el servidor mostró al arrancar',
      codeHint: 'En el equipo: journalctl -u concierge | grep "setup code"',
      venueTitle: 'Su establecimiento',
      basics: 'Escribir lo básico',
      importFile: 'Importar un archivo del establecimiento',
      venueName: 'Nombre',
      timezone: 'Zona horaria',
      currency: 'Moneda',
      languages: 'Idiomas de los huéspedes',
      basicsHint: 'Las habitaciones, los servicios y la carta vienen después, desde un archivo o la consola.',
      fileLabel: 'Archivo del establecimiento (YAML)',
      ownerTitle: 'La cuenta del propietario',
      ownerName: 'Su nombre',
      ownerEmail: 'Correo electrónico',
      ownerPassword: 'Contraseña (al menos 10 caracteres)',
      ownerRepeat: 'La contraseña otra vez',
      submit: 'Configurar Concierge',
      required: 'Es obligatorio.',
      mismatch: 'Las dos contraseñas no coinciden.',
      short: 'Debe tener al menos 10 caracteres.',
      noFile: 'Elija el archivo del establecimiento.',
      noLanguage: 'Elija al menos un idioma.',
      venueSaved: 'El establecimiento está guardado.',
      unreachable: 'No se puede contactar con el servidor. Compruebe que está en marcha y vuelva a intentarlo.',
      done: 'Inicie sesión en la consola con {email}.'
    }
  };
  var ENGLISH = {
    required: 'This is required.',
    mismatch: 'The two passwords are not the same.',
    short: 'It must be at least 10 characters.',
    noFile: 'Choose the venue file.',
    noLanguage: 'Choose at least one language.',
    venueSaved: 'The venue is saved.',
    unreachable: 'The server cannot be reached. Check that it runs and try again.',
    done: 'Sign in at the console with {email}.'
  };
  var language = (navigator.language || 'en').toLowerCase().indexOf('es') === 0 ? 'es' : 'en';

  function text(key) {
    return (TEXTS[language] && TEXTS[language][key]) || ENGLISH[key] || key;
  }

  function $(id) { return document.getElementById(id); }

  var status = { needed: true, venueNeeded: true };

  function translate() {
    document.documentElement.lang = language;
    if (language === 'en') { return; }
    document.title = text('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-text]'), function (node) {
      node.textContent = text(node.getAttribute('data-text'));
    });
  }

  function fillTimeZones() {
    var here = 'UTC';
    try { here = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'; } catch (e) { /* keep UTC */ }
    var zones = (Intl.supportedValuesOf && Intl.supportedValuesOf('timeZone')) || [here];
    if (zones.indexOf(here) < 0) { zones = [here].concat(zones); }
    if (zones.indexOf('UTC') < 0) { zones = zones.concat(['UTC']); }
    var select = $('timezone');
    zones.forEach(function (zone) {
      var option = document.createElement('option');
      option.value = zone;
      option.textContent = zone.replace(/_/g, ' ');
      option.selected = zone === here;
      select.appendChild(option);
    });
  }

  function clearProblems() {
    $('problems').hidden = true;
    $('problems').textContent = '';
    Array.prototype.forEach.call(document.querySelectorAll('.field-error'), function (node) { node.remove(); });
    Array.prototype.forEach.call(document.querySelectorAll('[aria-invalid]'), function (node) {
      node.removeAttribute('aria-invalid');
    });
  }

  // each problem beside its field (by data-field); the ones without a field in the box at the top
  function showProblems(problems) {
    var general = [];
    Object.keys(problems).forEach(function (field) {
      var target = document.querySelector('[data-field="' + field + '"]');
      if (!target && field.indexOf('venueFile') === 0) { target = $('venue-file'); }
      if (!target || target.closest('[hidden]')) {
        general.push(field ? field + ': ' + problems[field] : problems[field]);
        return;
      }
      target.setAttribute('aria-invalid', 'true');
      var message = document.createElement('p');
      message.className = 'field-error';
      message.id = 'error-' + (target.id || field.replace(/\W/g, '-'));
      message.textContent = field.indexOf('venueFile.') === 0 ? field.substring(10) + ': ' + problems[field] : problems[field];
      target.setAttribute('aria-describedby', message.id);
      target.insertAdjacentElement('afterend', message);
    });
    if (general.length > 0) {
      $('problems').textContent = general.join(' · ');
      $('problems').hidden = false;
    }
    var first = document.querySelector('[aria-invalid=true]') || $('problems');
    if (first) {
      first.scrollIntoView({ block: 'center' });
      first.focus();
    }
  }

  function call(method, path, body) {
    return fetch(path, {
      method: method,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (raw) {
        var json = raw ? JSON.parse(raw) : {};
        if (!response.ok) {
          var error = json.error || {};
          var problems = error.fields || {};
          if (Object.keys(problems).length === 0) { problems = { '': error.message || response.statusText }; }
          throw { problems: problems };
        }
        return json;
      });
    });
  }

  function venueKind() {
    return document.querySelector('input[name="venue-kind"]:checked').value;
  }

  function readFile(input) {
    return new Promise(function (resolve, reject) {
      var file = input.files && input.files[0];
      if (!file) { reject({ problems: { venueFile: text('noFile') } }); return; }
      var reader = new FileReader();
      reader.onload = function () { resolve(reader.result); };
      reader.onerror = function () { reject({ problems: { venueFile: String(reader.error) } }); };
      reader.readAsText(file);
    });
  }

  // what the page can tell before asking the server, so a half-filled form stores nothing
  function localProblems() {
    var problems = {};
    [['code', 'code'], ['owner-name', 'name'], ['owner-email', 'email'], ['owner-password', 'password']]
      .forEach(function (pair) {
        if (!$(pair[0]).value.trim()) { problems[pair[1]] = text('required'); }
      });
    var password = $('owner-password').value;
    if (password && password.length < 10) { problems.password = text('short'); }
    if (password !== $('owner-repeat').value) { problems.repeat = text('mismatch'); }
    if (status.venueNeeded && venueKind() === 'basics') {
      if (!$('venue-name').value.trim()) { problems['venue.name'] = text('required'); }
      if (!$('currency').value.trim()) { problems['venue.currency'] = text('required'); }
      if (!$('lang-en').checked && !$('lang-es').checked) { problems['venue.languages'] = text('noLanguage'); }
    }
    if (status.venueNeeded && venueKind() === 'file' && !($('venue-file').files || []).length) {
      problems.venueFile = text('noFile');
    }
    return problems;
  }

  function saveVenue(code) {
    if (!status.venueNeeded) { return Promise.resolve(); }
    var body = venueKind() === 'file'
      ? readFile($('venue-file')).then(function (yaml) { return { code: code, venueFile: yaml }; })
      : Promise.resolve({
          code: code,
          venue: {
            name: $('venue-name').value.trim(),
            timezone: $('timezone').value,
            currency: $('currency').value.trim().toUpperCase(),
            languages: ['en', 'es'].filter(function (l) { return $('lang-' + l).checked; })
          }
        });
    return body.then(function (request) { return call('POST', '/api/setup/venue', request); }).then(function () {
      // an owner refused below must not make the venue's step run twice
      status.venueNeeded = false;
      $('venue-section').hidden = true;
      var saved = document.createElement('p');
      saved.className = 'hint';
      saved.id = 'venue-saved';
      saved.textContent = text('venueSaved');
      $('venue-section').insertAdjacentElement('afterend', saved);
    });
  }

  function submit(event) {
    event.preventDefault();
    clearProblems();
    var problems = localProblems();
    if (Object.keys(problems).length > 0) { showProblems(problems); return; }
    var code = $('code').value.trim();
    var email = $('owner-email').value.trim();
    $('submit').disabled = true;
    saveVenue(code).then(function () {
      return call('POST', '/api/setup/owner', {
        code: code, name: $('owner-name').value.trim(), email: email, password: $('owner-password').value
      });
    }).then(function () {
      $('setup').hidden = true;
      $('lead').hidden = true;
      $('done-text').textContent = text('done').replace('{email}', email);
      $('done').hidden = false;
    }).catch(function (failure) {
      showProblems((failure && failure.problems) || { '': text('unreachable') });
    }).then(function () { $('submit').disabled = false; });
  }

  function start() {
    translate();
    fillTimeZones();
    Array.prototype.forEach.call(document.querySelectorAll('input[name="venue-kind"]'), function (radio) {
      radio.addEventListener('change', function () {
        $('basics').hidden = venueKind() !== 'basics';
        $('file').hidden = venueKind() !== 'file';
      });
    });
    $('setup').addEventListener('submit', submit);
    call('GET', '/api/setup').then(function (answer) {
      status = answer;
      $('loading').hidden = true;
      if (!answer.needed) {
        $('lead').hidden = true;
        $('already').hidden = false;
        return;
      }
      $('venue-section').hidden = !answer.venueNeeded;
      $('setup').hidden = false;
      $('code').focus();
    }).catch(function () {
      $('loading').textContent = text('unreachable');
    });
  }

  document.addEventListener('DOMContentLoaded', start);
})();

/*
 * Concierge chat widget. Embed it with one tag:
 *   <script src="https://HOST/widget.js" data-key="cpk_..." async></script>
 * Optional: data-color (any CSS colour), data-position (right | left), data-greeting, data-language (en | es).
 *
 * It talks to the API beside this file (POST /api/chat, GET /api/chat/{id}, WS /api/chat/live) and renders inside
 * the open shadow root of a <concierge-chat> element, so the page's CSS and the widget's do not meet. Every text from
 * a guest, the assistant or staff is set with textContent: markup in a message stays text.
 */
(() => {
  'use strict';

  const script = document.currentScript || document.querySelector('script[src*="widget.js"][data-key]');
  if (!script || customElements.get('concierge-chat')) {
    return;
  }
  const key = (script.dataset.key || '').trim();
  // the API lives beside widget.js: https://HOST/widget.js -> https://HOST/
  const base = new URL('.', script.src);
  const storageKey = 'concierge:conversation:' + base.origin + base.pathname;

  const TEXTS = {
    en: {
      open: 'Open chat', close: 'Close chat', title: 'Chat with us', message: 'Message', send: 'Send',
      placeholder: 'Type your message…', typing: 'The assistant is typing…', you: 'You', assistant: 'Assistant',
      staff: 'Front desk', greeting: 'Hello! How can we help you today?', suggestions: 'Suggested replies',
      booked: 'Booking confirmed', ordered: 'Order placed', reference: 'Reference', what: 'What', when: 'When',
      dates: 'Dates', party: 'Guests', items: 'Items', total: 'Total', room: 'Room', payment: 'Payment',
      offline: 'You seem to be offline. Your message was not sent — try again when you are back online.',
      wait: 'You are sending messages very fast. Please wait {s} seconds and try again.',
      failed: 'Sorry, something went wrong on our side. Please try again in a moment.',
      refused: 'That message could not be sent. Please shorten it and try again.',
      unavailable: 'The chat is not available on this page right now. Please call or e-mail us instead.',
      notSent: 'Not sent', handoff: 'A member of our team will answer you here.',
      released: 'You are chatting with our assistant again.', newMessage: 'New message from the front desk',
      rate: 'Was this chat helpful?', up: 'Yes, it was helpful', down: 'No, it was not helpful',
      thanks: 'Thank you for your feedback!', noKey: 'Concierge widget: the script tag has no data-key.',
    },
    es: {
      open: 'Abrir chat', close: 'Cerrar chat', title: 'Chatea con nosotros', message: 'Mensaje', send: 'Enviar',
      placeholder: 'Escribe tu mensaje…', typing: 'El asistente está escribiendo…', you: 'Tú', assistant: 'Asistente',
      staff: 'Recepción', greeting: '¡Hola! ¿En qué podemos ayudarte?', suggestions: 'Respuestas sugeridas',
      booked: 'Reserva confirmada', ordered: 'Pedido realizado', reference: 'Referencia', what: 'Qué',
      when: 'Cuándo', dates: 'Fechas', party: 'Personas', items: 'Artículos', total: 'Total', room: 'Habitación',
      payment: 'Pago',
      offline: 'Parece que no tienes conexión. El mensaje no se ha enviado: inténtalo de nuevo cuando vuelvas a estar en línea.',
      wait: 'Estás enviando mensajes muy rápido. Espera {s} segundos e inténtalo de nuevo.',
      failed: 'Lo sentimos, algo ha fallado por nuestra parte. Inténtalo de nuevo en un momento.',
      refused: 'No se ha podido enviar el mensaje. Acórtalo e inténtalo de nuevo.',
      unavailable: 'El chat no está disponible en esta página ahora mismo. Llámanos o escríbenos por correo.',
      notSent: 'No enviado', handoff: 'Una persona de nuestro equipo te responderá aquí.',
      released: 'Vuelves a hablar con nuestro asistente.', newMessage: 'Nuevo mensaje de recepción',
      rate: '¿Te ha sido útil este chat?', up: 'Sí, me ha sido útil', down: 'No, no me ha sido útil',
      thanks: '¡Gracias por tu opinión!', noKey: 'Widget de Concierge: la etiqueta script no tiene data-key.',
    },
  };
  // dates as the venue's assistant writes them ("Wednesday 11 March"), not in the visitor's US or Mexican style
  const LOCALES = { en: 'en-GB', es: 'es-ES' };
  const PAYMENT = {
    en: { card: 'card', terminal: 'card at the desk', room: 'charged to the room', desk: 'on delivery' },
    es: { card: 'tarjeta', terminal: 'tarjeta en recepción', room: 'cargo a la habitación', desk: 'a la entrega' },
  };

  const STYLE = `
:host { all: initial; --accent: #0e5a6b; --on-accent: #fff; --focus: #1a73e8; position: fixed; z-index: 2147483000;
  bottom: 20px; right: 20px; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1d2327; }
:host([data-side="left"]) { right: auto; left: 20px; }
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
button, textarea { font: inherit; color: inherit; letter-spacing: normal; text-transform: none; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.sr { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; border: 0; }
.launcher { width: 60px; height: 60px; border-radius: 50%; border: 0; background: var(--accent); color: var(--on-accent);
  box-shadow: 0 6px 20px rgba(0,0,0,.25); display: grid; place-items: center; position: relative;
  transition: transform .15s ease; }
.launcher:hover { transform: scale(1.06); }
.launcher svg { width: 28px; height: 28px; fill: currentColor; }
.launcher svg + svg, .launcher[aria-expanded="true"] svg:first-child { display: none; }
.launcher[aria-expanded="true"] svg + svg { display: block; width: 24px; height: 24px; }
.badge { position: absolute; top: 4px; right: 4px; width: 14px; height: 14px; border-radius: 50%; background: #d93025;
  border: 2px solid #fff; }
.panel { position: absolute; bottom: 76px; right: 0; width: 370px; height: min(600px, calc(100vh - 120px));
  display: flex; flex-direction: column; background: #fff; border-radius: 16px; overflow: hidden;
  box-shadow: 0 12px 40px rgba(0,0,0,.28); animation: rise .18s ease-out; }
:host([data-side="left"]) .panel { right: auto; left: 0; }
@keyframes rise { from { opacity: 0; transform: translateY(12px); } to { opacity: 1; transform: none; } }
.head { background: var(--accent); color: var(--on-accent); padding: 14px 12px 14px 18px; display: flex;
  align-items: center; gap: 8px; }
.head h2 { font-size: 16px; font-weight: 600; margin: 0; flex: 1; }
.head .close { background: transparent; border: 0; color: inherit; width: 36px; height: 36px; border-radius: 50%;
  display: grid; place-items: center; }
.head .close svg { width: 20px; height: 20px; fill: currentColor; }
.head .close:hover { background: rgba(255,255,255,.18); }
.head .close:focus-visible { outline-color: var(--on-accent); }
.log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 10px; background: #f6f7f8; }
.msg { max-width: 85%; padding: 9px 13px; border-radius: 14px; white-space: pre-wrap; overflow-wrap: anywhere;
  background: #fff; border: 1px solid #e3e6e8; align-self: flex-start; }
.msg.guest { align-self: flex-end; background: var(--accent); color: var(--on-accent); border-color: transparent; }
.msg.staff { border-color: #f0b429; background: #fffbea; }
.who { display: block; font-size: 12px; font-weight: 600; color: #8a5b00; margin-bottom: 2px; }
.msg.unsent { opacity: .75; }
.msg .note { display: block; font-size: 12px; margin-top: 3px; }
.notice { align-self: center; font-size: 13px; color: #5f6b73; text-align: center; }
.card { align-self: stretch; background: #fff; border: 1px solid #d5dadd; border-left: 4px solid var(--accent);
  border-radius: 10px; padding: 12px 14px; }
.card h3 { margin: 0 0 8px; font-size: 15px; display: flex; gap: 6px; align-items: center; }
.card h3 svg { width: 18px; height: 18px; fill: #188038; flex: none; }
.card dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 3px 12px; font-size: 14px; }
.card dt { color: #5f6b73; }
.card dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
.card .ref { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; letter-spacing: .04em; }
.rating { align-self: center; display: flex; align-items: center; gap: 6px; font-size: 13px; color: #5f6b73; }
.rating button { border: 1px solid #cfd5d9; background: #fff; border-radius: 999px; width: 36px; height: 32px;
  display: grid; place-items: center; }
.rating button svg { width: 18px; height: 18px; fill: #3c4850; }
.rating button:hover { border-color: var(--accent); }
.typing { padding: 0 16px 8px; background: #f6f7f8; display: flex; gap: 4px; align-items: center; min-height: 20px; }
.typing i { width: 7px; height: 7px; border-radius: 50%; background: #8d979d; animation: blink 1.2s infinite both; }
.typing i:nth-child(2) { animation-delay: .2s; }
.typing i:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
.quick { display: flex; flex-wrap: wrap; gap: 6px; padding: 8px 12px 0; }
.quick:empty { display: none; }
.quick button { border: 1px solid var(--accent); color: var(--accent); background: #fff; border-radius: 999px;
  padding: 5px 12px; font-size: 14px; }
.quick button:hover { background: #eef5f6; }
.error { margin: 8px 12px 0; padding: 8px 10px; border-radius: 8px; background: #fce8e6; color: #8c1d18;
  font-size: 14px; }
.error:empty { display: none; }
form { display: flex; gap: 8px; padding: 10px 12px 12px; border-top: 1px solid #e3e6e8; background: #fff;
  align-items: flex-end; }
textarea { flex: 1; resize: none; border: 1px solid #b9c1c6; border-radius: 10px; padding: 9px 11px; min-height: 40px;
  max-height: 120px; background: #fff; }
textarea:focus-visible { outline-offset: 0; }
.send { border: 0; border-radius: 10px; background: var(--accent); color: var(--on-accent); padding: 0 16px;
  height: 40px; font-weight: 600; }
.send[aria-disabled="true"] { opacity: .6; cursor: default; }
@media (max-width: 480px) {
  :host { bottom: 16px; right: 16px; }
  :host([data-side="left"]) { left: 16px; }
  :host([data-open]) { inset: 0; }
  :host([data-open]) .launcher { display: none; }
  .panel, :host([data-side="left"]) .panel { position: fixed; inset: 0; width: 100%; height: 100%; border-radius: 0; }
  .msg { max-width: 90%; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
  .typing i { opacity: .7; }
}
@media (forced-colors: active) {
  .launcher, .send, .msg, .quick button { border: 1px solid CanvasText; }
}`;

  const ICONS = {
    chat: 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2zm3 6v2h10V9H7zm0 4v2h7v-2H7z',
    close: 'M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7l-1.4-1.4L9.2 12 2.9 5.7l1.4-1.4 6.3 6.3 6.3-6.3z',
    check: 'M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z',
    up: 'M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z',
    down: 'M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1L17.4 16.4c.4-.4.6-.9.6-1.4V5a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z',
  };

  /** Builds an element; strings among the children become text nodes, never markup. */
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === true) {
        element.setAttribute(name, '');
      } else if (value !== false && value != null) {
        element.setAttribute(name, String(value));
      }
    }
    for (const child of children) {
      if (child != null) {
        element.append(typeof child === 'string' ? document.createTextNode(child) : child);
      }
    }
    return element;
  }

  function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name]);
    svg.append(path);
    return svg;
  }

  function stored() {
    try {
      return localStorage.getItem(storageKey);
    } catch (e) {
      return null; // storage blocked: the conversation lasts as long as the page
    }
  }

  function store(id) {
    try {
      if (id) {
        localStorage.setItem(storageKey, id);
      } else {
        localStorage.removeItem(storageKey);
      }
    } catch (e) {
      // storage blocked: nothing to keep
    }
  }

  /** A failed request, as the guest should hear about it: never the server's own words or a stack. */
  class ChatError extends Error {
    constructor(kind, retryAfter) {
      super(kind);
      this.kind = kind;
      this.retryAfter = retryAfter;
    }
  }

  async function request(method, path, body) {
    if (navigator.onLine === false) {
      throw new ChatError('offline');
    }
    let response;
    try {
      response = await fetch(new URL(path, base), {
        method,
        mode: 'cors',
        credentials: 'omit',
        headers: Object.assign({ 'X-Concierge-Key': key }, body ? { 'Content-Type': 'application/json' } : {}),
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch (e) {
      throw new ChatError('offline');
    }
    if (response.status === 429) {
      const seconds = parseInt(response.headers.get('Retry-After') || '', 10);
      throw new ChatError('wait', Number.isFinite(seconds) && seconds > 0 ? seconds : 10);
    }
    if (response.status === 401 || response.status === 403) {
      throw new ChatError('unavailable');
    }
    if (response.status === 404) {
      throw new ChatError('gone');
    }
    if (response.status >= 400 && response.status < 500) {
      throw new ChatError('refused');
    }
    if (!response.ok) {
      throw new ChatError('failed');
    }
    if (response.status === 204) {
      return null;
    }
    try {
      return await response.json();
    } catch (e) {
      throw new ChatError('failed');
    }
  }

  /** "2026-03-11T10:00:00+01:00" as the venue's wall clock says it, whatever the visitor's own time zone. */
  function venueTime(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso || '');
    return m ? new Date(Date.UTC(+m[1], m[2] - 1, +m[3], +m[4], +m[5])) : null;
  }

  function formatWhen(iso, language, withTime) {
    const date = venueTime(iso);
    if (!date) {
      return iso || '';
    }
    const options = { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' };
    if (withTime) {
      Object.assign(options, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    }
    return new Intl.DateTimeFormat(LOCALES[language] || language, options).format(date);
  }

  function formatMoney(money, language) {
    if (!money || typeof money.amount !== 'number') {
      return '';
    }
    try {
      const format = new Intl.NumberFormat(LOCALES[language] || language, { style: 'currency', currency: money.currency });
      const digits = format.resolvedOptions().maximumFractionDigits;
      return format.format(money.amount / Math.pow(10, digits));
    } catch (e) {
      return (money.amount / 100).toFixed(2) + ' ' + money.currency;
    }
  }

  /** "massage-60" when the API names no service: "Massage 60" reads better than the id. */
  function humanize(id) {
    const words = String(id || '').replace(/[-_]+/g, ' ').trim();
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  /** White or near-black text, whichever reads better on the venue's colour. */
  function textOn(color, probe) {
    probe.style.color = color;
    const rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
    probe.style.color = '';
    if (!rgb) {
      return '#fff';
    }
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    });
    const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    return luminance > 0.4 ? '#111' : '#fff';
  }

  class ConciergeChat extends HTMLElement {
    constructor() {
      super();
      this.attachShadow({ mode: 'open' });
      this.conversationId = null;
      this.pending = false;
      this.waitUntil = 0;
      this.staffLines = new Set();
      this.socket = null;
      this.reconnects = 0;
      this.reconnectTimer = null;
      this.handoff = false;
      this.started = false;
      this.rated = false;
    }

    connectedCallback() {
      if (this.started) {
        return;
      }
      this.started = true;
      const requested = (script.dataset.language || document.documentElement.lang || 'en').slice(0, 2).toLowerCase();
      this.language = TEXTS[requested] ? requested : 'en';
      this.t = TEXTS[this.language];
      this.render();
      this.theme();
      if (!key) {
        console.warn(this.t.noKey);
        this.showError('unavailable');
      }
      this.conversationId = stored();
      if (this.conversationId) {
        this.restore();
      } else {
        this.greet();
      }
      window.addEventListener('online', () => {
        this.showError(null);
        this.connect();
      });
      window.addEventListener('offline', () => this.showError('offline'));
    }

    render() {
      const t = this.t;
      const root = this.shadowRoot;
      if ('adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
        // a constructed sheet is not inline style: pages with a strict style-src still let it apply
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(STYLE);
        root.adoptedStyleSheets = [sheet];
      } else {
        root.append(h('style', {}, STYLE));
      }

      this.badge = h('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
      this.launcher = h('button', {
        class: 'launcher', type: 'button', 'aria-label': t.open, 'aria-expanded': 'false', 'aria-controls': 'panel',
      }, icon('chat'), icon('close'), this.badge);
      this.launcher.addEventListener('click', () => (this.isOpen() ? this.close() : this.open()));

      this.titleText = h('h2', { id: 'title' }, t.title);
      const close = h('button', { class: 'close', type: 'button', 'aria-label': t.close }, icon('close'));
      close.addEventListener('click', () => this.close());

      this.log = h('div', {
        class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': t.title,
        tabindex: '0',
      });
      this.typing = h('div', { class: 'typing', hidden: true }, h('i', { 'aria-hidden': 'true' }),
        h('i', { 'aria-hidden': 'true' }), h('i', { 'aria-hidden': 'true' }), h('span', { class: 'sr' }, t.typing));
      this.typingStatus = h('div', { class: 'sr', role: 'status' });
      this.quick = h('div', { class: 'quick', role: 'group', 'aria-label': t.suggestions });
      this.error = h('div', { class: 'error', role: 'alert' });

      this.input = h('textarea', {
        id: 'message', name: 'message', rows: '1', maxlength: '2000', placeholder: t.placeholder,
        autocomplete: 'off', enterkeyhint: 'send',
      });
      this.input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          this.submit();
        }
      });
      this.input.addEventListener('input', () => {
        this.input.style.height = 'auto';
        this.input.style.height = Math.min(this.input.scrollHeight + 2, 120) + 'px';
      });
      this.sendButton = h('button', { class: 'send', type: 'submit' }, t.send);
      const form = h('form', { novalidate: true },
        h('label', { class: 'sr', for: 'message' }, t.message), this.input, this.sendButton);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        this.submit();
      });

      this.panel = h('section', { class: 'panel', id: 'panel', role: 'dialog', 'aria-labelledby': 'title', hidden: true },
        h('div', { class: 'head' }, this.titleText, close),
        this.log, this.typing, this.typingStatus, this.quick, this.error, form);
      // announcements while the panel is closed (a staff reply), outside the hidden panel
      this.announcer = h('div', { class: 'sr', role: 'status', 'aria-live': 'polite' });
      this.colorProbe = h('span', { hidden: true });

      root.append(this.panel, this.launcher, this.announcer, this.colorProbe);
      root.addEventListener('keydown', (event) => {
        if (event.key === 'Escape' && this.isOpen()) {
          event.stopPropagation();
          this.close();
        }
      });
    }

    theme() {
      const color = script.dataset.color;
      if (color && CSS.supports('color', color)) {
        this.style.setProperty('--accent', color);
        this.style.setProperty('--on-accent', textOn(color, this.colorProbe));
      }
      this.dataset.side = script.dataset.position === 'left' ? 'left' : 'right';
    }

    isOpen() {
      return !this.panel.hidden;
    }

    open() {
      this.panel.hidden = false;
      this.dataset.open = '';
      this.launcher.setAttribute('aria-expanded', 'true');
      this.launcher.setAttribute('aria-label', this.t.close);
      this.badge.hidden = true;
      this.scrollDown();
      this.input.focus();
      this.loadTitle();
    }

    close() {
      this.panel.hidden = true;
      delete this.dataset.open;
      this.launcher.setAttribute('aria-expanded', 'false');
      this.launcher.setAttribute('aria-label', this.t.open);
      this.launcher.focus();
    }

    async loadTitle() {
      if (this.titleLoaded || !key) {
        return;
      }
      this.titleLoaded = true;
      try {
        const venue = await request('GET', 'api/venue');
        if (venue && typeof venue.name === 'string' && venue.name) {
          this.titleText.textContent = venue.name;
          this.log.setAttribute('aria-label', venue.name);
        }
      } catch (e) {
        this.titleLoaded = false; // the generic title stays; a later opening tries again
      }
    }

    greet() {
      this.line('assistant', script.dataset.greeting || this.t.greeting);
    }

    async restore() {
      let transcript;
      try {
        transcript = await request('GET', 'api/chat/' + encodeURIComponent(this.conversationId));
      } catch (e) {
        if (e.kind === 'gone') {
          this.conversationId = null; // expired or erased: start afresh
          store(null);
        }
        this.greet();
        return;
      }
      const messages = Array.isArray(transcript.messages) ? transcript.messages : [];
      if (!messages.length) {
        this.greet();
      }
      for (const message of messages) {
        if (message.role === 'staff') {
          this.staffLines.add(this.lineKey(message));
        }
        this.line(message.role, message.text);
      }
      this.handoff = transcript.status === 'handoff';
      this.connect();
    }

    lineKey(line) {
      return line.at + '|' + line.text;
    }

    scrollDown() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    append(node) {
      this.log.append(node);
      this.scrollDown();
      return node;
    }

    /** One message bubble; its text is text, whatever it contains. */
    line(role, text) {
      if (typeof text !== 'string' || !text) {
        return null;
      }
      const kind = role === 'guest' || role === 'staff' ? role : 'assistant';
      const label = kind === 'guest' ? this.t.you : kind === 'staff' ? this.t.staff : this.t.assistant;
      const bubble = h('div', { class: 'msg ' + kind },
        kind === 'staff' ? h('span', { class: 'who' }, label) : h('span', { class: 'sr' }, label + ': '),
        h('span', { class: 'text' }, text));
      return this.append(bubble);
    }

    notice(text) {
      return this.append(h('div', { class: 'notice' }, text));
    }

    showError(kind, retryAfter) {
      if (!kind) {
        this.error.textContent = '';
        return;
      }
      this.error.textContent = (this.t[kind] || this.t.failed).replace('{s}', String(retryAfter || 10));
    }

    setTyping(on) {
      this.typing.hidden = !on;
      this.typingStatus.textContent = on ? this.t.typing : '';
      this.sendButton.setAttribute('aria-disabled', on ? 'true' : 'false');
    }

    showQuickReplies(replies) {
      this.quick.replaceChildren();
      for (const reply of Array.isArray(replies) ? replies : []) {
        if (typeof reply !== 'string' || !reply) {
          continue;
        }
        const button = h('button', { type: 'button' }, reply);
        button.addEventListener('click', () => this.send(reply));
        this.quick.append(button);
      }
    }

    submit() {
      const text = this.input.value.trim();
      if (text && !this.pending) {
        this.input.value = '';
        this.input.style.height = '';
        this.send(text);
      }
    }

    async send(text) {
      if (this.pending || !text) {
        return;
      }
      const wait = Math.ceil((this.waitUntil - Date.now()) / 1000);
      if (wait > 0) {
        this.showError('wait', wait);
        if (!this.input.value) {
          this.input.value = text;
        }
        return;
      }
      this.pending = true;
      this.showError(null);
      this.showQuickReplies([]);
      const bubble = this.line('guest', text);
      this.setTyping(true);
      try {
        const body = { message: text, channel: 'web' };
        if (this.conversationId) {
          body.conversationId = this.conversationId;
        }
        const reply = await request('POST', 'api/chat', body);
        this.adopt(reply.conversationId);
        this.line('assistant', reply.reply);
        if (reply.booking) {
          this.bookingCard(reply.booking);
        }
        if (reply.order) {
          this.orderCard(reply.order);
        }
        if (reply.booking || reply.order) {
          this.offerRating();
        }
        if (reply.handoff && !this.handoff) {
          this.notice(this.t.handoff);
        }
        this.handoff = !!reply.handoff;
        this.showQuickReplies(reply.quickReplies);
      } catch (e) {
        const kind = e instanceof ChatError ? e.kind : 'failed';
        if (kind === 'wait') {
          this.waitUntil = Date.now() + e.retryAfter * 1000;
        }
        this.showError(kind === 'gone' ? 'failed' : kind, e.retryAfter);
        if (kind === 'gone') {
          this.adopt(null); // the conversation is no more: the next message starts a new one
        }
        if (bubble) {
          bubble.classList.add('unsent');
          bubble.append(h('span', { class: 'note' }, this.t.notSent));
        }
        if (!this.input.value) {
          this.input.value = text; // nothing typed is lost
        }
      } finally {
        this.pending = false;
        this.setTyping(false);
      }
    }

    adopt(id) {
      if (id === this.conversationId) {
        if (id && !this.socket) {
          this.connect();
        }
        return;
      }
      this.conversationId = id || null;
      store(this.conversationId);
      this.disconnect();
      this.connect();
    }

    field(list, label, value, className) {
      if (value != null && value !== '') {
        list.append(h('dt', {}, label), h('dd', className ? { class: className } : {}, String(value)));
      }
    }

    card(title, fill) {
      const list = h('dl', {});
      fill(list);
      return this.append(h('div', { class: 'card', role: 'group', 'aria-label': title },
        h('h3', {}, icon('check'), title), list));
    }

    bookingCard(booking) {
      const t = this.t;
      this.card(t.booked, (list) => {
        this.field(list, t.reference, booking.reference, 'ref');
        if (booking.kind === 'room') {
          this.field(list, t.what, humanize(booking.roomTypeId));
          this.field(list, t.dates, formatWhen(booking.start, this.language, false) + ' – '
            + formatWhen(booking.end, this.language, false));
        } else {
          this.field(list, t.what, humanize(booking.serviceId));
          this.field(list, t.when, formatWhen(booking.start, this.language, true));
        }
        this.field(list, t.party, booking.partySize);
        if (booking.roomNumber) {
          this.field(list, t.room, booking.roomNumber);
        }
      });
    }

    orderCard(order) {
      const t = this.t;
      this.card(t.ordered, (list) => {
        this.field(list, t.reference, order.reference, 'ref');
        const items = (Array.isArray(order.items) ? order.items : [])
          .map((item) => item.quantity + ' × ' + item.name).join(', ');
        this.field(list, t.items, items);
        this.field(list, t.total, formatMoney(order.total, this.language));
        this.field(list, t.room, order.roomNumber || order.table);
        if (order.payment && order.payment.method) {
          this.field(list, t.payment, (PAYMENT[this.language] || PAYMENT.en)[order.payment.method] || order.payment.method);
        }
      });
    }

    /** A thumbs up or down once a task is done (or staff give the guest back); the last one given counts. */
    offerRating() {
      if (this.rated || !this.conversationId || this.log.querySelector('.rating')) {
        return;
      }
      const box = h('div', { class: 'rating', role: 'group', 'aria-label': this.t.rate }, this.t.rate);
      for (const [value, label] of [['up', this.t.up], ['down', this.t.down]]) {
        const button = h('button', { type: 'button', 'aria-label': label, title: label }, icon(value));
        button.addEventListener('click', async () => {
          try {
            await request('POST', 'api/chat/' + encodeURIComponent(this.conversationId) + '/rating', { rating: value });
            this.rated = true;
            box.replaceChildren(this.t.thanks);
          } catch (e) {
            this.showError(e instanceof ChatError ? e.kind : 'failed', e.retryAfter);
          }
        });
        box.append(button);
      }
      this.append(box);
    }

    /** The live socket: staff replies and status changes; the widget already has its own and the assistant's. */
    connect() {
      if (!this.conversationId || !key || this.socket || this.reconnectTimer) {
        return;
      }
      const url = new URL('api/chat/live', base);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('conversationId', this.conversationId);
      url.searchParams.set('key', key);
      const id = this.conversationId;
      let socket;
      try {
        socket = new WebSocket(url.href);
      } catch (e) {
        return;
      }
      this.socket = socket;
      this.dataset.connection = 'connecting';
      socket.addEventListener('open', () => {
        this.dataset.connection = 'live';
        const missed = this.reconnects > 0;
        this.reconnects = 0;
        if (missed) {
          this.catchUp(id);
        }
      });
      socket.addEventListener('message', (event) => this.receive(event.data));
      socket.addEventListener('close', () => {
        if (this.socket !== socket) {
          return; // replaced on purpose
        }
        this.socket = null;
        this.dataset.connection = 'closed';
        this.scheduleReconnect();
      });
    }

    disconnect() {
      clearTimeout(this.reconnectTimer);
      this.reconnectTimer = null;
      this.reconnects = 0;
      const socket = this.socket;
      this.socket = null;
      if (socket) {
        socket.close();
      }
    }

    /** 1 s, 2 s, 4 s … up to a minute, with jitter so a restarted server is not hit by every tab at once. */
    scheduleReconnect() {
      if (!this.conversationId) {
        return;
      }
      const delay = Math.min(60000, 1000 * Math.pow(2, this.reconnects)) * (0.5 + Math.random() / 2);
      this.reconnects += 1;
      this.reconnectTimer = setTimeout(() => {
        this.reconnectTimer = null;
        if (navigator.onLine !== false) {
          this.connect();
        } else {
          this.scheduleReconnect();
        }
      }, delay);
    }

    /** After a reconnect: the staff lines sent while the socket was down, from the stored transcript. */
    async catchUp(id) {
      try {
        const transcript = await request('GET', 'api/chat/' + encodeURIComponent(id));
        for (const message of transcript.messages || []) {
          if (message.role === 'staff') {
            this.staffLine(message);
          }
        }
      } catch (e) {
        if (e.kind === 'gone' && id === this.conversationId) {
          this.adopt(null);
        }
      }
    }

    receive(data) {
      let event;
      try {
        event = JSON.parse(data);
      } catch (e) {
        return;
      }
      if (!event || event.conversationId !== this.conversationId) {
        return;
      }
      if (event.type === 'message' && event.line && event.line.role === 'staff') {
        this.staffLine(event.line);
      } else if (event.type === 'status') {
        const handoff = event.status === 'handoff';
        if (handoff) {
          this.showQuickReplies([]); // the assistant's suggestions no longer apply: a person answers now
        }
        if (handoff !== this.handoff) {
          this.notice(handoff ? this.t.handoff : this.t.released);
          if (!handoff) {
            this.offerRating();
          }
        }
        this.handoff = handoff;
      }
    }

    staffLine(line) {
      const id = this.lineKey(line);
      if (this.staffLines.has(id)) {
        return;
      }
      this.staffLines.add(id);
      this.line('staff', line.text);
      if (!this.isOpen()) {
        this.badge.hidden = false;
        this.announcer.textContent = this.t.newMessage;
      }
    }
  }

  customElements.define('concierge-chat', ConciergeChat);

  function mount() {
    document.body.append(document.createElement('concierge-chat'));
  }
  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount, { once: true });
  }
})();

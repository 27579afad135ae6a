/* HKUST–PUMCH timeline embeds: sizes each iframe[data-hkust-pumch-timeline]
 * from its messages; with data-sync-url, links its event in this page's
 * address both ways. See README "Embed it". */
(function () {
  var P = 'hkust-pumch-timeline:';
  var ID = /^[a-z0-9-]{1,64}$/;
  var last = {}, pending = null, at = -1;
  function frames(synced) {
    return [].slice.call(document.querySelectorAll('iframe[data-hkust-pumch-timeline]' + (synced ? '[data-sync-url]' : '')));
  }
  // Its src's origin, or "null" if sandboxed without allow-same-origin.
  function origin(f) {
    var s = f.getAttribute('sandbox');
    try {
      var o = new URL(f.getAttribute('src'), location.href).origin;
    } catch (e) {
      return '';
    }
    return s !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(s) ? 'null' : o;
  }
  // A hello goes out blind (the frame may still be about:blank); a
  // selection only to the frame's own origin.
  function send(f, m) {
    var o = m.event ? origin(f) : '*';
    if (o && f.contentWindow) f.contentWindow.postMessage(m, o === 'null' ? '*' : o);
  }
  // A synced frame's key in the page's address, among synced frames s.
  function key(f, s) {
    var id = f.id;
    if (s.length < 2) return 'timeline';
    return 'timeline-' + (/^[A-Za-z0-9_-]{1,64}$/.test(id) ? id : s.indexOf(f) + 1);
  }
  function pairs() {
    var h = {};
    location.hash.slice(1).split('&').forEach(function (p) {
      var m = /^(timeline(-[A-Za-z0-9_-]{1,64})?)=([a-z0-9-]{1,64})$/.exec(p);
      if (m) h[m[1]] = m[3];
    });
    return h;
  }
  function write(f, event) {
    var h = pairs(), k = key(f, frames(1));
    if (h[k] === event) return;
    h[k] = last[k] = event;
    history.replaceState(history.state, '', '#' + Object.keys(h).map(function (k) {
      return k + '=' + h[k];
    }).join('&'));
  }
  // Brings a linked frame into view, again as frames above it take their
  // heights, until the reader scrolls or selects.
  function scroll() {
    if (!pending) return;
    if (at >= 0 && Math.abs(scrollY - at) > 1) return (pending = null);
    pending.scrollIntoView();
    at = scrollY;
  }
  // The address changed: tell each frame whose event changed.
  function follow() {
    var h = pairs(), first, s = frames(1);
    s.forEach(function (f) {
      var k = key(f, s);
      if (h[k] && h[k] !== last[k]) {
        send(f, { type: P + 'select', event: h[k] });
        first = first || f;
      }
    });
    last = h;
    if (first) {
      pending = first;
      at = -1;
      scroll();
    }
  }
  function start() {
    last = pairs();
    var s = frames(1), hello = { type: P + 'hello' };
    frames().forEach(function (f) {
      // Reports sent before this ran are lost: ask again.
      send(f, hello);
      f.addEventListener('load', function () { send(f, hello); });
      var event = f.hasAttribute('data-sync-url') && last[key(f, s)];
      if (!event) return;
      pending = pending || f;
      try {
        var u = new URL(f.getAttribute('src'), location.href);
        if (u.searchParams.get('event') === event) return;
        u.searchParams.set('event', event);
        f.src = u.href;
      } catch (e) {}
    });
    scroll();
  }
  addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || typeof d.type !== 'string') return;
    var f = frames().filter(function (f) { return f.contentWindow === e.source; })[0];
    if (!f || e.origin !== origin(f)) return;
    if (d.type === P + 'resize') {
      var h = d.height;
      if (typeof h === 'number' && isFinite(h) && h > 0 && h <= 50000) {
        f.style.height = Math.ceil(h) + 'px';
        scroll();
      }
    } else if (d.type === P + 'select' && typeof d.event === 'string' &&
               ID.test(d.event) && f.hasAttribute('data-sync-url')) {
      pending = null;
      write(f, d.event);
    }
  });
  addEventListener('hashchange', follow);
  addEventListener('popstate', follow);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

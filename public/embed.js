/* HKUST–PUMCH timeline embeds: sizes each iframe[data-hkust-pumch-timeline]
 * from its own window's messages; with data-sync-url, mirrors its event in
 * #timeline=<id>. See README "Embed it". */
(function () {
  var SEL = 'iframe[data-hkust-pumch-timeline]';
  var P = 'hkust-pumch-timeline:';
  var ID = /^[a-z0-9-]{1,64}$/;
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll(SEL));
  }
  function hello(f) {
    if (f.contentWindow) f.contentWindow.postMessage({ type: P + 'hello' }, '*');
  }
  function start() {
    var m = /^#timeline=([a-z0-9-]{1,64})$/.exec(location.hash);
    frames().forEach(function (f) {
      // Reports sent before this script ran are lost: ask again.
      hello(f);
      f.addEventListener('load', function () { hello(f); });
      if (!m || !f.hasAttribute('data-sync-url')) return;
      try {
        var u = new URL(f.getAttribute('src'), location.href);
        if (u.searchParams.get('event') === m[1]) return;
        u.searchParams.set('event', m[1]);
        f.src = u.href;
      } catch (e) {}
    });
  }
  addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || typeof d.type !== 'string') return;
    var f = frames().filter(function (f) { return f.contentWindow === e.source; })[0];
    if (!f) return;
    if (d.type === P + 'resize') {
      var h = d.height;
      if (typeof h === 'number' && isFinite(h) && h > 0 && h <= 50000) {
        f.style.height = Math.ceil(h) + 'px';
      }
    } else if (d.type === P + 'select' && typeof d.event === 'string' &&
               ID.test(d.event) && f.hasAttribute('data-sync-url')) {
      history.replaceState(history.state, '', '#timeline=' + d.event);
    }
  });
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

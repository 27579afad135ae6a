/* HKUST–PUMCH timeline embeds: sizes each iframe[data-hkust-pumch-timeline]
 * from its messages; with data-sync-url, links its event in this page's
 * address both ways, keeping the page's own fragment parameters
 * (#section=intro&timeline=<id>). See README "Embed it". The build strips
 * the comments and indentation (src/render/serving.rs, minify_script). */
(function () {
  var PREFIX = 'hkust-pumch-timeline:';
  var EVENT_ID = /^[a-z0-9-]{1,64}$/;
  var TIMELINE_PAIR = /^(timeline(-[A-Za-z0-9_-]{1,64})?)=([a-z0-9-]{1,64})$/;
  var lastSeen = {}, pendingScroll = null, scrolledTo = -1;

  function timelineFrames(syncedOnly) {
    var selector = 'iframe[data-hkust-pumch-timeline]' + (syncedOnly ? '[data-sync-url]' : '');
    return [].slice.call(document.querySelectorAll(selector));
  }

  // The frame's src origin, or "null" if sandboxed without allow-same-origin.
  function frameOrigin(frame) {
    var sandbox = frame.getAttribute('sandbox');
    try {
      var origin = new URL(frame.getAttribute('src'), location.href).origin;
    } catch (error) {
      return '';
    }
    return sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox) ? 'null' : origin;
  }

  // A hello goes out blind (the frame may still be about:blank); a
  // selection only to the frame's own origin.
  function send(frame, message) {
    var origin = message.event ? frameOrigin(frame) : '*';
    if (origin && frame.contentWindow) {
      frame.contentWindow.postMessage(message, origin === 'null' ? '*' : origin);
    }
  }

  // A synced frame's key in the page's address, among the synced frames.
  function keyOf(frame, synced) {
    if (synced.length < 2) return 'timeline';
    var id = /^[A-Za-z0-9_-]{1,64}$/.test(frame.id) ? frame.id : synced.indexOf(frame) + 1;
    return 'timeline-' + id;
  }

  // The page's fragment as its `&`-separated parts, as written.
  function fragmentParts() {
    var fragment = location.hash.slice(1);
    return fragment ? fragment.split('&') : [];
  }

  // The fragment's timeline keys and their events.
  function linkedEvents() {
    var events = {};
    fragmentParts().forEach(function (part) {
      var match = TIMELINE_PAIR.exec(part);
      if (match) events[match[1]] = match[3];
    });
    return events;
  }

  // Writes key=event into the fragment, in place of that key's part or
  // after the others, leaving every other part as it was.
  function write(frame, event) {
    var key = keyOf(frame, timelineFrames(true)), pair = key + '=' + event, written = false;
    var parts = fragmentParts().map(function (part) {
      if (part.split('=')[0] !== key) return part;
      var first = !written;
      written = true;
      return first ? pair : null;
    }).filter(function (part) { return part !== null; });
    if (!written) parts.push(pair);
    var fragment = '#' + parts.join('&');
    if (fragment === location.hash) return;
    lastSeen[key] = event;
    history.replaceState(history.state, '', fragment);
  }

  // Brings a linked frame into view, again as frames above it take their
  // heights, until the reader scrolls or selects.
  function scrollToPending() {
    if (!pendingScroll) return;
    if (scrolledTo >= 0 && Math.abs(scrollY - scrolledTo) > 1) return (pendingScroll = null);
    pendingScroll.scrollIntoView();
    scrolledTo = scrollY;
  }

  // The address changed: tell each frame whose event changed.
  function followAddress() {
    var events = linkedEvents(), first, synced = timelineFrames(true);
    synced.forEach(function (frame) {
      var key = keyOf(frame, synced);
      if (events[key] && events[key] !== lastSeen[key]) {
        send(frame, { type: PREFIX + 'select', event: events[key] });
        first = first || frame;
      }
    });
    lastSeen = events;
    if (first) {
      pendingScroll = first;
      scrolledTo = -1;
      scrollToPending();
    }
  }

  function start() {
    lastSeen = linkedEvents();
    var synced = timelineFrames(true), hello = { type: PREFIX + 'hello' };
    timelineFrames().forEach(function (frame) {
      // Reports sent before this ran are lost: ask again.
      send(frame, hello);
      frame.addEventListener('load', function () { send(frame, hello); });
      var event = frame.hasAttribute('data-sync-url') && lastSeen[keyOf(frame, synced)];
      if (!event) return;
      pendingScroll = pendingScroll || frame;
      try {
        var src = new URL(frame.getAttribute('src'), location.href);
        if (src.searchParams.get('event') === event) return;
        src.searchParams.set('event', event);
        frame.src = src.href;
      } catch (error) {}
    });
    scrollToPending();
  }

  addEventListener('message', function (message) {
    var data = message.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    var frame = timelineFrames().filter(function (frame) {
      return frame.contentWindow === message.source;
    })[0];
    if (!frame || message.origin !== frameOrigin(frame)) return;
    if (data.type === PREFIX + 'resize') {
      var height = data.height;
      if (typeof height === 'number' && isFinite(height) && height > 0 && height <= 50000) {
        frame.style.height = Math.ceil(height) + 'px';
        scrollToPending();
      }
    } else if (data.type === PREFIX + 'select' && typeof data.event === 'string' &&
               EVENT_ID.test(data.event) && frame.hasAttribute('data-sync-url')) {
      pendingScroll = null;
      write(frame, data.event);
    }
  });
  addEventListener('hashchange', followAddress);
  addEventListener('popstate', followAddress);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();

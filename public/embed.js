/*
 * Aduan embed: one tag on a municipality's page puts the portal there.
 *   <script src="https://portal.example/embed.js" data-view="submit" data-agency="dinkes" data-lang="id" async></script>
 * data-view: submit | track | stats | reports. data-agency / data-category preset the submission form.
 * The iframe follows the height of its content through postMessage; only messages from the portal's own
 * origin and from this iframe are believed.
 */
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src, document.baseURI).origin;
  var paths = { submit: '/lapor', track: '/lacak', stats: '/statistik', reports: '/laporan' };
  var data = script.dataset;
  var params = new URLSearchParams({ embed: '1' });
  ['lang', 'agency', 'category'].forEach(function (key) { if (data[key]) params.set(key, data[key]); });
  var frame = document.createElement('iframe');
  frame.src = origin + (paths[data.view] || paths.submit) + '?' + params.toString();
  frame.title = data.title || 'Aduan';
  frame.setAttribute('allow', 'geolocation; clipboard-write; web-share');
  frame.style.width = '100%';
  frame.style.border = '0';
  frame.style.display = 'block';
  frame.style.height = '640px';
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener('message', function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    var message = event.data;
    if (message && message.type === 'aduan:height' && typeof message.height === 'number' && message.height > 0) {
      frame.style.height = Math.ceil(message.height) + 'px';
    }
  });
})();

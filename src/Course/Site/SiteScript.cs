namespace Course.Site;

/// <summary>
/// The site's one script (<see cref="SiteBuilder.Script"/>), all offline: draws each chart with plotly.js where
/// the page has room for it (at most its own width, resized with the window) and leaves its PNG where it has not
/// (a phone) or where plotly.js is absent; adds a copy button to every code cell; runs the search page over the
/// prebuilt index. Without scripts a reader still gets every image, the sidebar, the contents and the anchors.
/// </summary>
public static class SiteScript
{
    /// <summary>A chart is drawn live only when the page gives it at least this share of its own width (narrower,
    /// its image, which scales down whole, reads better than a squeezed interactive chart).</summary>
    public const double LiveShare = 0.7;

    /// <summary>The script.</summary>
    public static string Text => Source.Replace("LIVE_SHARE", LiveShare.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private const string Source = """
        (function () {
          'use strict';
          function charts() {
            document.querySelectorAll('figure.hyperlab-chart').forEach(function (fig) {
              var w = +fig.dataset.width || 700, h = +fig.dataset.height || 450;
              var room = fig.parentElement.clientWidth, live = fig.querySelector('.chart-live');
              var fits = window.Plotly && room >= Math.min(w, 480) && room >= w * LIVE_SHARE;
              if (fits) {
                var width = Math.min(w, room);
                if (fig.classList.contains('live')) {
                  if (Math.abs(live.dataset.drawnWidth - width) > 1) { window.Plotly.relayout(live, { width: width }); live.dataset.drawnWidth = width; }
                  return;
                }
                var f = JSON.parse(fig.querySelector('script.hyperlab-figure').textContent);
                var layout = Object.assign({}, f.layout, { width: width, height: h });
                fig.classList.add('live');
                live.dataset.drawnWidth = width;
                window.Plotly.newPlot(live, f.data, layout, Object.assign({ responsive: false }, f.config));
              } else if (fig.classList.contains('live')) {
                window.Plotly.purge(live);
                fig.classList.remove('live');
              }
            });
          }
          var pending;
          window.addEventListener('resize', function () { clearTimeout(pending); pending = setTimeout(charts, 150); });

          function copyButtons() {
            document.querySelectorAll('.source').forEach(function (block) {
              var button = document.createElement('button');
              button.type = 'button'; button.className = 'copy'; button.textContent = 'Copy';
              button.setAttribute('aria-label', 'Copy this code');
              button.addEventListener('click', function () {
                var text = (block.querySelector('pre') || block).innerText;
                var done = function () { button.textContent = 'Copied'; setTimeout(function () { button.textContent = 'Copy'; }, 1500); };
                if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(done, fallback); else fallback();
                function fallback() {
                  var area = document.createElement('textarea');
                  area.value = text; area.style.position = 'fixed'; area.style.opacity = '0';
                  document.body.appendChild(area); area.select();
                  try { document.execCommand('copy'); done(); } catch (e) { button.textContent = 'Select and copy'; }
                  document.body.removeChild(area);
                }
              });
              block.appendChild(button);
            });
          }

          function escapeHtml(s) { return s.replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
          function search() {
            var list = document.getElementById('search-results'), status = document.getElementById('search-status');
            if (!list) return;
            var input = document.getElementById('search-input');
            var query = (new URLSearchParams(location.search).get('q') || '').trim();
            input.value = query;
            var index = window.courseSearchIndex || [];
            if (!query) { status.textContent = index.length + ' sections indexed. Type a word or two.'; return; }
            var terms = query.toLowerCase().split(/\s+/).filter(Boolean);
            var hits = [];
            index.forEach(function (e) {
              var title = e.t.toLowerCase(), text = e.x.toLowerCase(), score = 0;
              for (var i = 0; i < terms.length; i++) {
                var inTitle = title.indexOf(terms[i]) >= 0, inText = text.indexOf(terms[i]) >= 0;
                if (!inTitle && !inText) return;
                score += (inTitle ? 10 : 0) + (inText ? 1 + Math.min(5, text.split(terms[i]).length - 1) : 0);
              }
              hits.push({ e: e, score: score });
            });
            hits.sort(function (a, b) { return b.score - a.score; });
            status.textContent = hits.length + ' section' + (hits.length === 1 ? '' : 's') + ' match "' + query + '"';
            var marker = new RegExp('(' + terms.map(function (t) { return t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('|') + ')', 'gi');
            list.innerHTML = hits.slice(0, 60).map(function (h) {
              var text = h.e.x, at = Math.max(0, text.toLowerCase().indexOf(terms[0]) - 60);
              var snippet = (at > 0 ? '…' : '') + text.substr(at, 200) + (text.length > at + 200 ? '…' : '');
              return '<li><a href="' + escapeHtml(h.e.u) + '">' + escapeHtml(h.e.t) + '</a><span class="snippet">' +
                escapeHtml(snippet).replace(marker, '<mark>$1</mark>') + '</span></li>';
            }).join('');
          }

          function start() { charts(); copyButtons(); search(); }
          if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
        })();

        """;
}

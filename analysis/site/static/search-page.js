// The search page (site/search.html), offline and from file://: the index is JavaScript files the batch wrote
// (analysis/site/search.py), loaded with <script src>; MiniSearch (vendor/) keeps the inverted index.
// The documents were folded to simplified when written; a query is folded here the same way (NFKC, lower case,
// the shipped traditional -> simplified map), Chinese is tokenised by characters and their bigrams, and an
// English term of analysis/site/search_terms.py also finds its Chinese ("culture station" -> 文化站).
// A file, not an inline script: the pages' Content-Security-Policy runs no inline script; nothing here evaluates text.
(function () {
  'use strict';
  var CORE = window.TOWNSHIP_SEARCH;
  var box = document.getElementById('search-q');
  var status = document.getElementById('search-status');
  var out = document.getElementById('search-results');
  var SHOWN = 30;  // results a group shows before "show all"
  var KEPT = 500;  // results a group lists at most
  var NAMED_MAX = 20;  // counties whose shards one query may load, on a site too large to load whole

  var T2S = {};
  var DOMAIN_WORDS = {};
  var COUNTY = {};
  var docs = [];
  var loading = {};
  var opened = {};  // on a site too large to load whole: the counties loaded so far, id -> name
  var index = null;

  // The query as the index holds text: compatibility forms unified (full width -> ASCII), lower case, simplified.
  function fold(text) {
    var s = text.normalize('NFKC').toLowerCase();
    var outText = '';
    for (var ch of s) outText += T2S[ch] || ch;
    return outText;
  }

  // "stations" and "station", "facilities" and "facility" are one word; "process", "status", "analysis" keep their s.
  function stem(word) {
    if (!/^[a-z]+$/.test(word) || word.length <= 3) return word;
    if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + 'y';
    if (/s$/.test(word) && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
    return word;
  }

  // Chunks of a text (runs between spaces and punctuation), each in segments: Han, word (letters, digits, a
  // decimal point) or symbols ("++", "%"). A Han segment gives its characters and their bigrams (a query of two
  // or more characters only its bigrams); a word its stem; symbols themselves; where a Han segment meets another
  // kind, the two characters at the seam ("+区" of "++区", "1年" of "2011年") keep the two together.
  // One run of a kind at a time: Han, a word (letters and digits of other scripts, "44.6" whole), symbols, or
  // anything else (spaces, punctuation), which ends a chunk. A regular expression a run, not a test a character:
  // indexing 13,000 documents took half the time.
  var WORD = '(?:(?!\\p{Script=Han})[\\p{L}\\p{N}\\p{M}])+';
  var RUNS = new RegExp('(\\p{Script=Han}+)|(' + WORD + '(?:(?<=\\d)\\.(?=\\d)' + WORD + ')*)|([\\p{S}%#&*@]+)|' +
                        '((?:(?![\\p{Script=Han}\\p{L}\\p{N}\\p{M}\\p{S}%#&*@])[^])+)', 'gu');
  var CLASSES = ['h', 'w', 's'];

  function chunks(text, query) {
    var found = [];
    var current = null;
    var m;
    var s = text.normalize('NFKC').toLowerCase();
    RUNS.lastIndex = 0;
    while ((m = RUNS.exec(s)) !== null) {
      if (m[4] !== undefined) { current = null; continue; }
      var cls = CLASSES[m[1] !== undefined ? 0 : m[2] !== undefined ? 1 : 2];
      if (!current) { current = {text: '', segments: []}; found.push(current); }
      current.text += m[0];
      current.segments.push({cls: cls, chars: Array.from(m[0])});
    }
    found.forEach(function (chunk) { chunk.tokens = segmentTokens(chunk.segments, query); });
    return found;
  }

  function segmentTokens(segments, query) {
    var tokens = [];
    segments.forEach(function (seg, n) {
      var cs = seg.chars;
      if (seg.cls === 'h') {
        if (!query || cs.length === 1) cs.forEach(function (c) { tokens.push(c); });
        for (var i = 0; i + 1 < cs.length; i++) tokens.push(cs[i] + cs[i + 1]);
      } else {
        tokens.push(seg.cls === 'w' ? stem(cs.join('')) : cs.join(''));
      }
      var next = segments[n + 1];
      if (next && (seg.cls === 'h' || next.cls === 'h')) tokens.push(cs[cs.length - 1] + next.chars[0]);
    });
    return tokens;
  }

  function tokenize(text) {
    var tokens = [];
    chunks(text, false).forEach(function (chunk) { tokens.push.apply(tokens, chunk.tokens); });
    return tokens;
  }

  // The English terms, by their first word: [[words], [Chinese terms]], longest first.
  var TERMS = {};
  function prepareTerms() {
    CORE.terms.forEach(function (term) {
      term[0].forEach(function (phrase) {
        var words = chunks(phrase, true).map(function (c) { return c.tokens; });
        if (!words.every(function (w) { return w.length === 1; })) return;  // a phrase of plain words only
        words = words.map(function (w) { return w[0]; });
        (TERMS[words[0]] = TERMS[words[0]] || []).push({words: words, zh: term[1]});
      });
    });
    Object.keys(TERMS).forEach(function (k) { TERMS[k].sort(function (a, b) { return b.words.length - a.words.length; }); });
  }

  // The query as units, every one of which a result must match: an English term (its words, or one of its
  // Chinese terms), or a chunk (all its tokens).
  function parse(query) {
    var cs = chunks(fold(query), true);
    var units = [];
    for (var i = 0; i < cs.length; i++) {
      var single = cs[i].tokens.length === 1 && cs[i].segments.length === 1 && cs[i].segments[0].cls === 'w';
      var matched = null;
      if (single) {
        (TERMS[cs[i].tokens[0]] || []).some(function (term) {
          var ok = term.words.every(function (w, k) {
            var c = cs[i + k];
            return c && c.tokens.length === 1 && c.tokens[0] === w;
          });
          if (ok) matched = term;
          return ok;
        });
      }
      if (matched) {
        units.push({words: matched.words, zh: matched.zh, text: cs.slice(i, i + matched.words.length).map(function (c) { return c.text; }).join(' ')});
        i += matched.words.length - 1;
      } else {
        units.push({tokens: cs[i].tokens, text: cs[i].text});
      }
    }
    return units;
  }

  function unitQuery(unit) {
    if (!unit.words) return {combineWith: 'AND', queries: unit.tokens};
    var alternatives = [{combineWith: 'AND', queries: unit.words}];
    unit.zh.forEach(function (zh) {
      alternatives.push({combineWith: 'AND', queries: chunks(zh, true).reduce(function (a, c) { return a.concat(c.tokens); }, [])});
    });
    return {combineWith: 'OR', queries: alternatives};
  }

  // Bigrams find 文化 and 化站 anywhere; a result must hold each Chinese chunk of the query whole (文化站, ++区,
  // 2011年), or for an English term its words or one of its Chinese terms whole.
  function holds(doc, units) {
    var hay = null;
    return units.every(function (unit, n) {
      var needles = unit.words ? unit.zh : /\p{Script=Han}/u.test(unit.text) ? [unit.text] : null;
      if (!needles) return true;
      if (unit.words && unit.words.every(function (w) { return doc.found.indexOf(w) >= 0; })) return true;
      hay = hay || (doc.x + ' ' + fold(doc.t) + ' ' + tags(doc)).normalize('NFKC').toLowerCase();
      return needles.some(function (needle) { return hay.indexOf(needle) >= 0; });
    });
  }

  function tags(doc) {
    var words = [doc.k === 'report' ? 'report text' : doc.k];
    doc.c.split(' ').forEach(function (id) {
      var county = COUNTY[id];
      if (county) words.push(id.replace(/_/g, ' '), county[1], county[3]);
    });
    if (doc.d) words.push(doc.d);
    if (doc.g) words.push(doc.g, CORE.grades[doc.g] || '');
    return words.join(' ');
  }

  function addRows(rows) {
    var added = rows.map(function (row) {
      var doc = {i: docs.length};
      CORE.columns.forEach(function (col, n) { doc[col] = row[n]; });
      docs.push(doc);
      return doc;
    });
    index.addAll(added);
  }

  function drain() {
    var pending = window.TOWNSHIP_SEARCH_SHARDS || [];
    while (pending.length) addRows(pending.shift());
  }

  function load(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement('script');
        script.src = 'static/' + CORE.shards[name][0];
        script.onload = function () { drain(); resolve(); };
        script.onerror = function () { reject(new Error('could not load ' + script.src)); };
        document.body.appendChild(script);
      });
    }
    return loading[name];
  }

  // On a site too large to load whole: the counties a query names, by Chinese name (either script) or English.
  var ENGLISH = null;
  function named(units) {
    if (!ENGLISH) {  // each county's English words, less those many counties share ("county", "district")
      var seen = {};
      ENGLISH = CORE.counties.map(function (county) {
        var words = chunks(county[3] + ' ' + county[0].replace(/_/g, ' '), true).map(function (c) { return c.tokens[0]; });
        words.forEach(function (w) { seen[w] = (seen[w] || 0) + 1; });
        return words;
      }).map(function (words) { return words.filter(function (w) { return seen[w] <= NAMED_MAX; }); });
    }
    var hits = [];
    CORE.counties.forEach(function (county, n) {
      var english = ENGLISH[n];
      var hit = units.some(function (unit) {
        if (unit.words) return unit.words.length === 1 && english.indexOf(unit.words[0]) >= 0;
        var chinese = /\p{Script=Han}/u.test(unit.text) && Array.from(unit.text).length >= 2;  // 东营, ++区, 合成县0003
        return (chinese && county[1].toLowerCase().indexOf(unit.text) >= 0) ||
          (unit.tokens.length === 1 && english.indexOf(unit.tokens[0]) >= 0);
      });
      if (hit) hits.push(county);
    });
    return hits.slice(0, NAMED_MAX);
  }

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) el.textContent = text;
    return el;
  }

  // Text with its Chinese runs marked by their script (as analysis/site/text.py marks the site's pages), for
  // screen readers and the CJK faces: a document kept in its original characters is traditional.
  var HAN_RUN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;
  function appendText(parent, text, lang) {
    var last = 0;
    text.replace(HAN_RUN, function (run, at) {
      if (!/\p{Script=Han}/u.test(run)) return run;
      if (at > last) parent.appendChild(document.createTextNode(text.slice(last, at)));
      parent.appendChild(element('span', {lang: lang}, run));
      last = at + run.length;
      return run;
    });
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
    return parent;
  }

  // A piece of the document around the first place a unit matches, that place marked.
  function snippet(doc, units) {
    var shown = doc.o || doc.x;
    var hay = doc.x.toLowerCase();
    var best = -1, length = 0;
    units.forEach(function (unit) {
      (unit.words ? unit.zh.concat([unit.text]) : [unit.text]).forEach(function (needle) {
        var at = hay.indexOf(needle);
        if (at >= 0 && (best < 0 || at < best)) { best = at; length = needle.length; }
      });
    });
    var el = element('span', {'class': 'search-snippet'});
    var lang = doc.o ? 'zh-Hant' : 'zh';
    if (best < 0 || shown.length !== doc.x.length) {
      return appendText(el, shown.length > 240 ? shown.slice(0, 240) + '…' : shown, lang);
    }
    var start = Math.max(0, best - 80);
    var end = Math.min(shown.length, best + length + 160);
    appendText(el, (start ? '…' : '') + shown.slice(start, best), lang);
    el.appendChild(appendText(element('mark', {}), shown.slice(best, best + length), lang));
    appendText(el, shown.slice(best + length, end) + (end < shown.length ? '…' : ''), lang);
    return el;
  }

  function where(doc) {
    var names = doc.c ? doc.c.split(' ').map(function (id) {
      var county = COUNTY[id];
      return county ? (county[2] || county[1]) + ' ' + county[3] : id;
    }) : [];
    if (names.length > 3) names = names.slice(0, 3).concat(['…']);
    return names.concat(doc.d ? [doc.d] : []).join(' · ');
  }

  function render(results, units, query) {
    out.textContent = '';
    var groups = {};
    results.forEach(function (r) {
      var doc = docs[r.id];
      (groups[doc.k] = groups[doc.k] || []).push(doc);
    });
    var counts = [];
    CORE.kinds.forEach(function (kind) {
      var found = groups[kind[0]];
      if (!found) return;
      counts.push(found.length + ' ' + kind[1].toLowerCase());
      var section = element('section', {'class': 'search-group', 'data-kind': kind[0], 'data-count': String(found.length),
                                        'aria-labelledby': 'group-' + kind[0]});
      section.appendChild(element('h2', {id: 'group-' + kind[0]}, kind[1] + ' (' + found.length + ')'));
      var list = element('ol', {'class': 'search-list'});
      found.slice(0, KEPT).forEach(function (doc, n) {
        var item = element('li', {'data-href': doc.h});
        if (n >= SHOWN) item.hidden = true;
        item.appendChild(appendText(element('a', {href: doc.h}), doc.t, 'zh'));
        if (doc.g) {
          item.appendChild(document.createTextNode(' '));
          var badge = element('span', {'class': 'badge ' + doc.g}, doc.g + ' ');
          badge.appendChild(element('span', {lang: 'zh'}, CORE.grades[doc.g] || ''));
          item.appendChild(badge);
        }
        var place = doc.k === 'county' ? '' : where(doc);
        if (place) item.appendChild(appendText(element('span', {'class': 'search-where'}), ' ' + place, 'zh'));
        if (doc.x) item.appendChild(snippet(doc, units));
        list.appendChild(item);
      });
      section.appendChild(list);
      if (found.length > SHOWN) {
        var more = element('button', {type: 'button'}, 'Show all ' + Math.min(found.length, KEPT) +
                           (found.length > KEPT ? ' of ' + found.length : ''));
        more.addEventListener('click', function () {
          Array.prototype.forEach.call(list.children, function (li) { li.hidden = false; });
          more.remove();
        });
        section.appendChild(more);
      }
      out.appendChild(section);
    });
    status.textContent = results.length ? results.length + ' results for “' + query + '”: ' + counts.join(', ') + '.'
                                        : 'Nothing found for “' + query + '”.';
  }

  var asked = 0;
  function run() {
    var query = box.value.trim();
    var mine = ++asked;
    if (!query) { out.textContent = ''; status.textContent = searched(); return; }
    var units = parse(query);
    if (!units.length) { out.textContent = ''; status.textContent = 'Type a word, a number or Chinese characters.'; return; }
    var wait = Promise.resolve();
    var counties = CORE.loadAll ? [] : named(units);
    if (!CORE.loadAll) {
      var shards = [];
      counties.forEach(function (county) { shards = shards.concat(county[5]); });
      wait = Promise.all(shards.map(load));
    }
    wait.then(function () {
      if (mine !== asked) return;  // a later query is under way
      var results = index.search({combineWith: 'AND', queries: units.map(unitQuery)}, {filter: function (r) {
        var doc = docs[r.id];
        doc.found = r.queryTerms;
        return holds(doc, units);
      }});
      render(results, units, query);
      if (!CORE.loadAll) {
        counties.forEach(function (c) { opened[c[0]] = (c[2] || c[1]) + ' ' + c[3]; });
        var names = Object.keys(opened).map(function (id) { return opened[id]; });
        status.textContent += (counties.length ? '' : ' No county named.') + ' Searched: the whole-site pages, the county names' +
          (names.length ? ' and these counties whole: ' + names.join(', ') : '') + '.';
      }
      document.body.setAttribute('data-search-query', query);
    }, failed);
  }

  function searched() {
    var n = docs.length;
    return CORE.loadAll ? 'Searching ' + n + ' items: findings, checks, numbers, page sections, report lines.'
      : 'The site has ' + CORE.counties.length + ' counties, too many to load at once: name a county (东营, 東營, Dongying) to search ' +
        'its findings, numbers, pages and report texts; the whole-site pages and the county names are searched always.';
  }

  function failed(err) {
    status.textContent = 'The search index could not be loaded (' + err.message + '): run make reports again.';
  }

  if (!CORE || !window.MiniSearch) {
    status.textContent = 'The search index is missing: run make reports (python -m analysis batch).';
    return;
  }
  Array.from(CORE.t2s).forEach(function (ch, n, all) { if (n % 2 === 0) T2S[ch] = all[n + 1]; });
  CORE.counties.forEach(function (c) { COUNTY[c[0]] = c; });
  prepareTerms();
  index = new MiniSearch({
    idField: 'i',
    fields: ['t', 'x', 'tags'],
    extractField: function (doc, field) { return field === 'tags' ? tags(doc) : field === 't' ? fold(doc.t) : doc[field]; },
    tokenize: tokenize,
    processTerm: function (term) { return term; },
    searchOptions: {
      tokenize: function (term) { return [term]; },  // the query arrives as tokens (parse)
      processTerm: function (term) { return term; },
      prefix: function (term) { return /^[a-z][a-z0-9]{2,}$/.test(term); },
      boost: {t: 2, tags: 1.5}
    }
  });
  addRows(CORE.counties.map(function (c) {
    return ['county', c[0], '', '', (c[2] || c[1]) + ' ' + c[3], '', '', c[4] || 'index.html#coverage'];
  }));
  var first = CORE.loadAll ? Object.keys(CORE.shards) : CORE.always;
  Promise.all(first.map(load)).then(function () {
    status.textContent = searched();
    box.addEventListener('input', function () { clearTimeout(box.timer); box.timer = setTimeout(run, 120); });
    var asked0 = new URLSearchParams(window.location.search).get('q');
    if (asked0) box.value = asked0;
    document.body.setAttribute('data-search-ready', String(docs.length));
    if (box.value.trim()) run();
  }, failed);
  window.townshipSearch = {fold: fold, tokenize: tokenize, parse: parse, run: run};
})();

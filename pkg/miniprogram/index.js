// mallcare for WeChat / Douyin / Alipay mini-programs (CommonJS).
//
//   const mallcare = require('mallcare/miniprogram');   // or require('mallcare') after WeChat's "build npm"
//   const api = await mallcare.init();                   // once, e.g. in App.onLaunch
//   api.isWorkday('2026-01-04');
//
// Loads the MVP-feature wasm (brotli-compressed) from a package path through WXWebAssembly (WeChat),
// TTWebAssembly (Douyin) or MyWebAssembly (Alipay). Needs none of WebAssembly, TextEncoder, TextDecoder, fetch or
// FinalizationRegistry. Without FinalizationRegistry, handle objects (ReturnPolicy, PointsProgram, Venue) are not
// freed by the garbage collector: load them once and keep them, or call `.free()` when done.
"use strict";
var glue = require('./mallcare.js');

/** Where WeChat's "build npm" puts this folder's files. Pass `options.path` if you copied them elsewhere. */
var DEFAULT_PATH = '/miniprogram_npm/mallcare/mallcare.wasm.br';

var ready = null;

function pickRuntime(options) {
  if (options && options.webAssembly) return options.webAssembly;
  if (typeof WXWebAssembly !== 'undefined') return WXWebAssembly;
  if (typeof TTWebAssembly !== 'undefined') return TTWebAssembly;
  if (typeof MyWebAssembly !== 'undefined') return MyWebAssembly;
  return null;
}

function api() {
  var out = {};
  Object.keys(glue).forEach(function (k) {
    if (k.indexOf('__wbg_') !== 0) out[k] = glue[k];
  });
  return out;
}

/**
 * Instantiates the wasm once and resolves to the mallcare API (the same calls as the web and Node builds).
 * @param {{ path?: string, webAssembly?: { instantiate(path: string, imports: object): Promise<any> } }} [options]
 */
function init(options) {
  if (ready) return ready;
  var runtime = pickRuntime(options);
  if (!runtime) {
    return Promise.reject(new Error('mallcare/miniprogram: no WXWebAssembly, TTWebAssembly or MyWebAssembly here; ' +
      'pass options.webAssembly, or use the web/Node build outside mini-programs'));
  }
  var path = (options && options.path) || DEFAULT_PATH;
  ready = Promise.resolve(runtime.instantiate(path, glue.__wbg_get_imports())).then(function (result) {
    var instance = result && result.instance ? result.instance : result;
    glue.__wbg_finalize_init(instance, result && result.module);
    return api();
  });
  ready.catch(function () { ready = null; });
  return ready;
}

module.exports = { init: init, DEFAULT_PATH: DEFAULT_PATH };

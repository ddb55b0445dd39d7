#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 370:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ wantsDebug),
/* harmony export */   Z: () => (/* binding */ internalErrorText)
/* harmony export */ });
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4031);

/**
 * Whether an internal error also prints its stack: `--debug` anywhere on the
 * command line (read raw, so it works even when the arguments cannot be
 * parsed), or RUNNER_DEBUG=1 (GitHub's "debug logging" re-run).
 */
function wantsDebug(argv, env) {
    return argv.includes('--debug') || env.RUNNER_DEBUG === '1';
}
/** `relaygate: internal error: …`, one line; the stack after it only when debugging. */
function internalErrorText(error, debug) {
    const line = `relaygate: internal error: ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .visible */ .RK)(describe(error, 'message'))}\n`;
    const stack = debug && error instanceof Error ? describe(error, 'stack') : '';
    return stack === '' ? line : `${line}${stack}\n`;
}
/**
 * The error's message or stack. Whatever was thrown must not make the report
 * of it throw in turn (a getter that throws, an object without a prototype
 * that String() cannot convert).
 */
function describe(error, what) {
    try {
        if (error instanceof Error)
            return String(error[what] ?? '');
        return what === 'message' ? String(error) : '';
    }
    catch {
        return what === 'message' ? 'an error that cannot be printed' : '';
    }
}


/***/ }),

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Iu: () => (/* binding */ lineStartPath),
/* harmony export */   N1: () => (/* binding */ commandProperty),
/* harmony export */   RK: () => (/* binding */ visible),
/* harmony export */   TA: () => (/* binding */ pathToUri),
/* harmony export */   UZ: () => (/* binding */ markdownCell),
/* harmony export */   p7: () => (/* binding */ markdownText),
/* harmony export */   wq: () => (/* binding */ commandData)
/* harmony export */ });
/* unused harmony export MAX_CELL_CHARS */
/**
 * Escaping for text that may come from a scanned file (values quoted in
 * messages, paths). Every report format passes such text through here, so a
 * repository cannot inject terminal escapes, fake log lines or workflow
 * commands (README, "Safety").
 */
/**
 * Characters that change how a line is displayed or split: C0 controls
 * (CR, LF, ESC, ...), DEL, C1 controls (NEL among them), the Unicode line and
 * paragraph separators, and bidirectional overrides and isolates ("Trojan
 * source"). One character class, so the scan is linear.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
/** Replaces control characters with a visible escape (`\n`, `\x1b`, `\u202e`): the text stays on one line. */
function visible(text) {
    return text.replace(INVISIBLE, (c) => {
        const named = NAMED[c];
        if (named)
            return named;
        const code = c.charCodeAt(0);
        return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
    });
}
/**
 * A path made safe to print at the start of a line. The Actions runner trims
 * leading whitespace and then executes a line that begins with `::`, so a
 * path that does not begin with a plain name character gets a `./` prefix
 * (the same relative path, and a harmless line start).
 */
function lineStartPath(path) {
    const shown = visible(path);
    return /^[A-Za-z0-9_.]/.test(shown) ? shown : `./${shown}`;
}
/**
 * Workflow-command message data, escaped exactly as @actions/core's
 * `escapeData` (lib/command.js): `%` first, then CR and LF.
 */
function commandData(text) {
    return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
/**
 * Workflow-command property value, escaped exactly as @actions/core's
 * `escapeProperty`: as data, plus `:` and `,` which delimit properties.
 */
function commandProperty(text) {
    return commandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
/** Longest cell, in characters, before it is cut: one huge scanned value must not eat the summary's budget. */
const MAX_CELL_CHARS = 1000;
/**
 * Text for a GitHub-flavoured Markdown table cell. HTML-significant
 * characters become entities (no tag can open), `|` cannot end the cell,
 * backticks and other Markdown punctuation cannot start code, emphasis or
 * links, and control characters (newlines among them) become visible escapes
 * so the row stays one line.
 */
function markdownCell(text, maxChars = MAX_CELL_CHARS) {
    const cut = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
    return visible(cut)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/[\\`*_[\]|~#!]/g, (c) => `\\${c}`);
}
/**
 * Plain text (rule help, messages) as Markdown that shows exactly that text:
 * m4 quotes cannot open code spans, `_PROMISCUOUS_RELAY_` is not emphasis,
 * no HTML tag can open. The same escaping as a table cell, without a cut.
 */
function markdownText(text) {
    return markdownCell(text, Number.MAX_SAFE_INTEGER);
}
/** A relative POSIX path as a URI reference: each segment percent-encoded, `/` kept. */
function pathToUri(path) {
    return path
        .replace(/^(\.\/)+/, '')
        .split('/')
        .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
        .join('/');
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** Kept in step with package.json by scripts/post-build.mjs's check and a test. */
const VERSION = '0.1.0';


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 3916:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path/posix");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId].call(module.exports, module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
// EXTERNAL MODULE: ./src/cli/internal-error.ts
var internal_error = __nccwpck_require__(370);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/cli.ts
// The CLI's entry (dist/cli/index.js, package.json `bin`). Everything it does
// is in src/cli/, where tests can call it; this file only binds it to the
// process. No top-level await: the bundle must not depend on the bundler
// supporting it.
//
// `relaygate --version` needs no engine: it is answered before the engine's
// modules (nearly all of the bundle, which the bundler splits into a chunk
// loaded by the import below) are read and compiled, so it costs about what
// starting node costs.
//
// A scan runs in a worker thread started from this same file, with a small
// young generation. V8 sizes the young generation of the main thread from
// the machine's memory and grows it to tens of megabytes while a scan
// allocates file texts and parse trees that die young; much of the process's
// peak memory was that headroom, not live data. A worker's young generation
// can be capped (resourceLimits; the main thread's only by command-line
// flags, which a `bin` cannot pass). The worker sends what it writes and its
// exit status as messages, written here in order. Run from the sources
// (a .ts file under a loader, as the tests do) the scan stays on the main
// thread: loader hooks do not reach a worker there.
//
// One worker, not two: a second isolate costs 18 MB of peak memory before it
// loads anything (45 MB with the engine), and the engine loaded on the idle
// main thread as well costs 19 MB, more than the memory aim leaves; reading
// discovery's files on the main thread saved under 10% of the wall time
// (README, Performance).




/**
 * The worker's young generation, in MB. On the benchmark's 100k-file tree
 * (Node 24) 12 MB gave the lowest peak memory at the same CPU time; 4 MB
 * cost more collections, 16 MB and more only added memory.
 */
const YOUNG_GENERATION_MB = 12;
const argv = process.argv.slice(2);
const debug = (0,internal_error/* wantsDebug */.T)(argv, process.env);
/** The engine could not be loaded, or stopped without a status: exit 2, never 1 ("findings"). */
function internalError(error) {
    process.stderr.write((0,internal_error/* internalErrorText */.Z)(error, debug));
    process.exitCode = 2;
}
function runInWorker() {
    let status = null;
    let failed = false;
    const worker = new external_node_worker_threads_namespaceObject.Worker((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url), { argv, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    worker.on('message', (message) => {
        if (message.kind === 'status') {
            status = message.status;
            process.exitCode = message.status;
            void worker.terminate();
        }
        else {
            (message.kind === 'stdout' ? process.stdout : process.stderr).write(message.text);
        }
    });
    worker.on('error', (error) => {
        if (status !== null || failed)
            return;
        failed = true;
        internalError(error);
    });
    worker.on('exit', (code) => {
        if (status === null && !failed)
            internalError(new Error(`the scan stopped with exit code ${code} and no result`));
    });
}
/** In the worker: the engine could not be loaded. */
function internalErrorInThread(error) {
    external_node_worker_threads_namespaceObject.parentPort?.postMessage({ kind: 'stderr', text: (0,internal_error/* internalErrorText */.Z)(error, debug) });
    external_node_worker_threads_namespaceObject.parentPort?.postMessage({ kind: 'status', status: 2 });
}
if (argv.length === 1 && argv[0] === '--version') {
    process.stdout.write(`relaygate ${version/* VERSION */.x}\n`);
}
else if (external_node_worker_threads_namespaceObject.isMainThread && !import.meta.url.endsWith('.ts')) {
    runInWorker();
}
else if (external_node_worker_threads_namespaceObject.isMainThread) {
    Promise.all(/* import() */[__nccwpck_require__.e(917), __nccwpck_require__.e(998)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1998)).then(({ runProcess }) => runProcess(argv), internalError);
}
else {
    Promise.all(/* import() */[__nccwpck_require__.e(917), __nccwpck_require__.e(998)]).then(__nccwpck_require__.bind(__nccwpck_require__, 1998)).then(({ runInThread }) => runInThread(argv, external_node_worker_threads_namespaceObject.parentPort), internalErrorInThread);
}


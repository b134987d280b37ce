// packages/protocol/src/roles.ts
/** Organisation types (SPEC §2): the logic is shared, the role labels differ. */
var orgTypes = [
	"school",
	"preschool",
	"college",
	"authority"
];
/**
* Roles are stored by meaning, not by label: `lead` is a class teacher at a
* school, a senior educator at a preschool, a group curator at a college and a
* department head at an education authority.
*/
var roles = [
	"admin",
	"lead",
	"staff",
	"student",
	"parent",
	"external"
];
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/util.js
function getEnumValues(entries) {
	const numericValues = Object.values(entries).filter((v) => typeof v === "number");
	return Object.entries(entries).filter(([k, _]) => numericValues.indexOf(+k) === -1).map(([_, v]) => v);
}
function jsonStringifyReplacer(_, value) {
	if (typeof value === "bigint") return value.toString();
	return value;
}
var Cached = class {
	constructor(getter) {
		this._getter = getter;
		this._value = void 0;
	}
	get value() {
		const getter = this._getter;
		if (getter !== void 0) {
			this._value = getter();
			this._getter = void 0;
		}
		return this._value;
	}
};
function cached(getter) {
	return new Cached(getter);
}
function nullish(input) {
	return input === null || input === void 0;
}
function cleanRegex(source) {
	const start = source.startsWith("^") ? 1 : 0;
	const end = source.endsWith("$") ? source.length - 1 : source.length;
	return source.slice(start, end);
}
function assignProp(target, prop, value) {
	Object.defineProperty(target, prop, {
		value,
		writable: true,
		enumerable: true,
		configurable: true
	});
}
/**
* Whichever object a def's `shape` currently answers from: the one the caller passed until the first read, the frozen copy after it.
*
* Its keys and descriptors read without invoking anything, which is what lets a discriminated union check its discriminator, and the cycle walk read a shape, without resolving a getter that references the schema being constructed. A def that answers `shape` from an accessor of its own has none.
*/
function rawShape(def) {
	const desc = Object.getOwnPropertyDescriptor(def, "shape");
	return desc?.get ? desc.get.raw : desc?.value;
}
var captureStackTrace = "captureStackTrace" in Error ? Error.captureStackTrace : (..._args) => {};
function isObject(data) {
	return typeof data === "object" && data !== null && !Array.isArray(data);
}
var propertyKeyTypes = /* @__PURE__*/ new Set([
	"string",
	"number",
	"symbol"
]);
function escapeRegex(str) {
	return str.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function clone(inst, def, params) {
	const cl = new inst._zod.constr(def ?? inst._zod.def);
	if (!def || params?.parent) cl._zod.parent = inst;
	return cl;
}
function normalizeParams(_params) {
	const params = _params;
	if (!params) return {};
	if (typeof params === "string") return { error: () => params };
	if (params?.message !== void 0) {
		if (params?.error !== void 0) throw new Error("Cannot specify both `message` and `error` params");
		params.error = params.message;
	}
	delete params.message;
	if (typeof params.error === "string") return {
		...params,
		error: () => params.error
	};
	return params;
}
function optionalKeys(shape) {
	return Object.keys(shape).filter((k) => {
		return shape[k]._zod.optin !== void 0 && shape[k]._zod.optout === "optional";
	});
}
var NUMBER_FORMAT_RANGES = /*@__PURE__*/ (() => ({
	safeint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
	int32: [-2147483648, 2147483647],
	uint32: [0, 4294967295],
	float32: [-34028234663852886e22, 34028234663852886e22],
	float64: [-Number.MAX_VALUE, Number.MAX_VALUE]
}))();
function aborted(x, startIndex = 0) {
	if (x.aborted === true) return true;
	for (let i = startIndex; i < x.issues.length; i++) if (x.issues[i]?.continue !== true) return true;
	return false;
}
function explicitlyAborted(x, startIndex = 0) {
	if (x.aborted === true) return true;
	for (let i = startIndex; i < x.issues.length; i++) if (x.issues[i]?.continue === false) return true;
	return false;
}
function prefixIssues(path, issues) {
	return issues.map((iss) => {
		var _a;
		(_a = iss).path ?? (_a.path = []);
		iss.path.unshift(path);
		return iss;
	});
}
function unwrapMessage(message) {
	return typeof message === "string" ? message : message?.message;
}
/** The leading size checks of `defChecks` that set an upper bound, each paired with it. */
function sizeCaps(defChecks) {
	const caps = [];
	for (const ch of defChecks ?? []) {
		const d = ch._zod.def;
		if (!/_(length|size)$|_equals$/.test(d.check)) break;
		const max = d.maximum ?? d.length ?? d.size;
		if (max >= 0) caps.push([max, ch]);
	}
	return caps;
}
function attachSchema(issues, start, inst) {
	var _a;
	for (let i = start; i < issues.length; i++) (_a = issues[i]).schema ?? (_a.schema = inst);
}
function finalizeIssue(iss, ctx, config) {
	var _a;
	const traits = iss.inst?._zod?.traits;
	if (traits?.has("$ZodType")) {
		if (traits.has("$ZodCheck")) (_a = iss).schema ?? (_a.schema = iss.inst);
		else iss.schema = iss.inst;
	}
	const schemaError = iss.schema !== iss.inst ? iss.schema?._zod.def?.error : void 0;
	const message = iss.message ? iss.message : unwrapMessage(iss.inst?._zod.def?.error?.(iss)) ?? unwrapMessage(schemaError?.(iss)) ?? unwrapMessage(ctx?.error?.(iss)) ?? unwrapMessage(config.customError?.(iss)) ?? unwrapMessage(config.localeError?.(iss)) ?? "Invalid input";
	const full = {};
	for (const k of Object.keys(iss)) {
		if (k === "inst" || k === "schema" || k === "continue" || k === "input" || k === "__proto__") continue;
		full[k] = iss[k];
	}
	full.path ?? (full.path = []);
	full.message = message;
	if (ctx?.reportInput) full.input = iss.input;
	return full;
}
var highSurrogate = /[\uD800-\uDBFF]/;
function codePointLength(str) {
	const units = str.length;
	if (!highSurrogate.test(str)) return units;
	let count = units;
	for (let i = 0; i < units - 1; i++) if ((str.charCodeAt(i) & 64512) === 55296 && (str.charCodeAt(i + 1) & 64512) === 56320) {
		count--;
		i++;
	}
	return count;
}
function getLengthableOrigin(input) {
	if (Array.isArray(input)) return "array";
	if (typeof input === "string") return "string";
	return "unknown";
}
function issue(...args) {
	const [iss, input, inst] = args;
	if (typeof iss === "string") return {
		message: iss,
		code: "custom",
		input,
		inst
	};
	return { ...iss };
}
/**
* Installs a trait's members on its prototype. Each value builds that member for the instance on first read; the built value shadows the accessor as an own property, so a detached `const { parse } = schema` keeps working.
*
* Call this from a `proto` initializer, which runs once per prototype — never per instance.
*/
function members(proto, table) {
	for (const key in table) {
		const desc = Object.getOwnPropertyDescriptor(table, key);
		if (desc.get) Object.defineProperty(proto, key, {
			...desc,
			enumerable: false
		});
		else defineBound(proto, key, desc.value);
	}
}
/** Shadows a prototype member with an own value, so a getter that builds from the instance runs once. */
function own(inst, key, value, enumerable = true) {
	Object.defineProperty(inst, key, {
		configurable: true,
		writable: true,
		enumerable,
		value
	});
	return value;
}
/** Like {@link own}, for a member that was never an own data property and has to stay out of `Object.keys`. */
function hide(inst, key, value) {
	return own(inst, key, value, false);
}
function defineBound(proto, key, fn) {
	Object.defineProperty(proto, key, {
		configurable: true,
		get() {
			return this == null ? fn : own(this, key, fn.bind(this));
		},
		set(value) {
			own(this, key, value);
		}
	});
}
/** Returns the prototype to install on, or `undefined` if this group is already installed on it. */
function claim(inst, sentinel) {
	const proto = Object.getPrototypeOf(inst);
	return sentinel in proto ? void 0 : proto;
}
var installing;
var broke = false;
var breaker = {
	configurable: true,
	get() {
		broke = true;
	}
};
/**
* Installs a lazily-derived internal on the `_zod` prototype of `inst`'s
* constructor, computed from the internals object itself and cached there on
* first read. One accessor per constructor rather than one per instance.
*/
function defineLazyInternal(inst, key, compute) {
	const proto = Object.getPrototypeOf(inst._zod);
	if (key in proto && installing !== inst._zod) {
		installing = void 0;
		return;
	}
	installing = inst._zod;
	Object.defineProperty(proto, key, {
		configurable: true,
		get() {
			Object.defineProperty(this, key, breaker);
			const outer = broke;
			broke = false;
			try {
				const value = compute(this);
				if (broke) delete this[key];
				else Object.defineProperty(this, key, {
					configurable: true,
					writable: true,
					value
				});
				broke = broke || outer;
				return value;
			} catch (err) {
				delete this[key];
				broke = broke || outer;
				throw err;
			}
		},
		set(value) {
			Object.defineProperty(this, key, {
				configurable: true,
				writable: true,
				value
			});
		}
	});
}
/**
* Installs `key` on `inst`'s prototype, computed by `make` on first read and cached there as an own
* data property. One accessor per constructor rather than one per instance, because an own accessor
* puts every instance after the first into v8 dictionary mode. The key doubles as the sentinel.
*/
function installLazyProp(inst, key, make, enumerable) {
	const proto = claim(inst, key);
	if (!proto) return;
	Object.defineProperty(proto, key, {
		configurable: true,
		get() {
			const desc = {
				configurable: true,
				writable: true,
				enumerable,
				value: void 0
			};
			Object.defineProperty(this, key, desc);
			desc.value = make(this);
			Object.defineProperty(this, key, desc);
			return desc.value;
		},
		set(value) {
			Object.defineProperty(this, key, {
				configurable: true,
				writable: true,
				enumerable,
				value
			});
		}
	});
}
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/core.js
var _a;
var _zodDesc = {
	value: void 0,
	enumerable: false
};
var _E = "captureStackTrace" in Error ? Error : null;
function newError(Definition) {
	const E = _E;
	if (E) {
		const saved = E.stackTraceLimit;
		if (typeof saved === "number") {
			try {
				E.stackTraceLimit = 0;
			} catch {
				_E = null;
				return new Definition();
			}
			try {
				return new Definition();
			} finally {
				E.stackTraceLimit = saved;
			}
		}
	}
	return new Definition();
}
/* @__NO_SIDE_EFFECTS__ */
function $constructor(name, initializer, proto, params) {
	const zodProto = {};
	function Internals(def) {
		this.def = def;
		this.constr = _;
		this.traits = /* @__PURE__ */ new Set();
	}
	Internals.prototype = zodProto;
	const protoMembers = proto;
	const initialized = protoMembers && /* @__PURE__ */ new WeakSet();
	function init(inst, def) {
		if (!inst._zod) {
			_zodDesc.value = new Internals(def);
			try {
				Object.defineProperty(inst, "_zod", _zodDesc);
			} finally {
				_zodDesc.value = void 0;
			}
		} else if (inst._zod.traits.has(name)) return;
		inst._zod.traits.add(name);
		initializer(inst, def);
		if (initialized) {
			const own = Object.getPrototypeOf(inst);
			const ctorProto = inst._zod.constr.prototype;
			let up = own;
			while (up && up !== ctorProto) up = Object.getPrototypeOf(up);
			const target = up ?? own;
			if (!initialized.has(target)) {
				initialized.add(target);
				members(target, protoMembers);
			}
		}
		const proto = _.prototype;
		for (const k in proto) {
			if (!Object.prototype.hasOwnProperty.call(proto, k)) continue;
			if (!(k in inst)) inst[k] = proto[k].bind(inst);
		}
	}
	const Parent = params?.Parent ?? Object;
	class Definition extends Parent {}
	Object.defineProperty(Definition, "name", { value: name });
	function _(def) {
		const inst = params?.Parent ? newError(Definition) : this;
		init(inst, def);
		const deferred = inst._zod.deferred;
		if (deferred) {
			for (const fn of deferred) fn();
			inst._zod.deferred = void 0;
		}
		const pp = globalThis.__zod_globalConfig?.postProcessor;
		if (pp) pp(inst);
		return inst;
	}
	Object.defineProperty(_, "init", { value: init });
	Object.defineProperty(_, Symbol.hasInstance, { value: (inst) => {
		if (params?.Parent && inst instanceof params.Parent) return true;
		return inst?._zod?.traits?.has(name);
	} });
	Object.defineProperty(_, "name", { value: name });
	return _;
}
var $ZodAsyncError = class extends Error {
	constructor() {
		super(`Encountered Promise during synchronous parse. Use .parseAsync() instead.`);
	}
};
(_a = globalThis).__zod_globalConfig ?? (_a.__zod_globalConfig = {});
var globalConfig = globalThis.__zod_globalConfig;
function config(newConfig) {
	if (newConfig) Object.assign(globalConfig, newConfig);
	return globalConfig;
}
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/errors.js
function _getMessage() {
	const internals = this._zod;
	internals.message ?? (internals.message = JSON.stringify(internals.def, jsonStringifyReplacer, 2));
	return internals.message;
}
function _setMessage(value) {
	this._zod.message = value;
}
var _messageDesc = {
	get: _getMessage,
	set: _setMessage,
	enumerable: true,
	configurable: true
};
var _issuesDesc = {
	value: void 0,
	enumerable: false
};
var _installedToString = /* @__PURE__ */ new WeakSet([Object.prototype, Error.prototype]);
var initializer = (inst, def) => {
	inst.name = "$ZodError";
	_issuesDesc.value = def;
	Object.defineProperty(inst, "issues", _issuesDesc);
	_issuesDesc.value = void 0;
	Object.defineProperty(inst, "message", _messageDesc);
	const proto = Object.getPrototypeOf(inst);
	if (!_installedToString.has(proto)) {
		_installedToString.add(proto);
		Object.defineProperty(proto, "toString", {
			configurable: true,
			enumerable: false,
			get() {
				const value = () => this.message;
				Object.defineProperty(this, "toString", {
					value,
					configurable: true,
					writable: true
				});
				return value;
			},
			set(value) {
				Object.defineProperty(this, "toString", {
					value,
					configurable: true,
					writable: true
				});
			}
		});
	}
};
var $ZodRealError = /* @__PURE__ */ $constructor("$ZodError", initializer, void 0, { Parent: Error });
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/parse.js
var _parse = (_Err) => {
	const fn = (schema, value, _ctx, _params) => {
		const ctx = _ctx ? {
			..._ctx,
			async: false
		} : { async: false };
		const result = schema._zod.run({
			value,
			issues: []
		}, ctx);
		if (result instanceof Promise) throw new $ZodAsyncError();
		if (result.issues.length) {
			const e = new ((_params?.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
			captureStackTrace(e, _params?.callee ?? fn);
			throw e;
		}
		return result.value;
	};
	return fn;
};
var parse = /* @__PURE__*/ _parse($ZodRealError);
var _parseAsync = (_Err) => {
	const fn = async (schema, value, _ctx, params) => {
		const ctx = _ctx ? {
			..._ctx,
			async: true
		} : { async: true };
		let result = schema._zod.run({
			value,
			issues: []
		}, ctx);
		if (result instanceof Promise) result = await result;
		if (result.issues.length) {
			const e = new ((params?.Err) ?? _Err)(result.issues.map((iss) => finalizeIssue(iss, ctx, config())));
			captureStackTrace(e, params?.callee ?? fn);
			throw e;
		}
		return result.value;
	};
	return fn;
};
var parseAsync = /* @__PURE__*/ _parseAsync($ZodRealError);
var _safeParse = (_Err) => (schema, value, _ctx) => {
	const ctx = _ctx ? {
		..._ctx,
		async: false
	} : { async: false };
	const result = schema._zod.run({
		value,
		issues: []
	}, ctx);
	if (result instanceof Promise) throw new $ZodAsyncError();
	return result.issues.length ? failure(_Err, result.issues, ctx) : {
		success: true,
		data: result.value
	};
};
var safeParse = /* @__PURE__*/ _safeParse($ZodRealError);
function failure(Err, issues, ctx) {
	let error;
	return {
		success: false,
		get error() {
			if (!error) {
				error = new Err(issues.map((iss) => finalizeIssue(iss, ctx, config())));
				issues = void 0;
				ctx = void 0;
			}
			return error;
		},
		set error(e) {
			error = e;
			issues = void 0;
			ctx = void 0;
		}
	};
}
var _safeParseAsync = (_Err) => async (schema, value, _ctx) => {
	const ctx = _ctx ? {
		..._ctx,
		async: true
	} : { async: true };
	let result = schema._zod.run({
		value,
		issues: []
	}, ctx);
	if (result instanceof Promise) result = await result;
	return result.issues.length ? failure(_Err, result.issues, ctx) : {
		success: true,
		data: result.value
	};
};
var safeParseAsync = /* @__PURE__*/ _safeParseAsync($ZodRealError);
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/regexes.js
var anyString = /^[\s\S]{0,}$/;
var number$2 = /^-?\d+(?:\.\d+)?$/;
var boolean$1 = /^(?:true|false)$/i;
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/checks.js
var $ZodCheck = /*@__PURE__*/ $constructor("$ZodCheck", (inst, def) => {
	var _a;
	inst._zod ?? (inst._zod = {});
	inst._zod.def = def;
	(_a = inst._zod).onattach ?? (_a.onattach = []);
});
/** Default `when` for length-based checks: run only on non-nullish values with a `length`. */
var _whenHasLength = (payload) => {
	const val = payload.value;
	return !nullish(val) && val.length !== void 0;
};
var numericOriginMap = {
	number: "number",
	bigint: "bigint",
	object: "date"
};
var $ZodCheckLessThan = /*@__PURE__*/ $constructor("$ZodCheckLessThan", (inst, def) => {
	$ZodCheck.init(inst, def);
	const origin = numericOriginMap[typeof def.value];
	inst._zod.check = (payload) => {
		if (def.inclusive ? payload.value <= def.value : payload.value < def.value) return;
		payload.issues.push({
			origin: numericOriginMap[typeof payload.value] ?? origin,
			code: "too_big",
			maximum: typeof def.value === "object" ? def.value.getTime() : def.value,
			input: payload.value,
			inclusive: def.inclusive,
			inst,
			continue: !def.abort
		});
	};
});
var $ZodCheckGreaterThan = /*@__PURE__*/ $constructor("$ZodCheckGreaterThan", (inst, def) => {
	$ZodCheck.init(inst, def);
	const origin = numericOriginMap[typeof def.value];
	inst._zod.check = (payload) => {
		if (def.inclusive ? payload.value >= def.value : payload.value > def.value) return;
		payload.issues.push({
			origin: numericOriginMap[typeof payload.value] ?? origin,
			code: "too_small",
			minimum: typeof def.value === "object" ? def.value.getTime() : def.value,
			input: payload.value,
			inclusive: def.inclusive,
			inst,
			continue: !def.abort
		});
	};
});
var $ZodCheckNumberFormat = /*@__PURE__*/ $constructor("$ZodCheckNumberFormat", (inst, def) => {
	$ZodCheck.init(inst, def);
	def.format = def.format || "float64";
	const isInt = def.format?.includes("int");
	const origin = isInt ? "int" : "number";
	const [minimum, maximum] = NUMBER_FORMAT_RANGES[def.format];
	inst._zod.check = (payload) => {
		const input = payload.value;
		if (isInt) {
			if (!Number.isInteger(input)) {
				payload.issues.push({
					expected: origin,
					format: def.format,
					code: "invalid_type",
					continue: false,
					input,
					inst
				});
				return;
			}
			if (!Number.isSafeInteger(input)) {
				if (input > 0) payload.issues.push({
					input,
					code: "too_big",
					maximum: Number.MAX_SAFE_INTEGER,
					note: "Integers must be within the safe integer range.",
					inst,
					origin,
					inclusive: true,
					continue: !def.abort
				});
				else payload.issues.push({
					input,
					code: "too_small",
					minimum: Number.MIN_SAFE_INTEGER,
					note: "Integers must be within the safe integer range.",
					inst,
					origin,
					inclusive: true,
					continue: !def.abort
				});
				return;
			}
		}
		if (input < minimum) payload.issues.push({
			origin: "number",
			input,
			code: "too_small",
			minimum,
			inclusive: true,
			inst,
			continue: !def.abort
		});
		if (input > maximum) payload.issues.push({
			origin: "number",
			input,
			code: "too_big",
			maximum,
			inclusive: true,
			inst,
			continue: !def.abort
		});
	};
});
var $ZodCheckMaxLength = /*@__PURE__*/ $constructor("$ZodCheckMaxLength", (inst, def) => {
	var _a;
	$ZodCheck.init(inst, def);
	(_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
	inst._zod.check = (payload) => {
		const input = payload.value;
		const units = input.length;
		if ((typeof input === "string" && units > def.maximum ? codePointLength(input) : units) <= def.maximum) return;
		const origin = getLengthableOrigin(input);
		payload.issues.push({
			origin,
			code: "too_big",
			maximum: def.maximum,
			inclusive: true,
			input,
			inst,
			continue: !def.abort
		});
	};
});
var $ZodCheckMinLength = /*@__PURE__*/ $constructor("$ZodCheckMinLength", (inst, def) => {
	var _a;
	$ZodCheck.init(inst, def);
	(_a = inst._zod.def).when ?? (_a.when = _whenHasLength);
	inst._zod.check = (payload) => {
		const input = payload.value;
		const units = input.length;
		if ((typeof input === "string" && units >= def.minimum && units < def.minimum * 2 ? codePointLength(input) : units) >= def.minimum) return;
		const origin = getLengthableOrigin(input);
		payload.issues.push({
			origin,
			code: "too_small",
			minimum: def.minimum,
			inclusive: true,
			input,
			inst,
			continue: !def.abort
		});
	};
});
var $ZodCheckStringFormat = /*@__PURE__*/ $constructor("$ZodCheckStringFormat", (inst, def) => {
	var _a, _b;
	$ZodCheck.init(inst, def);
	if (def.pattern) (_a = inst._zod).check ?? (_a.check = (payload) => {
		def.pattern.lastIndex = 0;
		if (def.pattern.test(payload.value)) return;
		payload.issues.push({
			origin: "string",
			code: "invalid_format",
			format: def.format,
			input: payload.value,
			...def.pattern ? { pattern: def.pattern.toString() } : {},
			inst,
			continue: !def.abort
		});
	});
	else (_b = inst._zod).check ?? (_b.check = () => {});
});
var $ZodCheckRegex = /*@__PURE__*/ $constructor("$ZodCheckRegex", (inst, def) => {
	$ZodCheckStringFormat.init(inst, def);
	inst._zod.check = (payload) => {
		def.pattern.lastIndex = 0;
		if (def.pattern.test(payload.value)) return;
		payload.issues.push({
			origin: "string",
			code: "invalid_format",
			format: "regex",
			input: payload.value,
			pattern: def.pattern.toString(),
			inst,
			continue: !def.abort
		});
	};
});
var $ZodCheckOverwrite = /*@__PURE__*/ $constructor("$ZodCheckOverwrite", (inst, def) => {
	$ZodCheck.init(inst, def);
	inst._zod.check = (payload) => {
		payload.value = def.tx(payload.value);
	};
});
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/versions.js
var version = {
	major: 4,
	minor: 6,
	patch: 7
};
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/schemas.js
var $ZodType = /*@__PURE__*/ $constructor("$ZodType", (inst, def) => {
	var _a;
	inst ?? (inst = {});
	inst._zod.def = def;
	inst._zod.bag = inst._zod.bag || {};
	inst._zod.version = version;
	const defChecks = inst._zod.def.checks;
	const checks = inst._zod.traits.has("$ZodCheck") ? [inst, ...defChecks ?? []] : defChecks?.length ? [...defChecks] : [];
	for (const ch of checks) for (const fn of ch._zod.onattach) fn(inst);
	if (checks.length === 0) {
		(_a = inst._zod).deferred ?? (_a.deferred = []);
		inst._zod.deferred?.push(() => {
			inst._zod.run = inst._zod.parse;
		});
	} else {
		const runChecks = (payload, checks, ctx) => {
			if (payload.memo) return payload;
			let isAborted = aborted(payload);
			let asyncResult;
			for (const ch of checks) {
				if (ch._zod.def.when) {
					if (explicitlyAborted(payload)) continue;
					if (!ch._zod.def.when(payload)) continue;
				} else if (isAborted) continue;
				const currLen = payload.issues.length;
				const _ = ch._zod.check(payload);
				if (_ instanceof Promise && ctx?.async === false) throw new $ZodAsyncError();
				if (asyncResult || _ instanceof Promise) asyncResult = (asyncResult ?? Promise.resolve()).then(async () => {
					await _;
					if (payload.issues.length === currLen) return;
					attachSchema(payload.issues, currLen, inst);
					if (!isAborted) isAborted = aborted(payload, currLen);
				});
				else {
					if (payload.issues.length === currLen) continue;
					attachSchema(payload.issues, currLen, inst);
					if (!isAborted) isAborted = aborted(payload, currLen);
				}
			}
			if (asyncResult) return asyncResult.then(() => {
				return payload;
			});
			return payload;
		};
		const handleCanaryResult = (canary, payload, ctx) => {
			if (aborted(canary)) {
				canary.aborted = true;
				return canary;
			}
			const checkResult = runChecks(payload, checks, ctx);
			if (checkResult instanceof Promise) {
				if (ctx.async === false) throw new $ZodAsyncError();
				return checkResult.then((checkResult) => inst._zod.parse(checkResult, ctx));
			}
			return inst._zod.parse(checkResult, ctx);
		};
		inst._zod.run = (payload, ctx) => {
			if (ctx.skipChecks) return inst._zod.parse(payload, ctx);
			if (ctx.direction === "backward") {
				const canary = inst._zod.parse({
					value: payload.value,
					issues: []
				}, {
					...ctx,
					skipChecks: true
				});
				if (canary instanceof Promise) return canary.then((canary) => {
					return handleCanaryResult(canary, payload, ctx);
				});
				return handleCanaryResult(canary, payload, ctx);
			}
			const result = inst._zod.parse(payload, ctx);
			if (result instanceof Promise) {
				if (ctx.async === false) throw new $ZodAsyncError();
				return result.then((result) => runChecks(result, checks, ctx));
			}
			return runChecks(result, checks, ctx);
		};
	}
}, {
	get "~standard"() {
		return hide(this, "~standard", standardProps(this));
	},
	set "~standard"(value) {
		own(this, "~standard", value);
	}
});
/** The Standard Schema surface for `inst`. Shared so wrappers can extend it without forcing it. */
var toStandardResult = (r, ctx) => r.issues.length ? { issues: r.issues.map((iss) => finalizeIssue(iss, ctx, config())) } : { value: r.value };
async function validateAsync(inst, value) {
	const ctx = { async: true };
	return toStandardResult(await inst._zod.run({
		value,
		issues: []
	}, ctx), ctx);
}
function standardProps(inst) {
	return {
		validate: (value) => {
			const ctx = { async: false };
			try {
				const r = inst._zod.run({
					value,
					issues: []
				}, ctx);
				if (!(r instanceof Promise)) return toStandardResult(r, ctx);
			} catch (_) {}
			return validateAsync(inst, value);
		},
		vendor: "zod",
		version: 1
	};
}
var $ZodString = /*@__PURE__*/ $constructor("$ZodString", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.pattern = def.pattern ?? anyString;
	inst._zod.parse = (payload, _) => {
		if (def.coerce) try {
			payload.value = String(payload.value);
		} catch (_) {}
		if (typeof payload.value === "string") return payload;
		payload.issues.push({
			expected: "string",
			code: "invalid_type",
			input: payload.value,
			inst
		});
		return payload;
	};
});
var $ZodNumber = /*@__PURE__*/ $constructor("$ZodNumber", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.pattern = number$2;
	inst._zod.parse = (payload, _ctx) => {
		if (def.coerce) try {
			payload.value = Number(payload.value);
		} catch (_) {}
		const input = payload.value;
		if (typeof input === "number" && !Number.isNaN(input) && Number.isFinite(input)) return payload;
		const received = typeof input === "number" ? Number.isNaN(input) ? "NaN" : !Number.isFinite(input) ? String(input) : void 0 : void 0;
		payload.issues.push({
			expected: "number",
			code: "invalid_type",
			input,
			inst,
			...received ? { received } : {}
		});
		return payload;
	};
});
var $ZodNumberFormat = /*@__PURE__*/ $constructor("$ZodNumberFormat", (inst, def) => {
	$ZodCheckNumberFormat.init(inst, def);
	$ZodNumber.init(inst, def);
});
var $ZodBoolean = /*@__PURE__*/ $constructor("$ZodBoolean", (inst, def) => {
	$ZodType.init(inst, def);
	inst._zod.pattern = boolean$1;
	inst._zod.parse = (payload, _ctx) => {
		if (def.coerce) try {
			payload.value = Boolean(payload.value);
		} catch (_) {}
		const input = payload.value;
		if (typeof input === "boolean") return payload;
		payload.issues.push({
			expected: "boolean",
			code: "invalid_type",
			input,
			inst
		});
		return payload;
	};
});
function capSize(inst, size) {
	const caps = sizeCaps(inst._zod.def.checks);
	if (!caps.length) return;
	const cap = Math.min(...caps.map((c) => c[0]));
	const parse = inst._zod.parse;
	inst._zod.parse = (payload, ctx) => {
		const n = size(payload.value);
		if (n > cap && !ctx?.skipChecks && ctx?.direction !== "backward") {
			for (const [max, ch] of sizeCaps(inst._zod.def.checks)) if (n > max && ch._zod.def.when(payload)) {
				const start = payload.issues.length;
				ch._zod.check(payload);
				payload.issues[start].continue = false;
				attachSchema(payload.issues, start, inst);
				return payload;
			}
		}
		return parse(payload, ctx);
	};
}
var arraySize = (input) => Array.isArray(input) ? input.length : -1;
function handleArrayResult(result, final, index) {
	if (result.issues.length) final.issues.push(...prefixIssues(index, result.issues));
	final.value[index] = result.value;
}
var $ZodArray = /*@__PURE__*/ $constructor("$ZodArray", (inst, def) => {
	$ZodType.init(inst, def);
	const memo = globalConfig.memoizer;
	memo?.attach(inst);
	inst._zod.parse = (payload, ctx) => {
		const input = payload.value;
		if (!Array.isArray(input)) {
			payload.issues.push({
				expected: "array",
				code: "invalid_type",
				input,
				inst
			});
			return payload;
		}
		payload.value = memo ? memo.alloc(inst, payload, Array(input.length), ctx) : Array(input.length);
		const proms = [];
		const abortEarly = ctx?.abortEarly;
		for (let i = 0; i < input.length; i++) {
			const item = input[i];
			const result = def.element._zod.run({
				value: item,
				issues: []
			}, ctx);
			if (result instanceof Promise) proms.push(result.then((result) => handleArrayResult(result, payload, i)));
			else {
				handleArrayResult(result, payload, i);
				if (abortEarly && result.issues.length !== 0 && aborted(result)) break;
			}
		}
		if (proms.length) return Promise.all(proms).then(() => payload);
		return payload;
	};
	capSize(inst, arraySize);
});
function handlePropertyResult(result, final, key, input, optin, optout) {
	const isPresent = key in input;
	const isOptionalOut = optout === "optional";
	if (!isPresent && isOptionalOut && optin === "optional") return;
	if (result.issues.length) {
		if (optin !== void 0 && isOptionalOut && !isPresent) return;
		final.issues.push(...prefixIssues(key, result.issues));
	}
	if (!isPresent && optin === void 0) {
		if (!result.issues.length) final.issues.push({
			code: "invalid_type",
			expected: "nonoptional",
			input: void 0,
			path: [key]
		});
		return;
	}
	if (result.value === void 0) {
		if (isPresent || optin === "defaulted" && !isOptionalOut) final.value[key] = void 0;
	} else final.value[key] = result.value;
}
var NO_SYMBOL_KEYS = [];
function normalizeDef(def) {
	const keys = Object.keys(def.shape);
	const ownSymbols = Object.getOwnPropertySymbols(def.shape);
	const symbolKeys = ownSymbols.length ? ownSymbols : NO_SYMBOL_KEYS;
	const allKeys = symbolKeys.length ? [...keys, ...symbolKeys] : keys;
	for (const k of allKeys) if (!def.shape?.[k]?._zod?.traits?.has("$ZodType")) throw new Error(`Invalid element at key "${String(k)}": expected a Zod schema`);
	const okeys = optionalKeys(def.shape);
	return {
		...def,
		allKeys,
		symbolKeys,
		keySet: new Set(keys),
		numKeys: keys.length,
		optionalKeys: new Set(okeys)
	};
}
function handleCatchall(proms, input, payload, ctx, def, inst, abortEarly) {
	const unrecognized = [];
	const keySet = def.keySet;
	const _catchall = def.catchall._zod;
	const t = _catchall.def.type;
	const optin = _catchall.optin;
	const optout = _catchall.optout;
	let seen = 0;
	for (const key in input) {
		if (abortEarly && payload.issues.length !== seen) {
			if (aborted(payload, seen)) break;
			seen = payload.issues.length;
		}
		if (keySet.has(key)) continue;
		if (key === "__proto__") {
			if (t === "never") unrecognized.push(key);
			continue;
		}
		if (t === "never") {
			unrecognized.push(key);
			continue;
		}
		const r = _catchall.run({
			value: input[key],
			issues: []
		}, ctx);
		if (r instanceof Promise) proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
		else handlePropertyResult(r, payload, key, input, optin, optout);
	}
	if (unrecognized.length) payload.issues.push({
		code: "unrecognized_keys",
		keys: unrecognized,
		input,
		inst,
		continue: true
	});
	if (!proms.length) return payload;
	return Promise.all(proms).then(() => {
		return payload;
	});
}
var $ZodObject = /*@__PURE__*/ $constructor("$ZodObject", (inst, def) => {
	$ZodType.init(inst, def);
	const desc = Object.getOwnPropertyDescriptor(def, "shape");
	const sh = desc?.get ? desc.get.raw : def.shape ?? {};
	if (sh) {
		const get = () => {
			const newSh = { ...sh };
			Object.defineProperty(def, "shape", { value: newSh });
			get.raw = newSh;
			return newSh;
		};
		get.raw = sh;
		Object.defineProperty(def, "shape", { get });
	}
	const _normalized = cached(() => normalizeDef(def));
	defineLazyInternal(inst, "propValues", (zod) => {
		const shape = zod.def.shape;
		const propValues = {};
		for (const key in shape) {
			const field = shape[key]._zod;
			if (field.values) {
				if (!Object.prototype.hasOwnProperty.call(propValues, key)) assignProp(propValues, key, /* @__PURE__ */ new Set());
				for (const v of field.values) propValues[key].add(v);
				if (field.optin !== void 0) propValues[key].add(void 0);
			}
		}
		return propValues;
	});
	const isObject$1 = isObject;
	const catchall = def.catchall;
	let value;
	const memo = globalConfig.memoizer;
	memo?.attach(inst);
	inst._zod.parse = (payload, ctx) => {
		value ?? (value = _normalized.value);
		const input = payload.value;
		if (!isObject$1(input)) {
			payload.issues.push({
				expected: "object",
				code: "invalid_type",
				input,
				inst
			});
			return payload;
		}
		payload.value = memo ? memo.alloc(inst, payload, {}, ctx) : {};
		const proms = [];
		const shape = value.shape;
		const abortEarly = ctx?.abortEarly;
		let seen = payload.issues.length;
		for (const key of value.allKeys) {
			if (abortEarly && payload.issues.length !== seen) {
				if (aborted(payload, seen)) break;
				seen = payload.issues.length;
			}
			if (key === "__proto__") continue;
			const el = shape[key];
			const optin = el._zod.optin;
			const optout = el._zod.optout;
			const r = el._zod.run({
				value: input[key],
				issues: []
			}, ctx);
			if (r instanceof Promise) proms.push(r.then((r) => handlePropertyResult(r, payload, key, input, optin, optout)));
			else handlePropertyResult(r, payload, key, input, optin, optout);
		}
		if (!catchall) return proms.length ? Promise.all(proms).then(() => payload) : payload;
		return handleCatchall(proms, input, payload, ctx, _normalized.value, inst, abortEarly === true);
	};
});
function handleUnionResults(results, final, inst, ctx) {
	for (const result of results) if (result.issues.length === 0) {
		final.value = result.value;
		return final;
	}
	const nonaborted = results.filter((r) => !aborted(r));
	if (nonaborted.length === 1) {
		final.value = nonaborted[0].value;
		return nonaborted[0];
	}
	final.issues.push({
		code: "invalid_union",
		input: final.value,
		inst,
		errors: results.map((result) => result.issues.map((iss) => finalizeIssue(iss, ctx, config())))
	});
	return final;
}
var $ZodUnion = /*@__PURE__*/ $constructor("$ZodUnion", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "optin", (zod) => zod.def.options.some((o) => o._zod.optin === "defaulted") ? "defaulted" : zod.def.options.some((o) => o._zod.optin !== void 0) ? "optional" : void 0);
	defineLazyInternal(inst, "optout", (zod) => zod.def.options.some((o) => o._zod.optout === "optional") ? "optional" : void 0);
	defineLazyInternal(inst, "values", (zod) => {
		if (zod.def.options.every((o) => o._zod.values)) return new Set(zod.def.options.flatMap((option) => Array.from(option._zod.values)));
	});
	defineLazyInternal(inst, "pattern", (zod) => {
		if (zod.def.options.every((o) => o._zod.pattern)) {
			const patterns = zod.def.options.map((o) => o._zod.pattern);
			return new RegExp(`^(${patterns.map((p) => cleanRegex(p.source)).join("|")})$`);
		}
	});
	const first = def.options.length === 1 ? def.options[0]._zod.run : null;
	inst._zod.parse = (payload, ctx) => {
		if (first) return first(payload, ctx);
		let async = false;
		const results = [];
		for (const option of def.options) {
			const result = option._zod.run({
				value: payload.value,
				issues: []
			}, ctx);
			if (result instanceof Promise) {
				results.push(result);
				async = true;
			} else {
				if (result.issues.length === 0) return result;
				results.push(result);
			}
		}
		if (!async) return handleUnionResults(results, payload, inst, ctx);
		return Promise.all(results).then((results) => {
			return handleUnionResults(results, payload, inst, ctx);
		});
	};
});
function discriminatorMap(def) {
	const map = /* @__PURE__ */ new Map();
	for (const option of def.options) {
		const values = option._zod.propValues?.[def.discriminator];
		if (!values || values.size === 0) throw new Error(`Invalid discriminated union option at index "${def.options.indexOf(option)}"`);
		for (const value of values) if (map.has(value)) {
			if (value !== void 0) throw new Error(`Duplicate discriminator value "${String(value)}"`);
			map.set(value, null);
		} else map.set(value, option);
	}
	return map;
}
var $ZodDiscriminatedUnion = /*@__PURE__*/ $constructor("$ZodDiscriminatedUnion", (inst, def) => {
	def.inclusive = false;
	$ZodUnion.init(inst, def);
	const _super = inst._zod.parse;
	defineLazyInternal(inst, "propValues", (zod) => {
		const propValues = {};
		let undefinedCount = 0;
		for (const option of zod.def.options) {
			const pv = option._zod.propValues;
			if (!pv || Object.keys(pv).length === 0) throw new Error(`Invalid discriminated union option at index "${zod.def.options.indexOf(option)}"`);
			if (pv[zod.def.discriminator]?.has(void 0)) undefinedCount++;
			for (const [k, v] of Object.entries(pv)) {
				if (!Object.prototype.hasOwnProperty.call(propValues, k)) assignProp(propValues, k, /* @__PURE__ */ new Set());
				for (const val of v) propValues[k].add(val);
			}
		}
		if (!zod.def.unionFallback && undefinedCount > 1) propValues[zod.def.discriminator]?.delete(void 0);
		return propValues;
	});
	def.options.forEach((option, i) => {
		const propShape = rawShape(option._zod.def);
		if (propShape && !Object.prototype.hasOwnProperty.call(propShape, def.discriminator)) throw new Error(`Invalid discriminated union option at index "${i}"`);
	});
	const disc = cached(() => discriminatorMap(def));
	inst._zod.parse = (payload, ctx) => {
		const input = payload.value;
		if (!isObject(input)) {
			payload.issues.push({
				code: "invalid_type",
				expected: "object",
				input,
				inst
			});
			return payload;
		}
		const value = input?.[def.discriminator];
		const opt = disc.value.get(value);
		if (opt && (value !== void 0 || ctx.direction !== "backward")) return opt._zod.run(payload, ctx);
		if (def.unionFallback || ctx.direction === "backward") return _super(payload, ctx);
		payload.issues.push({
			code: "invalid_union",
			errors: [],
			note: "No matching discriminator",
			discriminator: def.discriminator,
			options: Array.from(disc.value.keys()).filter((value) => disc.value.get(value) !== null),
			input,
			path: [def.discriminator],
			inst
		});
		return payload;
	};
});
var $ZodEnum = /*@__PURE__*/ $constructor("$ZodEnum", (inst, def) => {
	$ZodType.init(inst, def);
	const values = getEnumValues(def.entries);
	const valuesSet = new Set(values);
	inst._zod.values = valuesSet;
	defineLazyInternal(inst, "pattern", (zod) => {
		const patternValues = getEnumValues(zod.def.entries).filter((k) => propertyKeyTypes.has(typeof k));
		return new RegExp(patternValues.length ? `^(${patternValues.map((o) => escapeRegex(o.toString())).join("|")})$` : "^[^\\s\\S]$");
	});
	inst._zod.parse = (payload, _ctx) => {
		const input = payload.value;
		if (valuesSet.has(input)) return payload;
		payload.issues.push({
			code: "invalid_value",
			values,
			input,
			inst
		});
		return payload;
	};
});
var $ZodLiteral = /*@__PURE__*/ $constructor("$ZodLiteral", (inst, def) => {
	$ZodType.init(inst, def);
	const values = new Set(def.values);
	inst._zod.values = values;
	defineLazyInternal(inst, "pattern", (zod) => {
		const vals = zod.def.values;
		return new RegExp(vals.length ? `^(${vals.map((o) => typeof o === "string" ? escapeRegex(o) : o ? escapeRegex(o.toString()) : String(o)).join("|")})$` : "^[^\\s\\S]$");
	});
	inst._zod.parse = (payload, _ctx) => {
		const input = payload.value;
		if (values.has(input)) return payload;
		payload.issues.push({
			code: "invalid_value",
			values: def.values,
			input,
			inst
		});
		return payload;
	};
});
function handleOptionalResult(payload, result) {
	payload.value = result.issues.length ? void 0 : result.value;
	return payload;
}
var $ZodOptional = /*@__PURE__*/ $constructor("$ZodOptional", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin === "defaulted" ? "defaulted" : "optional");
	inst._zod.optout = "optional";
	defineLazyInternal(inst, "values", (zod) => {
		const values = zod.def.innerType._zod.values;
		return values ? /* @__PURE__ */ new Set([...values, void 0]) : void 0;
	});
	defineLazyInternal(inst, "pattern", (zod) => {
		const pattern = zod.def.innerType._zod.pattern;
		return pattern ? new RegExp(`^(${cleanRegex(pattern.source)})?$`) : void 0;
	});
	inst._zod.parse = (payload, ctx) => {
		if (payload.value === void 0) {
			if (def.innerType._zod.optin !== "defaulted") return payload;
			const result = def.innerType._zod.run({
				value: payload.value,
				issues: []
			}, ctx);
			if (result instanceof Promise) return result.then((result) => handleOptionalResult(payload, result));
			return handleOptionalResult(payload, result);
		}
		return def.innerType._zod.run(payload, ctx);
	};
});
var $ZodNullable = /*@__PURE__*/ $constructor("$ZodNullable", (inst, def) => {
	$ZodType.init(inst, def);
	defineLazyInternal(inst, "optin", (zod) => zod.def.innerType._zod.optin);
	defineLazyInternal(inst, "optout", (zod) => zod.def.innerType._zod.optout);
	defineLazyInternal(inst, "pattern", (zod) => {
		const pattern = zod.def.innerType._zod.pattern;
		return pattern ? new RegExp(`^(${cleanRegex(pattern.source)}|null)$`) : void 0;
	});
	defineLazyInternal(inst, "values", (zod) => {
		return zod.def.innerType._zod.values ? /* @__PURE__ */ new Set([...zod.def.innerType._zod.values, null]) : void 0;
	});
	inst._zod.parse = (payload, ctx) => {
		if (payload.value === null) return payload;
		return def.innerType._zod.run(payload, ctx);
	};
});
var $ZodCustom = /*@__PURE__*/ $constructor("$ZodCustom", (inst, def) => {
	$ZodCheck.init(inst, def);
	$ZodType.init(inst, def);
	inst._zod.parse = (payload, _) => {
		return payload;
	};
	inst._zod.check = (payload) => {
		const input = payload.value;
		const r = def.fn(input);
		if (r instanceof Promise) return r.then((r) => handleRefineResult(r, payload, input, inst));
		handleRefineResult(r, payload, input, inst);
	};
});
function handleRefineResult(result, payload, input, inst) {
	if (!result) {
		const _iss = {
			code: "custom",
			input,
			inst,
			path: [...inst._zod.def.path ?? []],
			continue: !inst._zod.def.abort
		};
		if (inst._zod.def.params) _iss.params = inst._zod.def.params;
		payload.issues.push(issue(_iss));
	}
}
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/core/api.js
function snapshotChecks(def) {
	if (def.checks) def.checks = [...def.checks];
	return def;
}
// @__NO_SIDE_EFFECTS__
function _string(Class, params) {
	return new Class(snapshotChecks({
		type: "string",
		...normalizeParams(params)
	}));
}
// @__NO_SIDE_EFFECTS__
function _coercedNumber(Class, params) {
	return new Class(snapshotChecks({
		type: "number",
		coerce: true,
		checks: [],
		...normalizeParams(params)
	}));
}
// @__NO_SIDE_EFFECTS__
function _int(Class, params) {
	return new Class({
		type: "number",
		check: "number_format",
		abort: false,
		format: "safeint",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _boolean(Class, params) {
	return new Class({
		type: "boolean",
		...normalizeParams(params)
	});
}
// @__NO_SIDE_EFFECTS__
function _lte(value, params) {
	return new $ZodCheckLessThan({
		check: "less_than",
		...normalizeParams(params),
		value,
		inclusive: true
	});
}
// @__NO_SIDE_EFFECTS__
function _gte(value, params) {
	return new $ZodCheckGreaterThan({
		check: "greater_than",
		...normalizeParams(params),
		value,
		inclusive: true
	});
}
// @__NO_SIDE_EFFECTS__
function _nonnegative(params) {
	return /* @__PURE__ */ _gte(0, params);
}
// @__NO_SIDE_EFFECTS__
function _maxLength(maximum, params) {
	return new $ZodCheckMaxLength({
		check: "max_length",
		...normalizeParams(params),
		maximum
	});
}
// @__NO_SIDE_EFFECTS__
function _minLength(minimum, params) {
	return new $ZodCheckMinLength({
		check: "min_length",
		...normalizeParams(params),
		minimum
	});
}
// @__NO_SIDE_EFFECTS__
function _regex(pattern, params) {
	return new $ZodCheckRegex({
		check: "string_format",
		format: "regex",
		...normalizeParams(params),
		pattern
	});
}
// @__NO_SIDE_EFFECTS__
function _overwrite(tx) {
	return new $ZodCheckOverwrite({
		check: "overwrite",
		tx
	});
}
// @__NO_SIDE_EFFECTS__
function _trim() {
	return /* @__PURE__ */ _overwrite((input) => input.trim());
}
// @__NO_SIDE_EFFECTS__
function _refine(Class, fn, _params) {
	return new Class({
		type: "custom",
		check: "custom",
		fn,
		...normalizeParams(_params)
	});
}
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/mini/schemas.js
var ZodMiniType = /*@__PURE__*/ $constructor("ZodMiniType", (inst, def) => {
	if (!inst._zod) throw new Error("Uninitialized schema in ZodMiniType.");
	$ZodType.init(inst, def);
	inst.def = def;
	inst.type = def.type;
}, {
	get with() {
		return this.check;
	},
	set with(value) {
		own(this, "with", value);
	},
	parse(data, params) {
		return parse(this, data, params, { callee: this.parse });
	},
	parseAsync(data, params) {
		return parseAsync(this, data, params, { callee: this.parseAsync });
	},
	safeParse(data, params) {
		return safeParse(this, data, params);
	},
	safeParseAsync(data, params) {
		return safeParseAsync(this, data, params);
	},
	check(...checks) {
		const def = this.def;
		return this.clone({
			...def,
			checks: [...def.checks ?? [], ...checks.map((ch) => typeof ch === "function" ? { _zod: {
				check: ch,
				def: { check: "custom" },
				onattach: []
			} } : ch)]
		}, { parent: true });
	},
	clone(_def, params) {
		return clone(this, _def, params);
	},
	brand() {
		return this;
	},
	register(reg, meta) {
		reg.add(this, meta);
		return this;
	},
	apply(fn, ...args) {
		return args.length === 0 ? fn(this) : fn(this, ...args);
	}
});
var ZodMiniString = /*@__PURE__*/ $constructor("ZodMiniString", (inst, def) => {
	$ZodString.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function string(params) {
	return /* @__PURE__ */ _string(ZodMiniString, params);
}
var ZodMiniNumber = /*@__PURE__*/ $constructor("ZodMiniNumber", (inst, def) => {
	$ZodNumber.init(inst, def);
	ZodMiniType.init(inst, def);
});
var ZodMiniNumberFormat = /*@__PURE__*/ $constructor("ZodMiniNumberFormat", (inst, def) => {
	$ZodNumberFormat.init(inst, def);
	ZodMiniNumber.init(inst, def);
});
function int(params) {
	return /* @__PURE__ */ _int(ZodMiniNumberFormat, params);
}
var ZodMiniBoolean = /*@__PURE__*/ $constructor("ZodMiniBoolean", (inst, def) => {
	$ZodBoolean.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function boolean(params) {
	return /* @__PURE__ */ _boolean(ZodMiniBoolean, params);
}
var ZodMiniArray = /*@__PURE__*/ $constructor("ZodMiniArray", (inst, def) => {
	$ZodArray.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function array(element, params) {
	return new ZodMiniArray({
		type: "array",
		element,
		...normalizeParams(params)
	});
}
var ZodMiniObject = /*@__PURE__*/ $constructor("ZodMiniObject", (inst, def) => {
	$ZodObject.init(inst, def);
	ZodMiniType.init(inst, def);
	installLazyProp(inst, "shape", (self) => self._zod.def.shape, false);
});
// @__NO_SIDE_EFFECTS__
function object(shape, params) {
	return new ZodMiniObject({
		type: "object",
		shape: shape ?? {},
		...normalizeParams(params)
	});
}
var ZodMiniDiscriminatedUnion = /*@__PURE__*/ $constructor("ZodMiniDiscriminatedUnion", (inst, def) => {
	$ZodDiscriminatedUnion.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function discriminatedUnion(discriminator, options, params) {
	return new ZodMiniDiscriminatedUnion({
		type: "union",
		options,
		discriminator,
		...normalizeParams(params)
	});
}
var ZodMiniEnum = /*@__PURE__*/ $constructor("ZodMiniEnum", (inst, def) => {
	$ZodEnum.init(inst, def);
	ZodMiniType.init(inst, def);
	inst.options = [...inst._zod.values];
});
// @__NO_SIDE_EFFECTS__
function _enum(values, params) {
	return new ZodMiniEnum({
		type: "enum",
		entries: Array.isArray(values) ? Object.fromEntries(values.map((v) => [v, v])) : values,
		...normalizeParams(params)
	});
}
var ZodMiniLiteral = /*@__PURE__*/ $constructor("ZodMiniLiteral", (inst, def) => {
	$ZodLiteral.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function literal(value, params) {
	return new ZodMiniLiteral({
		type: "literal",
		values: Array.isArray(value) ? value : [value],
		...normalizeParams(params)
	});
}
var ZodMiniOptional = /*@__PURE__*/ $constructor("ZodMiniOptional", (inst, def) => {
	$ZodOptional.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function optional(innerType) {
	return new ZodMiniOptional({
		type: "optional",
		innerType
	});
}
var ZodMiniNullable = /*@__PURE__*/ $constructor("ZodMiniNullable", (inst, def) => {
	$ZodNullable.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function nullable(innerType) {
	return new ZodMiniNullable({
		type: "nullable",
		innerType
	});
}
var ZodMiniCustom = /*@__PURE__*/ $constructor("ZodMiniCustom", (inst, def) => {
	$ZodCustom.init(inst, def);
	ZodMiniType.init(inst, def);
});
// @__NO_SIDE_EFFECTS__
function refine(fn, _params = {}) {
	return /* @__PURE__ */ _refine(ZodMiniCustom, fn, _params);
}
// node_modules/.pnpm/zod@4.6.7/node_modules/zod/v4/mini/coerce.js
// @__NO_SIDE_EFFECTS__
function number(params) {
	return /* @__PURE__ */ _coercedNumber(ZodMiniNumber, params);
}
// packages/protocol/src/limits.ts
/** Product rules from the specification. Server enforces; UI mirrors. */
var limits = {
	messageTextMax: 4096,
	historyPageMax: 100,
	eventsPageMax: 500,
	editWindowMs: 864e5,
	forwardMaxChats: 12,
	/** Messages deleted in one request. */
	deleteBatchMax: 100,
	/** Different emoji on one message. */
	reactionsPerMessageMax: 20,
	foldersMax: 15,
	folderTitleMax: 32,
	chatTitleMax: 128,
	/** People in a group chat created or extended at once. */
	chatAddMax: 200,
	/** Someone typing is shown this long after their last keystroke signal. */
	typingTtlMs: 6e3,
	/** Read positions, confirmations and typing go out at most once per chat per this interval. */
	receiptsBatchMs: 1e3,
	/** Characters of the quoted text a reply carries. */
	replyPreviewMax: 200,
	fileMaxBytes: 4 * 1024 ** 3,
	collectionFileMaxBytes: 200 * 1024 ** 2,
	inviteLinkMaxDays: 14,
	inviteLinkMaxUses: 100,
	inviteLinksPerOrgPerDay: 50,
	alphabeticalMembersMax: 100,
	callParticipantsMax: 2e3,
	teacherMinAge: 18
};
// packages/protocol/src/entities.ts
var Id = (/* @__PURE__ */ string()).check(/* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(64));
/** ISO-8601 timestamps on the wire; the server is the clock. */
var Timestamp = /* @__PURE__ */ string();
var UserSummary = /* @__PURE__ */ object({
	id: Id,
	surname: /* @__PURE__ */ string(),
	name: /* @__PURE__ */ string(),
	patronymic: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
	/** Holds a staff role somewhere: shown with the "verified" mark and patronymic. */
	verified: /* @__PURE__ */ boolean(),
	avatarUrl: /* @__PURE__ */ nullable(/* @__PURE__ */ string())
});
var Organisation = /* @__PURE__ */ object({
	id: Id,
	type: /* @__PURE__ */ _enum(orgTypes),
	name: /* @__PURE__ */ string()
});
var Membership = /* @__PURE__ */ object({
	orgId: Id,
	roles: /* @__PURE__ */ array(/* @__PURE__ */ _enum(roles)),
	/** A student's class. */
	classId: /* @__PURE__ */ nullable(Id),
	/** Classes this member leads as class teacher. */
	leadClassIds: /* @__PURE__ */ array(Id),
	position: /* @__PURE__ */ nullable(/* @__PURE__ */ string())
});
var SchoolClass = /* @__PURE__ */ object({
	id: Id,
	orgId: Id,
	number: int(),
	letter: /* @__PURE__ */ string(),
	title: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
	academicYear: /* @__PURE__ */ string(),
	color: /* @__PURE__ */ string(),
	archived: /* @__PURE__ */ boolean()
});
var ChatKind = /* @__PURE__ */ _enum([
	"direct",
	"group",
	"class",
	"parents",
	"teachers_room",
	"channel",
	"saved"
]);
var ChatMemberRole = /* @__PURE__ */ _enum([
	"owner",
	"admin",
	"member"
]);
var MessageText = (/* @__PURE__ */ string()).check(/* @__PURE__ */ _maxLength(limits.messageTextMax));
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(16), /* @__PURE__ */ _regex(/^\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\ufe0f)*(?:\u200d\p{Extended_Pictographic}(?:\p{Emoji_Modifier}|\ufe0f)*)*$/u, "one emoji"));
/** Who reacted with which emoji, in the order each emoji was first used. */
var Reactions = /* @__PURE__ */ array(/* @__PURE__ */ object({
	emoji: /* @__PURE__ */ string(),
	userIds: /* @__PURE__ */ array(Id)
}));
/** Badges a teacher or a chat administrator gives a member (SPEC §5, «Хочу всё знать»). */
var awardBadges = [
	"curious",
	"helper",
	"star",
	"creative",
	"leader"
];
var AwardBadge = /* @__PURE__ */ _enum(awardBadges);
/** The message a reply quotes, as much of it as the reply shows. */
var ReplyPreview = /* @__PURE__ */ object({
	id: Id,
	seq: int(),
	author: UserSummary,
	/** The start of the quoted text; empty once that message is deleted. */
	text: /* @__PURE__ */ string(),
	deleted: /* @__PURE__ */ boolean()
});
/** Where a forwarded message came from. */
var ForwardedFrom = /* @__PURE__ */ object({
	author: UserSummary,
	/** The source chat's title, shown only to members of that chat; null otherwise. */
	chatTitle: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
	createdAt: Timestamp
});
/** A message that asks its readers to confirm they read it: the counts everyone sees, and one's own state. */
var Confirmation = /* @__PURE__ */ object({
	confirmed: int(),
	/** Members who were asked: everyone in the chat but the sender. */
	total: int(),
	byMe: /* @__PURE__ */ boolean()
});
var Message = /* @__PURE__ */ object({
	id: Id,
	chatId: Id,
	/** Per-chat sequence number of the event that created this message. */
	seq: int(),
	author: UserSummary,
	/** The sender's idempotency key: a retried send with the same key never doubles. */
	clientKey: /* @__PURE__ */ string(),
	text: /* @__PURE__ */ string(),
	replyToId: /* @__PURE__ */ nullable(Id),
	createdAt: Timestamp,
	editedAt: /* @__PURE__ */ nullable(Timestamp),
	deletedAt: /* @__PURE__ */ nullable(Timestamp),
	/** Absent on messages nobody has reacted to. */
	reactions: /* @__PURE__ */ optional(Reactions),
	/** The quoted message of a reply. */
	replyTo: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(ReplyPreview)),
	forwardedFrom: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(ForwardedFrom)),
	pinned: /* @__PURE__ */ optional(/* @__PURE__ */ boolean()),
	/** The reader's own "important" mark. */
	important: /* @__PURE__ */ optional(/* @__PURE__ */ boolean()),
	/** Present when the sender asked for read confirmation. */
	confirmation: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(Confirmation)),
	/** When a disappearing message is deleted for everyone. */
	expiresAt: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(Timestamp)),
	/** An award given to a member; the text is the giver's note. */
	award: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(/* @__PURE__ */ object({
		badge: AwardBadge,
		recipient: UserSummary
	})))
});
/** Timers for disappearing messages, in seconds: half a minute, an hour, a day, a week. */
var disappearTimers = [
	30,
	3600,
	86400,
	604800
];
/** Who may do what in a group chat besides its administrators (SPEC §4 moderation). */
var ChatSettings = /* @__PURE__ */ object({
	onlyAdminsWrite: /* @__PURE__ */ boolean(),
	membersMayInvite: /* @__PURE__ */ boolean(),
	membersMayPin: /* @__PURE__ */ boolean(),
	membersMayEditInfo: /* @__PURE__ */ boolean(),
	/** Seconds after which new messages are deleted for everyone; null: they stay. */
	disappearAfterSec: /* @__PURE__ */ nullable(int())
});
var ChatSummary = /* @__PURE__ */ object({
	id: Id,
	orgId: /* @__PURE__ */ nullable(Id),
	kind: ChatKind,
	title: /* @__PURE__ */ string(),
	avatarUrl: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
	memberCount: int(),
	myRole: ChatMemberRole,
	onlyAdminsWrite: /* @__PURE__ */ boolean(),
	/** Sequence number of the latest event in the chat. */
	lastSeq: int(),
	/** The last event this member has read. */
	readSeq: int(),
	unreadCount: int(),
	muted: /* @__PURE__ */ boolean(),
	lastMessage: /* @__PURE__ */ nullable(Message),
	/** The member's own list state: pinned to the top (when), archived. */
	pinnedAt: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(Timestamp)),
	archived: /* @__PURE__ */ optional(/* @__PURE__ */ boolean()),
	settings: /* @__PURE__ */ optional(ChatSettings),
	/** The other person of a one-to-one chat. */
	peer: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(UserSummary)),
	/** The latest pinned message, shown above the thread. */
	pinnedMessage: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(Message)),
	/** The highest read position among the other members: one's own messages up to it show ✓✓. */
	othersReadSeq: /* @__PURE__ */ optional(int())
});
/**
* Everything that changes a chat is an event with the chat's next sequence
* number, so a client that was away asks for "everything after N" and gets
* exactly what it missed, edits and deletions included.
*/
var ChatEvent = /* @__PURE__ */ discriminatedUnion("kind", [
	/* @__PURE__ */ object({
		kind: /* @__PURE__ */ literal("message.created"),
		chatId: Id,
		seq: int(),
		at: Timestamp,
		message: Message
	}),
	/* @__PURE__ */ object({
		kind: /* @__PURE__ */ literal("message.edited"),
		chatId: Id,
		seq: int(),
		at: Timestamp,
		messageId: Id,
		text: /* @__PURE__ */ string()
	}),
	/* @__PURE__ */ object({
		kind: /* @__PURE__ */ literal("message.deleted"),
		chatId: Id,
		seq: int(),
		at: Timestamp,
		messageId: Id
	}),
	/* @__PURE__ */ object({
		kind: /* @__PURE__ */ literal("message.reactions"),
		chatId: Id,
		seq: int(),
		at: Timestamp,
		messageId: Id,
		reactions: Reactions
	}),
	/* @__PURE__ */ object({
		kind: /* @__PURE__ */ literal("message.pinned"),
		chatId: Id,
		seq: int(),
		at: Timestamp,
		messageId: Id,
		pinned: /* @__PURE__ */ boolean()
	}),
	/* @__PURE__ */ object({
		kind: /* @__PURE__ */ literal("chat.updated"),
		chatId: Id,
		seq: int(),
		at: Timestamp,
		title: /* @__PURE__ */ string(),
		avatarUrl: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
		memberCount: int(),
		settings: ChatSettings
	})
]);
// packages/protocol/src/api.ts
var enc$1 = encodeURIComponent;
/** Every HTTP route of the reference server, relative to its base URL. */
var routes = {
	me: "/api/v1/me",
	chats: "/api/v1/chats",
	messages: (chatId) => `/api/v1/chats/${encodeURIComponent(chatId)}/messages`,
	events: (chatId) => `/api/v1/chats/${encodeURIComponent(chatId)}/events`,
	callToken: (chatId) => `/api/v1/chats/${encodeURIComponent(chatId)}/call`,
	read: (chatId) => `/api/v1/chats/${encodeURIComponent(chatId)}/read`,
	message: (chatId, messageId) => `/api/v1/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}`,
	reaction: (chatId, messageId, emoji) => `/api/v1/chats/${encodeURIComponent(chatId)}/messages/${encodeURIComponent(messageId)}/reactions/${encodeURIComponent(emoji)}`,
	deleteMessages: (chatId) => `/api/v1/chats/${encodeURIComponent(chatId)}/messages/delete`,
	socket: "/api/v1/socket",
	devSignIn: "/api/v1/dev/sign-in",
	devUsers: "/api/v1/dev/users",
	devMailbox: "/api/v1/dev/mailbox",
	authCode: "/api/v1/auth/code",
	authVerify: "/api/v1/auth/verify",
	authRefresh: "/api/v1/auth/refresh",
	oidcStart: "/api/v1/auth/oidc/start",
	oidcCallback: "/api/v1/auth/oidc/callback",
	myRequests: "/api/v1/me/requests",
	myChildConfirm: (childId) => `/api/v1/me/children/${enc$1(childId)}/confirm`,
	contacts: "/api/v1/contacts",
	organisations: "/api/v1/orgs",
	organisation: (orgId) => `/api/v1/orgs/${enc$1(orgId)}`,
	orgCounters: (orgId) => `/api/v1/orgs/${enc$1(orgId)}/counters`,
	orgAdmins: (orgId, userId) => `/api/v1/orgs/${enc$1(orgId)}/admins${userId ? `/${enc$1(userId)}` : ""}`,
	orgMembers: (orgId) => `/api/v1/orgs/${enc$1(orgId)}/members`,
	orgMember: (orgId, userId) => `/api/v1/orgs/${enc$1(orgId)}/members/${enc$1(userId)}`,
	classes: (orgId) => `/api/v1/orgs/${enc$1(orgId)}/classes`,
	class: (orgId, classId) => `/api/v1/orgs/${enc$1(orgId)}/classes/${enc$1(classId)}`,
	invites: (orgId) => `/api/v1/orgs/${enc$1(orgId)}/invites`,
	invite: (orgId, code) => `/api/v1/orgs/${enc$1(orgId)}/invites/${enc$1(code)}`,
	joinRequests: (orgId) => `/api/v1/orgs/${enc$1(orgId)}/requests`,
	verifications: (orgId) => `/api/v1/orgs/${enc$1(orgId)}/verifications`,
	invitePreview: (code) => `/api/v1/invites/${enc$1(code)}`,
	inviteRequest: (code) => `/api/v1/invites/${enc$1(code)}/request`,
	joinRequestAction: (requestId, action) => `/api/v1/requests/${enc$1(requestId)}/${action}`,
	requestVerification: "/api/v1/verifications",
	verificationAction: (requestId, action) => `/api/v1/verifications/${enc$1(requestId)}/${action}`,
	health: "/health"
};
var MeResponse = /* @__PURE__ */ object({
	user: UserSummary,
	/** The user's own profile, which only they (and nobody searching) see. */
	profile: /* @__PURE__ */ object({
		patronymic: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
		sex: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
		birthDate: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
		phone: /* @__PURE__ */ nullable(/* @__PURE__ */ string()),
		email: /* @__PURE__ */ nullable(/* @__PURE__ */ string())
	}),
	organisations: /* @__PURE__ */ array(/* @__PURE__ */ object({
		organisation: Organisation,
		membership: Membership
	})),
	/**
	* The organisation whose site's embed token asked, which is the only one that
	* token may act for; null for Parta's own tokens, which act for all of them.
	*/
	site: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(Id))
});
var ChatsResponse = /* @__PURE__ */ object({ chats: /* @__PURE__ */ array(ChatSummary) });
(/* @__PURE__ */ number()).check(int(), /* @__PURE__ */ _nonnegative());
var LimitParam = (max) => (/* @__PURE__ */ number()).check(int(), /* @__PURE__ */ _gte(1), /* @__PURE__ */ _lte(max));
LimitParam(limits.historyPageMax);
var HistoryResponse = /* @__PURE__ */ object({
	messages: /* @__PURE__ */ array(Message),
	/** True when older messages exist before the first one returned. */
	hasMore: /* @__PURE__ */ boolean(),
	/** For `after` and `around` pages: newer messages exist after the last one returned. */
	hasNewer: /* @__PURE__ */ optional(/* @__PURE__ */ boolean())
});
LimitParam(limits.eventsPageMax);
var EventsResponse = /* @__PURE__ */ object({
	events: /* @__PURE__ */ array(ChatEvent),
	lastSeq: int(),
	hasMore: /* @__PURE__ */ boolean()
});
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _minLength(8), /* @__PURE__ */ _maxLength(64)), MessageText.check(/* @__PURE__ */ refine((text) => text.trim().length > 0, "text is empty"));
var SendMessageResponse = /* @__PURE__ */ object({ message: Message });
MessageText.check(/* @__PURE__ */ refine((text) => text.trim().length > 0, "text is empty"));
(/* @__PURE__ */ array(Id)).check(/* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(limits.deleteBatchMax));
var DeleteMessagesResponse = /* @__PURE__ */ object({ deleted: /* @__PURE__ */ array(Id) });
var EditMessageResponse = /* @__PURE__ */ object({ event: ChatEvent });
var ReactionResponse = /* @__PURE__ */ object({ reactions: Reactions });
int().check(/* @__PURE__ */ _nonnegative());
var MarkReadResponse = /* @__PURE__ */ object({
	readSeq: int(),
	unreadCount: int()
});
var CallTokenResponse = /* @__PURE__ */ object({
	/** The LiveKit server's WebSocket URL. */
	url: /* @__PURE__ */ string(),
	token: /* @__PURE__ */ string(),
	room: /* @__PURE__ */ string(),
	identity: /* @__PURE__ */ string()
});
// packages/protocol/src/chat.ts
/**
* Chats beyond sending (SPEC §4–5): creating them, their card and members,
* invite links, moderation, the member's own list (pins, archive, folders),
* and what one does with a message besides writing it.
*/
var enc = encodeURIComponent;
var chat = (chatId) => `/api/v1/chats/${enc(chatId)}`;
var message = (chatId, messageId) => `${chat(chatId)}/messages/${enc(messageId)}`;
var chatRoutes = {
	chat,
	chatMembers: (chatId) => `${chat(chatId)}/members`,
	chatMember: (chatId, userId) => `${chat(chatId)}/members/${enc(userId)}`,
	chatMemberRole: (chatId, userId) => `${chat(chatId)}/members/${enc(userId)}/role`,
	/** The member's own state of the chat: muted, pinned, archived. */
	chatMine: (chatId) => `${chat(chatId)}/mine`,
	chatInvite: (chatId) => `${chat(chatId)}/invite`,
	chatInvitePreview: (code) => `/api/v1/chat-invites/${enc(code)}`,
	chatInviteJoin: (code) => `/api/v1/chat-invites/${enc(code)}/join`,
	savedChat: "/api/v1/chats/saved",
	folders: "/api/v1/folders",
	folder: (folderId) => `/api/v1/folders/${enc(folderId)}`,
	pin: (chatId, messageId) => `${message(chatId, messageId)}/pin`,
	pins: (chatId) => `${chat(chatId)}/pins`,
	important: (chatId, messageId) => `${message(chatId, messageId)}/important`,
	importantMessages: "/api/v1/important",
	forward: "/api/v1/forward",
	confirm: (chatId, messageId) => `${message(chatId, messageId)}/confirm`,
	receipts: (chatId, messageId) => `${message(chatId, messageId)}/receipts`,
	awards: (chatId) => `${chat(chatId)}/awards`
};
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _trim(), /* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(limits.chatTitleMax));
(/* @__PURE__ */ array(Id)).check(/* @__PURE__ */ _maxLength(limits.chatAddMax));
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _maxLength(500)), int().check(/* @__PURE__ */ refine((value) => disappearTimers.includes(value), `one of ${disappearTimers.join(", ")} seconds`));
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _maxLength(100)), (/* @__PURE__ */ number()).check(int(), /* @__PURE__ */ _gte(1), /* @__PURE__ */ _lte(500));
(/* @__PURE__ */ array(Id)).check(/* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(limits.chatAddMax));
var FoldersResponse = /* @__PURE__ */ object({ folders: /* @__PURE__ */ array(/* @__PURE__ */ object({
	id: Id,
	title: /* @__PURE__ */ string(),
	chatIds: /* @__PURE__ */ array(Id)
})) });
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _trim(), /* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(limits.folderTitleMax)), (/* @__PURE__ */ array(Id)).check(/* @__PURE__ */ _maxLength(1e3));
(/* @__PURE__ */ array(Id)).check(/* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(limits.deleteBatchMax)), (/* @__PURE__ */ array(Id)).check(/* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(100)), (/* @__PURE__ */ string()).check(/* @__PURE__ */ _minLength(8), /* @__PURE__ */ _maxLength(48));
var ForwardResponse = /* @__PURE__ */ object({ messages: /* @__PURE__ */ array(Message) });
/** `GET receipts`: who has read a message and, when it asks for it, who confirmed. */
var ReceiptsResponse = /* @__PURE__ */ object({
	read: /* @__PURE__ */ array(/* @__PURE__ */ object({ user: UserSummary })),
	unread: /* @__PURE__ */ array(UserSummary),
	/** Present for messages that require read confirmation. */
	confirmation: /* @__PURE__ */ optional(/* @__PURE__ */ object({
		confirmed: /* @__PURE__ */ array(/* @__PURE__ */ object({
			user: UserSummary,
			at: Timestamp
		})),
		pending: /* @__PURE__ */ array(UserSummary)
	}))
});
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _maxLength(500)), (/* @__PURE__ */ string()).check(/* @__PURE__ */ _minLength(8), /* @__PURE__ */ _maxLength(64));
/** `PUT`/`DELETE pin`: the message's pinned state now. */
var PinResponse = /* @__PURE__ */ object({ pinned: /* @__PURE__ */ boolean() });
/** `PUT`/`DELETE important`: the reader's own mark now. */
var ImportantMarkResponse = /* @__PURE__ */ object({ important: /* @__PURE__ */ boolean() });
/** `POST confirm`: the message's counts with the reader's confirmation in them. */
var ConfirmResponse = /* @__PURE__ */ object({ confirmation: Confirmation });
var Text = (max) => (/* @__PURE__ */ string()).check(/* @__PURE__ */ _trim(), /* @__PURE__ */ _minLength(1), /* @__PURE__ */ _maxLength(max));
var OptionalText = (max) => /* @__PURE__ */ optional(/* @__PURE__ */ nullable((/* @__PURE__ */ string()).check(/* @__PURE__ */ _trim(), /* @__PURE__ */ _maxLength(max))));
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _regex(/^\d{4}-\d{2}-\d{2}$/, "a date as YYYY-MM-DD"));
/** `2025/2026`: two consecutive years. */
var AcademicYear = (/* @__PURE__ */ string()).check(/* @__PURE__ */ _regex(/^\d{4}\/\d{4}$/, "an academic year as 2025/2026"), /* @__PURE__ */ refine((value) => Number(value.slice(5)) === Number(value.slice(0, 4)) + 1, "the years must be consecutive"));
var Color = (/* @__PURE__ */ string()).check(/* @__PURE__ */ _regex(/^#[0-9a-fA-F]{6}$/, "a colour as #rrggbb"));
({ ...Organisation.shape });
Text(200), OptionalText(300), OptionalText(300), OptionalText(2e3), OptionalText(500);
Text(200), (/* @__PURE__ */ string()).check(/* @__PURE__ */ _regex(/^(\d{10}|\d{12})$/, "an INN of 10 or 12 digits")), (/* @__PURE__ */ string()).check(/* @__PURE__ */ _regex(/^\d{9}$/, "a KPP of 9 digits")), Text(100), Text(100), OptionalText(100), (/* @__PURE__ */ string()).check(/* @__PURE__ */ _regex(/^\+?\d{10,15}$/, "a phone number of 10 to 15 digits"));
({ ...SchoolClass.shape });
({ ...(/* @__PURE__ */ object({
	number: int().check(/* @__PURE__ */ _gte(0), /* @__PURE__ */ _lte(12)),
	letter: Text(4),
	title: OptionalText(60),
	academicYear: AcademicYear,
	color: /* @__PURE__ */ optional(Color),
	leadUserId: /* @__PURE__ */ optional(/* @__PURE__ */ nullable(Id))
})).shape });
int().check(/* @__PURE__ */ _gte(1), /* @__PURE__ */ _lte(limits.inviteLinkMaxDays)), int().check(/* @__PURE__ */ _gte(1), /* @__PURE__ */ _lte(limits.inviteLinkMaxUses));
Text(120);
Text(100), Text(100), OptionalText(100);
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _trim(), /* @__PURE__ */ refine((value) => /^\+?\d{10,15}$/.test(value.replace(/[\s()-]/g, "")) || /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value), "a phone number or an e-mail address")), (/* @__PURE__ */ string()).check(/* @__PURE__ */ _regex(/^\d{6}$/, "six digits"));
(/* @__PURE__ */ string()).check(/* @__PURE__ */ _maxLength(2e3));
// packages/protocol/src/errors.ts
/**
* Stable error codes. Clients switch on `code`; `message` is for people.
* Never rename a code: hosts and older widgets depend on it.
*/
var ErrorCode = {
	BadRequest: "bad_request",
	Unauthorized: "unauthorized",
	TokenExpired: "token_expired",
	Forbidden: "forbidden",
	NotFound: "not_found",
	NotChatMember: "not_chat_member",
	Conflict: "conflict",
	RateLimited: "rate_limited",
	MessageTooLong: "message_too_long",
	CallsUnavailable: "calls_unavailable",
	/** A product limit (links per day, folders, forward targets) would be exceeded. */
	LimitReached: "limit_reached",
	/** The invite link expired, was revoked or used up. */
	InviteInvalid: "invite_invalid",
	/** The request was already approved, declined or cancelled: decisions are final. */
	AlreadyDecided: "already_decided",
	NotOrgMember: "not_org_member",
	/** The one-time sign-in code is wrong or expired. */
	CodeInvalid: "code_invalid",
	/** A message may be edited by its author within 24 hours of sending. */
	EditWindowClosed: "edit_window_closed",
	Internal: "internal"
};
var messages = {
	bad_request: {
		ru: "Запрос составлен неверно",
		en: "The request is malformed"
	},
	unauthorized: {
		ru: "Нужно войти заново",
		en: "Sign in again"
	},
	token_expired: {
		ru: "Сеанс истёк, войдите заново",
		en: "The session has expired; sign in again"
	},
	forbidden: {
		ru: "Недостаточно прав",
		en: "You are not allowed to do this"
	},
	not_found: {
		ru: "Не найдено",
		en: "Not found"
	},
	not_chat_member: {
		ru: "Вы не участник этого чата",
		en: "You are not a member of this chat"
	},
	conflict: {
		ru: "Данные изменились, обновите страницу",
		en: "The data has changed; reload"
	},
	rate_limited: {
		ru: "Слишком много запросов, попробуйте позже",
		en: "Too many requests; try again later"
	},
	message_too_long: {
		ru: "Сообщение слишком длинное",
		en: "The message is too long"
	},
	calls_unavailable: {
		ru: "Звонки сейчас недоступны",
		en: "Calls are unavailable right now"
	},
	limit_reached: {
		ru: "Достигнут лимит",
		en: "The limit has been reached"
	},
	invite_invalid: {
		ru: "Ссылка-приглашение больше не действует",
		en: "This invite link no longer works"
	},
	already_decided: {
		ru: "Решение по заявке уже принято, его нельзя изменить",
		en: "This request has already been decided and cannot be changed"
	},
	not_org_member: {
		ru: "Вы не состоите в этой организации",
		en: "You are not a member of this organisation"
	},
	code_invalid: {
		ru: "Неверный или устаревший код",
		en: "The code is wrong or has expired"
	},
	edit_window_closed: {
		ru: "Сообщение можно изменить только в течение 24 часов после отправки",
		en: "A message can be edited only within 24 hours of sending"
	},
	internal: {
		ru: "Ошибка сервера, попробуйте ещё раз",
		en: "Server error; try again"
	}
};
/** A readable message for an error code in the given locale. */
function errorMessage(code, locale = "ru") {
	return messages[code]?.[locale] ?? messages.internal[locale];
}
/** The error every Parta layer throws and every HTTP error body carries. */
var PartaError = class extends Error {
	constructor(code, message = errorMessage(code, "en"), details) {
		super(message);
		this.code = code;
		this.details = details;
		this.name = "PartaError";
	}
	toJSON() {
		return { error: {
			code: this.code,
			message: this.message
		} };
	}
};
/** WebSocket close codes the server uses, in the private 4000–4999 range. */
var CloseCode = {
	Unauthorized: 4001,
	TokenExpired: 4002,
	BadFrame: 4003,
	Removed: 4004
};
// node_modules/.pnpm/nanostores@1.5.5/node_modules/nanostores/atom/index.js
var listenerQueue = [];
var lqIndex = 0;
var batchSeen = null;
var QUEUE_ITEMS_PER_LISTENER = 4;
var nanostoresGlobal = globalThis.nanostoresGlobal ||= { epoch: 0 };
var drainQueue = () => {
	let thrown;
	let i;
	while (lqIndex < listenerQueue.length) {
		i = lqIndex;
		lqIndex += QUEUE_ITEMS_PER_LISTENER;
		let pendingStores = batchSeen?.get(listenerQueue[i]);
		if (pendingStores) {
			if (!pendingStores.has(listenerQueue[i + 1])) continue;
			pendingStores.clear();
		}
		try {
			listenerQueue[i](listenerQueue[i + 1].value, listenerQueue[i + 2], listenerQueue[i + 3]);
		} catch (e) {
			thrown = e;
		}
	}
	listenerQueue.length = lqIndex = 0;
	if (thrown) throw thrown;
};
var batch = (fn) => {
	let outer = !batchSeen;
	if (outer) batchSeen = /* @__PURE__ */ new Map();
	try {
		fn();
	} finally {
		if (outer) try {
			if (listenerQueue.length) drainQueue();
		} finally {
			batchSeen = null;
		}
	}
};
var atom = /* @__NO_SIDE_EFFECTS__ */ (initialValue) => {
	let listeners = [];
	let $atom = {
		eq: Object.is,
		get() {
			if (!$atom.lc) $atom.listen(() => {})();
			return $atom.value;
		},
		init: initialValue,
		lc: 0,
		listen(listener) {
			$atom.lc = listeners.push(listener);
			return () => {
				batchSeen?.get(listener)?.delete($atom);
				for (let i = lqIndex; i < listenerQueue.length;) if (listenerQueue[i] === listener && listenerQueue[i + 1] === $atom) listenerQueue.splice(i, QUEUE_ITEMS_PER_LISTENER);
				else i += QUEUE_ITEMS_PER_LISTENER;
				let index = listeners.indexOf(listener);
				if (~index) {
					listeners.splice(index, 1);
					if (!--$atom.lc) $atom.off();
				}
			};
		},
		notify(oldValue, changedKey) {
			nanostoresGlobal.epoch++;
			let runListenerQueue = !listenerQueue.length && !batchSeen;
			for (let listener of listeners) {
				if (batchSeen) {
					let pendingStores = batchSeen.get(listener);
					if (!pendingStores) batchSeen.set(listener, pendingStores = /* @__PURE__ */ new Set());
					if (pendingStores.has($atom)) continue;
					pendingStores.add($atom);
				}
				listenerQueue.push(listener, $atom, oldValue, batchSeen ? void 0 : changedKey);
			}
			if (runListenerQueue) drainQueue();
		},
		off() {},
		set(newValue) {
			let oldValue = $atom.value;
			if (!$atom.eq(oldValue, newValue)) {
				$atom.value = newValue;
				$atom.notify(oldValue);
			}
		},
		subscribe(listener) {
			let unbind = $atom.listen(listener);
			listener($atom.value);
			return unbind;
		},
		value: initialValue
	};
	return $atom;
};
// node_modules/.pnpm/nanostores@1.5.5/node_modules/nanostores/lifecycle/index.js
var MOUNT = 5;
var UNMOUNT = 6;
var REVERT_MUTATION = 10;
var on = (object, listener, eventKey, mutateStore) => {
	object.events = object.events || {};
	if (!object.events[eventKey + REVERT_MUTATION]) object.events[eventKey + REVERT_MUTATION] = mutateStore((eventProps) => {
		object.events[eventKey].reduceRight((event, l) => (l(event), event), {
			shared: {},
			...eventProps
		});
	});
	object.events[eventKey] = object.events[eventKey] || [];
	object.events[eventKey].push(listener);
	return () => {
		let currentListeners = object.events[eventKey];
		let index = currentListeners.indexOf(listener);
		if (~index) {
			currentListeners.splice(index, 1);
			if (!currentListeners.length) {
				object.events[eventKey + REVERT_MUTATION]();
				delete object.events[eventKey + REVERT_MUTATION];
			}
		}
	};
};
var STORE_UNMOUNT_DELAY = 1e3;
var onMount = ($store, initialize) => {
	let listener = (payload) => {
		let destroy = initialize(payload);
		if (destroy) $store.events[UNMOUNT].push(destroy);
	};
	return on($store, listener, MOUNT, (runListeners) => {
		let originListen = $store.listen;
		$store.listen = (...args) => {
			if (!$store.lc && !$store.active) {
				$store.active = true;
				runListeners();
			}
			return originListen(...args);
		};
		let originOff = $store.off;
		$store.events[UNMOUNT] = [];
		$store.off = () => {
			originOff();
			setTimeout(() => {
				if ($store.active && !$store.lc) {
					$store.active = false;
					for (let destroy of $store.events[UNMOUNT]) destroy();
					$store.events[UNMOUNT] = [];
				}
			}, STORE_UNMOUNT_DELAY);
		};
		return () => {
			$store.listen = originListen;
			$store.off = originOff;
		};
	});
};
// node_modules/.pnpm/nanostores@1.5.5/node_modules/nanostores/computed/index.js
var computedStore = (stores, cb, batched) => {
	if (!Array.isArray(stores)) stores = [stores];
	let previousArgs;
	let currentEpoch;
	let set = () => {
		if (currentEpoch === nanostoresGlobal.epoch) return;
		currentEpoch = nanostoresGlobal.epoch;
		let args = stores.map(($store) => $store.get());
		if (!previousArgs?.every((arg, i) => stores[i].eq(arg, args[i]))) {
			previousArgs = args;
			let value = cb(...args);
			if (value && value.then && value.t) value.then((asyncValue) => {
				if (previousArgs === args) $computed.set(asyncValue);
			});
			else {
				$computed.set(value);
				currentEpoch = nanostoresGlobal.epoch;
			}
		}
	};
	let $computed = /* @__PURE__ */ atom();
	let get = $computed.get;
	$computed.get = () => {
		set();
		return get();
	};
	let timer;
	let run = batched ? () => {
		clearTimeout(timer);
		timer = setTimeout(set);
	} : set;
	onMount($computed, () => {
		let unbinds = stores.map(($store) => $store.listen(run));
		set();
		return () => {
			for (let unbind of unbinds) unbind();
		};
	});
	return $computed;
};
var computed = /* @__NO_SIDE_EFFECTS__ */ (stores, fn) => computedStore(stores, fn);
// node_modules/.pnpm/idb@8.0.4/node_modules/idb/build/index.js
var instanceOfAny = (object, constructors) => constructors.some((c) => object instanceof c);
var idbProxyableTypes;
var cursorAdvanceMethods;
function getIdbProxyableTypes() {
	return idbProxyableTypes || (idbProxyableTypes = [
		IDBIndex,
		IDBObjectStore,
		IDBCursor,
		IDBDatabase,
		IDBTransaction
	]);
}
function getCursorAdvanceMethods() {
	return cursorAdvanceMethods || (cursorAdvanceMethods = [
		"advance",
		"continue",
		"continuePrimaryKey"
	].map((method) => IDBCursor.prototype[method]));
}
var transactionDoneMap = /* @__PURE__ */ new WeakMap();
var transformCache = /* @__PURE__ */ new WeakMap();
var reverseTransformCache = /* @__PURE__ */ new WeakMap();
function promisifyRequest(request) {
	const promise = new Promise((resolve, reject) => {
		const unlisten = () => {
			request.removeEventListener("success", success);
			request.removeEventListener("error", error);
		};
		const success = () => {
			resolve(wrap(request.result));
			unlisten();
		};
		const error = () => {
			reject(request.error);
			unlisten();
		};
		request.addEventListener("success", success);
		request.addEventListener("error", error);
	});
	reverseTransformCache.set(promise, request);
	return promise;
}
function cacheDonePromiseForTransaction(tx) {
	if (transactionDoneMap.has(tx)) return;
	const done = new Promise((resolve, reject) => {
		const unlisten = () => {
			tx.removeEventListener("complete", complete);
			tx.removeEventListener("error", error);
			tx.removeEventListener("abort", error);
		};
		const complete = () => {
			resolve();
			unlisten();
		};
		const error = () => {
			reject(tx.error || new DOMException("AbortError", "AbortError"));
			unlisten();
		};
		tx.addEventListener("complete", complete);
		tx.addEventListener("error", error);
		tx.addEventListener("abort", error);
	});
	transactionDoneMap.set(tx, done);
}
var idbProxyTraps = {
	get(target, prop, receiver) {
		if (target instanceof IDBTransaction) {
			if (prop === "done") return transactionDoneMap.get(target);
			if (prop === "store") return receiver.objectStoreNames[1] ? void 0 : receiver.objectStore(receiver.objectStoreNames[0]);
		}
		return wrap(target[prop]);
	},
	set(target, prop, value) {
		target[prop] = value;
		return true;
	},
	has(target, prop) {
		if (target instanceof IDBTransaction && (prop === "done" || prop === "store")) return true;
		return prop in target;
	}
};
function replaceTraps(callback) {
	idbProxyTraps = callback(idbProxyTraps);
}
function wrapFunction(func) {
	if (getCursorAdvanceMethods().includes(func)) return function(...args) {
		func.apply(unwrap(this), args);
		return wrap(this.request);
	};
	return function(...args) {
		return wrap(func.apply(unwrap(this), args));
	};
}
function transformCachableValue(value) {
	if (typeof value === "function") return wrapFunction(value);
	if (value instanceof IDBTransaction) cacheDonePromiseForTransaction(value);
	if (instanceOfAny(value, getIdbProxyableTypes())) return new Proxy(value, idbProxyTraps);
	return value;
}
function wrap(value) {
	if (value instanceof IDBRequest) return promisifyRequest(value);
	if (transformCache.has(value)) return transformCache.get(value);
	const newValue = transformCachableValue(value);
	if (!Object.is(newValue, value)) {
		transformCache.set(value, newValue);
		reverseTransformCache.set(newValue, value);
	}
	return newValue;
}
var unwrap = (value) => reverseTransformCache.get(value);
/**
* Open a database.
*
* @param name Name of the database.
* @param version Schema version.
* @param callbacks Additional callbacks.
*/
function openDB(name, version, { blocked, upgrade, blocking, terminated } = {}) {
	const request = indexedDB.open(name, version);
	const openPromise = wrap(request);
	if (upgrade) request.addEventListener("upgradeneeded", (event) => {
		upgrade(wrap(request.result), event.oldVersion, event.newVersion, wrap(request.transaction), event);
	});
	if (blocked) request.addEventListener("blocked", (event) => blocked(event.oldVersion, event.newVersion, event));
	openPromise.then((db) => {
		if (terminated) db.addEventListener("close", () => terminated());
		if (blocking) db.addEventListener("versionchange", (event) => blocking(event.oldVersion, event.newVersion, event));
	}).catch(() => {});
	return openPromise;
}
var readMethods = [
	"get",
	"getKey",
	"getAll",
	"getAllKeys",
	"count"
];
var writeMethods = [
	"put",
	"add",
	"delete",
	"clear"
];
var cachedMethods = {};
function getMethod(target, prop) {
	if (!(target instanceof IDBDatabase && !(prop in target) && typeof prop === "string")) return;
	if (cachedMethods[prop]) return cachedMethods[prop];
	const targetFuncName = prop.replace(/FromIndex$/, "");
	const useIndex = prop !== targetFuncName;
	const isWrite = writeMethods.includes(targetFuncName);
	if (!(targetFuncName in (useIndex ? IDBIndex : IDBObjectStore).prototype) || !(isWrite || readMethods.includes(targetFuncName))) return;
	const method = async function(storeName, ...args) {
		const tx = this.transaction(storeName, isWrite ? "readwrite" : "readonly");
		let target = tx.store;
		if (useIndex) target = target.index(args.shift());
		return (await Promise.all([target[targetFuncName](...args), isWrite && tx.done]))[0];
	};
	return cachedMethods[prop] = method;
}
replaceTraps((oldTraps) => ({
	...oldTraps,
	get: (target, prop, receiver) => getMethod(target, prop) || oldTraps.get(target, prop, receiver),
	has: (target, prop) => !!getMethod(target, prop) || oldTraps.has(target, prop)
}));
var advanceMethodProps = [
	"advance",
	"continue",
	"continuePrimaryKey"
];
var methodMap = {};
var advanceResults = /* @__PURE__ */ new WeakMap();
var ittrProxiedCursorToOriginalProxy = /* @__PURE__ */ new WeakMap();
var cursorIteratorTraps = { get(target, prop) {
	if (!advanceMethodProps.includes(prop)) return target[prop];
	let cachedFunc = methodMap[prop];
	if (!cachedFunc) cachedFunc = methodMap[prop] = function(...args) {
		advanceResults.set(this, ittrProxiedCursorToOriginalProxy.get(this)[prop](...args));
	};
	return cachedFunc;
} };
async function* iterate(...args) {
	let cursor = this;
	if (!(cursor instanceof IDBCursor)) cursor = await cursor.openCursor(...args);
	if (!cursor) return;
	cursor = cursor;
	const proxiedCursor = new Proxy(cursor, cursorIteratorTraps);
	ittrProxiedCursorToOriginalProxy.set(proxiedCursor, cursor);
	reverseTransformCache.set(proxiedCursor, unwrap(cursor));
	while (cursor) {
		yield proxiedCursor;
		cursor = await (advanceResults.get(proxiedCursor) || cursor.continue());
		advanceResults.delete(proxiedCursor);
	}
}
function isIteratorProp(target, prop) {
	return prop === Symbol.asyncIterator && instanceOfAny(target, [
		IDBIndex,
		IDBObjectStore,
		IDBCursor
	]) || prop === "iterate" && instanceOfAny(target, [IDBIndex, IDBObjectStore]);
}
replaceTraps((oldTraps) => ({
	...oldTraps,
	get(target, prop, receiver) {
		if (isIteratorProp(target, prop)) return iterate;
		return oldTraps.get(target, prop, receiver);
	},
	has(target, prop) {
		return isIteratorProp(target, prop) || oldTraps.has(target, prop);
	}
}));
// packages/core/src/cache.ts
var CACHE_DB_NAME = "parta";
var CACHE_DB_VERSION = 3;
var Cache = class Cache {
	#db;
	constructor(db, scope) {
		this.#db = db;
		this.scope = scope;
	}
	/** Opens the cache, or returns null where IndexedDB is unavailable (private modes, old browsers). */
	static async open(scope) {
		if (typeof indexedDB === "undefined") return null;
		try {
			const db = await openDB(CACHE_DB_NAME, CACHE_DB_VERSION, {
				upgrade(database, oldVersion, _newVersion, transaction) {
					if (oldVersion < 1) {
						database.createObjectStore("chats");
						database.createObjectStore("threads");
					}
					if (oldVersion < 2) {
						database.createObjectStore("outbox");
						database.createObjectStore("drafts");
					}
					if (oldVersion >= 1) {
						transaction.objectStore("chats").clear();
						transaction.objectStore("threads").clear();
					}
				},
				blocking() {
					db.close();
				}
			});
			return new Cache(db, scope);
		} catch {
			return null;
		}
	}
	async chats() {
		const record = await this.#safe(() => this.#db.get("chats", this.scope));
		return Array.isArray(record?.chats) ? record.chats : null;
	}
	saveChats(chats) {
		return this.#safe(async () => {
			await this.#db.put("chats", {
				scope: this.scope,
				chats
			}, this.scope);
		});
	}
	async thread(chatId) {
		const record = await this.#safe(() => this.#db.get("threads", [this.scope, chatId]));
		return record && Array.isArray(record.messages) ? {
			messages: record.messages,
			hasMore: record.hasMore
		} : null;
	}
	saveThread(chatId, messages, hasMore) {
		const newest = messages.slice(-50);
		return this.#safe(async () => {
			await this.#db.put("threads", {
				scope: this.scope,
				chatId,
				messages: newest,
				hasMore: hasMore || newest.length < messages.length
			}, [this.scope, chatId]);
		});
	}
	/** This user's outbox, oldest first. Entries without the fields sending needs are left out. */
	async outbox() {
		const range = IDBKeyRange.bound([this.scope], [this.scope, []]);
		const records = await this.#safe(() => this.#db.getAll("outbox", range)) ?? [];
		const entries = [];
		for (const { entry } of records) if ([
			entry?.chatId,
			entry?.clientKey,
			entry?.text,
			entry?.createdAt
		].every((field) => typeof field === "string")) entries.push(entry);
		return entries.sort((a, b) => a.createdAt < b.createdAt ? -1 : 1);
	}
	saveOutboxEntry(entry) {
		return this.#safe(async () => {
			await this.#db.put("outbox", {
				scope: this.scope,
				entry
			}, [this.scope, entry.clientKey]);
		});
	}
	deleteOutboxEntry(clientKey) {
		return this.#safe(() => this.#db.delete("outbox", [this.scope, clientKey]));
	}
	async draft(chatId) {
		const record = await this.#safe(() => this.#db.get("drafts", [this.scope, chatId]));
		return typeof record?.text === "string" ? record.text : "";
	}
	/** Empty text deletes the draft. */
	saveDraft(chatId, text) {
		return this.#safe(async () => {
			if (text === "") await this.#db.delete("drafts", [this.scope, chatId]);
			else {
				const record = {
					scope: this.scope,
					chatId,
					text,
					updatedAt: (/* @__PURE__ */ new Date()).toISOString()
				};
				await this.#db.put("drafts", record, [this.scope, chatId]);
			}
		});
	}
	close() {
		this.#db.close();
	}
	/** The cache is an optimisation: a full disk or a closed database must never break the client. */
	async #safe(operation) {
		try {
			return await operation();
		} catch {
			return;
		}
	}
};
// packages/core/src/client-key.ts
/**
* A fresh idempotency key for one message: 128 random bits as hex.
* `crypto.randomUUID` would do, but it exists only in secure contexts and
* some school sites are still served over plain HTTP.
*/
function newClientKey() {
	const bytes = crypto.getRandomValues(/* @__PURE__ */ new Uint8Array(16));
	return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
// packages/core/src/errors.ts
/** The server could not be reached at all (offline, DNS, CORS, connection reset). */
var NetworkError = class extends Error {
	constructor(..._args) {
		super(..._args);
		this.name = "NetworkError";
	}
};
var knownCodes = new Set(Object.values(ErrorCode));
/** Turns an HTTP error response into the PartaError its body names. */
async function errorFromResponse(response) {
	let body = null;
	try {
		body = await response.json();
	} catch {}
	const error = body?.error;
	const message = typeof error?.message === "string" ? error.message : null;
	if (message !== null && knownCodes.has(error.code)) return new PartaError(error.code, message);
	return new PartaError(response.status === 401 ? "unauthorized" : response.status === 403 ? "forbidden" : response.status === 404 ? "not_found" : response.status === 429 ? "rate_limited" : response.status < 500 ? "bad_request" : "internal", message ?? `HTTP ${response.status}`);
}
// packages/core/src/community.ts
var storageKey = (baseUrl, userId) => `parta.organisation|${baseUrl}|${userId}`;
function remembered(key) {
	try {
		return globalThis.localStorage?.getItem(key) ?? null;
	} catch {
		return null;
	}
}
function remember(key, orgId) {
	try {
		globalThis.localStorage?.setItem(key, orgId);
	} catch {}
}
/**
* The chosen organisation and the badge counters, owned by `PartaClient`.
* Counters load when first watched and follow the `counters` socket frame.
*/
var OrganisationStores = class {
	#host;
	#chosen = /* @__PURE__ */ atom(null);
	#counters = /* @__PURE__ */ new Map();
	#watched = /* @__PURE__ */ new Set();
	constructor(host) {
		this.#host = host;
		this.$organisations = /* @__PURE__ */ computed(host.$me, (me) => {
			const organisations = me?.organisations ?? [];
			return me?.site ? organisations.filter((entry) => entry.organisation.id === me.site) : organisations;
		});
		this.$organisation = /* @__PURE__ */ computed([
			host.$me,
			this.$organisations,
			this.#chosen
		], (me, organisations, chosen) => {
			const wanted = chosen ?? remembered(storageKey(host.baseUrl, me?.user.id ?? ""));
			return organisations.find((entry) => entry.organisation.id === wanted) ?? organisations[0] ?? null;
		});
	}
	select(orgId) {
		this.#chosen.set(orgId);
		const userId = this.#host.userId();
		if (userId) remember(storageKey(this.#host.baseUrl, userId), orgId);
	}
	counters(orgId) {
		let $counters = this.#counters.get(orgId);
		if ($counters) return $counters;
		$counters = /* @__PURE__ */ atom(null);
		this.#counters.set(orgId, $counters);
		onMount($counters, () => {
			const release = this.#host.retain();
			this.#watched.add(orgId);
			this.#load(orgId);
			return () => {
				this.#watched.delete(orgId);
				release();
			};
		});
		return $counters;
	}
	/** A `counters` frame: what waits for this member's decision changed. */
	receive(counters) {
		this.#counters.get(counters.orgId)?.set(counters);
	}
	/** After a reconnect, or when the user's roles change: frames may have been missed. */
	refresh() {
		for (const orgId of this.#watched) this.#load(orgId);
	}
	async #load(orgId) {
		try {
			this.receive(await this.#host.request(routes.orgCounters(orgId)));
		} catch {}
	}
};
// packages/core/src/backoff.ts
/**
* Exponential backoff with "equal jitter": half the delay is fixed, half is
* random, so a school's worth of widgets that lost the server at the same
* moment do not all come back at the same moment.
*/
function backoffDelay(attempt, { baseMs = 500, maxMs = 3e4 } = {}, random = Math.random) {
	const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt));
	return ceiling / 2 + random() * (ceiling / 2);
}
// packages/core/src/connection.ts
/** Normal closure requested by this client: never reconnect on its own. */
var CLOSED_BY_CLIENT = 1e3;
/**
* The one WebSocket: authenticates with the first frame, keeps itself alive
* with pings, and comes back after any loss with backoff and jitter, at once
* when the browser says it is online again.
*/
var Connection = class {
	#tokens;
	#handlers;
	#options;
	#socket = null;
	#running = false;
	#attempt = 0;
	#retryTimer;
	#pingTimer;
	#readyTimer;
	#lastHeard = 0;
	#status = "offline";
	#authenticated = false;
	constructor(baseUrl, tokens, handlers, options = {}) {
		const url = new URL(baseUrl.replace(/\/+$/, "") + routes.socket);
		url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
		this.url = url.href;
		this.#tokens = tokens;
		this.#handlers = handlers;
		this.#options = {
			backoff: options.backoff ?? {},
			pingIntervalMs: options.pingIntervalMs ?? 2e4,
			readyTimeoutMs: options.readyTimeoutMs ?? 1e4
		};
	}
	get status() {
		return this.#status;
	}
	/** True once the server answered `ready` on the current socket. */
	get authenticated() {
		return this.#authenticated;
	}
	start() {
		if (this.#running) return;
		this.#running = true;
		globalThis.addEventListener?.("online", this.#onOnline);
		globalThis.addEventListener?.("offline", this.#onOffline);
		this.#attempt = 0;
		if (isOffline()) this.#setStatus("offline");
		else this.#open();
	}
	stop() {
		if (!this.#running) return;
		this.#running = false;
		globalThis.removeEventListener?.("online", this.#onOnline);
		globalThis.removeEventListener?.("offline", this.#onOffline);
		clearTimeout(this.#retryTimer);
		this.#drop(CLOSED_BY_CLIENT, "client stopped");
		this.#setStatus("offline");
	}
	send(frame) {
		if (this.#socket?.readyState !== WebSocket.OPEN) return false;
		this.#socket.send(JSON.stringify(frame));
		return true;
	}
	/** Drop the current socket and reconnect through the usual backoff. */
	reconnect() {
		if (!this.#running) return;
		this.#drop(CLOSED_BY_CLIENT, "reconnecting");
		this.#scheduleRetry();
	}
	#onOnline = () => {
		if (!this.#running) return;
		clearTimeout(this.#retryTimer);
		this.#attempt = 0;
		if (!this.#socket) this.#open();
	};
	#onOffline = () => {
		if (!this.#running) return;
		clearTimeout(this.#retryTimer);
		this.#drop(CLOSED_BY_CLIENT, "offline");
		this.#setStatus("offline");
	};
	async #open() {
		if (!this.#running || this.#socket) return;
		this.#setStatus("connecting");
		let token;
		try {
			token = await this.#tokens.get();
		} catch {
			this.#scheduleRetry();
			return;
		}
		if (!this.#running || this.#socket || isOffline()) return;
		const socket = new WebSocket(this.url);
		this.#socket = socket;
		this.#authenticated = false;
		socket.addEventListener("open", () => {
			if (this.#socket !== socket) return;
			this.#lastHeard = Date.now();
			socket.send(JSON.stringify({
				type: "auth",
				token
			}));
			this.#readyTimer = setTimeout(() => this.#socket === socket && this.reconnect(), this.#options.readyTimeoutMs);
		});
		socket.addEventListener("message", (message) => {
			if (this.#socket !== socket) return;
			this.#lastHeard = Date.now();
			this.#receive(message.data);
		});
		socket.addEventListener("close", (event) => {
			if (this.#socket !== socket) return;
			this.#cleanupSocket();
			this.#onClose(event.code);
		});
	}
	#receive(data) {
		if (typeof data !== "string") return;
		let frame;
		try {
			frame = JSON.parse(data);
		} catch {
			return;
		}
		if (typeof frame?.type !== "string") return;
		if (frame.type === "ready") {
			clearTimeout(this.#readyTimer);
			this.#authenticated = true;
			this.#attempt = 0;
			this.#startPing();
			this.#setStatus("online");
			this.#handlers.ready(frame);
			return;
		}
		if (frame.type === "pong") return;
		this.#handlers.frame(frame);
	}
	#onClose(code) {
		if (!this.#running) return;
		if (code === CloseCode.Removed) {
			this.stop();
			return;
		}
		if (code === CloseCode.TokenExpired || code === CloseCode.Unauthorized) this.#tokens.invalidate();
		if (isOffline()) {
			this.#setStatus("offline");
			return;
		}
		if (code === CloseCode.TokenExpired) {
			this.#attempt = 0;
			this.#open();
			return;
		}
		this.#scheduleRetry();
	}
	#scheduleRetry() {
		if (!this.#running) return;
		clearTimeout(this.#retryTimer);
		this.#setStatus(isOffline() ? "offline" : "connecting");
		const delay = backoffDelay(this.#attempt++, this.#options.backoff);
		this.#retryTimer = setTimeout(() => void this.#open(), delay);
	}
	#startPing() {
		clearInterval(this.#pingTimer);
		const interval = this.#options.pingIntervalMs;
		this.#pingTimer = setInterval(() => {
			if (Date.now() - this.#lastHeard > interval * 2) {
				this.reconnect();
				return;
			}
			this.send({
				type: "ping",
				t: Date.now()
			});
		}, interval);
	}
	#drop(code, reason) {
		const socket = this.#socket;
		if (!socket) return;
		this.#cleanupSocket();
		try {
			socket.close(code, reason);
		} catch {}
	}
	#cleanupSocket() {
		this.#socket = null;
		this.#authenticated = false;
		clearTimeout(this.#readyTimer);
		clearInterval(this.#pingTimer);
	}
	#setStatus(status) {
		if (this.#status === status) return;
		this.#status = status;
		this.#handlers.status(status);
	}
};
function isOffline() {
	return typeof navigator !== "undefined" && navigator.onLine === false;
}
// packages/core/src/http.ts
/**
* Fetch with the bearer token and typed errors. The answer is typed, not
* validated: the client trusts its own server, which validates every request
* and whose answers the server's tests check against the protocol's schemas;
* so the widgets' pages ship no schema library.
*/
var Http = class {
	#tokens;
	constructor(baseUrl, tokens) {
		this.baseUrl = baseUrl.replace(/\/+$/, "");
		this.#tokens = tokens;
	}
	async request(path, options = {}) {
		let response = await this.#send(path, options, await this.#tokens.get());
		if (response.status === 401) {
			const error = await errorFromResponse(response);
			if (error.code !== "token_expired") throw error;
			this.#tokens.invalidate();
			response = await this.#send(path, options, await this.#tokens.refresh());
		}
		if (!response.ok) throw await errorFromResponse(response);
		try {
			return await response.json();
		} catch {
			throw new PartaError("internal", `${path}: the response is not JSON`);
		}
	}
	url(path, query) {
		const url = new URL(this.baseUrl + path);
		for (const [key, value] of Object.entries(query ?? {})) if (value !== void 0) url.searchParams.set(key, String(value));
		return url.href;
	}
	async #send(path, options, token) {
		const headers = { authorization: `Bearer ${token}` };
		if (options.body !== void 0) headers["content-type"] = "application/json";
		try {
			return await fetch(this.url(path, options.query), {
				method: options.method ?? "GET",
				headers,
				body: options.body === void 0 ? null : JSON.stringify(options.body),
				signal: options.signal ?? null
			});
		} catch (error) {
			if (options.signal?.aborted) throw error;
			throw new NetworkError(error instanceof Error ? error.message : String(error), { cause: error });
		}
	}
};
// packages/core/src/messages.ts
/** Optimistic messages carry this id prefix until the server's copy replaces them. */
var LOCAL_ID_PREFIX = "local:";
var order = (message) => message.status === "sent" ? message.seq : Number.POSITIVE_INFINITY;
function sortMessages(messages) {
	return messages.sort((a, b) => order(a) - order(b) || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
/**
* Same message: the same server id, or the same author's idempotency key. An
* optimistic copy matches on the key alone: its author may not be known yet,
* and nobody else can know a key before it is sent.
*/
function sameMessage(a, b) {
	if (a.id === b.id) return true;
	if (a.clientKey !== b.clientKey) return false;
	return a.author.id === b.author.id || a.status !== "sent" || b.status !== "sent";
}
/** Keeps an edit or deletion already seen when an older copy (a stale page) arrives late. */
function fresher(current, incoming) {
	if (current.status !== "sent" || incoming.status !== "sent") return incoming;
	if (current.deletedAt && !incoming.deletedAt) return current;
	if (current.editedAt && (!incoming.editedAt || incoming.editedAt < current.editedAt)) return current;
	return incoming;
}
/**
* Adds or replaces messages, matching by id or by the author's client key so
* an optimistic message and the server's copy of it are never both shown.
*/
function upsertMessages(list, incoming) {
	const next = [...list];
	for (const message of incoming) {
		const index = next.findIndex((existing) => sameMessage(existing, message));
		if (index === -1) next.push(message);
		else next[index] = fresher(next[index], message);
	}
	return sortMessages(next);
}
var sent = (message) => ({
	...message,
	status: "sent"
});
/**
* An event's copy of a message is the same for every member: it knows nothing of this
* reader's "important" mark or confirmation, and its counts are those of its moment.
* A late one keeps what the held copy knows.
*/
function withReaderState(held, incoming) {
	const next = { ...incoming };
	if (held.important) next.important = true;
	if (held.confirmation && incoming.confirmation) next.confirmation = {
		...incoming.confirmation,
		confirmed: Math.max(held.confirmation.confirmed, incoming.confirmation.confirmed),
		byMe: held.confirmation.byMe || incoming.confirmation.byMe
	};
	return next;
}
/** Applies one chat event to a message list; events are idempotent here, the cursor guarantees once-only upstream. */
function applyEvent(list, event) {
	switch (event.kind) {
		case "message.created": {
			const held = list.find((message) => message.id === event.message.id);
			return upsertMessages(list, [held ? withReaderState(held, sent(event.message)) : sent(event.message)]);
		}
		case "message.edited": return list.map((message) => message.id === event.messageId ? {
			...message,
			text: event.text,
			editedAt: event.at
		} : message);
		case "message.deleted": return list.map((message) => message.id === event.messageId ? {
			...message,
			text: "",
			deletedAt: event.at
		} : message);
		case "message.reactions": return list.map((message) => message.id === event.messageId ? {
			...message,
			reactions: event.reactions
		} : message);
		case "message.pinned": return list.map((message) => message.id === event.messageId ? {
			...message,
			pinned: event.pinned
		} : message);
		case "chat.updated": return [...list];
	}
}
/**
* Merges the newest page of history into what is held. When the page does
* not reach what is held (the cache is a day old), the held messages are
* dropped rather than shown with an invisible hole between them.
*/
function mergeLatestPage(state, page, pageHasMore) {
	const confirmed = state.messages.filter((message) => message.status === "sent");
	const incoming = page.map(sent);
	const oldestInPage = incoming[0]?.seq ?? Number.POSITIVE_INFINITY;
	const newestHeld = confirmed.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
	if (!(!pageHasMore || confirmed.length === 0 || newestHeld >= oldestInPage)) return {
		messages: upsertMessages(state.messages.filter((message) => message.status !== "sent"), incoming),
		hasMore: true
	};
	const oldestHeld = confirmed[0]?.seq ?? Number.POSITIVE_INFINITY;
	return {
		messages: upsertMessages(state.messages, incoming),
		hasMore: oldestInPage <= oldestHeld ? pageHasMore : state.hasMore
	};
}
/**
* Applies an event to the window held. Away from the live end a new message would sit
* after a gap, so it stays out, unless it confirms one written here and shown already.
*/
function applyEventToWindow(state, event) {
	if (state.hasNewer && event.kind === "message.created") {
		const { clientKey } = event.message;
		if (!state.messages.some((message) => message.status !== "sent" && message.clientKey === clientKey)) return state.messages;
	}
	return applyEvent(state.messages, event);
}
/**
* Takes a page centred on a message (`around`). One that overlaps what is held joins it;
* one that does not replaces it, since showing both would hide the gap between them.
* Unconfirmed messages stay either way.
*/
function mergeAroundPage(state, page, pageHasMore, pageHasNewer) {
	const confirmed = state.messages.filter((message) => message.status === "sent");
	const incoming = page.map(sent);
	const first = incoming[0]?.seq ?? Number.POSITIVE_INFINITY;
	const last = incoming.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
	const oldestHeld = confirmed[0]?.seq ?? Number.POSITIVE_INFINITY;
	const newestHeld = confirmed.at(-1)?.seq ?? Number.NEGATIVE_INFINITY;
	if (first > newestHeld || last < oldestHeld) return {
		messages: upsertMessages(state.messages.filter((message) => message.status !== "sent"), incoming),
		hasMore: pageHasMore,
		hasNewer: pageHasNewer
	};
	return {
		messages: upsertMessages(state.messages, incoming),
		hasMore: first <= oldestHeld ? pageHasMore : state.hasMore,
		hasNewer: state.hasNewer && last >= newestHeld ? pageHasNewer : state.hasNewer
	};
}
var refusals = /* @__PURE__ */ new Set([
	"bad_request",
	"forbidden",
	"not_found",
	"not_chat_member",
	"conflict",
	"message_too_long",
	"limit_reached",
	"not_org_member"
]);
var isRefusal = (error) => error instanceof PartaError && refusals.has(error.code);
/**
* Messages written but not yet confirmed, kept in IndexedDB so they survive a
* reload, and sent one chat at a time in the order written.
*
* - Each entry goes out with its client key, so however many times it is
*   sent (a lost answer, a reload, another tab), the server keeps one message.
* - A chat's entries go out strictly one after another; while the first one
*   cannot get through, the later ones wait behind it.
* - Nothing is attempted while the client knows it is offline; when the socket
*   is back (`resume`), the waiting entries go out.
* - A network failure (no answer, 5xx, 429, the host's token route down) is
*   retried with backoff. After {@link MAX_UNREACHABLE_ATTEMPTS} in a row the
*   entry and those behind it show `failed`, and go out by themselves again
*   on the next connection or with `retrySend`.
* - A refusal (4xx: forbidden, message too long, not a member…) marks only
*   that entry `failed`, for good: `retrySend` tries again, `discard` drops it.
*   The entries behind it go on.
* - Tabs of the same user share the IndexedDB outbox. A Web Lock per chat lets
*   one tab at a time send a chat's entries, so one entry is never in flight
*   twice at once; a tab that waited may repeat a request that already
*   succeeded, and the server answers with the message it has. Without Web
*   Locks (plain-HTTP pages) that dedupe is the only guard.
*/
var Outbox = class {
	#host;
	#entries = /* @__PURE__ */ new Map();
	/** Delivered or discarded here: a read that raced the deletion must not bring them back. */
	#gone = /* @__PURE__ */ new Set();
	#attempts = /* @__PURE__ */ new Map();
	#waiters = /* @__PURE__ */ new Map();
	#inFlight = /* @__PURE__ */ new Set();
	#draining = /* @__PURE__ */ new Set();
	#again = /* @__PURE__ */ new Set();
	#timers = /* @__PURE__ */ new Map();
	/** IndexedDB writes, in order: a delete never overtakes the put it undoes. */
	#writes = Promise.resolve();
	#lastCreated = 0;
	#closed = false;
	constructor(host) {
		this.#host = host;
	}
	/** The entries of one chat, oldest first. */
	entries(chatId) {
		return [...this.#entries.values()].filter((entry) => entry.chatId === chatId).sort((a, b) => a.createdAt < b.createdAt ? -1 : 1);
	}
	has(clientKey) {
		return this.#entries.has(clientKey);
	}
	/** A creation time later than any before it, so the order written is the order sent. */
	nextCreatedAt() {
		this.#lastCreated = Math.max(Date.now(), this.#lastCreated + 1);
		return new Date(this.#lastCreated).toISOString();
	}
	/** Takes a new message, stores it and sends it when its turn comes. */
	add(entry) {
		this.#entries.set(entry.clientKey, entry);
		this.#gone.delete(entry.clientKey);
		this.#persist(entry);
		this.#host.show(entry, "sending");
		const outcome = this.#wait(entry.clientKey);
		this.#kick(entry.chatId);
		return outcome;
	}
	/**
	* Reads the stored outbox: after a reload, and on each reconnection, which
	* also picks up what another tab left. Shown at once; sent by `resume`.
	*/
	async load() {
		const cache = await this.#host.cache();
		if (!cache || this.#closed) return;
		await this.#writes;
		for (const entry of await cache.outbox()) {
			if (this.#entries.has(entry.clientKey) || this.#gone.has(entry.clientKey)) continue;
			this.#entries.set(entry.clientKey, entry);
			this.#lastCreated = Math.max(this.#lastCreated, Date.parse(entry.createdAt) || 0);
			this.#host.show(entry, entry.failure ? "failed" : "sending");
		}
	}
	/** The connection is back: whatever waits, or gave up for lack of a network, goes out now. */
	resume() {
		const chats = /* @__PURE__ */ new Set();
		for (const entry of this.#entries.values()) {
			this.#attempts.delete(entry.clientKey);
			if (entry.failure === "unreachable") this.#update(entry.clientKey, { failure: void 0 }, "sending");
			if (!entry.failure) chats.add(entry.chatId);
		}
		for (const chatId of chats) this.#kick(chatId);
	}
	/** Sends a failed entry again. Undefined when there is no such entry. */
	retry(clientKey) {
		const entry = this.#entries.get(clientKey);
		if (!entry) return void 0;
		const outcome = this.#wait(clientKey);
		if (entry.failure) {
			this.#attempts.delete(clientKey);
			this.#update(clientKey, { failure: void 0 }, "sending");
		}
		this.#kick(entry.chatId);
		return outcome;
	}
	/**
	* Drops an entry that is not on its way right now. Returns false when there
	* is no such entry or it is being sent (its answer decides it then).
	*/
	discard(clientKey) {
		const entry = this.#entries.get(clientKey);
		if (!entry || this.#inFlight.has(clientKey)) return false;
		this.#forget(clientKey);
		this.#host.discarded(entry);
		this.#settle(clientKey, { failed: true });
		return true;
	}
	/** The server's event for one of our messages arrived: whatever the answer to the request, it is sent. */
	confirmed(message) {
		if (!this.#entries.has(message.clientKey)) return;
		this.#forget(message.clientKey);
		this.#settle(message.clientKey, { message });
	}
	/** Stops sending; resolves once everything written has reached IndexedDB. */
	close() {
		this.#closed = true;
		for (const timer of this.#timers.values()) clearTimeout(timer);
		this.#timers.clear();
		return this.#writes.then(() => void 0);
	}
	#kick(chatId) {
		if (this.#closed) return;
		clearTimeout(this.#timers.get(chatId));
		this.#timers.delete(chatId);
		if (this.#draining.has(chatId)) {
			this.#again.add(chatId);
			return;
		}
		this.#draining.add(chatId);
		this.#lockName(chatId).then((name) => withLock(name, () => this.#drain(chatId))).catch(() => {}).finally(() => {
			this.#draining.delete(chatId);
			if (this.#again.delete(chatId)) this.#kick(chatId);
		});
	}
	async #lockName(chatId) {
		return `parta.outbox|${(await this.#host.cache())?.scope ?? ""}|${chatId}`;
	}
	async #drain(chatId) {
		for (;;) {
			if (this.#closed || this.#host.offline()) return;
			const next = this.entries(chatId).find((entry) => !entry.failure);
			if (!next) return;
			const key = next.clientKey;
			let outcome;
			this.#inFlight.add(key);
			try {
				outcome = { message: await this.#host.post(next) };
			} catch (error) {
				outcome = { error };
			} finally {
				this.#inFlight.delete(key);
			}
			if (!this.#entries.has(key) || this.#closed) continue;
			if ("message" in outcome) {
				this.#forget(key);
				this.#host.delivered(next, outcome.message);
				this.#settle(key, outcome);
				continue;
			}
			if (isRefusal(outcome.error)) {
				this.#update(key, { failure: "refused" }, "failed");
				this.#settle(key, { failed: true });
				continue;
			}
			const attempts = (this.#attempts.get(key) ?? 0) + 1;
			this.#attempts.set(key, attempts);
			if (attempts >= 5) {
				for (const entry of this.entries(chatId)) {
					if (entry.failure) continue;
					this.#update(entry.clientKey, { failure: "unreachable" }, "failed");
					this.#settle(entry.clientKey, { failed: true });
				}
				return;
			}
			this.#timers.set(chatId, setTimeout(() => this.#kick(chatId), backoffDelay(attempts - 1, this.#host.backoff)));
			return;
		}
	}
	#wait(clientKey) {
		return new Promise((resolve) => {
			const waiting = this.#waiters.get(clientKey) ?? [];
			waiting.push(resolve);
			this.#waiters.set(clientKey, waiting);
		});
	}
	#settle(clientKey, outcome) {
		const waiting = this.#waiters.get(clientKey);
		this.#waiters.delete(clientKey);
		for (const resolve of waiting ?? []) resolve(outcome);
	}
	#update(clientKey, change, status) {
		const entry = this.#entries.get(clientKey);
		if (!entry) return;
		const next = {
			...entry,
			...change
		};
		if (!next.failure) delete next.failure;
		this.#entries.set(clientKey, next);
		this.#persist(next);
		this.#host.show(next, status);
	}
	#forget(clientKey) {
		this.#entries.delete(clientKey);
		this.#gone.add(clientKey);
		this.#attempts.delete(clientKey);
		this.#write((cache) => cache.deleteOutboxEntry(clientKey));
	}
	#persist(entry) {
		this.#write((cache) => cache.saveOutboxEntry(entry));
	}
	#write(operation) {
		this.#writes = this.#writes.then(async () => {
			const cache = await this.#host.cache();
			if (cache) await operation(cache);
		}).catch(() => {});
	}
};
/** Runs `task` holding a Web Lock of that name, shared by the origin's tabs; just runs it where there are none. */
async function withLock(name, task) {
	const locks = globalThis.navigator?.locks;
	if (locks) await locks.request(name, task);
	else await task();
}
// packages/core/src/sequencer.ts
/**
* Puts a chat's events in order. Each chat has a cursor, the sequence number
* of the last event applied: the next one is applied at once, an older one is
* dropped, and a later one waits while the missing ones are fetched. So every
* event is applied exactly once and in order, however it arrived (live,
* replayed after a resume, or fetched to fill a gap).
*/
var EventSequencer = class {
	#options;
	#cursors = /* @__PURE__ */ new Map();
	#queues = /* @__PURE__ */ new Map();
	#filling = /* @__PURE__ */ new Set();
	constructor(options) {
		this.#options = options;
	}
	cursor(chatId) {
		return this.#cursors.get(chatId);
	}
	/** Every chat with a known cursor, as the socket's `resume` frame wants them. */
	cursors() {
		return Object.fromEntries(this.#cursors);
	}
	/**
	* Sets where a chat stands, once: events that arrived before are applied
	* from here. A known cursor is never moved back or forward from outside.
	*/
	start(chatId, seq) {
		if (this.#cursors.has(chatId)) return;
		this.#cursors.set(chatId, seq);
		this.#advance(chatId);
	}
	forget(chatId) {
		this.#cursors.delete(chatId);
		this.#queues.delete(chatId);
	}
	receive(event) {
		const queue = this.#queues.get(event.chatId) ?? [];
		if (!queue.some((queued) => queued.seq === event.seq)) {
			queue.push(event);
			queue.sort((a, b) => a.seq - b.seq);
		}
		this.#queues.set(event.chatId, queue);
		this.#advance(event.chatId);
	}
	#advance(chatId) {
		const queue = this.#queues.get(chatId);
		let cursor = this.#cursors.get(chatId);
		if (!queue || cursor === void 0 || this.#filling.has(chatId)) return;
		while (queue.length > 0 && queue[0].seq <= cursor + 1) {
			const event = queue.shift();
			if (event.seq === cursor + 1) {
				this.#applyNext(event);
				cursor = event.seq;
			}
		}
		if (queue.length === 0) this.#queues.delete(chatId);
		else this.#fill(chatId);
	}
	#applyNext(event) {
		this.#cursors.set(event.chatId, event.seq);
		this.#options.apply(event);
	}
	async #fill(chatId) {
		this.#filling.add(chatId);
		const start = this.#cursors.get(chatId);
		try {
			let more = true;
			while (more && this.#cursors.has(chatId)) {
				const page = await this.#options.fetchAfter(chatId, this.#cursors.get(chatId));
				for (const event of page.events) if (event.chatId === chatId && event.seq === this.#cursors.get(chatId) + 1) this.#applyNext(event);
				more = page.hasMore && page.events.length > 0;
			}
		} catch {} finally {
			this.#filling.delete(chatId);
		}
		if (this.#cursors.get(chatId) !== start) this.#advance(chatId);
	}
};
// packages/core/src/token.ts
/** Refresh this long before `exp`, so no request ever leaves with a dying token. */
var REFRESH_MARGIN_MS = 6e4;
/**
* Reads a JWT's claims without verifying it: the client only needs `exp` to
* schedule a refresh and `sub` to scope its cache. The server verifies.
*/
function decodeToken(token) {
	const payload = token.split(".")[1];
	if (!payload) return {};
	try {
		const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
		const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
		const claims = JSON.parse(new TextDecoder().decode(bytes));
		return typeof claims === "object" && claims !== null ? claims : {};
	} catch {
		return {};
	}
}
/**
* Holds the current token, asks the host for a new one shortly before it
* expires, and lets concurrent callers share one pending request.
*/
var TokenManager = class {
	#getToken;
	#token = null;
	#expiresAt = Number.POSITIVE_INFINITY;
	#pending = null;
	#timer;
	#paused = false;
	constructor(getToken) {
		this.#getToken = getToken;
	}
	/** The user the current token speaks for, if known. */
	get claims() {
		return this.#token ? decodeToken(this.#token) : {};
	}
	/** A token that stays valid for at least the refresh margin, fetching one if needed. */
	get() {
		if (this.#token && this.#expiresAt - Date.now() > 6e4) return Promise.resolve(this.#token);
		return this.refresh();
	}
	/**
	* Asks the host for a fresh token. Whatever it returns is used as is: a host
	* whose clock runs behind would otherwise make us ask in a loop.
	*/
	refresh() {
		this.#pending ??= (async () => {
			try {
				const token = await this.#getToken();
				if (typeof token !== "string" || token === "") throw new TypeError("getToken returned no token");
				this.#set(token);
				return token;
			} finally {
				this.#pending = null;
			}
		})();
		return this.#pending;
	}
	/** Forget the current token, e.g. after the server called it expired. */
	invalidate() {
		this.#token = null;
		this.#expiresAt = Number.POSITIVE_INFINITY;
		clearTimeout(this.#timer);
	}
	/** Stop refreshing ahead of time (nothing is using the client); `get()` still refreshes on demand. */
	pause() {
		this.#paused = true;
		clearTimeout(this.#timer);
	}
	resume() {
		this.#paused = false;
		this.#arm();
	}
	dispose() {
		this.pause();
	}
	#set(token) {
		this.#token = token;
		const { exp } = decodeToken(token);
		this.#expiresAt = typeof exp === "number" ? exp * 1e3 : Number.POSITIVE_INFINITY;
		this.#arm();
	}
	#arm() {
		clearTimeout(this.#timer);
		if (this.#paused || !this.#token) return;
		if (Number.isFinite(this.#expiresAt)) {
			const due = this.#expiresAt - REFRESH_MARGIN_MS - Date.now();
			if (due > 0) this.#timer = setTimeout(() => {
				this.refresh().catch(() => {});
			}, Math.min(due, 2 ** 31 - 1));
		}
	}
};
/**
* Who is typing in each chat, from the server's batched `typing` frames, and the
* user's own signals out. A set is cleared here too when no frame renews it within
* the TTL, so a lost "stopped" frame (a dropped socket) never leaves someone typing forever.
*/
var TypingStores = class {
	#stores = /* @__PURE__ */ new Map();
	#timers = /* @__PURE__ */ new Map();
	#sentAt = /* @__PURE__ */ new Map();
	#send;
	#me;
	constructor(send, me) {
		this.#send = send;
		this.#me = me;
	}
	/** The ids of the people typing in the chat now, the user excluded. */
	store(chatId) {
		let $typing = this.#stores.get(chatId);
		if (!$typing) {
			$typing = /* @__PURE__ */ atom([]);
			this.#stores.set(chatId, $typing);
		}
		return $typing;
	}
	/** Tells the chat the user is typing, at most once per interval; false when nothing went out. */
	send(chatId) {
		const now = Date.now();
		if (now - (this.#sentAt.get(chatId) ?? Number.NEGATIVE_INFINITY) < 3e3) return false;
		if (!this.#send({
			type: "typing",
			chatId
		})) return false;
		this.#sentAt.set(chatId, now);
		return true;
	}
	/** The user sent a message: the next keystroke may signal again at once. */
	sent(chatId) {
		this.#sentAt.delete(chatId);
	}
	receive(chatId, userIds) {
		const me = this.#me();
		this.#set(chatId, userIds.filter((id) => id !== me));
	}
	/** Someone who sent a message has stopped typing it, before the server's next batch says so. */
	stopped(chatId, userId) {
		const current = this.#stores.get(chatId)?.get() ?? [];
		if (current.includes(userId)) this.#set(chatId, current.filter((id) => id !== userId));
	}
	/** The socket dropped: nobody is known to be typing any more. */
	clear() {
		for (const chatId of this.#stores.keys()) this.#set(chatId, []);
	}
	dispose() {
		for (const timer of this.#timers.values()) clearTimeout(timer);
		this.#timers.clear();
	}
	#set(chatId, userIds) {
		const $typing = this.store(chatId);
		const current = $typing.get();
		if (current.length !== userIds.length || current.some((id, index) => id !== userIds[index])) $typing.set(userIds);
		clearTimeout(this.#timers.get(chatId));
		this.#timers.delete(chatId);
		if (userIds.length > 0) this.#timers.set(chatId, setTimeout(() => this.#set(chatId, []), limits.typingTtlMs + limits.receiptsBatchMs));
	}
};
var CACHE_WRITE_DELAY_MS = 300;
var initialMessages = () => ({
	messages: [],
	loading: true,
	hasMore: true,
	hasNewer: false,
	error: null
});
var lastActivity = (chat) => chat.lastMessage?.createdAt ?? "";
/** Timestamps in ISO form order as plain strings; `localeCompare` is many times slower on a cold start. */
var compareIso = (a, b) => a < b ? -1 : a > b ? 1 : 0;
/** Pinned chats first, the latest pinned on top; then newest activity first; chats without messages after, by title. */
function sortChats(chats) {
	return chats.sort((a, b) => compareIso(b.pinnedAt ?? "", a.pinnedAt ?? "") || compareIso(lastActivity(b), lastActivity(a)) || a.title.localeCompare(b.title));
}
/**
* One user's connection to one Parta server: stores that widgets subscribe
* to, and actions that change them. Create it with `createClient`, or share
* one per page with `getSharedClient`.
*
* Every chat has a cursor, the sequence number of the last event applied.
* Events are applied strictly in order, each exactly once: a later one waits
* while the missing ones are fetched, an earlier one is dropped.
*/
var PartaClient = class {
	#connectionStatus;
	#me;
	#chats;
	#chatsLoading;
	#folders;
	#foldersWatched;
	#tokens;
	#http;
	#connection;
	#storage;
	#cache;
	#users;
	#closed;
	#chatsSynced;
	#sequencer;
	#threads;
	#threadsLoaded;
	/**
	* Per thread whose window left the live end (`hasNewer`): the messages created since,
	* kept current by the events, joined to the window when it gets back to the end.
	*/
	#tails;
	#outbox;
	#cacheTimers;
	#organisations;
	#typing;
	constructor(options) {
		this.#connectionStatus = /* @__PURE__ */ atom("offline");
		this.#me = /* @__PURE__ */ atom(null);
		this.#chats = /* @__PURE__ */ atom([]);
		this.#chatsLoading = /* @__PURE__ */ atom(true);
		this.#folders = /* @__PURE__ */ atom([]);
		this.#foldersWatched = false;
		this.$connection = this.#connectionStatus;
		this.$me = this.#me;
		this.$chats = this.#chats;
		this.$chatsLoading = this.#chatsLoading;
		this.$folders = this.#folders;
		this.#cache = null;
		this.#users = 0;
		this.#closed = false;
		this.#chatsSynced = false;
		this.#threads = /* @__PURE__ */ new Map();
		this.#threadsLoaded = /* @__PURE__ */ new Set();
		this.#tails = /* @__PURE__ */ new Map();
		this.#cacheTimers = /* @__PURE__ */ new Map();
		this.baseUrl = options.baseUrl.replace(/\/+$/, "");
		this.locale = options.locale ?? "ru";
		this.#storage = options.storage ?? "indexeddb";
		this.#tokens = new TokenManager(options.getToken);
		this.#tokens.pause();
		this.#http = new Http(this.baseUrl, this.#tokens);
		this.#sequencer = new EventSequencer({
			fetchAfter: (chatId, after) => this.#http.request(routes.events(chatId), {
				query: {
					after,
					limit: limits.eventsPageMax
				},
				schema: EventsResponse
			}),
			apply: (event) => batch(() => this.#apply(event))
		});
		this.#connection = new Connection(this.baseUrl, this.#tokens, {
			status: (status) => this.#connectionStatus.set(status),
			ready: () => this.#onReady(),
			frame: (frame) => this.#onFrame(frame)
		}, options.connection);
		this.#typing = new TypingStores((frame) => this.#connection.send(frame), () => this.userId);
		this.#organisations = new OrganisationStores({
			baseUrl: this.baseUrl,
			$me: this.#me,
			userId: () => this.userId,
			request: (path, requestOptions) => this.#http.request(path, requestOptions),
			retain: () => {
				this.#retain();
				return () => this.#release();
			}
		});
		caches.set(this, () => this.#openCache());
		this.#outbox = new Outbox({
			post: (entry) => this.#post(entry),
			offline: () => this.#offline(),
			cache: () => this.#openCache(),
			show: (entry, status) => this.#showOutgoing(entry, status),
			delivered: (entry, message) => this.#updateThread(entry.chatId, (state) => ({
				...state,
				messages: upsertMessages(state.messages, [sent(message)])
			})),
			discarded: (entry) => this.#updateThread(entry.chatId, (state) => ({
				...state,
				messages: state.messages.filter((message) => message.clientKey !== entry.clientKey || message.status === "sent")
			})),
			backoff: options.connection?.backoff ?? {}
		});
		this.$organisations = this.#organisations.$organisations;
		this.$organisation = this.#organisations.$organisation;
		for (const store of [
			this.#chats,
			this.#me,
			this.#chatsLoading
		]) onMount(store, () => {
			this.#retain();
			return () => this.#release();
		});
		onMount(this.#folders, () => {
			this.#foldersWatched = true;
			this.#retain();
			this.#loadFolders();
			return () => {
				this.#foldersWatched = false;
				this.#release();
			};
		});
	}
	/** The id of the signed-in user, once known. */
	get userId() {
		return this.#me.value?.user.id ?? this.#tokens.claims.sub ?? null;
	}
	/**
	* A chat's messages, newest last. The store loads the newest page when the
	* first subscriber arrives (painting from the cache first) and stays live.
	*/
	$messages(chatId) {
		return this.#thread(chatId);
	}
	/**
	* Sends a message. It appears at once with status `sending` and waits in the
	* outbox (kept in IndexedDB, so it survives a reload) until the server has
	* it; messages written offline go out in order when the connection returns.
	* It becomes `sent`, or `failed` when the server refuses it or stays
	* unreachable (see `retrySend`, `discardSend`). Resolves with the message in
	* its final state; rejects only for text that may not be sent.
	*/
	async sendMessage(chatId, text, options = {}) {
		if (text.trim() === "") throw new PartaError("bad_request", "text is empty");
		if (text.length > limits.messageTextMax) throw new PartaError("message_too_long");
		const entry = {
			chatId,
			clientKey: options.clientKey ?? newClientKey(),
			text,
			replyToId: options.replyToId ?? null,
			requiresConfirmation: options.requiresConfirmation ?? false,
			createdAt: this.#outbox.nextCreatedAt()
		};
		if (this.#threads.get(chatId)?.value?.hasNewer) this.jumpToLatest(chatId);
		return this.#settled(entry, await this.#outbox.add(entry));
	}
	/** Sends a failed message again with the same client key, so it can never arrive twice. */
	async retrySend(chatId, clientKey) {
		const held = this.#findLocal(chatId, clientKey);
		const entry = this.#outbox.entries(chatId).find((candidate) => candidate.clientKey === clientKey);
		if (!entry || !held) throw new PartaError("not_found", `no unsent message ${clientKey} in ${chatId}`);
		if (held.status === "sending") return held;
		return this.#settled(entry, await this.#outbox.retry(clientKey));
	}
	/**
	* Gives up on a message that has not been sent: it leaves the outbox and the
	* thread. A message that is on its way right now cannot be called back.
	*/
	async discardSend(chatId, clientKey) {
		if (!this.#outbox.entries(chatId).find((candidate) => candidate.clientKey === clientKey)) throw new PartaError("not_found", `no unsent message ${clientKey} in ${chatId}`);
		if (!this.#outbox.discard(clientKey)) throw new PartaError("conflict", "the message is being sent right now");
	}
	/** Loads the page before the oldest message held. */
	async loadOlder(chatId) {
		const $thread = this.#thread(chatId);
		const state = $thread.value;
		if (state.loading || !state.hasMore) return;
		const oldest = state.messages.find((message) => message.status === "sent");
		if (!oldest) return this.#loadLatest(chatId);
		$thread.set({
			...state,
			loading: true,
			error: null
		});
		try {
			const page = await this.#http.request(routes.messages(chatId), {
				query: {
					before: oldest.seq,
					limit: 50
				},
				schema: HistoryResponse
			});
			this.#updateThread(chatId, (current) => current.messages.some((message) => message.id === oldest.id) ? {
				...current,
				messages: upsertMessages(current.messages, page.messages.map(sent)),
				hasMore: page.hasMore,
				loading: false
			} : {
				...current,
				loading: false
			});
		} catch (error) {
			this.#updateThread(chatId, (current) => ({
				...current,
				loading: false,
				error: asError(error)
			}));
		}
	}
	/** After a jump back: loads the page after the newest message held, towards the live end. */
	async loadNewer(chatId) {
		const $thread = this.#thread(chatId);
		const state = $thread.value;
		if (state.loading || !state.hasNewer) return;
		const newest = state.messages.findLast((message) => message.status === "sent");
		if (!newest) return this.#loadLatest(chatId);
		$thread.set({
			...state,
			loading: true,
			error: null
		});
		try {
			const page = await this.#http.request(routes.messages(chatId), {
				query: {
					after: newest.seq,
					limit: 50
				},
				schema: HistoryResponse
			});
			this.#updateThread(chatId, (current) => {
				if (current.messages.findLast((message) => message.status === "sent")?.id !== newest.id || !current.hasNewer) return {
					...current,
					loading: false
				};
				const next = {
					...current,
					messages: upsertMessages(current.messages, page.messages.map(sent)),
					loading: false
				};
				return page.hasNewer ? next : this.#reattach(chatId, next);
			});
		} catch (error) {
			this.#updateThread(chatId, (current) => ({
				...current,
				loading: false,
				error: asError(error)
			}));
		}
	}
	/**
	* Makes sure a message is held, for showing a replied-to or pinned one: when it is not,
	* loads the page around it, which replaces the window unless the two overlap (then
	* `hasNewer` tells that the live end is further on). Rejects with `not_found` for a
	* message that is not in the chat or was deleted for this user.
	*/
	async jumpTo(chatId, messageId) {
		const held = () => this.#thread(chatId).value.messages.some((message) => message.id === messageId);
		if (held()) return;
		this.#updateThread(chatId, (state) => ({
			...state,
			loading: true,
			error: null
		}));
		try {
			const page = await this.#http.request(routes.messages(chatId), {
				query: {
					around: messageId,
					limit: 50
				},
				schema: HistoryResponse
			});
			this.#updateThread(chatId, (state) => {
				const merged = mergeAroundPage(state, page.messages, page.hasMore, page.hasNewer ?? false);
				if (merged.hasNewer) this.#tails.set(chatId, this.#tails.get(chatId) ?? []);
				const next = {
					...state,
					...merged,
					loading: false
				};
				return merged.hasNewer ? next : this.#reattach(chatId, next);
			});
		} catch (error) {
			this.#updateThread(chatId, (state) => ({
				...state,
				loading: false
			}));
			throw error;
		}
	}
	/** Brings the window back to the newest messages after a jump; nothing to do when it is there. */
	async jumpToLatest(chatId) {
		if (this.#thread(chatId).value.hasNewer) await this.#loadLatest(chatId);
	}
	/** What waits for the user's decision in an organisation (join requests, verifications), kept live. */
	$counters(orgId) {
		return this.#organisations.counters(orgId);
	}
	/** Makes an organisation the current one for every widget on the page. */
	selectOrganisation(orgId) {
		this.#organisations.select(orgId);
	}
	/**
	* Calls a server route with the user's token and validates the answer
	* against `options.schema`. The community actions (`listClasses(client, …)`)
	* and mini-apps go through it.
	*/
	request(path, options) {
		return this.#http.request(path, options);
	}
	/**
	* Puts a chat the server answered with (created, joined, renamed, pinned…) into
	* `$chats` at once, without waiting for the socket; the chat actions call it.
	*/
	upsertChat(chat) {
		this.#mergeChats([chat], false);
	}
	/** Takes a chat off `$chats` (left or removed); the chat actions call it. */
	removeChat(chatId) {
		this.#removeChat(chatId);
	}
	/** Replaces `$folders` with the server's answer; the folder actions call it. */
	setFolders(folders) {
		this.#folders.set(folders);
	}
	/**
	* Changes one held message of a thread at once (a pin, an "important" mark, a confirmation),
	* ahead of the server's answer or event; the message actions call it.
	*/
	updateMessage(chatId, messageId, update) {
		const each = (list) => list.map((message) => message.id === messageId ? update(message) : message);
		const tail = this.#tails.get(chatId);
		if (tail) this.#tails.set(chatId, each(tail));
		if (this.#threads.has(chatId)) this.#updateThread(chatId, (state) => ({
			...state,
			messages: each(state.messages)
		}));
	}
	/** The ids of the people typing in a chat now (the user excluded), kept live. */
	$typing(chatId) {
		return this.#typing.store(chatId);
	}
	/** Tells the chat's members the user is typing; call it on every keystroke, it sends at most every few seconds. */
	sendTyping(chatId) {
		this.#typing.send(chatId);
	}
	/** Replaces the text of one's own message, within 24 hours of sending; every member sees the edit. */
	async editMessage(chatId, messageId, text) {
		if (text.trim() === "") throw new PartaError("bad_request", "text is empty");
		if (text.length > limits.messageTextMax) throw new PartaError("message_too_long");
		await this.#http.request(routes.message(chatId, messageId), {
			method: "PATCH",
			body: { text },
			schema: EditMessageResponse
		});
	}
	/**
	* Deletes messages: `everyone` for all members (one's own at any age, anyone's for a chat
	* administrator), `me` from this user's view only. The thread follows the server's events.
	*/
	async deleteMessages(chatId, messageIds, scope) {
		await this.#http.request(routes.deleteMessages(chatId), {
			method: "POST",
			body: {
				messageIds,
				scope
			},
			schema: DeleteMessagesResponse
		});
		if (scope === "me" && this.#threads.has(chatId)) {
			const hidden = new Set(messageIds);
			this.#updateThread(chatId, (state) => ({
				...state,
				messages: state.messages.filter((message) => !hidden.has(message.id))
			}));
		}
	}
	/** Adds (`on`) or takes back one's reaction; every member sees the message's reactions change. */
	async react(chatId, messageId, emoji, on = true) {
		await this.#http.request(routes.reaction(chatId, messageId, emoji), {
			method: on ? "PUT" : "DELETE",
			schema: ReactionResponse
		});
	}
	/** A LiveKit token for the chat's call; only members get one. */
	callToken(chatId) {
		return this.#http.request(routes.callToken(chatId), {
			method: "POST",
			body: {},
			schema: CallTokenResponse
		});
	}
	/**
	* Marks the chat read up to its latest event: the counter drops at once,
	* and the server keeps the position for the user's other tabs and devices.
	*/
	async markRead(chatId) {
		const chat = this.#chats.get().find((candidate) => candidate.id === chatId);
		if (!chat || chat.unreadCount === 0 && chat.readSeq >= chat.lastSeq) return;
		const seq = chat.lastSeq;
		this.#updateChat(chatId, (current) => ({
			...current,
			unreadCount: 0,
			readSeq: Math.max(current.readSeq, seq)
		}));
		try {
			await this.#http.request(routes.read(chatId), {
				method: "POST",
				body: { seq },
				schema: MarkReadResponse
			});
		} catch {}
	}
	/** Closes the socket and stops every timer; the client cannot be used afterwards. */
	close() {
		if (this.#closed) return;
		this.#closed = true;
		this.#connection.stop();
		this.#tokens.dispose();
		this.#typing.dispose();
		for (const timer of this.#cacheTimers.values()) clearTimeout(timer);
		const cache = this.#cache;
		this.#outbox.close().then(() => cache?.then((opened) => opened?.close()));
		forgetShared(this);
	}
	#retain() {
		if (this.#closed) return;
		if (this.#users++ > 0) return;
		if (!this.#me.value) this.#loadMe();
		this.#paintChatsFromCache();
		this.#outbox.load();
		this.#tokens.resume();
		this.#connection.start();
	}
	#release() {
		if (--this.#users > 0) return;
		this.#connection.stop();
		this.#tokens.pause();
	}
	#onReady() {
		this.#connection.send({
			type: "resume",
			cursors: this.#sequencer.cursors()
		});
		this.#outbox.load().then(() => this.#outbox.resume());
		this.#syncChats();
		this.#organisations.refresh();
		if (this.#foldersWatched) this.#loadFolders();
	}
	#onFrame(frame) {
		switch (frame.type) {
			case "event":
				this.#sequencer.receive(frame.event);
				break;
			case "chat":
				this.#mergeChats([frame.chat], false);
				break;
			case "chat.removed":
				this.#removeChat(frame.chatId);
				break;
			case "folders":
				this.#folders.set(frame.folders);
				break;
			case "counters":
				this.#organisations.receive(frame.counters);
				break;
			case "me.changed":
				this.#loadMe();
				this.#organisations.refresh();
				break;
			case "messages.hidden": {
				const hidden = new Set(frame.messageIds);
				if (this.#threads.has(frame.chatId)) this.#updateThread(frame.chatId, (state) => ({
					...state,
					messages: state.messages.filter((message) => !hidden.has(message.id))
				}));
				break;
			}
			case "typing":
				this.#typing.receive(frame.chatId, frame.userIds);
				break;
			case "receipts":
				this.#receipts(frame);
				break;
			case "message.marked":
				this.updateMessage(frame.chatId, frame.messageId, (message) => withImportant(message, frame.important));
				break;
			case "error": console.warn(`[parta] server error on the socket: ${frame.code} ${frame.message}`);
		}
	}
	/** Others' read positions (✓✓ on one's own messages) and new confirmation counts. */
	#receipts(frame) {
		const me = this.userId;
		const others = Object.entries(frame.reads).filter(([userId]) => userId !== me);
		if (others.length > 0) {
			const furthest = Math.max(...others.map(([, seq]) => seq));
			this.#updateChat(frame.chatId, (chat) => furthest > (chat.othersReadSeq ?? 0) ? {
				...chat,
				othersReadSeq: furthest
			} : chat);
		}
		for (const [messageId, confirmed] of Object.entries(frame.confirmations)) this.updateMessage(frame.chatId, messageId, (message) => message.confirmation && confirmed > message.confirmation.confirmed ? {
			...message,
			confirmation: {
				...message.confirmation,
				confirmed
			}
		} : message);
	}
	async #loadMe() {
		try {
			this.#me.set(await this.#http.request(routes.me, { schema: MeResponse }));
		} catch {}
	}
	async #loadFolders() {
		try {
			this.#folders.set((await this.#http.request(chatRoutes.folders, { schema: FoldersResponse })).folders);
		} catch {}
	}
	async #syncChats() {
		try {
			const { chats } = await this.#http.request(routes.chats, { schema: ChatsResponse });
			this.#chatsSynced = true;
			this.#mergeChats(chats, true);
			this.#chatsLoading.set(false);
			if (!this.#me.value) this.#loadMe();
		} catch {
			if (!this.#chatsSynced) this.#connection.reconnect();
		}
	}
	/**
	* Takes chat summaries from the server. A chat seen for the first time sets
	* its cursor; for a known chat the counters are taken only when the summary
	* is exactly as far as our cursor, otherwise events in flight would count twice.
	*/
	#mergeChats(incoming, complete) {
		const byId = new Map(this.#chats.value.map((chat) => [chat.id, chat]));
		const fresh = [];
		for (const chat of incoming) {
			const cursor = this.#sequencer.cursor(chat.id);
			const held = byId.get(chat.id);
			if (cursor === void 0) {
				fresh.push(chat);
				byId.set(chat.id, chat);
			} else if (chat.lastSeq === cursor || !held) byId.set(chat.id, chat);
			else byId.set(chat.id, {
				...chat,
				lastSeq: held.lastSeq,
				readSeq: held.readSeq,
				unreadCount: held.unreadCount,
				lastMessage: held.lastMessage
			});
		}
		if (complete) {
			const listed = new Set(incoming.map((chat) => chat.id));
			for (const id of byId.keys()) if (!listed.has(id)) {
				byId.delete(id);
				this.#forgetChat(id);
			}
		}
		this.#setChats(sortChats([...byId.values()]));
		for (const chat of fresh) this.#sequencer.start(chat.id, chat.lastSeq);
	}
	#setChats(chats) {
		this.#chats.set(chats);
		if (this.#chatsSynced) this.#scheduleCacheWrite("chats", () => this.#saveChats(chats));
	}
	#removeChat(chatId) {
		this.#forgetChat(chatId);
		this.#setChats(this.#chats.value.filter((chat) => chat.id !== chatId));
	}
	#forgetChat(chatId) {
		this.#tails.delete(chatId);
		this.#sequencer.forget(chatId);
	}
	#updateChat(chatId, update) {
		const chats = this.#chats.value;
		const index = chats.findIndex((chat) => chat.id === chatId);
		if (index === -1) return;
		const next = [...chats];
		next[index] = update(chats[index]);
		if (next[index] !== chats[index]) this.#setChats(sortChats(next));
	}
	async #paintChatsFromCache() {
		const cache = await this.#openCache();
		if (!cache || this.#chatsSynced) return;
		const chats = await cache.chats();
		if (chats && !this.#chatsSynced && this.#chats.value.length === 0) this.#setChats(sortChats(chats));
	}
	#apply(event) {
		const { chatId } = event;
		const me = this.userId;
		this.#updateChat(chatId, (chat) => {
			const next = {
				...chat,
				lastSeq: event.seq
			};
			if (event.kind === "message.created") {
				next.lastMessage = event.message;
				if (event.message.author.id === me) next.readSeq = event.seq;
				else {
					next.unreadCount = chat.unreadCount + 1;
					next.othersReadSeq = Math.max(chat.othersReadSeq ?? 0, event.seq);
				}
			} else if (event.kind === "chat.updated") {
				if (chat.kind !== "direct") {
					next.title = event.title;
					next.avatarUrl = event.avatarUrl;
				}
				next.memberCount = event.memberCount;
				next.settings = event.settings;
				next.onlyAdminsWrite = event.settings.onlyAdminsWrite;
			} else if (event.kind === "message.pinned") {
				const held = this.#threads.get(chatId)?.value?.messages.find((message) => message.id === event.messageId);
				if (event.pinned && held) next.pinnedMessage = {
					...held,
					pinned: true
				};
				else if (!event.pinned && chat.pinnedMessage?.id === event.messageId) next.pinnedMessage = null;
			} else if (chat.lastMessage?.id === event.messageId) {
				if (event.kind === "message.edited") next.lastMessage = {
					...chat.lastMessage,
					text: event.text,
					editedAt: event.at
				};
				else if (event.kind === "message.deleted") next.lastMessage = {
					...chat.lastMessage,
					text: "",
					deletedAt: event.at
				};
			}
			return next;
		});
		if (event.kind === "message.created" && event.message.author.id === me) {
			this.#outbox.confirmed(event.message);
			this.#typing.sent(chatId);
		}
		if (event.kind === "message.created") this.#typing.stopped(chatId, event.message.author.id);
		const tail = this.#tails.get(chatId);
		if (tail) this.#tails.set(chatId, applyEvent(tail, event));
		if (this.#threads.has(chatId)) this.#updateThread(chatId, (state) => ({
			...state,
			messages: applyEventToWindow(state, event)
		}));
	}
	#thread(chatId) {
		let $thread = this.#threads.get(chatId);
		if ($thread) return $thread;
		$thread = /* @__PURE__ */ atom(initialMessages());
		this.#threads.set(chatId, $thread);
		onMount($thread, () => {
			this.#retain();
			this.#openThread(chatId);
			return () => this.#release();
		});
		return $thread;
	}
	#updateThread(chatId, update) {
		const $thread = this.#thread(chatId);
		const state = update($thread.value);
		$thread.set(state);
		if (this.#threadsLoaded.has(chatId) && !state.hasNewer) this.#scheduleCacheWrite(`thread:${chatId}`, () => this.#saveThread(chatId, state));
	}
	async #openThread(chatId) {
		const $thread = this.#thread(chatId);
		$thread.set({
			...$thread.value,
			loading: true,
			error: null
		});
		const cache = await this.#openCache();
		const cached = cache && !this.#threadsLoaded.has(chatId) ? await cache.thread(chatId) : null;
		if (cached && !this.#threadsLoaded.has(chatId)) this.#updateThread(chatId, (state) => ({
			...state,
			messages: upsertMessages(state.messages, cached.messages.map(sent)),
			hasMore: cached.hasMore
		}));
		await this.#loadLatest(chatId);
	}
	async #loadLatest(chatId) {
		this.#updateThread(chatId, (state) => ({
			...state,
			loading: true,
			error: null
		}));
		try {
			const page = await this.#http.request(routes.messages(chatId), {
				query: { limit: 50 },
				schema: HistoryResponse
			});
			this.#threadsLoaded.add(chatId);
			this.#updateThread(chatId, (state) => this.#reattach(chatId, {
				...state,
				...mergeLatestPage(state, page.messages, page.hasMore),
				loading: false
			}));
		} catch (error) {
			this.#updateThread(chatId, (state) => ({
				...state,
				loading: false,
				error: asError(error)
			}));
		}
	}
	/** The window reached the live end again: the messages created meanwhile join it. */
	#reattach(chatId, state) {
		const tail = this.#tails.get(chatId);
		this.#tails.delete(chatId);
		return {
			...state,
			messages: tail?.length ? upsertMessages(state.messages, tail) : state.messages,
			hasNewer: false
		};
	}
	#post(entry) {
		return this.#http.request(routes.messages(entry.chatId), {
			method: "POST",
			body: {
				clientKey: entry.clientKey,
				text: entry.text,
				replyToId: entry.replyToId,
				...entry.requiresConfirmation ? { requiresConfirmation: true } : {}
			},
			schema: SendMessageResponse
		}).then(({ message }) => message);
	}
	/** Known to be offline: the browser says so, or the socket went down with it. Nothing is sent then. */
	#offline() {
		if (typeof navigator !== "undefined" && navigator.onLine === false) return true;
		return this.#users > 0 && this.#connectionStatus.value === "offline";
	}
	#localOf(entry, status) {
		return {
			id: LOCAL_ID_PREFIX + entry.clientKey,
			chatId: entry.chatId,
			seq: 0,
			author: this.#author(),
			clientKey: entry.clientKey,
			text: entry.text,
			replyToId: entry.replyToId,
			createdAt: entry.createdAt,
			editedAt: null,
			deletedAt: null,
			status
		};
	}
	/** Shows an outbox entry in its thread, unless the server's copy is already there. */
	#showOutgoing(entry, status) {
		const local = this.#localOf(entry, status);
		const me = this.userId;
		this.#updateThread(entry.chatId, (state) => state.messages.some((message) => message.clientKey === entry.clientKey && message.status === "sent" && message.author.id === me) ? state : {
			...state,
			messages: upsertMessages(state.messages, [local])
		});
	}
	/** The message as the thread holds it once the outbox is done with it. */
	#settled(entry, outcome) {
		const held = this.#findByKey(entry.chatId, entry.clientKey);
		if ("message" in outcome) return held?.status === "sent" ? held : sent(outcome.message);
		return held ?? this.#localOf(entry, "failed");
	}
	#author() {
		const me = this.#me.value?.user;
		if (me) return me;
		return {
			id: this.userId ?? "",
			surname: "",
			name: "",
			patronymic: null,
			verified: false,
			avatarUrl: null
		};
	}
	#findByKey(chatId, clientKey) {
		const me = this.userId;
		return this.#thread(chatId).value.messages.find((message) => message.clientKey === clientKey && (message.status !== "sent" || message.author.id === me));
	}
	#findLocal(chatId, clientKey) {
		const held = this.#findByKey(chatId, clientKey);
		return held && held.status !== "sent" ? held : void 0;
	}
	#openCache() {
		if (this.#storage === "none") return Promise.resolve(null);
		this.#cache ??= this.#tokens.get().then(() => {
			const { iss, sub } = this.#tokens.claims;
			return sub ? Cache.open(`${this.baseUrl}|${iss ?? ""}|${sub}`) : null;
		}).catch(() => null);
		return this.#cache;
	}
	#scheduleCacheWrite(key, write) {
		if (this.#storage === "none" || this.#closed) return;
		clearTimeout(this.#cacheTimers.get(key));
		this.#cacheTimers.set(key, setTimeout(() => {
			this.#cacheTimers.delete(key);
			write();
		}, CACHE_WRITE_DELAY_MS));
	}
	async #saveChats(chats) {
		await (await this.#openCache())?.saveChats(chats);
	}
	async #saveThread(chatId, state) {
		const confirmed = state.messages.filter((message) => message.status === "sent");
		await (await this.#openCache())?.saveThread(chatId, confirmed, state.hasMore);
	}
};
/** The reader's "important" mark: present only when set, as the server sends it. */
function withImportant(message, important) {
	if (important) return message.important ? message : {
		...message,
		important: true
	};
	if (!message.important) return message;
	const { important: _, ...rest } = message;
	return rest;
}
function asError(error) {
	return error instanceof Error ? error : new Error(String(error));
}
var caches = /* @__PURE__ */ new WeakMap();
/** The client's IndexedDB cache, for core's own plain functions (drafts); null without one. Not public API. */
function cacheOf(client) {
	return caches.get(client)?.() ?? Promise.resolve(null);
}
/** Creates a client. Nothing connects until a store gains its first subscriber. */
function createClient(options) {
	return new PartaClient(options);
}
var registryKey = Symbol.for("parta.clients");
function registry() {
	const holder = globalThis;
	holder[registryKey] ??= /* @__PURE__ */ new Map();
	return holder[registryKey];
}
function forgetShared(client) {
	const clients = registry();
	for (const [id, shared] of clients) if (shared === client) clients.delete(id);
}
export { limits as _, newClientKey as a, ConfirmResponse as c, PinResponse as d, ReceiptsResponse as f, awardBadges as g, routes as h, NetworkError as i, ForwardResponse as l, SendMessageResponse as m, createClient as n, PartaError as o, chatRoutes as p, withImportant as r, errorMessage as s, cacheOf as t, ImportantMarkResponse as u };

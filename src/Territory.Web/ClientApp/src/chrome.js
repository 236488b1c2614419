// Everything drawn from the project answer registers here once; the language switch and a new
// project answer redraw it all, in registration order.
const renderers = [];

/** Adds a redraw function (called with no argument) to the chrome. */
export function onRender(fn) { renderers.push(fn); }

/** Redraws every registered part of the chrome. */
export function renderAll() { renderers.forEach((fn) => fn()); }

// gl-attributes.js — the WebGL2 context attributes galley_init asks for (wasm/app/bridge/c_api.cpp): alpha,
// antialias, depth and stencil off. The context is made with these as early as the canvas is known (in the worker as
// soon as it has the canvas, before its other modules have loaded; on the page's thread before the wasm is
// compiled), and galley_init's own getContext then gets the same one. A module of its own so that the worker's first
// script needs nothing else.
export const GL_ATTRIBUTES = { alpha: false, antialias: false, depth: false, stencil: false, premultipliedAlpha: true,
                               preserveDrawingBuffer: false, powerPreference: 'default',
                               failIfMajorPerformanceCaveat: false };

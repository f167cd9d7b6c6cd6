// canvas_scene.h — what the viewport shows of the layout besides its text, as JSON for the page's Canvas 2D renderer
// (web/canvas-2d.js): the viewer without WebGL2, where the text layer (web/text-layer.js) is the article's visible
// text and a 2D canvas under it draws the rest. The same rectangles Viewer::draw gives WebGL2, snapped the same way.
//
// In CSS px of the canvas (column offset, top margin and scroll included):
//   {"parts": [{"clip": [x0, y0, x1, y1] (only a table that scrolls sideways: its box, its rules moved by its
//                scrollLeft), "rules": [[x, y, w, h, colour], ...] (colour: colorRoleName), "links": [[x, y, w, h],
//                ...] (link underlines, drawn in the link colour at half opacity)}],
//    "images": [{"b": block, "x", "y", "w", "h"}] (the box layout gave the image)}
// Only what lies in the slice a frame draws (Viewer::sliceTop, sliceBottom). Lays out what the viewport shows first
// (Viewer::layoutViewport), as a WebGL2 frame does.
#pragma once

#include "viewer.h"

#include <string>

namespace galley {

std::string canvasSceneJson(Viewer& v);

}  // namespace galley

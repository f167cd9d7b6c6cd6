// canvas-2d.js — the viewer's drawing without WebGL2 (Safari's Lockdown Mode, a blocklisted GPU, a browser run with
// its 3D APIs off): the text layer (text-layer.js) is then the article's visible text, in the shipped faces and
// Galley's own lines, and this draws the rest on the fixed canvas under it, with Canvas 2D: the theme's background,
// rules (dividers, quote bars, table rules, strikethrough), link underlines, images and their placeholders. What it
// draws is galley_canvas_scene's (wasm/app/bridge/canvas_scene.h): the rectangles the WebGL2 frame draws, snapped
// the same way, so both views look alike. Only what the viewport shows is drawn, at each frame the viewer asks for.
//
// createCanvasPainter(canvas) returns {draw(scene, theme, imageBitmap, dpr)}: scene is galley_canvas_scene's JSON
// parsed, theme a THEMES entry (themes.js), imageBitmap(block) the decoded image or null while it loads or when it
// is missing.

// A theme colour (#rrggbb) at an opacity, as viewer.cpp draws placeholders and underlines.
function withAlpha(hex, alpha) {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

export function createCanvasPainter(canvas) {
  const context = canvas.getContext('2d', { alpha: false });

  function draw(scene, theme, imageBitmap, dpr) {
    if (!context) return;
    context.setTransform(dpr, 0, 0, dpr, 0, 0);
    context.fillStyle = theme.background;
    context.fillRect(0, 0, canvas.width / dpr, canvas.height / dpr);
    for (const part of scene.parts) {
      if (part.clip) {
        const [x0, y0, x1, y1] = part.clip;
        context.save();
        context.beginPath();
        context.rect(x0, y0, x1 - x0, y1 - y0);
        context.clip();
      }
      for (const [x, y, w, h, color] of part.rules) {
        context.fillStyle = theme[color] || theme.rule;
        context.fillRect(x, y, w, h);
      }
      context.fillStyle = withAlpha(theme.link, 0x80 / 255);
      for (const [x, y, w, h] of part.links) context.fillRect(x, y, w, h);
      if (part.clip) context.restore();
    }
    for (const im of scene.images) {
      const bitmap = imageBitmap(im.b);
      if (!bitmap) {
        // Not loaded (yet), or missing: a quiet box; the text layer shows the alt text over a missing one.
        context.fillStyle = withAlpha(theme.rule, 0x40 / 255);
        context.fillRect(im.x, im.y, im.w, im.h);
        context.strokeStyle = theme.rule;
        context.lineWidth = 1;
        context.strokeRect(im.x + 0.5, im.y + 0.5, im.w - 1, im.h - 1);
        continue;
      }
      // The layout's box is 16:9 (bundles give no size yet): the image fits inside it, centred, never cropped.
      const scale = Math.min(im.w / bitmap.width, im.h / bitmap.height);
      const w = bitmap.width * scale, h = bitmap.height * scale;
      const snap = (css) => Math.round(css * dpr) / dpr;
      const x = snap(im.x + (im.w - w) / 2), y = snap(im.y + (im.h - h) / 2);
      if (w < im.w - 1 || h < im.h - 1) {
        context.fillStyle = withAlpha(theme.rule, 0x30 / 255);
        context.fillRect(im.x, im.y, im.w, im.h);
      }
      context.imageSmoothingQuality = 'high';
      context.drawImage(bitmap, x, y, snap(x + w) - x, snap(y + h) - y);
    }
  }

  return { draw };
}

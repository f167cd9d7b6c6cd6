# cmake/pwa.cmake — the hosted viewer as an installable app that reads offline (included at the end of
# CMakeLists.txt; wasm builds only). Adds to dist/:
#   icons/*.png  the app icons, drawn by scripts/make-icons.py (pure Python, no image library)
#   sw.js        the service worker for exactly the files now in dist/, written by scripts/make-sw.py from
#                scripts/sw.template.js, with each file's SHA-256 and a build hash that names its cache
# web/manifest.webmanifest and web/pwa.js reach dist/ with the other web/ files.
include("${CMAKE_CURRENT_LIST_DIR}/notices.cmake")   # the licences, which sw.js lists like every dist/ file
if(EMSCRIPTEN)
  find_program(GALLEY_PYTHON3 NAMES python3 REQUIRED)

  set(GALLEY_ICON_FILES icon-192.png icon-512.png icon-maskable-512.png apple-touch-icon.png)
  list(TRANSFORM GALLEY_ICON_FILES PREPEND "${GALLEY_DIST}/icons/" OUTPUT_VARIABLE galley_icon_outputs)
  add_custom_command(OUTPUT ${galley_icon_outputs}
    COMMAND "${GALLEY_PYTHON3}" "${CMAKE_SOURCE_DIR}/scripts/make-icons.py" "${GALLEY_DIST}/icons"
    DEPENDS "${CMAKE_SOURCE_DIR}/scripts/make-icons.py"
    COMMENT "Drawing the app icons" VERBATIM)
  add_custom_target(galley_icons DEPENDS ${galley_icon_outputs})

  # sw.js lists whatever is in dist/, so it is written last and at every build: the script reads every file (about
  # 1.5 MB, a few milliseconds) and rewrites sw.js only when something changed. Whatever else puts files into dist/
  # must be a dependency of galley_sw, or the worker may precache a half-built dist/.
  add_custom_target(galley_sw ALL
    COMMAND "${GALLEY_PYTHON3}" "${CMAKE_SOURCE_DIR}/scripts/make-sw.py" "${GALLEY_DIST}"
            # Font slices past the first, the CJK tiers, the patterns of other languages and the Thai dictionary:
            # what only some articles fetch (and the patterns' .dic sources, which no page fetches).
            # And the import module with its worker, fetched when a reader first imports a file.
            --on-demand "fonts/*.*.ttf" "fonts/*.bin" "hyphen/*.dic" "hyphen/*.bin" "dict/*.tri"
                        "import.js" "import.wasm" "import-worker.js"
            --precache "hyphen/${GALLEY_EARLY_PATTERNS_COMPILED}"
    BYPRODUCTS "${GALLEY_DIST}/sw.js"
    COMMENT "Writing the service worker (build hash follows)" VERBATIM)
  add_dependencies(galley_sw galley_app galley_import_module galley_dist galley_icons galley_notices)
  # Pre-compressed copies must be made from this build's sw.js, never left from the last one (a host serving a stale
  # sw.js.br would keep every reader on the old build).
  if(TARGET galley_precompress)
    add_dependencies(galley_precompress galley_sw)
  endif()
endif()
